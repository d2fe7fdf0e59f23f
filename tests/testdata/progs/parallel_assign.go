// Parallel assignment: operands first, stores left to right, indexes on the
// left taken before any store.
package main

import "fmt"

type P struct{ x, y int }

func main() {
	a := []int{1, 2, 3, 4}
	i := 0
	i, a[i] = 2, 9
	fmt.Println(i, a)
	a[i], i = 7, 1
	fmt.Println(i, a)
	j := 3
	a[i], a[j] = a[j], a[i]
	fmt.Println(a)
	x, y := 1, 2
	x, y = y, x+y
	fmt.Println(x, y)
	p := &P{1, 2}
	p.x, p.y = p.y, p.x
	fmt.Println(*p)
	b := []bool{true, false}
	b[0], b[1] = b[1], b[0]
	fmt.Println(b)
	s, t := "a", "b"
	s, t = t, s+t
	fmt.Println(s, t)
	f := []float64{1.5, 2.5}
	f[0], f[1], x = f[1]/2, f[0]*2, 5
	fmt.Println(f, x)
	var arr [3]int
	k := 0
	k, arr[k] = 1, 5
	arr[k], k = 6, 2
	fmt.Println(arr, k)
	defer func() { fmt.Println("r:", recover(), a) }()
	a[10], a[0] = 1, 100
}
