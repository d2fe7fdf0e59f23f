package main
func f[T interface{ ~int }, U ~string | int](t T) {}
func g[P *Q, Q any]() {}
type L[T any] struct { next *L[T] }
var _ = f[int, string]
var _ = g[*int, int]
