//go:build go1.25

package main

func main() {
	p := new(1)
	_ = p
}
