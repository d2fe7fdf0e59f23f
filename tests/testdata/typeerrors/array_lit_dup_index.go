package main

func main() {
	_ = [3]int{0: 1, 0: 2}
}
