package main

func main() {
	_ = new()
}
