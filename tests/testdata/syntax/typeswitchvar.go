package main

func main() {
	var y any
	switch y.(type) {
	case int
	}
}
