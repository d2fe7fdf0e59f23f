// Closing a nil channel panics.
package main

func main() {
	var c chan string
	close(c)
}
