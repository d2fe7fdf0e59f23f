// Goroutine patterns: worker pools, fan-in, Once, RWMutex, Cond, timers, a crash.
package main

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

type result struct {
	id, val int
}

func worker(id int, jobs <-chan int, out chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		out <- result{j, j * j}
	}
	_ = id
}

func merge(cs ...<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	for _, c := range cs {
		wg.Add(1)
		go func(c <-chan int) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func gen(vals ...int) <-chan int {
	c := make(chan int, len(vals))
	for _, v := range vals {
		c <- v
	}
	close(c)
	return c
}

func main() {
	jobs := make(chan int, 100)
	out := make(chan result, 100)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go worker(w, jobs, out, &wg)
	}
	for i := 1; i <= 20; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(out)
	sum := 0
	for r := range out {
		sum += r.val
	}
	fmt.Println("sum", sum, len(out), cap(out))

	var got []int
	for v := range merge(gen(1, 2, 3), gen(4, 5), gen()) {
		got = append(got, v)
	}
	sort.Ints(got)
	fmt.Println(got)

	var once sync.Once
	var cnt atomic.Int64
	var wg2 sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			once.Do(func() { cnt.Add(100) })
			cnt.Add(1)
		}()
	}
	wg2.Wait()
	fmt.Println("cnt", cnt.Load())

	var rw sync.RWMutex
	shared := map[string]int{}
	var wg3 sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg3.Add(2)
		go func() {
			defer wg3.Done()
			rw.Lock()
			shared[fmt.Sprint(i)] = i
			rw.Unlock()
		}()
		go func() {
			defer wg3.Done()
			rw.RLock()
			_ = len(shared)
			rw.RUnlock()
		}()
	}
	wg3.Wait()
	fmt.Println(len(shared))

	done := make(chan struct{})
	fired := make(chan string, 1)
	time.AfterFunc(5*time.Millisecond, func() { fired <- "fired" })
	fmt.Println(<-fired)
	var in chan int // nil: its case never fires
	select {
	case v := <-in:
		fmt.Println("impossible", v)
	case <-done:
		fmt.Println("impossible done")
	default:
		fmt.Println("default")
	}
	close(done)
	select {
	case <-done:
		fmt.Println("done closed")
	case v := <-in:
		fmt.Println(v)
	}
	cond := sync.NewCond(&sync.Mutex{})
	ready := false
	go func() {
		cond.L.Lock()
		ready = true
		cond.L.Unlock()
		cond.Broadcast()
	}()
	cond.L.Lock()
	for !ready {
		cond.Wait()
	}
	cond.L.Unlock()
	fmt.Println("ready", ready)
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 20*time.Millisecond, el < 2*time.Second)
	go func() {
		panic(fmt.Errorf("worker failed: %d", 3))
	}()
	time.Sleep(time.Second)
	fmt.Println("not reached")
}
