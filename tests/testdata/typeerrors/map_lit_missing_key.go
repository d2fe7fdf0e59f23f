package main

func main() {
	_ = map[string]int{1}
}
