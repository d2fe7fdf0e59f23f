package main

func main() {
	s := "a"
	defer len(s)
}
