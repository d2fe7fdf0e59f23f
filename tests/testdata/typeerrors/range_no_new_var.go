package main

func main() {
	for _ = range 3 {
	}
	for _ := range 3 {
	}
}
