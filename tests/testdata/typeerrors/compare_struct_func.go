package main

type T struct{ f func() }

func main() {
	var a, b T
	_ = a == b
}
