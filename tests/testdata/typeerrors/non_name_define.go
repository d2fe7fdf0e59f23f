package main

type T struct{ x int }

func main() {
	var t T
	t.x := 1
}
