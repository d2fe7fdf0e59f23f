package main

type T struct{}

func main() {
	p := &T{}
	p.Run()
}
