package main

func main() {
	s := []int{}
	_ = len(s...)
}
