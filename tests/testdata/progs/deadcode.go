// Branches ruled out by constant conditions: what is in them never runs,
// what is beside them (init statements, else branches, live operands of
// && and ||) does, and defers, labels and closures around them behave.
package main

import "fmt"

const debug = false
const verbose = !debug

type flag bool

const traced flag = false

var calls int

func called(s string, v bool) bool {
	calls++
	fmt.Println("called", s)
	return v
}

func step(s string) int {
	fmt.Println("init", s)
	return len(s)
}

// onlyDeadDefer's only defer is in a dead branch.
func onlyDeadDefer(n int) (r int) {
	if debug {
		defer func() { r = -1 }()
	}
	r = n * 2
	return
}

// liveDefer has a dead defer and a live one.
func liveDefer(n int) (r int) {
	if debug {
		defer func() { r = -1 }()
	} else {
		defer func() { r += 100 }()
	}
	if verbose {
		defer func() { r += 1000 }()
	}
	return n
}

// deadPanic recovers a panic although a dead branch would also defer.
func deadPanic() (msg string) {
	defer func() {
		if e := recover(); e != nil {
			msg = fmt.Sprint("recovered: ", e)
		}
	}()
	if traced {
		defer fmt.Println("never")
	}
	var p *int
	return fmt.Sprint(*p)
}

// deadRecv would park only in a dead branch.
func deadRecv(ch chan int) int {
	if debug && len(ch) > 0 {
		return <-ch
	}
	return 7
}

// gotos jumps around and inside dead blocks.
func gotos(n int) int {
	total := 0
again:
	if debug {
		goto inner
	inner:
		total += 1000
		for i := 0; i < 3; i++ {
			if i == 1 {
				goto again
			}
		}
	}
	total += n
	n--
	if n > 0 {
		goto again
	}
	return total
}

type T struct{ x int }

func (t *T) bump() int {
	if !verbose {
		defer func() { t.x = -1 }()
	}
	t.x++
	return t.x
}

func main() {
	fmt.Println(onlyDeadDefer(21), liveDefer(1), deadPanic())
	fmt.Println(deadRecv(make(chan int, 1)), gotos(3))

	// The init statement runs whatever the condition.
	if n := step("a"); debug {
		fmt.Println("dead", n)
	} else {
		fmt.Println("else", n)
	}
	if n := step("bb"); !debug {
		fmt.Println("live", n)
	} else {
		fmt.Println("dead else", n)
	}
	if n := step("ccc"); debug {
		fmt.Println("dead", n)
	}

	// Else-if chains with constant links.
	for i := range 4 {
		if debug {
			fmt.Println("dead")
		} else if i == 1 {
			fmt.Println("one")
		} else if verbose {
			fmt.Println("verbose", i)
		} else {
			fmt.Println("dead else")
		}
	}

	// Shadowing in an inlined branch.
	x := 1
	if verbose {
		x := 2
		x++
		fmt.Println("inner x", x)
	}
	fmt.Println("outer x", x)

	// break and continue in a live branch inside a loop.
	for i := 0; ; i++ {
		if verbose {
			if i%2 == 0 {
				continue
			}
			if i > 6 {
				break
			}
		}
		fmt.Println("odd", i)
	}

	// && and || with a constant operand: the other runs only if it decides.
	calls = 0
	fmt.Println(debug && called("a", true), !debug || called("b", false))
	fmt.Println(!debug && called("c", true), debug || called("d", false))
	fmt.Println(called("e", true) && !debug, called("f", false) || debug)
	fmt.Println(called("g", true) && debug, called("h", false) || !debug)
	fmt.Println(bool(traced) && called("i", true), bool(!traced) && called("j", false))
	v := 5
	if debug && v > 3 && called("k", true) {
		fmt.Println("dead")
	}
	if (verbose || called("l", true)) && v > 3 {
		fmt.Println("live and", v)
	}
	if !(debug && called("m", true)) {
		fmt.Println("not dead")
	}
	fmt.Println("calls", calls)

	// Closures: a dead one is never made; a live one after it works.
	if debug {
		f := func() int { return v * 100 }
		fmt.Println(f())
	}
	g := func() int { return v + 1 }
	fmt.Println(g())

	t := &T{}
	fmt.Println(t.bump(), t.bump())
}
