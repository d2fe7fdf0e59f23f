package main

func F[T ~int | ~string](x T) {}

func main() {
	F(1.5)
}
