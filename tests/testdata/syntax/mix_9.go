package main
func main() {
	x := func() int { return 1 }
	y := x(
}
