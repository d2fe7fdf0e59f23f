package main

func main() {
	var y any
	switch z = y.(type) {
	}
}
