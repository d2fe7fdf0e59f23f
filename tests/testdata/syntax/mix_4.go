package main
type T[P] struct{}
