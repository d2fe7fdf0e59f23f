// Channels: unbuffered handoff, buffered FIFO order, len and cap, close
// and receive of the zero value, range, nil channels in select, and the
// non-blocking forms.
package main

import "fmt"

type pair struct {
	a, b int
	s    string
}

func main() {
	// Unbuffered: a rendezvous.
	c := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			c <- i
		}
		close(c)
	}()
	for v := range c {
		fmt.Println("got", v)
	}
	v, ok := <-c
	fmt.Println("closed:", v, ok)

	// Buffered: FIFO, len and cap.
	b := make(chan pair, 4)
	b <- pair{1, 2, "x"}
	b <- pair{3, 4, "yy"}
	fmt.Println("len", len(b), "cap", cap(b))
	fmt.Println(<-b, <-b, len(b))

	// A buffered channel that wraps around many times.
	w := make(chan int, 3)
	sum := 0
	for i := 0; i < 100; i++ {
		w <- i
		if len(w) == cap(w) {
			sum += <-w
		}
	}
	for len(w) > 0 {
		sum += <-w
	}
	fmt.Println("sum", sum)

	// Non-blocking send and receive.
	nb := make(chan int, 1)
	select {
	case nb <- 1:
		fmt.Println("sent")
	default:
		fmt.Println("full")
	}
	select {
	case nb <- 2:
		fmt.Println("sent")
	default:
		fmt.Println("full")
	}
	select {
	case x := <-nb:
		fmt.Println("received", x)
	default:
		fmt.Println("empty")
	}
	select {
	case x := <-nb:
		fmt.Println("received", x)
	default:
		fmt.Println("empty")
	}

	// Nil channels never proceed; a closed one always does.
	var nilc chan int
	closed := make(chan int)
	close(closed)
	select {
	case <-nilc:
		fmt.Println("nil received")
	case nilc <- 1:
		fmt.Println("nil sent")
	case x, ok := <-closed:
		fmt.Println("closed case", x, ok)
	}
	fmt.Println(len(nilc), cap(nilc))

	// Many senders, one receiver.
	m := make(chan int)
	for i := 0; i < 10; i++ {
		go func() {
			for j := 0; j < 100; j++ {
				m <- 1
			}
		}()
	}
	n := 0
	for i := 0; i < 1000; i++ {
		n += <-m
	}
	fmt.Println("received", n)
}
