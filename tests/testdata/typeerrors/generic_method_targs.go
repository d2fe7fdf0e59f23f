package main

type T struct{}

func (T) M[P any](p P) {}

func main() {
	T{}.M[int, string](1)
}
