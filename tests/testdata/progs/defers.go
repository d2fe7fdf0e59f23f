package main

import (
	"errors"
	"fmt"
)

func deferOrder() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("defer", i)
	}
	fmt.Println("body")
}

func named() (r int) {
	defer func() { r *= 2 }()
	r = 5
	return r + 1
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("recovered: %v", e)
		}
	}()
	q = a / b
	return
}

func nested() (s string) {
	defer func() {
		r := recover()
		s = fmt.Sprint("outer got ", r)
	}()
	func() {
		defer func() {
			r := recover()
			panic(fmt.Sprint("re-", r))
		}()
		panic("first")
	}()
	return "unreached"
}

type E struct{ msg string }

func (e E) Error() string { return e.msg }

func throwsErr() (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
			}
		}
	}()
	panic(E{"custom"})
}

func idx(xs []int, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	return xs[i], nil
}

func main() {
	deferOrder()
	fmt.Println(named())
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(7, 0))
	fmt.Println(nested())
	fmt.Println(throwsErr())
	_, err := idx([]int{1, 2}, 5)
	fmt.Println(err)
	var target E
	fmt.Println(errors.As(throwsErr(), &target), target.msg)
	func() {
		defer fmt.Println("deferred print")
		defer func() {
			fmt.Println("recover:", recover())
		}()
		var m *E
		fmt.Println(m.msg)
	}()
	fmt.Println("end")
}
