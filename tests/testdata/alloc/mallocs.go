// mallocs allocates a known mix of heap objects between two ReadMemStats
// calls and prints the difference in Mallocs and TotalAlloc. Every object
// escapes to the heap through a package-level slice sized in advance, so
// neither compiler can keep one on the stack and the holders never grow.
package main

import (
	"fmt"
	"runtime"
)

type node struct {
	next  *node
	value int
}

type big struct {
	ptr  *int
	data [200]int
}

var (
	nodes  = make([]*node, 0, 1000)
	bytes5 = make([][]byte, 0, 300)
	buf100 = make([][]byte, 0, 500)
	ints   = make([]*int, 0, 20)
	bigs   = make([]*big, 0, 50)
	huge   = make([][]byte, 0, 10)

	before, after runtime.MemStats
)

func main() {
	runtime.ReadMemStats(&before)
	for i := 0; i < 1000; i++ {
		nodes = append(nodes, &node{value: i}) // 16 bytes with a pointer
	}
	for i := 0; i < 300; i++ {
		bytes5 = append(bytes5, make([]byte, 5)) // tiny: 3 per 16-byte block
	}
	for i := 0; i < 500; i++ {
		buf100 = append(buf100, make([]byte, 100)) // 112-byte class
	}
	for i := 0; i < 20; i++ {
		ints = append(ints, new(int)) // tiny: 2 per block
	}
	for i := 0; i < 50; i++ {
		bigs = append(bigs, new(big)) // 1608 bytes + malloc header: 1792-byte class
	}
	for i := 0; i < 10; i++ {
		huge = append(huge, make([]byte, 100000)) // large: 13 pages each
	}
	runtime.ReadMemStats(&after)
	fmt.Println("mallocs", after.Mallocs-before.Mallocs)
	fmt.Println("totalalloc", after.TotalAlloc-before.TotalAlloc)
}
