// select: a random choice among ready cases (both are chosen about half
// the time), default, sends and receives, duplicate channels, and the
// blocking case woken by the other goroutine.
package main

import "fmt"

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	counts := [2]int{}
	for i := 0; i < 4000; i++ {
		a <- 1
		b <- 2
		select {
		case <-a:
			counts[0]++
			<-b
		case <-b:
			counts[1]++
			<-a
		}
	}
	fmt.Println("both chosen often:", counts[0] > 1500 && counts[1] > 1500, counts[0]+counts[1])

	// Sends and receives in one select.
	in := make(chan int)
	out := make(chan int)
	go func() {
		for i := 0; i < 5; i++ {
			in <- i
		}
		close(in)
	}()
	go func() {
		for v := range out {
			_ = v
		}
	}()
	got := 0
	pending := -1
	for in != nil || pending >= 0 {
		var send chan int
		if pending >= 0 {
			send = out
		}
		select {
		case v, ok := <-in:
			if !ok {
				in = nil
				continue
			}
			got++
			pending = v
		case send <- pending:
			pending = -1
		}
	}
	fmt.Println("forwarded", got)

	// The same channel twice.
	d := make(chan int, 2)
	d <- 7
	select {
	case x := <-d:
		fmt.Println("dup", x)
	case x := <-d:
		fmt.Println("dup", x)
	}

	// A blocked select woken by a sender.
	e := make(chan string)
	f := make(chan string)
	go func() { f <- "from f" }()
	select {
	case s := <-e:
		fmt.Println(s)
	case s := <-f:
		fmt.Println(s)
	}

	// Default when nothing is ready.
	select {
	case <-e:
		fmt.Println("e")
	default:
		fmt.Println("default")
	}
}
