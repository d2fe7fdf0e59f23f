package main
func main() {
	if x := 0; x++ {
	}
	for x++; x < 3; {
	}
}
