package main

type G[T any] struct{ v T }

func main() {
	g := G[int]{v: "x"}
	_ = g
}
