package main

func main() {
	y := 2
	_ = 1.5 << y
}
