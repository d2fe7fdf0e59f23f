package main

func main() {
L:
}
func g() {
	L: )
}
