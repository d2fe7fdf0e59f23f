//go:build go1.26

package main

type A struct{ X int }
type B struct{ A }

func main() {
	_ = B{X: 1}
}
