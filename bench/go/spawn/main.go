// Spawn measures goroutine creation and exit: it starts n goroutines, each
// of which stores one small result, and joins them all with a WaitGroup.
//
// Usage: spawn [n]  (default 100000)
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

func main() {
	n := size(100000)
	results := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = i * i % 1000003
		}()
	}
	wg.Wait()

	sum := 0
	for _, r := range results {
		sum += r
	}
	fmt.Println(n, sum)
}

// size returns the problem size given as the first argument, or def.
func size(def int) int {
	if len(os.Args) < 2 {
		return def
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n < 0 {
		fmt.Fprintln(os.Stderr, "usage: spawn [n]")
		os.Exit(2)
	}
	return n
}
