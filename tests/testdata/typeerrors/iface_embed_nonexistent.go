package main

type I interface {
	J
}

func main() {}
