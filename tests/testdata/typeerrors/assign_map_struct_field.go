package main

type T struct{ x int }

func main() {
	m := map[string]T{}
	m["a"].x = 1
}
