package main

import "fmt"

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	s := make([]int, 3, 10)
	s[1] = 5
	fmt.Println(s, len(s), cap(s))
	s = append(s, 1, 2, 3)
	fmt.Println(s, len(s), cap(s))
	var t []int
	for i := 0; i < 20; i++ {
		t = append(t, i*i)
	}
	fmt.Println(len(t), cap(t), t[19])
	u := t[2:5]
	u[0] = -1
	fmt.Println(t[2], len(u), cap(u), u)
	v := t[2:5:7]
	fmt.Println(len(v), cap(v))
	w := make([]int, 3)
	n := copy(w, t)
	fmt.Println(n, w)
	fmt.Println(sum(), sum(1, 2, 3), sum(t...))
	a := [5]int{1, 2, 3}
	b := a[:]
	b[0] = 100
	fmt.Println(a, len(a), b)
	grid := make([][]float64, 3)
	for i := range grid {
		grid[i] = make([]float64, 3)
		grid[i][i] = 1.5
	}
	fmt.Println(grid)
	strs := []string{"x", "y"}
	strs = append(strs, strs...)
	fmt.Println(strs, len(strs))
	var nilS []int
	fmt.Println(nilS == nil, len(nilS), t != nil)
	m := [...]string{2: "c", 0: "a"}
	fmt.Println(len(m), m)
	c := []int{1, 2, 3, 4, 5}
	copy(c[1:], c[:4])
	fmt.Println(c)
	for i := range 3 {
		fmt.Print(i)
	}
	fmt.Println()
	fmt.Println(min(3, 1, 2), max(2.5, 1.0), min("b", "a"))
}
