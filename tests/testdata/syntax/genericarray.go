package main

type T[P *C] struct{}
type U[P *C,] struct{}
func (x) f() {}
