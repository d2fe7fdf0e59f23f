package main
var (
	x, y = 1
	z int :=
)
