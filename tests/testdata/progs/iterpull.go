// iter.Pull runs the sequence as a coroutine (runtime newcoro/coroswitch).
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("count done")
		for i := range n {
			if !yield(i) {
				fmt.Println("count stopped at", i)
				return
			}
		}
	}
}

func boom() iter.Seq[string] {
	return func(yield func(string) bool) {
		yield("before")
		panic("seq failed")
	}
}

// zip pairs two sequences, pulling from both.
func zip(a, b iter.Seq[int]) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		na, sa := iter.Pull(a)
		defer sa()
		nb, sb := iter.Pull(b)
		defer sb()
		for {
			x, ok1 := na()
			y, ok2 := nb()
			if !ok1 || !ok2 || !yield(x, y) {
				return
			}
		}
	}
}

func main() {
	next, stop := iter.Pull(count(5))
	for i := 0; i < 3; i++ {
		v, ok := next()
		fmt.Println(v, ok)
	}
	stop()
	v, ok := next()
	fmt.Println("after stop:", v, ok)
	stop()

	all, stop2 := iter.Pull(count(2))
	for {
		v, ok := all()
		if !ok {
			break
		}
		fmt.Println("all", v)
	}
	stop2()

	for x, y := range zip(count(3), slices.Values([]int{10, 20, 30, 40})) {
		fmt.Println("zip", x, y)
	}

	n2, s2 := iter.Pull2(maps.All(map[string]int{"k": 1}))
	k, val, ok := n2()
	fmt.Println(k, val, ok)
	s2()

	defer func() { fmt.Println("recovered:", recover()) }()
	nb, sb := iter.Pull(boom())
	defer sb()
	fmt.Println(nb())
	fmt.Println(nb())
}
