package main

import "fmt"

// Iteration order is unspecified and randomized: over a few tries, two
// ranges over the same map produce different orders.
func order(m map[int]int) []int {
	var ks []int
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func same(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func main() {
	m := map[int]int{}
	for i := 0; i < 50; i++ {
		m[i] = i
	}
	first := order(m)
	differs := false
	for try := 0; try < 20 && !differs; try++ {
		if !same(first, order(m)) {
			differs = true
		}
	}
	fmt.Println("orders differ:", differs)
	// Two maps with the same contents (different seeds) also tend to differ.
	n := map[int]int{}
	for i := 0; i < 50; i++ {
		n[i] = i
	}
	differs = false
	for try := 0; try < 20 && !differs; try++ {
		if !same(order(m), order(n)) {
			differs = true
		}
	}
	fmt.Println("maps differ:", differs)
	// Even a small map starts at a random slot.
	s := map[string]bool{"a": true, "b": true, "c": true}
	firsts := map[string]bool{}
	for try := 0; try < 200; try++ {
		for k := range s {
			firsts[k] = true
			break
		}
	}
	fmt.Println("distinct first keys:", len(firsts))
}
