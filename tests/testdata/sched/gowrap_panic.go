// Gowrap_panic: a goroutine started with arguments (`go worker(ch, 3)`) runs
// through a wrapper the compiler makes for the go statement; when the
// goroutine panics, the traceback shows worker and the go statement, and
// hides the wrapper, as Go's does.
package main

import "time"

func worker(ch chan int, k int) {
	var m map[string]int
	m["x"] = <-ch * k
}

func main() {
	ch := make(chan int)
	go worker(ch, 3)
	ch <- 1
	time.Sleep(10 * time.Second)
}
