// runtime.Callers from the main goroutine, from goroutines started by go
// statements of a function, a literal, a method and a method value, from
// methods called through an interface (value and pointer receivers, a value
// method through a pointer, a method promoted from an embedded pointer) and
// from a deferred call: the compiler's wrappers (gowrap, -fm, interface
// method wrappers) are not frames, runtime.main is under main.main, and
// every stack ends in runtime.goexit.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

func where(tag string) {
	pc := make([]uintptr, 16)
	n := runtime.Callers(1, pc)
	frames := runtime.CallersFrames(pc[:n])
	var names []string
	for {
		f, more := frames.Next()
		names = append(names, f.Function)
		if !more {
			break
		}
	}
	fmt.Println(tag, strings.Join(names, " <- "))
}

type T struct{}

func (T) M(done chan bool) { where("method value"); done <- true }

type I interface{ N(string) }

type V struct{ x int }

func (v V) N(tag string) { where(tag) }

type P struct{ x int }

func (p *P) N(tag string) { where(tag) }

type E struct{ *P }

func worker(done chan bool) {
	where("goroutine")
	done <- true
}

func main() {
	where("main")
	done := make(chan bool)
	go worker(done)
	<-done
	go func() { where("literal"); done <- true }()
	<-done
	var t T
	go t.M(done)
	<-done
	f := t.M
	go f(done)
	<-done
	var i I = V{1}
	i.N("value receiver via interface")
	i = &V{2}
	i.N("value receiver via pointer in interface")
	i = &P{3}
	i.N("pointer receiver via interface")
	i = E{&P{4}}
	i.N("promoted via interface")
	defer where("deferred")
}
