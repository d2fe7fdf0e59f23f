package main
type T[P any, Q] struct{}
