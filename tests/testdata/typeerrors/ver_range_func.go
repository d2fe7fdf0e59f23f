//go:build go1.22

package main

func main() {
	f := func(yield func(int) bool) {}
	for x := range f {
		_ = x
	}
}
