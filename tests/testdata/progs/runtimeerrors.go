// Runtime errors recovered one by one, then a Stringer panic value.
package main

import "fmt"

type S string

func (s S) String() string { return "S:" + string(s) }

func main() {
	defer fmt.Println("deferred runs")
	var m map[string]int
	func() {
		defer func() { fmt.Println(recover()) }()
		m["x"] = 1
	}()
	var a []int
	func() {
		defer func() { fmt.Println(recover()) }()
		_ = a[5]
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		var i interface{} = "str"
		_ = i.(int)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		x := []int{1, 2, 3}
		i := 1
		_ = x[2:i]
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		ch := make(chan int)
		close(ch)
		close(ch)
	}()
	panic(S("custom"))
}
