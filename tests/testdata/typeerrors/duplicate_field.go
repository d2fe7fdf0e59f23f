package main

type T struct {
	a int
	a string
}

func main() {}
