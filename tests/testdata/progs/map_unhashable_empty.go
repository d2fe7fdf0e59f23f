package main

import "fmt"

type key struct {
	name string
	val  any
}

// A lookup in an empty map panics as hashing the key would (Go 1.27's text).
func main() {
	var m map[key]int
	fmt.Println(m[key{"a", 1}])
	fmt.Println(m[key{"b", map[int]int{}}])
	fmt.Println("not reached")
}
