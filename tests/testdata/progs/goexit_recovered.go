// A panic that starts while runtime.Goexit runs deferred calls, recovered
// further up the goroutine's stack: the recovery does not end the Goexit,
// which goes on running the remaining deferred calls and ends the
// goroutine. Both with ordinary deferred calls and with open-coded ones,
// and with a second panic in between.
package main

import (
	"fmt"
	"runtime"
)

func exitWithPanic(label string) {
	defer func() {
		panic(label + ": started after Goexit")
	}()
	runtime.Goexit()
}

// recoverAbove recovers in the caller of the function that called Goexit.
func recoverAbove(out chan<- string) {
	defer func() {
		out <- fmt.Sprint("recovered above: ", recover())
	}()
	exitWithPanic("above")
	out <- "recoverAbove: not reached"
}

// recoverTwoUp recovers two frames up, after a second panic in between.
func recoverTwoUp(out chan<- string) {
	defer func() {
		out <- fmt.Sprint("recovered two up: ", recover())
	}()
	middle()
	out <- "recoverTwoUp: not reached"
}

func middle() {
	defer func() {
		panic("second panic in middle")
	}()
	exitWithPanic("two up")
}

// recoverInLoop has its deferred calls in a loop (not open-coded).
func recoverInLoop(out chan<- string) {
	for i := 0; i < 2; i++ {
		defer func() {
			if r := recover(); r != nil {
				out <- fmt.Sprint("recovered in loop defer: ", r)
			}
		}()
	}
	exitWithPanic("loop")
	out <- "recoverInLoop: not reached"
}

func run(name string, f func(chan<- string)) {
	out := make(chan string, 8)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() { out <- name + ": deferred call of the goroutine ran" }()
		f(out)
		out <- name + ": after the call, not reached"
	}()
	<-done
	close(out)
	for s := range out {
		fmt.Println(s)
	}
}

func main() {
	run("above", recoverAbove)
	run("two up", recoverTwoUp)
	run("loop", recoverInLoop)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
