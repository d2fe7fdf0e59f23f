// Stress: buffered channels shared by many senders and receivers at once,
// so that their buffer paths race with parking, waking and closing. Every
// value must arrive exactly once.
package main

import (
	"fmt"
	"sync"
)

func main() {
	// Fan-in and fan-out through one small buffer.
	const producers, consumers, per = 6, 4, 3000
	ch := make(chan int, 8)
	var pw sync.WaitGroup
	for p := range producers {
		pw.Add(1)
		go func() {
			defer pw.Done()
			for i := range per {
				ch <- p*per + i
			}
		}()
	}
	go func() { pw.Wait(); close(ch) }()
	sums := make(chan int64, consumers)
	for range consumers {
		go func() {
			var s int64
			n := 0
			for v := range ch {
				s += int64(v)
				n++
			}
			sums <- s*1000000 + int64(n)
		}()
	}
	var total int64
	count := int64(0)
	for range consumers {
		r := <-sums
		total += r / 1000000
		count += r % 1000000
	}
	n := int64(producers * per)
	fmt.Println("fan", count, total, total == n*(n-1)/2)

	// A ring of one-slot buffers of different element kinds, each goroutine
	// passing on what it gets: the slots fill and drain in every order.
	const hops, laps = 50, 200
	fs := make([]chan float64, hops+1)
	for i := range fs {
		fs[i] = make(chan float64, 1)
	}
	for i := range hops {
		go func() {
			for v := range fs[i] {
				fs[i+1] <- v + 0.5
			}
			close(fs[i+1])
		}()
	}
	go func() {
		for l := range laps {
			fs[0] <- float64(l)
		}
		close(fs[0])
	}()
	var fsum float64
	for v := range fs[hops] {
		fsum += v
	}
	fmt.Println("ring", fsum)

	// Bytes through a buffer of three, with a select racing a second channel.
	bs := make(chan uint8, 3)
	quit := make(chan struct{})
	var got [256]int
	var rw sync.WaitGroup
	rw.Add(1)
	go func() {
		defer rw.Done()
		for {
			select {
			case b, ok := <-bs:
				if !ok {
					return
				}
				got[b]++
			case <-quit:
				for b := range bs {
					got[b]++
				}
				return
			}
		}
	}()
	for i := range 20000 {
		bs <- uint8(i)
	}
	close(bs)
	close(quit)
	rw.Wait()
	ok := true
	for b, k := range got {
		want := 20000 / 256
		if b < 20000%256 {
			want++
		}
		if k != want {
			ok = false
		}
	}
	fmt.Println("bytes", ok)
}
