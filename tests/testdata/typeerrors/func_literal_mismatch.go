package main

func main() {
	var f func(int) = func(s string) {}
	_ = f
}
