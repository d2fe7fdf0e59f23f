package main

func f() [3]int { return [3]int{} }

func main() {
	_ = f()[1:]
}
