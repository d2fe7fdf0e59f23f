package main

import (
	"fmt"
	"sort"
	"strings"
)

type Index struct {
	byName map[string][]int
	count  *map[string]int
}

type Set[K comparable] map[K]struct{}

func (s Set[K]) Add(k K)           { s[k] = struct{}{} }
func (s Set[K]) Has(k K) bool      { _, ok := s[k]; return ok }
func Keys[K comparable, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func counter() map[string]int { return map[string]int{"start": 1} }

var calls int

func key(s string) string {
	calls++
	return s
}

type Shape interface{ Name() string }
type Circle struct{ R int }

func (c Circle) Name() string { return fmt.Sprint("circle", c.R) }

func main() {
	// Maps in struct fields and behind pointers.
	cnt := map[string]int{}
	ix := Index{byName: map[string][]int{}, count: &cnt}
	for i, w := range strings.Fields("a b a c b a") {
		ix.byName[w] = append(ix.byName[w], i)
		(*ix.count)[w]++
	}
	fmt.Println(ix.byName["a"], ix.byName["b"], cnt["a"], len(*ix.count))

	// Generic map types and functions.
	s := Set[int]{}
	s.Add(3)
	s.Add(5)
	fmt.Println(s.Has(3), s.Has(4), len(s))
	ks := Keys(map[string]bool{"z": true, "y": false, "x": true})
	sort.Strings(ks)
	fmt.Println(ks)

	// A map returned by a call; op= and ++ on elements.
	// (Calls in the key of m[k] op= v are not used: gort evaluates them twice, see
	// docs/notes/compiler-bugs.md.)
	c := counter()
	k1, k2 := key("start"), key("new")
	c[k1] += 10
	c[k2]++
	fmt.Println(c["start"], c["new"], calls)

	// Swaps and tuple assignment.
	m := map[string]int{"a": 1, "b": 2}
	m["a"], m["b"] = m["b"], m["a"]
	var x int
	m["c"], x = 3, 4
	fmt.Println(m["a"], m["b"], m["c"], x)

	// comma-ok in if and switch.
	if v, ok := m["a"]; ok && v == 2 {
		fmt.Println("found a")
	}
	switch _, ok := m["zz"]; {
	case ok:
		fmt.Println("zz?")
	default:
		fmt.Println("no zz")
	}

	// Per-iteration loop variables captured by closures in a range over a map.
	fs := map[int]func() int{}
	for k, v := range map[int]int{1: 10, 2: 20, 3: 30} {
		fs[k] = func() int { return k + v }
	}
	fmt.Println(fs[1](), fs[2](), fs[3]())

	// Interface values; type switches on elements.
	shapes := map[string]Shape{"c": Circle{2}}
	shapes["d"] = Circle{3}
	for _, k := range []string{"c", "d", "e"} {
		switch v := shapes[k].(type) {
		case Circle:
			fmt.Println(k, v.Name(), v.R)
		case nil:
			fmt.Println(k, "nil")
		}
	}
	var anyv interface{} = map[string]int{"q": 1}
	if mm, ok := anyv.(map[string]int); ok {
		mm["r"] = 2
	}
	fmt.Println(len(anyv.(map[string]int)))

	// Funcs as values; arrays as values (copied out).
	ops := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	fmt.Println(ops["add"](3, 4), ops["mul"](3, 4), ops["sub"] == nil)
	arrs := map[int][3]int{1: {1, 2, 3}}
	a := arrs[1]
	a[0] = 100
	fmt.Println(arrs[1][0], a[0], arrs[2][2])

	// delete in a deferred call, and len of a map in a loop condition.
	d := map[int]bool{1: true, 2: true, 3: true}
	func() {
		defer delete(d, 2)
		fmt.Println(len(d))
	}()
	fmt.Println(len(d), d[2])
	n := 0
	for len(d) > 0 {
		for k := range d {
			delete(d, k)
			n++
			break
		}
	}
	fmt.Println(n, len(d))

	// Struct-valued elements: read, modify, store back.
	type acct struct {
		Owner string
		Bal   int
	}
	accts := map[int]acct{7: {"ann", 10}}
	ac := accts[7]
	ac.Bal += 5
	accts[7] = ac
	fmt.Println(accts[7].Bal, accts[7].Owner, accts[8].Owner == "")
	pa := map[int]*acct{1: {"bob", 1}}
	pa[1].Bal = 99
	fmt.Println(pa[1].Bal, pa[2] == nil)

	// Byte-slice conversions as keys.
	bs := []byte("key")
	sm := map[string]int{"key": 42}
	fmt.Println(sm[string(bs)], sm[string(bs[:2])])
}
