// package sync on the runtime's semaphores: Mutex (including its
// starvation mode), RWMutex, WaitGroup, Once, Cond, and sync/atomic.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	// Mutex: a counter reaches its exact total.
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("mutex counter:", counter)

	// TryLock.
	mu.Lock()
	fmt.Println("TryLock while locked:", mu.TryLock())
	mu.Unlock()
	fmt.Println("TryLock while unlocked:", mu.TryLock())
	mu.Unlock()

	// RWMutex: readers share, writers exclude.
	var rw sync.RWMutex
	shared := make([]int, 10)
	var readers atomic.Int32
	var maxReaders atomic.Int32
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw.Lock()
			shared[i] = i * i
			rw.Unlock()
			for k := 0; k < 10; k++ {
				rw.RLock()
				n := readers.Add(1)
				for {
					m := maxReaders.Load()
					if n <= m || maxReaders.CompareAndSwap(m, n) {
						break
					}
				}
				_ = shared[k]
				readers.Add(-1)
				rw.RUnlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("rwmutex entries:", shared, "readers now:", readers.Load())

	// Once.
	var once sync.Once
	calls := 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { calls++ })
		}()
	}
	wg.Wait()
	fmt.Println("once calls:", calls)

	// Cond: a broadcast releases every waiter.
	var cmu sync.Mutex
	cond := sync.NewCond(&cmu)
	ready := false
	woken := 0
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmu.Lock()
			for !ready {
				cond.Wait()
			}
			woken++
			cmu.Unlock()
		}()
	}
	for {
		cmu.Lock()
		if woken == 0 {
			ready = true
			cond.Broadcast()
			cmu.Unlock()
			break
		}
		cmu.Unlock()
	}
	wg.Wait()
	fmt.Println("cond woken:", woken)

	// Signal wakes one at a time.
	var smu sync.Mutex
	sc := sync.NewCond(&smu)
	tokens := 0
	got := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go func() {
			smu.Lock()
			for tokens == 0 {
				sc.Wait()
			}
			tokens--
			smu.Unlock()
			got <- 1
		}()
	}
	for i := 0; i < 3; i++ {
		smu.Lock()
		tokens++
		sc.Signal()
		smu.Unlock()
		<-got
	}
	fmt.Println("signal delivered 3")

	// sync/atomic on plain words.
	var i32 int32
	var u64 uint64
	var ptr atomic.Pointer[string]
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt32(&i32, 2)
			atomic.AddUint64(&u64, 3)
		}()
	}
	wg.Wait()
	s := "hello"
	ptr.Store(&s)
	fmt.Println("atomic:", atomic.LoadInt32(&i32), atomic.LoadUint64(&u64), *ptr.Load())
	fmt.Println("cas:", atomic.CompareAndSwapInt32(&i32, 40, -1), atomic.CompareAndSwapInt32(&i32, 40, 0), i32)
	fmt.Println("swap:", atomic.SwapUint64(&u64, 1), u64)
	var v atomic.Value
	v.Store([]int{1, 2})
	fmt.Println("value:", v.Load().([]int))
}
