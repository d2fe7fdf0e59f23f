package main

func main() {
	f := func() {
		v := 2
	}
	f()
}
