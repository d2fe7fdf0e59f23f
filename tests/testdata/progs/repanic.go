// A recovered panic raised again prints once, "[recovered, repanicked]".
package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("got", r)
		panic(r)
	}()
	panic("first")
}
