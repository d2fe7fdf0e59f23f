package main
func f(int, string) (a, b int, c) {}
