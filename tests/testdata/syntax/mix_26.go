package main
func main() {
	label:
	for {
	}
	goto
}
