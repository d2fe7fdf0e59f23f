package main

func main() {
	a := []int{}
	_ = max(a, a)
}
