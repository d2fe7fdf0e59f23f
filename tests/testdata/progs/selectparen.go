// A parenthesized receive is a valid select case.
package main

import "fmt"

func main() {
	a := make(chan int, 1)
	b := make(chan string, 1)
	a <- 1
	select {
	case (<-a):
		fmt.Println("a fired")
	default:
		fmt.Println("none")
	}
	b <- "x"
	select {
	case v := (<-a):
		fmt.Println("a", v)
	case (<-b):
		fmt.Println("b fired")
	}
	select {
	case (<-a):
		fmt.Println("a again")
	default:
		fmt.Println("empty")
	}
}
