// A chain of panics: the recovered middle one stays in the chain.
package main

import "fmt"

func main() {
	defer func() {
		defer func() {
			panic(fmt.Sprint("third after ", recover()))
		}()
		panic("second")
	}()
	panic("first")
}
