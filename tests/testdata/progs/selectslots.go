// Receive cases whose element slot is not cleared before the select (the
// element has no pointers): a closed channel must still give the zero value,
// never what an earlier iteration received into the same slot.
package main

import "fmt"

type point struct {
	x, y int
	tag  [3]byte
}

func main() {
	a := make(chan point, 2)
	b := make(chan int, 2)
	a <- point{1, 2, [3]byte{'a', 'b', 'c'}}
	b <- 42
	var pa point
	var vb int
	for range 2 {
		select {
		case p := <-a:
			pa = p
		case v := <-b:
			vb = v
		}
	}
	fmt.Println("a", pa, string(pa.tag[:]), "b", vb)
	close(a)
	close(b)
	// Which closed channel is chosen is random: count the stale values.
	stale := 0
	for range 40 {
		select {
		case p, ok := <-a:
			if ok || p != (point{}) {
				stale++
			}
		case v, ok := <-b:
			if ok || v != 0 {
				stale++
			}
		}
	}
	fmt.Println("closed, stale:", stale)
	// One case and a default (selectnbrecv).
	c := make(chan point, 1)
	for i := range 3 {
		if i == 0 {
			c <- point{7, 8, [3]byte{1, 2, 3}}
		}
		if i == 2 {
			close(c)
		}
		select {
		case p, ok := <-c:
			fmt.Println("c", p, ok)
		default:
			fmt.Println("c empty")
		}
	}
	// range over a channel of structs, then of pointers.
	d := make(chan point, 3)
	for i := range 3 {
		d <- point{i, -i, [3]byte{byte(i)}}
	}
	close(d)
	for p := range d {
		fmt.Println("d", p)
	}
	e := make(chan *point, 2)
	e <- &point{x: 5}
	close(e)
	nonNil, closedNil := 0, 0
	for range 20 {
		select {
		case p, ok := <-e:
			if ok && p != nil {
				nonNil++
			} else if !ok && p == nil {
				closedNil++
			}
		case <-b:
		}
	}
	fmt.Println("e", nonNil, closedNil > 0)
	// Unbuffered, parked receivers woken by a send and by a close.
	f := make(chan point)
	g := make(chan int)
	go func() {
		f <- point{9, 9, [3]byte{'z'}}
		close(f)
		close(g)
	}()
	got, zeros := point{}, 0
	for range 20 {
		select {
		case p, ok := <-f:
			if ok {
				got = p
			} else if p == (point{}) {
				zeros++
			}
		case v, ok := <-g:
			if !ok && v == 0 {
				zeros++
			}
		}
	}
	fmt.Println("f", got, zeros)
	// Three cases, a send last: with no default, the last case is taken untested.
	in1, in2, out := make(chan int, 1), make(chan int, 1), make(chan int, 1)
	in1 <- 1
	out <- 0
	trace := ""
	for step := range 3 {
		select {
		case v := <-in1:
			trace += fmt.Sprint("in1:", v, " ")
			in2 <- 2
		case v := <-in2:
			trace += fmt.Sprint("in2:", v, " ")
			<-out
		case out <- step:
			trace += fmt.Sprint("out:", step, " ")
		}
	}
	fmt.Println(trace, <-out)
	// The ok of a case: read, reassigned, captured, its address taken.
	r1, r2 := make(chan int, 8), make(chan int, 8)
	for i := range 4 {
		r1 <- i
		r2 <- -i
	}
	close(r1)
	close(r2)
	var oks []func() bool
	var okps []*bool
	nok, nclosed, r2closed := 0, 0, 0
	for range 12 {
		select {
		case v, ok := <-r1:
			if ok {
				nok++
			} else {
				nclosed++
			}
			oks = append(oks, func() bool { return ok && v >= 0 })
		case v, ok := <-r2:
			okps = append(okps, &ok)
			if !ok {
				r2closed++
			}
			ok = !ok
			_ = v
		}
	}
	good := 0
	for _, f := range oks {
		if f() {
			good++
		}
	}
	flipped := 0
	for _, p := range okps {
		if *p {
			flipped++
		}
	}
	fmt.Println(nok+nclosed == len(oks), good == nok, flipped == r2closed)
}
