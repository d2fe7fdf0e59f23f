package main

func main() {
	s := "a"
	len(s)
}
