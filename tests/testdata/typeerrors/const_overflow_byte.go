package main

func main() {
	var b byte = 256
	_ = b
}
