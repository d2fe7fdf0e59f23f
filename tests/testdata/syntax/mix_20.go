package main
func main() {
	var x [3]int = [...]int{1,2,3}
	x[0]++ = 1
}
