//go:build go1.26

package main

type T struct{}

func (T) M[P any](p P) {}

func main() {}
