package main

type P *struct{}
type T struct {
	P
}

func main() {}
