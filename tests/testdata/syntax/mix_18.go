package main
const (
	a = iota
	b
	c int = 5 6
)
