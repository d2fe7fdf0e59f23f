// Conditions of if and for statements that compare an integer or a pointer
// (chan, map, func, unsafe.Pointer) with 0 or nil: gort tests the value's
// truth. The same comparisons used as values must still be bools.
package main

import (
	"fmt"
	"unsafe"
)

type node struct{ next *node }

//go:noinline
func vals() []int64 { return []int64{0, 1, -1, 1 << 40, -1 << 63} }

func main() {
	for _, x := range vals() {
		u := uint8(x)
		if x != 0 {
			fmt.Print("nz ")
		}
		if x == 0 {
			fmt.Print("z ")
		}
		if x&1 != 0 && u == 0 {
			fmt.Print("odd-lowzero ")
		}
		if !(x == 0) || u != 0 {
			fmt.Print("either ")
		}
		if 0 != x>>40 {
			fmt.Print("big ")
		}
		b := x != 0 // a value: a bool
		c := x == 0 && u == 0
		fmt.Println(b, c, (x != 0) == (u != 0))
	}
	var p *node
	if p == nil {
		fmt.Println("nil node")
	}
	n := &node{&node{&node{}}}
	count := 0
	for q := n; q != nil; q = q.next {
		count++
	}
	fmt.Println("count", count)
	var ch chan int
	var m map[string]int
	var f func()
	var up unsafe.Pointer
	if ch == nil && m == nil && f == nil && up == nil {
		fmt.Println("all nil")
	}
	ch, m, f, up = make(chan int, 1), map[string]int{}, func() {}, unsafe.Pointer(n)
	if ch != nil && m != nil && f != nil && up != nil {
		fmt.Println("none nil")
	}
	k := 10
	for k != 0 {
		k -= 3
		if k < 0 {
			k = 0
		}
	}
	fmt.Println("k", k, k == 0, k != 0)
	if ok := k == 0; ok {
		fmt.Println("ok", ok)
	}
}
