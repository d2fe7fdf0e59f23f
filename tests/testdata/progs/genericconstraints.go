// Methods of a type parameter's constraint, called on values of the type
// argument (named ints, structs, pointers, promoted methods, interfaces): in
// calls, defer and go statements, method values and method expressions.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type MyInt int8

func (m MyInt) Double() MyInt    { return m * 2 }
func (m MyInt) String() string   { return fmt.Sprint("i", int(m)) }
func (m MyInt) Add(o MyInt) MyInt { return m + o }

type Vec struct {
	X, Y float64
	Tag  string
}

func (v Vec) Double() Vec      { return Vec{v.X * 2, v.Y * 2, v.Tag + "2"} }
func (v Vec) String() string   { return fmt.Sprintf("(%g,%g)%s", v.X, v.Y, v.Tag) }
func (v Vec) Add(o Vec) Vec    { return Vec{v.X + o.X, v.Y + o.Y, v.Tag} }

type Counter struct{ n int }

func (c *Counter) String() string { c.n++; return fmt.Sprint("c", c.n) }

type Named struct {
	Vec // promoted String, Double, Add
	Name string
}

type Doubler[T any] interface{ Double() T }
type Adder[T any] interface{ Add(T) T }

func DoubleAll[T Doubler[T]](xs []T) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		out[i] = x.Double()
	}
	return out
}

func Sum[T Adder[T]](zero T, xs ...T) T {
	s := zero
	for _, x := range xs {
		s = s.Add(x)
	}
	return s
}

func Join[T fmt.Stringer](xs []T) string {
	var b strings.Builder
	for i := range xs {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(xs[i].String())
	}
	return b.String()
}

func Deferred[T fmt.Stringer](x T) (out []string) {
	defer func() { out = append(out, "end") }()
	defer fmt.Sprint(x.String())
	out = append(out, x.String())
	return
}

func InGoroutine[T fmt.Stringer](xs []T) []string {
	res := make([]string, len(xs))
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res[i] = x.String()
		}()
	}
	wg.Wait()
	return res
}

func Twice[T interface {
	comparable
	Double() T
}](x T) (T, bool) {
	d := x.Double()
	return d.Double(), d == x
}

func MethodValue[T fmt.Stringer](x T) string {
	f := x.String
	return f() + "|" + f()
}

func MethodExpr[T fmt.Stringer](x T) string {
	g := T.String
	return g(x)
}

func main() {
	fmt.Println(DoubleAll([]MyInt{1, 64, -65}), DoubleAll([]Vec{{1, 2, "a"}, {-1, 0.5, "b"}}))
	fmt.Println(Sum(MyInt(0), 1, 2, 3), Sum(Vec{Tag: "s"}, Vec{1, 1, ""}, Vec{2, 3, ""}))
	fmt.Println(Join([]MyInt{1, 2}), Join([]Vec{{1, 2, "v"}}), Join([]*Counter{{}, {5}}))
	fmt.Println(Join([]fmt.Stringer{MyInt(7), Vec{0, 0, "z"}, &Counter{}}))
	fmt.Println(Join([]Named{{Vec{3, 4, "n"}, "name"}}), Sum(Vec{}, Named{Vec{1, 2, "p"}, "q"}.Vec))
	fmt.Println(Deferred(MyInt(3)), Deferred(&Counter{}))
	fmt.Println(InGoroutine([]Vec{{1, 1, "g"}, {2, 2, "h"}}))
	fmt.Println(Twice(MyInt(0)))
	fmt.Println(Twice(Vec{1, 1, "t"}))
	fmt.Println(MethodValue(MyInt(2)), MethodValue(Vec{1, 2, "m"}), MethodValue(fmt.Stringer(MyInt(5))), MethodValue(&Counter{}))
	fmt.Println(MethodExpr(MyInt(2)), MethodExpr(Vec{3, 4, "e"}), MethodExpr(fmt.Stringer(Vec{})), MethodExpr(&Counter{n: 9}))
}
