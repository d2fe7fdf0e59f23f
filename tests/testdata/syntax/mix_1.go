package main
func main() {
	var x = struct{a int}{1}
	if x == struct{a int}{1} {
	}
}
