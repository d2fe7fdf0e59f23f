// A frame slot holding a pointer, set only late in its function (a struct
// result copied into the frame in a loop), while an earlier call grows the
// stack: what a previous deeper call left in that stack memory must not be
// taken for a bad pointer when the stack moves.
package main

import "fmt"

type Addr struct {
	hi, lo uint64
	z      *int
}

//go:noinline
func mk(i int) Addr { return Addr{uint64(i), 2, &i} }

func (a Addr) Sum() uint64 { return a.hi + a.lo }

//go:noinline
func dirty() int {
	var a [64]int
	for i := range a {
		a[i] = 1
	}
	s := 0
	for i := range a {
		s += a[(i*7)%64]
	}
	return s
}

//go:noinline
func deep(n int) int {
	var b [200]byte
	b[n%200] = byte(n)
	if n == 0 {
		return 0
	}
	return deep(n-1) + int(b[(n+1)%200])
}

//go:noinline
func late() uint64 {
	fmt.Println(deep(300))
	var t uint64
	for i := 0; i < 3; i++ {
		a := mk(i)
		t += a.Sum() + a.Sum()
	}
	return t
}

func main() {
	fmt.Println(dirty())
	fmt.Println(late())
}
