package main

func main() {
	١x := 1
}
