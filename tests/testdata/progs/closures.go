package main

import "fmt"

func counter() func() int {
	c := 0
	return func() int {
		c++
		return c
	}
}

func apply(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type Acc struct{ total int }

func (a *Acc) Add(n int) { a.total += n }
func (a Acc) Get() int   { return a.total }

func main() {
	next := counter()
	fmt.Println(next(), next(), next())
	other := counter()
	fmt.Println(other(), next())
	k := 10
	add := func(x int) int { return x + k }
	k = 20
	fmt.Println(apply([]int{1, 2, 3}, add))
	sq := func(x int) int { return x * x }
	fmt.Println(apply([]int{1, 2, 3}, sq))
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var gs []func() int
	for i := range 3 {
		gs = append(gs, func() int { return i })
	}
	fmt.Println(gs[0](), gs[1](), gs[2]())
	a := &Acc{}
	f := a.Add
	f(5)
	f(7)
	g := a.Get
	fmt.Println(a.total, g())
	h := (*Acc).Add
	h(a, 1)
	fmt.Println(Acc.Get(*a))
	fib := func() func() int {
		x, y := 0, 1
		return func() int {
			r := x
			x, y = y, x+y
			return r
		}
	}()
	for i := 0; i < 10; i++ {
		fmt.Print(fib(), ",")
	}
	fmt.Println()
	var rec func(int) int
	rec = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * rec(n-1)
	}
	fmt.Println(rec(10))
	fmt.Println(func(a, b int) int { return a - b }(9, 4))
	var nf func()
	fmt.Println(nf == nil)
}
