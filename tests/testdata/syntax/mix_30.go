package main
func main() {
	func() {}()
	func f() {}
}
