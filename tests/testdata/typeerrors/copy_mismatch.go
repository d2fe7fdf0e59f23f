package main

func main() {
	a := []int{}
	b := []string{}
	copy(a, b)
}
