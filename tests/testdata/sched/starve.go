// A CPU-bound loop in one goroutine does not starve the others with one
// P: the scheduler preempts it (sysmon, every 10ms).
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

var stop atomic.Bool

func spin() uint64 {
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
	// Give the spinner the P: main only runs again if it is preempted.
	runtime.Gosched()
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
