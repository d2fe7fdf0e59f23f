package main

type G[T comparable] struct{}

func main() {
	var g G[[]int]
	_ = g
}
