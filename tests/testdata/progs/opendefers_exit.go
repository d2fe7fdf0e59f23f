// os.Exit in a deferred call (open-coded): the process ends there; the
// deferred calls left never run.
package main

import (
	"fmt"
	"os"
)

func leave() {
	defer fmt.Println("never printed: an earlier defer")
	defer os.Exit(3)
	defer fmt.Println("printed: the last defer runs first")
	fmt.Println("body")
}

func main() {
	defer fmt.Println("never printed: main's defer")
	leave()
}
