// Sieve is the concurrent prime sieve: a generator goroutine sends 2, 3, 4,
// ... down a chain of filter goroutines, one per prime found so far, each
// dropping the multiples of its prime. Every number that reaches the end of
// the chain is the next prime, and gets a filter of its own. All channels
// are unbuffered, so the run is a long series of goroutine handoffs.
//
// Usage: sieve [n]  (default 1000: find the first n primes)
package main

import (
	"fmt"
	"os"
	"strconv"
)

// generate sends 2, 3, 4, ... on ch forever.
func generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

// filter copies the values from in to out, except the multiples of prime.
func filter(in <-chan int, out chan<- int, prime int) {
	for {
		v := <-in
		if v%prime != 0 {
			out <- v
		}
	}
}

func main() {
	n := size(1000)
	ch := make(chan int)
	go generate(ch)

	last, sum := 0, 0
	for range n {
		prime := <-ch
		last = prime
		sum += prime
		next := make(chan int)
		go filter(ch, next, prime)
		ch = next
	}
	fmt.Println(n, last, sum)
}

// size returns the problem size given as the first argument, or def.
func size(def int) int {
	if len(os.Args) < 2 {
		return def
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n < 0 {
		fmt.Fprintln(os.Stderr, "usage: sieve [n]")
		os.Exit(2)
	}
	return n
}
