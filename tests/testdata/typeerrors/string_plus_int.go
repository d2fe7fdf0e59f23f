package main

func main() {
	s := "a"
	_ = s + 1
}
