// runtime.Goexit in main: main's deferred calls run, and once every other
// goroutine is done, no goroutines are left.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	start := make(chan bool)
	done := make(chan bool)
	go func() {
		<-start // after main's deferred call, whichever P runs first
		fmt.Println("worker")
		done <- true
	}()
	defer func() {
		fmt.Println("deferred in main")
		close(start)
	}()
	go func() { <-done }()
	runtime.Goexit()
}
