package main

func main() {
	for i := range 3.5 {
		_ = i
	}
}
