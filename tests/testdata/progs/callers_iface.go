// runtime.Callers inside methods called through an interface: value and
// pointer receivers, a value method through a pointer, a method promoted
// from an embedded pointer. The compiler's interface wrappers are not frames.
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

type I interface{ M(string) }

type V struct{ x int }

func (v V) M(tag string) { where(tag) }

type P struct{ x int }

func (p *P) M(tag string) { where(tag) }

type E struct{ *P }

func main() {
	var i I = V{1}
	i.M("value receiver via interface")
	i = &V{2}
	i.M("value receiver via pointer in interface")
	i = &P{3}
	i.M("pointer receiver via interface")
	i = E{&P{4}}
	i.M("promoted via interface")
}
