//go:build go1.22

package main

type A[T any] = []T

func main() {}
