package main

func F[T any](x T) T { return x }

func main() {
	f := F
	_ = f
}
