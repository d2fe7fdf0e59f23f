package main

func main() {
	s := "1"
	_ = int(s)
}
