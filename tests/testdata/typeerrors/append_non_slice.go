package main

func main() {
	x := 1
	_ = append(x, 2)
}
