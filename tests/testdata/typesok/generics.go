package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}

type List[T any] struct {
	next *List[T]
	val  T
}

func (l *List[T]) Each(yield func(T) bool) {
	for e := l; e != nil; e = e.next {
		if !yield(e.val) {
			return
		}
	}
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	r := make([]K, 0, len(m))
	for k := range m {
		r = append(r, k)
	}
	return r
}

func Map[T, U any](xs []T, f func(T) U) []U {
	r := make([]U, len(xs))
	for i, x := range xs {
		r[i] = f(x)
	}
	return r
}

type MyInt int

func (m MyInt) String() string { return fmt.Sprint(int(m)) }

type Box struct{}

func (Box) Get[T any](x T) T { return x }

func main() {
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]float64{1.5}), Sum([]MyInt{1, 2}))
	var s Stack[string]
	s.Push("a")
	v, ok := s.Pop()
	fmt.Println(v, ok)
	l := &List[int]{val: 1, next: &List[int]{val: 2}}
	for x := range l.Each {
		fmt.Println(x)
	}
	fmt.Println(len(Keys(map[string]int{"a": 1})))
	fmt.Println(Map([]int{1, 2}, func(i int) string { return fmt.Sprint(i) }))
	p := Pair[string, int]{"a", 1}
	fmt.Println(p.Key, p.Val, min(3, 1, 2), max(1.5, 2))
	fmt.Println(Box{}.Get[int](3), Box{}.Get("x"))
	for i := range 3 {
		_ = i
	}
	q := new(42)
	fmt.Println(*q)
}
