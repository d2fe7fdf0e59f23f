// Selectcross: pairs of goroutines select over the same two channels listed
// in opposite orders, each offering a send on one and a receive on the
// other. Every select locks both channels while the others lock the same
// ones; locking in channel-address order, whatever the order of the cases,
// is what keeps them from deadlocking on the locks. Prints what was
// exchanged.
package main

import (
	"fmt"
	"sync"
)

const (
	pairs  = 4
	rounds = 1500
)

// trade sends id on out and receives from in, rounds times each, choosing
// with one select whichever is ready; it adds what it received to *total.
func trade(out chan<- int, in <-chan int, id int, total *int, mu *sync.Mutex, wg *sync.WaitGroup) {
	defer wg.Done()
	sent, got, sum := 0, 0, 0
	for sent < rounds || got < rounds {
		o, i := out, in
		if sent == rounds {
			o = nil // a nil channel's case never proceeds
		}
		if got == rounds {
			i = nil
		}
		select {
		case o <- id:
			sent++
		case v := <-i:
			got++
			sum += v
		}
	}
	mu.Lock()
	*total += sum
	mu.Unlock()
}

func main() {
	a := make(chan int)
	b := make(chan int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	fromX, fromY := 0, 0
	for p := 1; p <= pairs; p++ {
		wg.Add(2)
		go trade(a, b, p, &fromY, &mu, &wg)     // cases: a, then b
		go trade(b, a, 100*p, &fromX, &mu, &wg) // cases: b, then a
	}
	wg.Wait()
	fmt.Println("received from the a-senders:", fromX)
	fmt.Println("received from the b-senders:", fromY)
}
