// Buffered measures throughput of a buffered channel: one producer sends n
// integers through a channel of capacity 128 and the main goroutine sums
// them until the channel is closed.
//
// Usage: buffered [n]  (default 1000000)
package main

import (
	"fmt"
	"os"
	"strconv"
)

func produce(ch chan<- int, n int) {
	for i := range n {
		ch <- i
	}
	close(ch)
}

func main() {
	n := size(1000000)
	ch := make(chan int, 128)
	go produce(ch, n)

	count, sum := 0, 0
	for v := range ch {
		count++
		sum += v
	}
	fmt.Println(count, sum)
}

// size returns the problem size given as the first argument, or def.
func size(def int) int {
	if len(os.Args) < 2 {
		return def
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n < 0 {
		fmt.Fprintln(os.Stderr, "usage: buffered [n]")
		os.Exit(2)
	}
	return n
}
