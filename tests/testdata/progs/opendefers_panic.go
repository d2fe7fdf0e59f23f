// A deferred call that panics at a normal return (open-coded defers): the
// earlier deferred calls still run during that panic; one recovers it and
// panics again, and nobody recovers that one.
package main

import "fmt"

func f() {
	defer fmt.Println("earliest defer runs during the second panic")
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		panic(fmt.Sprint("again: ", r))
	}()
	defer fmt.Println("middle defer runs")
	defer func() { panic("first") }()
	fmt.Println("body")
}

func main() {
	defer fmt.Println("main's defer runs too")
	f()
}
