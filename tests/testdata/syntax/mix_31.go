package main
type T = []int
type U[P any] = map[P]P
type V[P any] =
