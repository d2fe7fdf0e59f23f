// Startup is the smallest program that prints: run.py times it to measure
// the fixed cost of starting a program.
package main

import "fmt"

func main() {
	fmt.Println("hello")
}
