package main

func F[T any](a, b T) {}

func main() {
	F(1, "a")
}
