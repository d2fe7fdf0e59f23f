// Gonil_noargs: `go f()` with f nil and no arguments hands the nil func value
// to the runtime, which ends the program: "fatal error: go of nil func
// value", which no recover stops.
package main

import "fmt"

func main() {
	defer func() { fmt.Println("main recovered:", recover()) }()
	var f func()
	fmt.Println("before")
	go f()
	fmt.Println("not reached")
}
