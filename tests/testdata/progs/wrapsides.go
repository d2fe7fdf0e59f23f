// Wraps tested against one bound only: a value that can only rise past its
// type's maximum (x++, x += c with c >= 0, x*x, int32(u>>32)) or only fall
// below its minimum (x--, x -= c), next to ones that can cross either bound.
package main

import (
	"fmt"
	"math"
)

//go:noinline
func i64s() []int64 {
	return []int64{0, 1, -1, 2, -2, 3037000499, 3037000500, -3037000500, 1 << 32, math.MaxInt64, math.MaxInt64 - 1,
		math.MinInt64, math.MinInt64 + 1, math.MaxInt32, math.MinInt32}
}

//go:noinline
func i32s() []int32 {
	return []int32{0, 1, -1, 46340, 46341, -46341, math.MaxInt32, math.MaxInt32 - 1, math.MinInt32, math.MinInt32 + 1}
}

//go:noinline
func i8s() []int8 {
	return []int8{0, 1, -1, 11, 12, -12, 127, 126, -128, -127}
}

type counter struct{ n int64 }

func incs(x int64) {
	a := x
	a++
	b := x
	b--
	c := x
	c += 5
	d := x
	d -= 5
	e := x
	e += x
	f := x
	f -= x
	g := x
	g *= 3
	h := x
	h -= -7 // a negative constant: can rise past the maximum
	i := x
	i += -7 // can fall below the minimum
	k := counter{x}
	k.n++ // in memory
	p := &counter{x}
	p.n--
	arr := [2]int64{x, x}
	arr[1] += 9
	fmt.Println(a, b, c, d, e, f, g, h, i, k.n, p.n, arr)
}

func squares(x int64, y int32, z int8) {
	a := x * x // never negative before it wraps
	b := y * y
	c := z * z
	d := x * (x + 1)
	e := -x
	f := -y
	g := -z
	h := x*x + 1
	i := a*a - 1
	fmt.Println(a, b, c, d, e, f, g, h, i)
}

func conversions(u uint64, x int64) {
	a := int32(u >> 32) // only above: uint64 >> 32 is never negative
	b := int8(u >> 56)
	c := int32(x >> 16) // either bound
	d := int64(u)       // only above
	e := int16(uint16(u))
	f := int32(uint32(x))
	fmt.Println(a, b, c, d, e, f)
}

// T(y) << k wraps once, after the shift: the conversion's own wrap goes.
func convShifts(x int64, y int32) {
	a := uint64(x) << 32
	b := uint64(y) << 63
	c := int32(x) << 5
	d := uint8(x) << 3
	e := int16(uint64(x)) << 15
	f := int64(uint64(x)) << 1
	g := uint32(y) << 31
	h := int8(y) << 7
	fmt.Println(a, b, c, d, e, f, g, h)
}

func loops() {
	var n8 int8 = 120
	for i := 0; i < 10; i++ {
		n8++
	}
	var m8 int8 = -120
	for i := 0; i < 10; i++ {
		m8--
	}
	s := int16(0)
	for i := int16(0); i < 300; i++ {
		s += i
	}
	fmt.Println(n8, m8, s)
}

func main() {
	for _, x := range i64s() {
		incs(x)
		conversions(uint64(x), x)
		conversions(uint64(x)*0x9e3779b97f4a7c15, x*0x3779b97f4a7c15)
	}
	for i, x := range i64s() {
		y := i32s()[i%len(i32s())]
		z := i8s()[i%len(i8s())]
		squares(x, y, z)
		convShifts(x, y)
	}
	loops()
}
