package main

import "fmt"

func Count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Pairs(xs []string) func(func(int, string) bool) {
	return func(yield func(int, string) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

type List[T any] struct {
	items []T
}

func (l *List[T]) All() func(func(T) bool) {
	return func(yield func(T) bool) {
		for _, it := range l.items {
			if !yield(it) {
				return
			}
		}
	}
}

func firstOver(limit int) (int, bool) {
	for v := range Count(100) {
		if v*v > limit {
			return v, true
		}
	}
	return 0, false
}

func main() {
	sum := 0
	for v := range Count(10) {
		if v%2 == 0 {
			continue
		}
		if v > 7 {
			break
		}
		sum += v
	}
	fmt.Println("sum", sum)
	for i, s := range Pairs([]string{"a", "b", "c"}) {
		fmt.Print(i, s, " ")
	}
	fmt.Println()
	fmt.Println(firstOver(50))
	fmt.Println(firstOver(100000))
	l := &List[string]{items: []string{"x", "y", "z"}}
	n := 0
outer:
	for a := range l.All() {
		for b := range l.All() {
			if b == "z" {
				continue outer
			}
			if a == "z" {
				break outer
			}
			n++
			fmt.Print(a, b, " ")
		}
	}
	fmt.Println(n)
	total := 0
	for range Count(5) {
		total++
	}
	fmt.Println(total)
	defer fmt.Println("deferred in main")
	for v := range Count(3) {
		defer fmt.Println("loop defer", v)
	}
}
