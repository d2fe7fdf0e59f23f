package main

import "fmt"

type Big struct {
	A [20]int
	S string
}

type Pair struct {
	X, Y int
}

func main() {
	// Insert, update, lookup, comma-ok, len, delete.
	m := make(map[string]int)
	m["one"] = 1
	m["two"] = 2
	m["three"] = 3
	m["two"] = 22
	v, ok := m["two"]
	fmt.Println(len(m), v, ok)
	v, ok = m["four"]
	fmt.Println(v, ok, m["four"])
	delete(m, "one")
	delete(m, "nothing")
	_, ok = m["one"]
	fmt.Println(len(m), ok)
	m["one"]++
	m["one"] += 10
	fmt.Println(m["one"])

	// Nil maps: reads, len, range and delete work; writes panic (map_nilassign.go).
	var nm map[int]string
	s, ok := nm[3]
	fmt.Printf("%q %v %d\n", s, ok, len(nm))
	delete(nm, 3)
	for range nm {
		fmt.Println("never")
	}
	fmt.Println(nm == nil)

	// Integer keys of every width.
	m8 := map[int8]int8{-128: 127, 0: 1, 127: -128}
	m16 := map[uint16]string{65535: "max", 0: "zero"}
	m32 := map[int32]bool{-1: true, 1 << 30: false}
	m64 := map[uint64]int{1<<64 - 1: 1, 0: 2}
	fmt.Println(m8[-128], m8[127], m16[65535], m32[-1], m32[1<<30], m64[1<<64-1], len(m64))
	mr := map[rune]int{'a': 1, 'é': 2, '世': 3}
	fmt.Println(mr['é'], mr['世'], mr['z'])
	mb := map[bool]string{true: "yes", false: "no"}
	fmt.Println(mb[true], mb[false], len(mb))

	// Struct values and keys; composite literals.
	pts := map[Pair]string{{1, 2}: "a", {3, 4}: "b"}
	pts[Pair{5, 6}] = "c"
	fmt.Println(pts[Pair{3, 4}], pts[Pair{5, 6}], len(pts))
	pv := map[string]Pair{"p": {7, 8}}
	p := pv["p"]
	p.X = 70
	fmt.Println(pv["p"].X, p.X, pv["q"].Y)

	// Elements and keys over 128 bytes are stored indirectly.
	bm := map[int]Big{}
	var b Big
	for i := range b.A {
		b.A[i] = i * i
	}
	b.S = "big"
	bm[1] = b
	b.A[0] = 99
	bm[2] = b
	fmt.Println(bm[1].A[19], bm[1].A[0], bm[2].A[0], bm[1].S, bm[3].A[5], bm[3].S == "")
	bk := map[[20]int]int{}
	bk[b.A] = 5
	var a2 [20]int
	a2 = b.A
	fmt.Println(bk[a2], len(bk))
	a2[3] = -1
	fmt.Println(bk[a2])
	delete(bk, b.A)
	fmt.Println(len(bk))

	// An element over 1024 bytes: a missing key reads as zero.
	huge := map[string][300]int{}
	h := huge["none"]
	fmt.Println(h[0], h[299])
	var arr [300]int
	arr[299] = 7
	huge["x"] = arr
	fmt.Println(huge["x"][299], huge["y"][299])

	// Maps of slices and maps of maps.
	ms := map[string][]int{}
	ms["a"] = append(ms["a"], 1)
	ms["a"] = append(ms["a"], 2)
	ms["b"] = append(ms["b"], 3)
	fmt.Println(len(ms["a"]), ms["a"][1], ms["b"], ms["c"] == nil)
	mm := map[string]map[string]int{}
	for _, w := range []string{"x", "y", "x", "z", "x"} {
		inner, ok := mm[w]
		if !ok {
			inner = map[string]int{}
			mm[w] = inner
		}
		inner["n"]++
	}
	fmt.Println(mm["x"]["n"], mm["y"]["n"], mm["q"]["n"], len(mm))

	// Maps are references.
	r1 := map[int]int{1: 1}
	r2 := r1
	r2[2] = 2
	fmt.Println(len(r1), r1[2])
	add(r1, 3)
	fmt.Println(len(r1), r1[3])

	// Zero-size elements: a set.
	set := map[string]struct{}{}
	for _, w := range []string{"a", "b", "a", "c", "b"} {
		set[w] = struct{}{}
	}
	_, has := set["c"]
	_, hasnt := set["d"]
	fmt.Println(len(set), has, hasnt)

	// clear.
	clear(m)
	fmt.Println(len(m), m["two"])
	m["again"] = 1
	fmt.Println(len(m), m["again"])
	clear(nm)

	// A literal with many entries.
	lit := map[int]string{
		1: "a", 2: "b", 3: "c", 4: "d", 5: "e", 6: "f", 7: "g", 8: "h", 9: "i", 10: "j",
		11: "k", 12: "l", 13: "m", 14: "n", 15: "o", 16: "p", 17: "q", 18: "r", 19: "s", 20: "t",
		21: "u", 22: "v", 23: "w", 24: "x", 25: "y", 26: "z", 27: "A", 28: "B", 29: "C", 30: "D",
	}
	out := ""
	for i := 1; i <= 30; i++ {
		out += lit[i]
	}
	fmt.Println(len(lit), out)
}

func add(m map[int]int, k int) {
	m[k] = k
}
