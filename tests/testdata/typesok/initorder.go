package main

import "fmt"

var order []string

func trace(name string, v int) int {
	order = append(order, name)
	return v
}

var (
	a = trace("a", c+b)
	b = trace("b", f())
	c = trace("c", f())
	d = trace("d", 3)
)

func f() int {
	d++
	return d
}

var x, y = trace2()

func trace2() (int, int) {
	trace("x,y", 0)
	return z * 2, w
}

var z = trace("z", 5)

var w = T{}.m()

type T struct{}

func (T) m() int { return trace("w", k) }

var k = trace("k", len(table))

var table = [...]int{trace("table", 1), 2}

var p, q = trace("p", 1), trace("q", r)

var r = trace("r", 7)

var closure = func() int { return trace("closure", s) }()

var s = trace("s", 9)

func main() {
	fmt.Println(order)
	_, _, _, _, _, _ = a, x, y, p, q, closure
}
