// Pairs of goroutines whose selects name the same channels in opposite
// orders, each select sending on some channels and receiving on others, on
// several Ps at once. The runtime locks a select's channels by address,
// whatever the order of its cases, so that two such selects cannot deadlock
// (under gort a wrong order would deadlock only rarely: the GIL seldom
// switches threads between two lock calls). Every rendezvous ends one select
// on each side, so the counts do not depend on which cases are chosen.
package main

import "fmt"

func pair(n int) string {
	a, b := make(chan int), make(chan int)
	done := make(chan [2]int)
	go func() {
		var sent, got int
		for range n {
			select {
			case a <- 1:
				sent++
			case v := <-b:
				got += v
			}
		}
		done <- [2]int{sent, got}
	}()
	go func() {
		var sent, got int
		for range n {
			select {
			case b <- 1:
				sent++
			case v := <-a:
				got += v
			}
		}
		done <- [2]int{sent, got}
	}()
	x, y := <-done, <-done
	return fmt.Sprint("two cases: ", x[0]+x[1] == n, y[0]+y[1] == n, x[0] == y[1], x[1] == y[0])
}

func triple(n int) string {
	a, b, c := make(chan int), make(chan int), make(chan int)
	done := make(chan [2]int)
	go func() {
		var sent, got int
		for range n {
			select {
			case a <- 1:
				sent++
			case v := <-b:
				got += v
			case c <- 1:
				sent++
			}
		}
		done <- [2]int{sent, got}
	}()
	go func() {
		var sent, got int
		for range n {
			select {
			case v := <-c:
				got += v
			case b <- 1:
				sent++
			case v := <-a:
				got += v
			}
		}
		done <- [2]int{sent, got}
	}()
	x, y := <-done, <-done
	return fmt.Sprint("three cases: ", x[0]+x[1] == n, y[0]+y[1] == n, x[0] == y[1], x[1] == y[0])
}

func main() {
	fmt.Println(pair(3000))
	fmt.Println(triple(3000))
	// Both at once, so that more goroutines than Ps contend.
	done := make(chan string)
	go func() { done <- pair(1000) }()
	fmt.Println(triple(1000))
	fmt.Println(<-done)
}
