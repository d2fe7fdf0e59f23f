package main

import "fmt"

func main() {
	// Deleting entries not yet reached: they are not produced.
	m := map[int]int{}
	for i := 0; i < 1000; i++ {
		m[i] = i
	}
	seen := map[int]bool{}
	for k := range m {
		if seen[k] {
			fmt.Println("twice:", k)
		}
		seen[k] = true
		// Delete k's partner; if it was not yet reached it must not appear.
		p := k ^ 1
		if !seen[p] {
			delete(m, p)
		}
	}
	fmt.Println(len(seen), len(m))
	bad := 0
	for k := range seen {
		if _, in := m[k]; !in {
			bad++
		}
	}
	fmt.Println(bad)

	// Deleting the current entry while ranging, and all of them.
	d := map[string]int{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, "j": 10}
	n := 0
	for k := range d {
		delete(d, k)
		n++
	}
	fmt.Println(n, len(d))

	// Deleting everything on the first step: nothing else is produced.
	e := map[int]string{}
	for i := 0; i < 200; i++ {
		e[i] = "x"
	}
	steps := 0
	for range e {
		steps++
		for j := 0; j < 200; j++ {
			delete(e, j)
		}
	}
	fmt.Println(steps, len(e))

	// clear during range stops the iteration.
	c := map[int]int{}
	for i := 0; i < 100; i++ {
		c[i] = i
	}
	steps = 0
	for range c {
		steps++
		clear(c)
	}
	fmt.Println(steps, len(c))

	// Updating values during range is seen by later reads.
	u := map[string]int{"x": 1, "y": 2, "z": 3}
	for k, v := range u {
		u[k] = v * 10
	}
	fmt.Println(u["x"], u["y"], u["z"])

	// Range with only keys, only values, neither; continue and break.
	r := map[int]int{1: 10, 2: 20, 3: 30, 4: 40}
	ks, vs, cnt := 0, 0, 0
	for k := range r {
		ks += k
	}
	for _, v := range r {
		vs += v
	}
	for range r {
		cnt++
	}
	odd := 0
	for k, v := range r {
		if k%2 == 0 {
			continue
		}
		odd += v
	}
	brk := 0
	for range r {
		brk++
		if brk == 2 {
			break
		}
	}
	fmt.Println(ks, vs, cnt, odd, brk)

	// Nested ranges over the same map.
	pairs := 0
	for a := range r {
		for b := range r {
			if a < b {
				pairs++
			}
		}
	}
	fmt.Println(pairs)

	// Ranging while growing a large map from a small one.
	g := map[int]bool{0: true}
	total := 0
	for k := range g {
		total++
		if k < 5000 {
			for j := 1; j <= 3; j++ {
				g[k*3+j] = true
			}
		}
	}
	fmt.Println(total >= 1, total <= len(g), g[1] && g[2] && g[3])
}
