// Nil checks of parameters: one that dominates later uses covers them; one in
// a branch, a loop body or the right of && does not.
package main

import "fmt"

type T struct{ a, b int }

func f(p *T, c bool) (r int) {
	defer func() {
		if e := recover(); e != nil {
			fmt.Println("recovered", e)
			r = -1
		}
	}()
	if c && p.a > 0 {
		return 1
	}
	return p.b
}

func g(p *T, k int) int {
	switch {
	case k == 0:
		return 0
	case p.a == k:
		return 1
	}
	return p.b
}

func h(p *T, q *T) int {
	for i := 0; i < 2; i++ {
		if i == 1 {
			_ = p.a
		}
	}
	return p.b + q.a
}

func main() {
	fmt.Println(f(nil, false))
	fmt.Println(f(&T{1, 2}, true), f(&T{0, 2}, true))
	defer func() { fmt.Println("main recovered", recover()) }()
	fmt.Println(g(&T{3, 4}, 3), g(nil, 0))
	func() {
		defer func() { fmt.Println("g", recover()) }()
		fmt.Println(g(nil, 5))
	}()
	func() {
		defer func() { fmt.Println("h", recover()) }()
		fmt.Println(h(&T{1, 2}, nil))
	}()
	fmt.Println(h(nil, nil))
}
