// Closures capturing values of every shape (narrow integers and bools at
// offsets that are not word-aligned, strings, slices, interfaces, structs,
// variables captured by reference), made in a loop and called later: the
// funcval's words are written and read by word index.
package main

import "fmt"

type pt struct {
	x, y int16
	name string
}

func makers() []func() string {
	var fs []func() string
	counter := 0 // captured by reference: reassigned
	for i := range 3 {
		b := i%2 == 0
		n8 := int8(-i)
		n32 := int32(i * 1000)
		s := fmt.Sprint("s", i)
		sl := []int{i, i + 1}
		var e any = i * 10
		var err error = fmt.Errorf("e%d", i)
		p := pt{int16(i), int16(-i), "p"}
		f := 1.5 * float64(i)
		fs = append(fs, func() string {
			counter++
			return fmt.Sprint(b, n8, n32, s, sl, e, err, p, f, counter)
		})
	}
	return fs
}

func two() func() int {
	a, b := 3, 4
	return func() int { return a*10 + b }
}

func one() func() string {
	s := "only"
	return func() string { return s }
}

func main() {
	for _, f := range makers() {
		fmt.Println(f())
	}
	fmt.Println(two()(), one()())
	// A goroutine of a closure over several words.
	done := make(chan string)
	x, y, z := 1, "two", []byte("three")
	go func() {
		done <- fmt.Sprint(x, y, string(z))
	}()
	fmt.Println(<-done)
}
