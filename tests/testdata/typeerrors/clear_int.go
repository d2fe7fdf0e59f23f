package main

func main() {
	clear(1)
}
