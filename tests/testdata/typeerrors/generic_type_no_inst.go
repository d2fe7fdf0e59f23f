package main

type G[T any] struct{ v T }

func main() {
	var g G
	_ = g
}
