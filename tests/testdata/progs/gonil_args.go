// Gonil_args: `go f(x)` with f nil. The go statement evaluates f and x and
// goes on; the new goroutine's call of f faults there, a panic main cannot
// recover.
package main

import (
	"fmt"
	"time"
)

func main() {
	defer func() { fmt.Println("main recovered:", recover()) }()
	var f func(int)
	// A fresh time slice, so that sysmon does not preempt main (after a
	// long start-up) between the go statement and the print below.
	time.Sleep(time.Millisecond)
	go f(1)
	fmt.Println("the go statement went on")
	time.Sleep(5 * time.Second)
	fmt.Println("not reached")
}
