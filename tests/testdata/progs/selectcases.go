// Selects of every width the runtime orders differently (no channel, one,
// two, three and more, the same channel twice), each blocking until another
// goroutine wakes one case, then again with cases ready at once; the output
// does not depend on which of several ready cases a select picks.
package main

import "fmt"

// wakeOne blocks, twice, in a select over n channels (with a nil channel
// among them, and for n >= 3 the last channel in two cases) until main sends
// on channel k; the value says which channel fired.
func wakeOne(n, k int) {
	chans := make([]chan int, n)
	for i := range chans {
		chans[i] = make(chan int)
	}
	var nilc chan int
	done := make(chan string)
	go func() {
		got := ""
		for range 2 {
			switch n {
			case 1:
				select {
				case v := <-chans[0]:
					got += fmt.Sprint(" ", v)
				case nilc <- 1:
					got += " nil"
				}
			case 2:
				select {
				case v := <-chans[0]:
					got += fmt.Sprint(" ", v)
				case v := <-chans[1]:
					got += fmt.Sprint(" ", v)
				}
			default:
				select {
				case v := <-chans[0]:
					got += fmt.Sprint(" ", v)
				case v := <-chans[1]:
					got += fmt.Sprint(" ", v)
				case v := <-chans[2]:
					got += fmt.Sprint(" ", v)
				case v := <-chans[n-1]:
					got += fmt.Sprint(" ", v)
				case <-nilc:
					got += " nil"
				}
			}
		}
		done <- got
	}()
	chans[k] <- 10 + k
	chans[k] <- 20 + k
	fmt.Printf("n=%d k=%d:%s\n", n, k, <-done)
}

// sameTwice selects on one channel twice, blocking, then with a value buffered.
func sameTwice() {
	c := make(chan int)
	done := make(chan int)
	go func() {
		sum := 0
		for range 3 {
			select {
			case v := <-c:
				sum += v
			case v := <-c:
				sum += v
			}
		}
		done <- sum
	}()
	c <- 1
	c <- 2
	c <- 3
	fmt.Println("same channel twice:", <-done)
	b := make(chan int, 1)
	select {
	case b <- 5:
	case v := <-b:
		fmt.Println("unexpected", v)
	}
	select {
	case b <- 6:
		fmt.Println("unexpected send")
	case v := <-b:
		fmt.Println("buffered:", v)
	}
}

// sendSelect blocks sending in a three-case select until a receiver comes.
func sendSelect() {
	a, b, c := make(chan int), make(chan int), make(chan int)
	done := make(chan bool)
	go func() {
		fmt.Println("received", <-b)
		done <- true
	}()
	select {
	case a <- 1:
		fmt.Println("sent on a")
	case b <- 2:
	case v := <-c:
		fmt.Println("got", v)
	}
	<-done
	go func() {
		v, ok := <-c
		fmt.Println("c:", v, ok)
		done <- true
	}()
	close(c)
	<-done
}

// closeWakes: closing one of the channels wakes a blocked three-case select.
func closeWakes() {
	a, b, c := make(chan int), make(chan int), make(chan int)
	res := make(chan string)
	go func() {
		select {
		case v, ok := <-a:
			res <- fmt.Sprint("a ", v, ok)
		case v, ok := <-b:
			res <- fmt.Sprint("b ", v, ok)
		case v, ok := <-c:
			res <- fmt.Sprint("c ", v, ok)
		}
	}()
	close(b)
	fmt.Println("woken by close:", <-res)
}

// fanIn receives from three producers with one select a value, dropping each
// channel once it is closed; the last ones go through narrower selects.
func fanIn() {
	chans := []chan int{make(chan int), make(chan int), make(chan int)}
	for k, ch := range chans {
		go func() {
			for i := range 100 * (k + 1) {
				ch <- i
			}
			close(ch)
		}()
	}
	a, b, c := chans[0], chans[1], chans[2]
	counts := [3]int{}
	sum := 0
	for a != nil || b != nil || c != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			counts[0]++
			sum += v
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			counts[1]++
			sum += v
		case v, ok := <-c:
			if !ok {
				c = nil
				continue
			}
			counts[2]++
			sum += v
		}
	}
	fmt.Println("fan-in:", counts, sum)
}

func main() {
	var nilc chan int
	select {
	case <-nilc:
		fmt.Println("unexpected")
	case nilc <- 1:
		fmt.Println("unexpected")
	default:
		fmt.Println("no channel: default")
	}
	for _, nk := range [][2]int{{1, 0}, {2, 0}, {2, 1}, {3, 0}, {3, 2}, {4, 1}, {4, 3}, {6, 5}} {
		wakeOne(nk[0], nk[1])
	}
	sameTwice()
	sendSelect()
	closeWakes()
	fanIn()
}
