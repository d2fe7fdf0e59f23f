package main

import "fmt"

func safe(xs []int, i int) (r int, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = e.(error)
		}
	}()
	if i > 0 && xs[i] > 0 || xs[i] < 0 {
		r = 1
	}
	return xs[i] + xs[0], nil
}

func main() {
	xs := []int{5, -3}
	fmt.Println(safe(xs, 1))
	fmt.Println(safe(xs, 0))
	fmt.Println(safe(xs, 2))
	fmt.Println(safe(nil, 0))
	for i := -2; i < 3; i++ {
		fmt.Println(i, i/2, i%2, i/3, i%3, uint(i+2)/2, uint(i+2)%3)
	}
	a := -7
	fmt.Println(a/4, a%4, a/1, a%1, (a*a)/7)
}
