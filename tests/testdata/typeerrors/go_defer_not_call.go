// go and defer take a call; the operand is still checked and used.
package main

func main() {
	f := func() {}
	go f
	defer missing
}
