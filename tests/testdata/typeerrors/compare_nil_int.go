package main

func main() {
	x := 1
	_ = x == nil
}
