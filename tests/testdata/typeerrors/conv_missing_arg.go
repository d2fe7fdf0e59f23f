package main

func main() {
	_ = int()
}
