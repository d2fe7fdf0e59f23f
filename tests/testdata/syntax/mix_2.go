package main
func main() {
	for i := range 10 {
		break
	}
	for range ch {}
}
