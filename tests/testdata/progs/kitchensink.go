// A bit of everything an everyday Go program does, against real Go.
package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64       { return r.W * r.H }
func (r Rect) Perimeter() float64  { return 2 * (r.W + r.H) }
func (c *Circle) Area() float64    { return 3 * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 6 * c.R }
func (r Rect) String() string      { return fmt.Sprintf("Rect(%gx%g)", r.W, r.H) }

type Named struct {
	Shape
	Name string
}

type Key struct {
	A int
	B string
}

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type Stack[T any] struct{ items []T }

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

type MyInt int

const (
	A = iota * 10
	B
	C
	_
	E
)

func divide(a, b int) (res int, err error) {
	defer func() {
		if r := recover(); r != nil {
			if re, ok := r.(runtime.Error); ok {
				err = fmt.Errorf("recovered: %v", re.Error())
			}
		}
	}()
	return a / b, nil
}

var ErrNotFound = errors.New("not found")

type wrapErr struct{ op string; err error }

func (w *wrapErr) Error() string { return w.op + ": " + w.err.Error() }
func (w *wrapErr) Unwrap() error { return w.err }

func find(m map[string]int, k string) (int, error) {
	if v, ok := m[k]; ok {
		return v, nil
	}
	return 0, &wrapErr{"find " + k, ErrNotFound}
}

func main() {
	shapes := []Shape{Rect{3, 4}, &Circle{2}, Named{Rect{1, 1}, "unit"}}
	for i, s := range shapes {
		switch v := s.(type) {
		case Rect:
			fmt.Println(i, "rect", v, v.Area())
		case *Circle:
			fmt.Println(i, "circle", v.R, v.Area(), v.Perimeter())
		case fmt.Stringer:
			fmt.Println(i, "stringer", v.String())
		default:
			fmt.Printf("%d other %T %.1f\n", i, v, v.Area())
		}
	}
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].Area() < shapes[j].Area() })
	for _, s := range shapes {
		fmt.Printf("%.2f ", s.Area())
	}
	fmt.Println()

	m := map[Key][]int{}
	m[Key{1, "a"}] = append(m[Key{1, "a"}], 1, 2)
	m[Key{2, "b"}] = nil
	fmt.Println(len(m), m[Key{1, "a"}], m[Key{3, "c"}] == nil, Key{1, "a"} == Key{1, "a"})
	fmt.Println(m)

	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.5), Sum[MyInt](4, 5))
	var st Stack[string]
	st.Push("x")
	st.Push("y")
	v, ok := st.Pop()
	fmt.Println(v, ok, len(st.items))
	fmt.Println(A, B, C, E)

	fmt.Println(divide(7, 2))
	fmt.Println(divide(1, 0))

	_, err := find(map[string]int{"a": 1}, "b")
	fmt.Println(err, errors.Is(err, ErrNotFound))
	var we *wrapErr
	fmt.Println(errors.As(err, &we), we.op)

	var mu sync.Mutex
	var wg sync.WaitGroup
	counts := make(map[int]int)
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			counts[i%3]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(counts)

	var funcs []func() int
	for i := range 3 {
		funcs = append(funcs, func() int { return i * i })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	tick := time.NewTicker(5 * time.Millisecond)
	never := make(chan bool)
	n := 0
loop:
	for {
		select {
		case <-tick.C:
			n++
			if n == 3 {
				break loop
			}
		case <-never:
		}
	}
	tick.Stop()
	fmt.Println("ticks:", n)

	s := "héllo, 世界\xff!"
	for i, r := range s {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println(len(s), []byte(s)[1], []rune(s)[1])
	fmt.Println(strings.Title("go is fun"), strings.EqualFold("Go", "GO"), strings.Count("cheese", "e"))

	arr := [3]int{1, 2, 3}
	arr2 := arr
	arr2[0] = 99
	fmt.Println(arr, arr2, arr == [3]int{1, 2, 3})

	var iface interface{} = Key{1, "x"}
	fmt.Println(iface == Key{1, "x"}, iface != Key{2, "x"})
	fmt.Printf("%v %+v %#v %T\n", iface, iface, iface, iface)
	fmt.Printf("%q %x %X %08.3f %-6d| %6.2s| %c %U\n", "hi\n", "hi", 255, 3.14159, 42, "hello", 'A', 'é')
	var nilm map[string]int
	var nils []int
	fmt.Println(nilm, nils, nilm == nil, len(nilm))
	fmt.Fprintln(os.Stderr, "done")
	defer fmt.Println("deferred 1")
	defer func() {
		r := recover()
		fmt.Println("recovered main:", r)
	}()
	var p *Rect
	fmt.Println(p.Area())
}
