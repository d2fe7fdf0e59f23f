// Frame slots used inside loops (channel elements, struct temporaries): their
// addresses are computed once, before the outermost loop, and must follow the
// stack when it moves: the loops here grow the stack by deep recursion
// between uses.
package main

import "fmt"

type pair struct{ a, b int }

//go:noinline
func deep(n int) int {
	var pad [64]int
	pad[n%64] = n
	if n == 0 {
		return pad[0]
	}
	return deep(n-1) + pad[n%64] - n + 1
}

//go:noinline
func mk(i int) pair { return pair{i, i * i} }

func main() {
	ch := make(chan pair, 4)
	res := make(chan int, 4)
	total := 0
	for round := range 3 {
		for i := range 4 {
			ch <- pair{round, i} // a slot for the element
			total += deep(200 * (round + 1))
		}
		for range 4 {
			p := <-ch
			q := mk(p.b) // a struct result copied to a slot
			total += p.a*100 + q.b
			res <- q.a
			total += deep(50)
			total += <-res
		}
	}
	fmt.Println(total)
	done := make(chan struct{})
	go func() {
		sum := 0
		for v := range res {
			sum += v
			sum += deep(v * 100)
		}
		fmt.Println("sum", sum)
		close(done)
	}()
	for i := range 10 {
		res <- i
	}
	close(res)
	<-done
	// select in a loop: receive slots.
	a, b := make(chan int), make(chan int)
	go func() {
		for i := range 5 {
			a <- i
			b <- i * 10
		}
		close(a)
		close(b)
	}()
	got := 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			got += v + deep(300)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			got += v
		}
	}
	fmt.Println(got)
}
