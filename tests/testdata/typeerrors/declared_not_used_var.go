package main

func main() {
	var s string
}
