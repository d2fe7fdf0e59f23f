package main

func F[T any](x T) {}

func main() {
	F[int, string](1)
}
