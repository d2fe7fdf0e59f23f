package main
func f(x int y int) {}
