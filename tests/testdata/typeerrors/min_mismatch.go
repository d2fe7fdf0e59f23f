package main

func main() {
	var a int
	var s string
	_ = min(a, s)
}
