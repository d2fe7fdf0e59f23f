package main

func F[T any](a, b T) {}

func main() {
	var i int
	var s string
	F(i, s)
}
