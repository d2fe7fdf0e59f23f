// Stress: a pipeline of stages, each a goroutine, squares then sums.
package main

import "fmt"

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func stage(in <-chan int, f func(int) int) <-chan int {
	out := make(chan int, 8)
	go func() {
		for v := range in {
			out <- f(v)
		}
		close(out)
	}()
	return out
}

func main() {
	c := gen(2000)
	for i := 0; i < 20; i++ {
		c = stage(c, func(v int) int { return v + 1 })
	}
	c = stage(c, func(v int) int { return v * v })
	sum := 0
	for v := range c {
		sum += v
	}
	fmt.Println("pipeline sum:", sum)
}
