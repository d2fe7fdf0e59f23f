package main
func main() {
	x.(type)
	y := x.(int
}
