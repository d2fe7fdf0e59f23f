package main

type G[K comparable, V any] struct{}

func main() {
	var g G[int]
	_ = g
}
