package main

func main() {
	_ = [2]int{5: 1}
}
