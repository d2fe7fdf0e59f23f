// Division and remainder of variables (not constants) of every sign, at the
// edges of their types, and by zero.
package main

import "fmt"

func main() {
	xs := []int{7, -7, 0, 9223372036854775807, -9223372036854775808, 5}
	ys := []int{2, -2, 3, -3, 1, -1, 7}
	for _, x := range xs {
		for _, y := range ys {
			fmt.Println(x, y, x/y, x%y)
		}
	}
	var a, b int8 = -128, -1
	fmt.Println(a/b, a%b)
	var c, d int32 = -2147483647, 10
	fmt.Println(c/d, c%d, d/c, d%c)
	var u, v uint32 = 4000000000, 7
	fmt.Println(u/v, u%v, v/u, v%u)
	var w, z uint64 = 18446744073709551615, 10
	fmt.Println(w/z, w%z)
	fmt.Println(divide(10, 0))
	fmt.Println(remainder(10, 0))
	var uz uint = 0
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(uint(3) % uz)
}

func divide(x, y int) (q int, err any) {
	defer func() { err = recover() }()
	return x / y, nil
}

func remainder(x, y int) (r int, err any) {
	defer func() { err = recover() }()
	return x % y, nil
}
