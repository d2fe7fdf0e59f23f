package main

import "fmt"

func main() {
	defer fmt.Println("deferred runs first")
	panic(fmt.Sprintf("boom %d", 42))
}
