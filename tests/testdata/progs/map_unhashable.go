package main

import "fmt"

// Hashing an interface key whose dynamic type is not comparable panics.
func main() {
	m := map[interface{}]int{"a": 1}
	fmt.Println(len(m))
	k := []int{1, 2}
	m[k] = 2
	fmt.Println("not reached")
}
