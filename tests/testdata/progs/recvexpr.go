// Receive expressions whose one-word value is read from its frame slot where
// it is used: in sums, as arguments next to calls that grow the stack, in
// composite literals, as indexes, with the value dropped.
package main

import "fmt"

//go:noinline
func grow(n int) int {
	var pad [32]int
	pad[n%32] = 1
	if n == 0 {
		return 0
	}
	return grow(n-1) + pad[n%32]
}

func pair(a, b int) int { return a*1000 + b }

func main() {
	ch := make(chan int, 100)
	for i := range 100 {
		ch <- i
	}
	sum := 0
	for range 5 {
		sum += <-ch
	}
	fmt.Println(sum)
	fmt.Println(pair(<-ch, grow(400)), pair(grow(300), <-ch))
	xs := []int{<-ch, grow(500), <-ch, <-ch * 2}
	fmt.Println(xs)
	arr := make([]int, 200)
	arr[<-ch] = <-ch + grow(200)
	for i, v := range arr {
		if v != 0 {
			fmt.Println("arr", i, v)
		}
	}
	x := <-ch + <-ch - <-ch
	<-ch
	_, ok := <-ch
	v, ok2 := <-ch
	fmt.Println(x, ok, v, ok2)
	bs := make(chan byte, 2)
	bs <- 200
	bs <- 100
	fmt.Println(<-bs + <-bs) // a byte sum wraps
	fs := make(chan float64, 1)
	fs <- 1.5
	fmt.Println(<-fs * 2)
	ss := make(chan string, 1)
	ss <- "str"
	fmt.Println(<-ss + "!")
	close(ch)
	for {
		v, ok := <-ch
		if !ok {
			fmt.Println("closed", v)
			break
		}
		sum += v
	}
	fmt.Println(sum)
}
