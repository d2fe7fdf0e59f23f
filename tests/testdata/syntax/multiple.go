package main

func main() {
	x := 1 +
	y := )
	var s = "abc
	z := 0x
}
func f( {
}
