package main

type I interface{ M() }
type T struct{}

func (T) M() {}

func main() {
	var i I = T{}
	var t T = i
	_ = t
}
