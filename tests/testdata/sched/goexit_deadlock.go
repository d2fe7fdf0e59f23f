// runtime.Goexit in main: once every other goroutine is done, no
// goroutines are left.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan bool)
	go func() {
		fmt.Println("worker")
		done <- true
	}()
	defer fmt.Println("deferred in main")
	go func() { <-done }()
	runtime.Goexit()
}
