package main

import "fmt"

var calls int

func key() string {
	calls++
	return "k"
}

func idx() int {
	calls++
	return 1
}

type S struct{ a [3]int }

func (s *S) get() *S {
	calls++
	return s
}

func main() {
	m := map[string]int{}
	m[key()] += 1
	m[key()]++
	fmt.Println(m, calls)
	calls = 0
	xs := []int{1, 2, 3}
	xs[idx()] += 10
	xs[idx()]++
	fmt.Println(xs, calls)
	calls = 0
	s := &S{}
	s.get().a[idx()] += 5
	fmt.Println(s.a, calls)
	arr := []string{"a", "b"}
	i := 0
	i, arr[i] = 1, "z"
	fmt.Println(i, arr)
	ms := map[string][]string{}
	ms[key()] = append(ms[key()], "v")
	fmt.Println(len(ms["k"]), calls)
}
