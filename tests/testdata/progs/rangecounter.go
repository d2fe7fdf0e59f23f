// Range loops whose key variable counts the iterations itself (the body
// never assigns it), next to ones that must copy a hidden counter: the body
// assigns the variable, takes its address, or a closure changes it.
package main

import "fmt"

//go:noinline
func n() int { return 5 }

func main() {
	// Counter: continue, break, labeled continue, nested.
	s := 0
	for i := range n() {
		if i == 1 {
			continue
		}
		if i == 4 {
			break
		}
		s += i
	}
	fmt.Println("counter", s)
outer:
	for i := range 4 {
		for j := range i + 2 {
			if j > i {
				continue outer
			}
			fmt.Print(i*10+j, " ")
		}
	}
	fmt.Println()

	// Captured by value: each closure sees its own iteration's value.
	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// The body assigns the variable: the count goes on regardless.
	for i := range 5 {
		i += 10
		fmt.Print(i, " ")
	}
	fmt.Println()
	// Its address is taken.
	var ps []*int
	for i := range 3 {
		ps = append(ps, &i)
	}
	for _, p := range ps {
		fmt.Print(*p, " ")
	}
	fmt.Println()
	// A closure changes it.
	for i := range 4 {
		bump := func() { i += 100 }
		if i%2 == 0 {
			bump()
		}
		fmt.Print(i, " ")
	}
	fmt.Println()

	// Slices: key counting, value read by index, and a body that reassigns the key.
	xs := []int{3, 1, 4, 1, 5, 9, 2, 6}
	t := 0
	for i, x := range xs {
		if x == 1 {
			continue
		}
		t += i * x
		if i+1 < len(xs) {
			t += xs[i+1]
		}
	}
	fmt.Println("slice", t)
	for i, x := range xs {
		i *= 2
		fmt.Print(i+x, " ")
	}
	fmt.Println()
	arr := [4]int8{100, 110, 120, 127}
	for i := range arr {
		arr[i]++
	}
	fmt.Println(arr)
	// Narrow key types.
	var u8 uint8 = 250
	c := 0
	for k := range u8 {
		c += int(k)
	}
	fmt.Println(c)
	for k := range int8(3) {
		fmt.Print(k-1, " ")
	}
	fmt.Println()
}

