package main

import "fmt"

// Growth through many sizes, with reads, updates and deletes between growths.
func main() {
	const n = 100000
	m := make(map[int]int)
	for i := 0; i < n; i++ {
		m[i*7919] = i
		if i&(i-1) == 0 { // at powers of two, check everything so far
			for j := 0; j <= i; j++ {
				if m[j*7919] != j {
					fmt.Println("lost", j, "at", i)
					return
				}
			}
		}
	}
	fmt.Println(len(m))
	sum := 0
	for i := 0; i < n; i++ {
		v, ok := m[i*7919]
		if !ok || v != i {
			fmt.Println("missing", i)
			return
		}
		sum += v
	}
	fmt.Println(sum)
	// Absent keys.
	miss := 0
	for i := 0; i < 1000; i++ {
		if _, ok := m[i*7919+1]; !ok {
			miss++
		}
	}
	fmt.Println(miss)
	// Delete the odd ones, then range over the rest.
	for i := 1; i < n; i += 2 {
		delete(m, i*7919)
	}
	fmt.Println(len(m))
	cnt, ks, vs := 0, 0, 0
	for k, v := range m {
		cnt++
		ks += k
		vs += v
		if v%2 != 0 || k != v*7919 {
			fmt.Println("bad entry", k, v)
		}
	}
	fmt.Println(cnt, ks, vs)

	// Hint-sized maps do not need to grow; a map made with a hint still grows past it.
	h := make(map[int64]int64, 1000)
	for i := int64(0); i < 5000; i++ {
		h[i-2500] = i * i
	}
	fmt.Println(len(h), h[-2500], h[2499])

	// Churn: a small live set over many distinct keys (overflow buckets, same-size growth).
	c := map[int]int{}
	for i := 0; i < 60000; i++ {
		c[i] = i
		if i >= 50 {
			delete(c, i-50)
		}
	}
	s2 := 0
	for k := range c {
		s2 += k
	}
	fmt.Println(len(c), s2)

	// String keys through growth.
	sm := map[string]int{}
	for i := 0; i < 20000; i++ {
		sm[fmt.Sprint("key-", i)] = i
	}
	ok := true
	for i := 0; i < 20000; i++ {
		if sm[fmt.Sprint("key-", i)] != i {
			ok = false
		}
	}
	fmt.Println(len(sm), ok)
	for i := 0; i < 20000; i += 3 {
		delete(sm, fmt.Sprint("key-", i))
	}
	t := 0
	for _, v := range sm {
		t += v
	}
	fmt.Println(len(sm), t)

	// Grow while ranging: every original key is seen exactly once.
	g := map[int]int{}
	for i := 0; i < 100; i++ {
		g[i] = i
	}
	seen := map[int]int{}
	for k := range g {
		seen[k]++
		for j := 0; j < 20; j++ {
			g[1000+k*20+j] = 0 // may or may not be produced
		}
	}
	dups, orig := 0, 0
	for k, c := range seen {
		if c != 1 {
			dups++
		}
		if k < 100 {
			orig++
		}
	}
	fmt.Println(len(g) >= 2100, (len(g)-2100)%20 == 0, orig, dups)
}
