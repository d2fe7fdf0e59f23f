// Stress: 10,000 goroutines in a ring pass a token; each adds its number.
package main

import "fmt"

func main() {
	const n = 10000
	first := make(chan int)
	in := first
	for i := 0; i < n; i++ {
		out := make(chan int)
		go func(in <-chan int, out chan<- int, i int) {
			v := <-in
			out <- v + i
		}(in, out, i)
		in = out
	}
	first <- 0
	fmt.Println("ring total:", <-in, "want", n*(n-1)/2)

	// And 10,000 goroutines all sending to one receiver.
	c := make(chan int, 100)
	for i := 0; i < n; i++ {
		go func() { c <- 1 }()
	}
	total := 0
	for i := 0; i < n; i++ {
		total += <-c
	}
	fmt.Println("fan-in total:", total)
}
