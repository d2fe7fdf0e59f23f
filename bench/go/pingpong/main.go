// Pingpong measures the handoff over unbuffered channels: the main goroutine
// and a partner goroutine bounce a value back and forth n times, so every
// round trip parks and wakes each side once.
//
// Usage: pingpong [n]  (default 200000)
package main

import (
	"fmt"
	"os"
	"strconv"
)

// partner answers every value received on ping with that value plus one on
// pong, and closes pong when ping is closed.
func partner(ping <-chan int, pong chan<- int) {
	for v := range ping {
		pong <- v + 1
	}
	close(pong)
}

func main() {
	n := size(200000)
	ping := make(chan int)
	pong := make(chan int)
	go partner(ping, pong)

	sum := 0
	for i := range n {
		ping <- i
		sum += <-pong
	}
	close(ping)
	_, ok := <-pong
	fmt.Println(n, sum, ok)
}

// size returns the problem size given as the first argument, or def.
func size(def int) int {
	if len(os.Args) < 2 {
		return def
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n < 0 {
		fmt.Fprintln(os.Stderr, "usage: pingpong [n]")
		os.Exit(2)
	}
	return n
}
