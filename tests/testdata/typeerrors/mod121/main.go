package main

func main() {
	for i := range 3 {
		_ = i
	}
}
