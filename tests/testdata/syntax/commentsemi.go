package main

func main() {
	x := 1 /* multi
	line */ y := 2
}
