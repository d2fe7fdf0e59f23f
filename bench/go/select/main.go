// Select measures select over two unbuffered channels: two producers send
// n values in all, and the main goroutine receives them with one select per
// value, dropping each channel (setting it to nil) once it is closed.
//
// Usage: select [n]  (default 200000)
package main

import (
	"fmt"
	"os"
	"strconv"
)

// produce sends count multiples of k on ch, then closes it.
func produce(ch chan<- int, count, k int) {
	for i := range count {
		ch <- i * k
	}
	close(ch)
}

func main() {
	n := size(200000)
	a := make(chan int)
	b := make(chan int)
	go produce(a, n/2, 1)
	go produce(b, n-n/2, 3)

	var fromA, fromB, sum int
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
			} else {
				fromA++
				sum += v
			}
		case v, ok := <-b:
			if !ok {
				b = nil
			} else {
				fromB++
				sum += v
			}
		}
	}
	fmt.Println(fromA, fromB, sum)
}

// size returns the problem size given as the first argument, or def.
func size(def int) int {
	if len(os.Args) < 2 {
		return def
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n < 0 {
		fmt.Fprintln(os.Stderr, "usage: select [n]")
		os.Exit(2)
	}
	return n
}
