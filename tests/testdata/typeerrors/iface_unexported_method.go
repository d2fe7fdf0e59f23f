package main

type I interface{ m() }
type T struct{}

func (T) M() {}

func main() {
	var i I = T{}
	_ = i
}
