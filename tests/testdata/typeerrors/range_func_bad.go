package main

func main() {
	f := func(yield func(int)) {}
	for x := range f {
		_ = x
	}
}
