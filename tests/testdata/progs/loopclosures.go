// Closures made over and over (in loops, in goroutines, in generic
// functions, in package initializers), with captures of every shape: none,
// by value, by reference, pointers, strings, slices, structs.
package main

import (
	"fmt"
	"sync"
)

type pair struct {
	a, b int
}

var table = func() []func() int {
	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return i * 10 })
	}
	return fs
}()

func apply[T any](xs []T, f func(T) T) []T {
	out := make([]T, 0, len(xs))
	for _, x := range xs {
		g := func() T { return f(x) } // a closure per element, per instance
		out = append(out, g())
	}
	return out
}

func counters(n int) []func() int {
	var fs []func() int
	for i := range n {
		c := i
		fs = append(fs, func() int { c++; return c }) // by reference: c changes
	}
	return fs
}

func main() {
	for _, f := range table {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// No capture, one word, several words with and without pointers.
	var fs []func() string
	s := "str"
	p := &pair{1, 2}
	sl := []int{7, 8, 9}
	for i := range 4 {
		fs = append(fs, func() string { return "none" })
		fs = append(fs, func() string { return fmt.Sprint(i) })
		fs = append(fs, func() string { return fmt.Sprint(s, i, p.a+p.b) })
		pv := pair{i, -i}
		fs = append(fs, func() string { return fmt.Sprint(pv, sl[i%3], len(sl)) })
	}
	p.a = 100
	for _, f := range fs {
		fmt.Print(f(), "|")
	}
	fmt.Println()

	cs := counters(3)
	fmt.Println(cs[0](), cs[0](), cs[1](), cs[2](), cs[2]())

	fmt.Println(apply([]int{1, 2, 3}, func(x int) int { return x * x }))
	fmt.Println(apply([]string{"a", "b"}, func(x string) string { return x + x }))

	// Goroutines made in a loop, each with its own closure.
	var wg sync.WaitGroup
	results := make([]int, 50)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = i * i
		}()
	}
	wg.Wait()
	sum := 0
	for _, r := range results {
		sum += r
	}
	fmt.Println(sum)

	// Nested closures made in a loop.
	total := 0
	for i := range 5 {
		outer := func(k int) func() int {
			return func() int { return i*k + total }
		}
		total += outer(2)()
	}
	fmt.Println(total)
}
