package main

type I interface{ M() }

func main() {
	var x I
	switch x.(type) {
	case int:
	}
}
