package main

import "fmt"

func producer(n int, out chan<- int) {
	for i := 0; i < n; i++ {
		out <- i
	}
	close(out)
}

func squarer(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v * v
	}
	close(out)
}

func main() {
	a := make(chan int)
	b := make(chan int, 4)
	go producer(10, a)
	go squarer(a, b)
	sum := 0
	for v := range b {
		sum += v
	}
	fmt.Println("sum", sum)
	done := make(chan bool)
	results := make(chan string, 3)
	for i := 0; i < 3; i++ {
		go func(id int) {
			results <- fmt.Sprint("worker ", id)
			done <- true
		}(i)
	}
	for i := 0; i < 3; i++ {
		<-done
	}
	close(results)
	n := 0
	for range results {
		n++
	}
	fmt.Println(n, len(results), cap(results))
	c := make(chan int, 1)
	c <- 5
	v, ok := <-c
	close(c)
	w, ok2 := <-c
	fmt.Println(v, ok, w, ok2)
	ping, pong := make(chan int), make(chan int)
	go func() {
		for x := range ping {
			pong <- x + 1
		}
		close(pong)
	}()
	x := 0
	for i := 0; i < 1000; i++ {
		ping <- x
		x = <-pong
	}
	close(ping)
	_, ok3 := <-pong
	fmt.Println(x, ok3)
}
