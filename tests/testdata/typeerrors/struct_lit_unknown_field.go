package main

type T struct{ a int }

func main() {
	_ = T{b: 1}
}
