// Function literals that capture nothing share one static funcval
// (closures.py); they must still be non-nil, callable, storable in maps,
// slices and interfaces, startable as goroutines, deferrable, and behave
// as distinct values from the literals that do capture.
package main

import (
	"fmt"
	"sort"
	"sync"
)

var (
	wg      sync.WaitGroup
	results = make(chan int, 16)
	// A package-level literal (compiled into the package's init).
	square = func(x int) int { return x * x }
	table  = map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"sub": func(a, b int) int { return a - b },
		"mul": func(a, b int) int { return a * b },
	}
	fib func(int) int
)

func init() {
	fib = func(n int) int { // recursion through a package variable: no capture
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
}

type op struct {
	name string
	f    func(int) int
}

func makeOps() []op {
	var ops []op
	for i := 0; i < 3; i++ {
		ops = append(ops, op{"double", func(x int) int { return 2 * x }}) // the same literal each time
		ops = append(ops, op{"plus i", func(x int) int { return x + i }}) // captures i
	}
	return ops
}

func twice(f func(int) int) func(int) int {
	return func(x int) int { return f(f(x)) }
}

func pick[T any](zero bool) func(T) T {
	if zero {
		return func(T) T { var z T; return z }
	}
	return func(v T) T { return v }
}

func fromDefer() (r string) {
	defer func() {
		if e := recover(); e != nil {
			r = fmt.Sprint("recovered: ", e)
		}
	}()
	defer func() { fmt.Println("deferred literal ran") }()
	var m map[string]int
	m["x"] = 1
	return "unreachable"
}

func main() {
	f := func() string { return "static" }
	fmt.Println(f(), f != nil)
	var g func() string
	fmt.Println(g == nil)
	g = f
	fmt.Println(g(), g != nil)

	fmt.Println(square(7), fib(15))
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, table[k](9, 4))
	}

	ops := makeOps()
	for _, o := range ops {
		fmt.Print(o.name, "=", o.f(10), " ")
	}
	fmt.Println()
	fmt.Println(twice(func(x int) int { return x * 3 })(2), twice(square)(3))

	var boxed any = func() {}
	_, isFunc := boxed.(func())
	fmt.Println("boxed:", isFunc)
	fns := []func() int{func() int { return 1 }, func() int { return 2 }}
	fns = append(fns, fns[0])
	sum := 0
	for _, fn := range fns {
		sum += fn()
	}
	fmt.Println("slice:", sum)

	fmt.Println(pick[int](false)(5), pick[string](true)("x") == "", pick[float64](false)(2.5))

	// Goroutines of literals that capture nothing.
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- 1
		}()
	}
	wg.Wait()
	close(results)
	n := 0
	for v := range results {
		n += v
	}
	fmt.Println("goroutines:", n)

	fmt.Println(fromDefer())

	// Immediately called, with and without arguments.
	fmt.Println(func(a, b int) int { return a*10 + b }(4, 2), func() bool { return true }())
}
