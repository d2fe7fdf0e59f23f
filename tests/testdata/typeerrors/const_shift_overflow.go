package main

func main() {
	var x int = 1 << 100
	_ = x
}
