// runtime.Callers from the main goroutine, from goroutines started by go
// statements of a function, a literal, a method and a method value, and from
// a deferred call: the compiler's wrappers are not frames, runtime.main is
// under main.main, and every stack ends in runtime.goexit.
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
	defer where("deferred")
}
