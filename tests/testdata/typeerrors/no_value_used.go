package main

func f() {}

func main() {
	x := f()
	_ = x
}
