// Values, methods, numbers and formatting, against real Go.
package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

type Counter struct{ n int }

func (c Counter) IncCopy()  { c.n++ }
func (c *Counter) Inc()     { c.n++ }
func (c Counter) Get() int  { return c.n }

type Op func(a, b int) int

type Matrix [][]float64

func NewMatrix(r, c int) Matrix {
	m := make(Matrix, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

func (m Matrix) Mul(o Matrix) Matrix {
	res := NewMatrix(len(m), len(o[0]))
	for i := range m {
		for j := range o[0] {
			for k := range o {
				res[i][j] += m[i][k] * o[k][j]
			}
		}
	}
	return res
}

func variadic(prefix string, xs ...int) string {
	parts := make([]string, 0, len(xs))
	for _, x := range xs {
		parts = append(parts, strconv.Itoa(x))
	}
	return prefix + strings.Join(parts, ",")
}

func named() (x, y int) {
	defer func() { x *= 2 }()
	x, y = 3, 4
	return x + 1, y
}

type E struct{ code int }

func (e *E) Error() string { return "E" + strconv.Itoa(e.code) }

func mayFail(f bool) error {
	var e *E
	if f {
		e = &E{7}
	}
	return e // typed nil when !f
}

func main() {
	c := Counter{}
	c.IncCopy()
	c.Inc()
	inc := c.Inc
	inc()
	get := c.Get
	c.Inc()
	fmt.Println(c.n, get(), c.Get())

	ops := map[string]Op{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	fmt.Println(ops["add"](3, 4), ops["mul"](3, 4), ops["sub"] == nil)

	a := Matrix{{1, 2}, {3, 4}}
	fmt.Println(a.Mul(a))

	fmt.Println(variadic("v:", 1, 2, 3), variadic("e:"), variadic("s:", []int{9, 8}...))
	fmt.Println(named())

	var i8 int8 = 127
	i8++
	var u8 uint8 = 0
	u8--
	var u32 uint32 = 1 << 31
	u32 <<= 1
	x := 1
	fmt.Println(i8, u8, u32, x<<63, x<<64, -7/2, -7%2, 7>>1, -7>>1, uint64(1)<<63)
	fmt.Println(math.MaxUint32, math.MinInt64, ^0, ^uint16(0), 5&^3)
	f := 1e21
	fmt.Println(f, 1e20, 123456789.0, 0.000001, 1e-7, float32(0.1), math.Pi)
	fmt.Printf("%e %g %.3g %v %v\n", 12345.678, 0.00001234, 12345.678, math.NaN(), -math.Inf(1))
	z := complex(1, 2)
	fmt.Println(z*z, real(z), imag(z), z == complex(1, 2))
	fmt.Println(string(rune(65)), string([]byte{104, 105}), []byte("ab"), strconv.Quote("a\tb"), strconv.FormatInt(-42, 2))

	s := []int{1, 2, 3, 4, 5}
	copy(s[1:], s)
	fmt.Println(s)
	b := s[:2]
	b = append(b, 99)
	fmt.Println(s, b, len(b), cap(b))
	c2 := append([]int(nil), s...)
	c2[0] = -1
	fmt.Println(s[0], c2[0])

	type pt struct{ X, Y int }
	pts := []pt{{1, 2}, {3, 4}}
	for _, p := range pts {
		p.X = 100
	}
	for i := range pts {
		pts[i].Y *= 10
	}
	fmt.Println(pts)
	anon := struct {
		Name string
		Tags []string
	}{"n", []string{"a", "b"}}
	fmt.Printf("%+v\n", anon)

	m := map[int]bool{1: true, 2: true, 3: true, 4: true}
	for k := range m {
		if k%2 == 0 {
			delete(m, k)
		}
	}
	fmt.Println(len(m), m)

	err := mayFail(false)
	fmt.Println(err == nil, err != nil)
	if e := mayFail(true); e != nil {
		fmt.Println("err:", e)
	}

	i := 0
retry:
	i++
	if i < 3 {
		goto retry
	}
	fmt.Println("i", i)

outer:
	for a := 0; a < 3; a++ {
		switch {
		case a == 1:
			continue outer
		case a == 2:
			break outer
		}
		fmt.Println("a", a)
	}

	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "[%d]", i)
	}
	fmt.Println(sb.String(), sb.Len())
	fmt.Println(strings.Repeat("=", 5), strings.Replace("aaa", "a", "b", 2), strings.Split("a,b,,c", ","), len(strings.Split("", ",")))
	v, err2 := strconv.ParseInt("ff", 16, 64)
	_, err3 := strconv.Atoi("99999999999999999999")
	fmt.Println(v, err2, err3)
	fmt.Printf("%5.1f|%-5s|%05d|%x|%o|%b|%t|%p\n", 3.14159, "ab", 42, -255, 8, 5, true, nil)
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var arr [5]int
	idx := 5
	arr[idx%len(arr)] = 1
	fmt.Println(arr)
	panic(fmt.Sprintf("boom %d", 42))
}
