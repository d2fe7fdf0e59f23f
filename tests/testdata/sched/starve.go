// A CPU-bound loop in one goroutine does not starve the others with one
// P: the scheduler preempts it (sysmon, every 10ms).
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

var stop, started atomic.Bool

func spin() uint64 {
	started.Store(true)
	var n uint64
	for !stop.Load() {
		n++
	}
	return n
}

func main() {
	runtime.GOMAXPROCS(1)
	done := make(chan uint64)
	go func() { done <- spin() }()
	// Give the spinner the P: once it has started, main only runs again if
	// the spinner is preempted. (One Gosched is not always enough: when
	// main's P is at a multiple of 61 schedule ticks, the scheduler takes
	// main back from the global queue first.)
	for !started.Load() {
		runtime.Gosched()
	}
	others := 0
	for i := 0; i < 3; i++ {
		ch := make(chan int)
		go func() { ch <- i }()
		others += <-ch
	}
	stop.Store(true)
	n := <-done
	fmt.Println("others ran:", others, "spinner counted:", n > 0)
}
