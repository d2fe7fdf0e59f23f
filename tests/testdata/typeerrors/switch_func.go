package main

func main() {
	f := func() {}
	g := func() {}
	switch f {
	case g:
	}
}
