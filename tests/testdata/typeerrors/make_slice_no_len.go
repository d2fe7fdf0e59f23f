package main

func main() {
	_ = make([]int)
}
