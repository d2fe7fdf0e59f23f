// Goroutines: creation and exit, NumGoroutine, Goexit running deferred
// calls, Gosched, GOMAXPROCS changed at run time.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("goroutines at start:", runtime.NumGoroutine())

	// Start 1000 goroutines, each parked until released.
	release := make(chan struct{})
	done := make(chan int)
	for i := 0; i < 1000; i++ {
		go func() {
			<-release
			done <- i
		}()
	}
	fmt.Println("goroutines while parked:", runtime.NumGoroutine())
	close(release)
	sum := 0
	for i := 0; i < 1000; i++ {
		sum += <-done
	}
	fmt.Println("sum:", sum)
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	fmt.Println("goroutines after:", runtime.NumGoroutine())

	// Goexit runs the deferred calls, then ends only this goroutine.
	exited := make(chan string)
	go func() {
		defer func() { exited <- "deferred ran" }()
		runtime.Goexit()
		exited <- "unreachable"
	}()
	fmt.Println(<-exited)

	// GOMAXPROCS at run time.
	old := runtime.GOMAXPROCS(3)
	fmt.Println("GOMAXPROCS set:", runtime.GOMAXPROCS(0), old > 0)
	results := make(chan int, 100)
	for i := 0; i < 100; i++ {
		go func() { results <- i * i }()
	}
	total := 0
	for i := 0; i < 100; i++ {
		total += <-results
	}
	runtime.GOMAXPROCS(1)
	fmt.Println("GOMAXPROCS:", runtime.GOMAXPROCS(0), "total:", total)
	fmt.Println("NumCPU positive:", runtime.NumCPU() > 0)
}
