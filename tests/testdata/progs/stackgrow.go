package main

import "fmt"

type Big struct {
	a [64]int
}

func deep(n int, b Big) int {
	b.a[n%64] += n
	if n == 0 {
		return b.a[0]
	}
	var local [32]int
	local[n%32] = n
	p := &local[n%32]
	r := deep(n-1, b)
	return r + *p + b.a[n%64] - n
}

func sum(s []int) int {
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func recur(n int, arr [16]int) int {
	arr[n%16] = n
	if n == 0 {
		return sum(arr[:])
	}
	return recur(n-1, arr) + arr[n%16]
}

func main() {
	var b Big
	fmt.Println(deep(200, b))
	var arr [16]int
	fmt.Println(recur(300, arr))
	done := make(chan int)
	for i := 0; i < 4; i++ {
		go func(k int) {
			var x Big
			done <- deep(100+k, x)
		}(i)
	}
	t := 0
	for i := 0; i < 4; i++ {
		t += <-done
	}
	fmt.Println(t)
}
