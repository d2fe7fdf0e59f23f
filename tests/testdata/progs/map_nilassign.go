package main

import "fmt"

type T struct {
	m map[string]int
}

func main() {
	var t T
	fmt.Println(t.m["x"], len(t.m))
	t.m["x"] = 1
	fmt.Println("not reached")
}
