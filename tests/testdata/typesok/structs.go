package main

import (
	"errors"
	"fmt"
	"strings"
	"unsafe"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64       { return r.W * r.H }
func (r Rect) Perimeter() float64  { return 2 * (r.W + r.H) }
func (c *Circle) Area() float64    { return 3.14159 * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * 3.14159 * c.R }

type Named struct {
	Rect
	Name string
	tags map[string][]int
}

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

var ErrNotFound = errors.New("not found")

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
)

func find(m map[string]int, k string) (int, error) {
	if v, ok := m[k]; ok {
		return v, nil
	}
	return 0, fmt.Errorf("%s: %w", k, ErrNotFound)
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
		switch v := s.(type) {
		case Rect:
			_ = v.W
		case *Circle:
			_ = v.R
		}
	}
	n := Named{Rect: Rect{1, 1}, Name: "x"}
	fmt.Println(n.Area(), n.W, total, KB, MB, GB, Sunday, Monday)
	var err error = &E{"boom"}
	var target *E
	if errors.As(err, &target) {
		fmt.Println(target.msg)
	}
	_, err = find(map[string]int{}, "k")
	fmt.Println(errors.Is(err, ErrNotFound))
	var sb strings.Builder
	sb.WriteString("hi")
	fmt.Println(sb.String(), unsafe.Sizeof(n), unsafe.Offsetof(n.Name), unsafe.Alignof(n.tags))
	ch := make(chan int, 3)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for v := range ch {
			fmt.Println(v)
		}
	}()
	for i := 0; i < 3; i++ {
		ch <- i
	}
	close(ch)
	select {
	case <-done:
	}
	arr := [...]int{1, 2, 3}
	sl := arr[1:]
	ptr := &arr
	fmt.Println(len(arr), cap(sl), ptr[0], copy(sl, []int{9}))
	var x interface{} = 3
	if i, ok := x.(int); ok {
		fmt.Println(i + 1)
	}
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered", r)
		}
	}()
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
		}
	}
	m := map[[2]int]string{{1, 2}: "a"}
	delete(m, [2]int{1, 2})
	clear(m)
	var c complex128 = complex(1, 2)
	fmt.Println(real(c), imag(c))
	goto end
end:
	println("done")
}
