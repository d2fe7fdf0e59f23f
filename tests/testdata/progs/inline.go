// Small functions gort inlines (one return statement) must behave exactly
// as calls: argument order, side effects, aliasing, panics.
package main

import "fmt"

type Celsius float64

func (c Celsius) F() float64 { return float64(c)*9/5 + 32 }

type point struct{ x, y int }

func (p *point) X() int           { return p.x }
func (p *point) Sum() int         { return p.X() + p.y }
func (p *point) Scaled(k int) int { return p.x*k + p.y*k }

var scale = 3

func a(i, j int) float64    { return 1 / float64((i+j)*(i+j+1)/2+i+1) }
func sq(x int) int          { return x * x }
func add3(x, y, z int) int  { return x + y + z }
func scaled(x int) int      { return x * scale }
func first(s []int) int     { return s[0] }
func at(s []int, i int) int { return s[i] }
func ignore(x, _ int) int   { return x }
func twice(x int) int       { return sq(sq(x)) }
func fact(n int) int {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}
func cmp(a, b string) bool { return a < b }
func div(a, b int) int     { return a / b }

//go:noinline
func notInlined(x int) int { return x + 1 }

var trace []string

func note(s string, v int) int {
	trace = append(trace, s)
	return v
}

func main() {
	fmt.Println(a(1, 2), a(3, 0))
	i := 4
	fmt.Println(sq(i), sq(i+1), sq(i)*sq(i+2), add3(i, i+1, i*2))
	// Arguments with effects are evaluated once, in order.
	fmt.Println(sq(note("x", 5)), add3(note("p", 1), note("q", 2), note("r", 3)), trace)
	// An argument that changes between the call and its use must not leak in.
	n := 0
	inc := func() int { n++; return n }
	fmt.Println(add3(n, inc(), n), n)
	scale = 7
	fmt.Println(scaled(2))
	s := []int{10, 20, 30}
	fmt.Println(first(s), at(s, 2), ignore(1, note("ignored", 2)), len(trace))
	fmt.Println(twice(3), fact(5), notInlined(41), cmp("a", "b"))
	c := Celsius(100)
	fmt.Println(c.F(), Celsius(-40).F())
	p := &point{3, 4}
	var q point
	q.x = 9
	fmt.Println(p.X(), p.Sum(), p.Scaled(2), q.X(), q.Sum())
	// A shadowed range index must still be bounds-checked.
	for k := range s {
		k := k + 2
		if k < len(s) {
			fmt.Println("in range", s[k])
		}
	}
	shadowed(s)
	defer func() { fmt.Println("recovered:", recover()) }()
	var np *point
	defer func() {
		fmt.Println("recovered:", recover())
		fmt.Println(np.X())
	}()
	defer func() {
		fmt.Println("recovered:", recover())
		fmt.Println(div(1, n-n))
	}()
	fmt.Println(at(s, len(s)))
}

// shadowed indexes past the end with a variable named like the range index.
func shadowed(s []int) {
	defer func() { fmt.Println("shadowed:", recover()) }()
	for k := range s {
		k := k + 10
		fmt.Println(s[k])
	}
}
