package main

import "fmt"

type Animal interface {
	Sound() string
	Name() string
}

type Base struct{ name string }

func (b Base) Name() string      { return b.name }
func (b *Base) Rename(n string)  { b.name = n }
func (b Base) Describe() string  { return "I am " + b.name }

type Dog struct {
	Base
	breed string
}

func (d Dog) Sound() string { return "woof" }

type Cat struct {
	*Base
	lives int
}

func (c Cat) Sound() string { return "meow" }

type Logger interface{ Log(string) }
type Named interface{ Name() string }
type NamedLogger interface {
	Logger
	Named
}

type L struct{ prefix string }

func (l *L) Log(s string)   { fmt.Println(l.prefix + s) }
func (l *L) Name() string   { return "L" }

const (
	A = iota * 10
	B
	C
	_
	E
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

type Matrix [2][2]int

func (m Matrix) Mul(o Matrix) Matrix {
	var r Matrix
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			for k := 0; k < 2; k++ {
				r[i][j] += m[i][k] * o[k][j]
			}
		}
	}
	return r
}

func main() {
	d := Dog{Base{"rex"}, "lab"}
	fmt.Println(d.Name(), d.Sound(), d.Describe(), d.name)
	d.Rename("max")
	fmt.Println(d.Name())
	c := Cat{&Base{"tom"}, 9}
	c.Rename("felix")
	fmt.Println(c.Name(), c.Sound(), c.lives)
	animals := []Animal{d, c, &d}
	for _, a := range animals {
		fmt.Println(a.Name(), a.Sound())
	}
	var nl NamedLogger = &L{"> "}
	nl.Log("hello")
	var n Named = nl
	fmt.Println(n.Name())
	fmt.Println(A, B, C, E, Monday, Tuesday+0, Weekday(0))
	fmt.Printf("%v %d %s\n", Monday, Monday, Tuesday)
	m := Matrix{{1, 1}, {1, 0}}
	r := m
	for i := 0; i < 5; i++ {
		r = r.Mul(m)
	}
	fmt.Println(r, m)
	pt := struct {
		X, Y int
		Tag  string
	}{1, 2, "p"}
	fmt.Println(pt, pt.Tag)
	fmt.Printf("%+v %T\n", pt, pt)
	arr := [3][2]string{{"a", "b"}, {"c"}}
	arr2 := arr
	arr2[0][0] = "z"
	fmt.Println(arr, arr2, arr == arr2, len(arr[2][0]))
	pa := &arr
	pa[1][1] = "q"
	fmt.Println(arr[1], len(pa))
	x := 1
	{
		x := 2
		x++
		_ = x
	}
	if x := 5; x > 3 {
		fmt.Println("inner", x)
	}
	fmt.Println("outer", x)
}
