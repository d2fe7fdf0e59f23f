package main

func main() {
	b := true
	_ = b && 1
}
