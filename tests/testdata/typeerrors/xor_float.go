package main

func main() {
	f := 1.5
	_ = ^f
}
