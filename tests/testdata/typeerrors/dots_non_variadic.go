package main

func f(a ...int) {}
func g(a []int) {}

func main() {
	g([]int{}...)
}
