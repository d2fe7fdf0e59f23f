package main

func main() {
	var s string
	var i int = 1
	s = i
	_ = s
}
