// Open-coded defers whose statement every normal return comes after (their
// flag is not tested at the return), next to ones a return may skip; with
// results, panics in the deferred calls, recover, and a defer in a branch.
package main

import (
	"errors"
	"fmt"
)

func named() (r int) {
	defer func() { r *= 2 }()
	r = 21
	return
}

func twoPanicking() (r string) {
	defer func() { r += " first-ran" }()
	defer func() { panic("second panics") }()
	return "ret"
}

func recovering(fail bool) (r int, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("recovered: %v", p)
			r = -1
		}
	}()
	if fail {
		panic("boom")
	}
	return 7, nil
}

func branchDefer(b bool) (out []string) {
	defer func() { out = append(out, "top") }()
	if b {
		defer func() { out = append(out, "branch") }()
	}
	out = append(out, "body")
	return out
}

func returnFirst(n int) (s string) {
	for i := range 3 {
		if i == n {
			return fmt.Sprint("loop return ", i)
		}
	}
	defer func() { s += " deferred" }()
	return "end"
}

func errDefer() (err error) {
	defer func() {
		if err != nil {
			err = errors.Join(err, errors.New("wrapped"))
		}
	}()
	return errors.New("base")
}

func main() {
	fmt.Println(named())
	func() {
		defer func() { fmt.Println("caught:", recover()) }()
		fmt.Println(twoPanicking())
	}()
	fmt.Println(recovering(false))
	fmt.Println(recovering(true))
	fmt.Println(branchDefer(false), branchDefer(true))
	fmt.Println(returnFirst(1), "|", returnFirst(5))
	fmt.Println(errDefer())
}
