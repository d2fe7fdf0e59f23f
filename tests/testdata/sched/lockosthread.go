// LockOSThread: a locked goroutine keeps its thread across parks while the
// others run; one that exits locked takes its thread with it.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		for v := range ping {
			pong <- v * 2
		}
		close(pong)
	}()
	sum := 0
	for i := 0; i < 100; i++ {
		ping <- i
		sum += <-pong
	}
	close(ping)
	<-pong
	fmt.Println("sum:", sum)

	done := make(chan bool)
	go func() {
		runtime.LockOSThread()
		done <- true
		// exits locked: the thread ends too
	}()
	<-done
	runtime.Gosched()
	fmt.Println("still running")
}
