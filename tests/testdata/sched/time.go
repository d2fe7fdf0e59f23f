// package time on the runtime's timers: Sleep, Timer (Stop, Reset),
// Ticker, After, AfterFunc, Now/Since, and many sleepers waking in order.
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

func main() {
	t0 := time.Now()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("slept at least 20ms:", time.Since(t0) >= 20*time.Millisecond)

	// Sleepers wake in the order of their deadlines.
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for _, d := range []int{50, 10, 30, 20, 40} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(d) * time.Millisecond)
			mu.Lock()
			order = append(order, d)
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("wake order:", order)

	// Timer fires once; Stop before it fires prevents it.
	t := time.NewTimer(10 * time.Millisecond)
	<-t.C
	fmt.Println("timer fired; stop after firing:", t.Stop())
	t2 := time.NewTimer(time.Hour)
	fmt.Println("stop pending timer:", t2.Stop())
	fmt.Println("reset stopped timer:", t2.Reset(5*time.Millisecond))
	<-t2.C
	fmt.Println("reset timer fired; len/cap of C:", len(t2.C), cap(t2.C))

	// After and select with a timeout.
	never := make(chan int)
	select {
	case <-never:
		fmt.Println("never")
	case <-time.After(15 * time.Millisecond):
		fmt.Println("timed out")
	}

	// Ticker.
	tk := time.NewTicker(5 * time.Millisecond)
	ticks := 0
	for range tk.C {
		ticks++
		if ticks == 4 {
			break
		}
	}
	tk.Stop()
	fmt.Println("ticks:", ticks)

	// AfterFunc runs in its own goroutine; Stop cancels one not yet run.
	fired := make(chan string)
	time.AfterFunc(5*time.Millisecond, func() { fired <- "afterfunc ran" })
	fmt.Println(<-fired)
	af := time.AfterFunc(time.Hour, func() { fmt.Println("must not run") })
	fmt.Println("afterfunc stopped:", af.Stop())

	// Many timers at once.
	var c sync.WaitGroup
	got := make([]int, 0, 100)
	var gm sync.Mutex
	for i := 0; i < 100; i++ {
		c.Add(1)
		time.AfterFunc(time.Duration(i%10)*time.Millisecond, func() {
			gm.Lock()
			got = append(got, i)
			gm.Unlock()
			c.Done()
		})
	}
	c.Wait()
	sort.Ints(got)
	fmt.Println("afterfuncs:", len(got), got[0], got[99])
}
