// Masks and wraps the compiler leaves out when a value cannot leave its
// type's range (intrange.py), next to ones it must keep.
package main

import "fmt"

//go:noinline
func u64s() []uint64 {
	return []uint64{0, 1, 0x7f, 0x80, 0xff, 0x1ff, 0xffff, 0x8000_0000, 0xffff_ffff, 0x1_0000_0000,
		0x7fff_ffff_ffff_ffff, 0x8000_0000_0000_0000, 0xffff_ffff_ffff_ffff, 0xdead_beef_cafe_f00d}
}

//go:noinline
func i64s() []int64 {
	return []int64{0, 1, -1, 127, -128, 255, -256, 1 << 31, -(1 << 31), 1<<31 - 1, 1<<63 - 1, -1 << 63, -12345678901, 98765}
}

func unsigned(x uint64) {
	a := x & 0x8000_0000           // a mask: never wider than the mask
	b := uint32(x & 0x7fff_ffff)   // fits uint32
	c := uint32(x >> 40)           // fits uint32
	d := uint8(x & 0x1ff)          // does not fit: reduced
	e := uint8(x & 0xff)           // fits
	f := uint16(x) | uint16(x>>8)<<8 // | of values that fit
	g := uint32(uint8(x)) << 24    // fits exactly
	h := uint32(uint8(x)) << 25    // does not fit: reduced
	i := (x>>1)&0x5555_5555_5555_5555 + x&0x5555_5555_5555_5555
	j := x &^ 0xff
	k := uint32(x % 1000)
	l := uint16(x / (1 << 50))
	m := uint8(x>>56) + uint8(x>>48) // may overflow: reduced
	n := (x & 0xffff) * (x & 0xffff) // fits
	o := (x | 1) * (x & 3)           // may overflow: reduced
	p := x&0xf - 7                   // may go below 0: reduced
	q := uint8(x>>4) & 0xf << 4
	fmt.Println(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q)
}

func signed(x int64) {
	a := x & 0xff            // non-negative
	b := x & -8              // keeps the sign
	c := int8(x & 0x7f)      // fits
	d := int8(x & 0xff)      // does not fit: reduced
	e := int32(x % 1000)     // fits (negative too)
	f := uint8(x % 200)      // may be negative: reduced
	g := int32(x / 3)        // does not fit: reduced
	h := int16(int8(x)) * int16(int8(x>>8)) // fits
	i := int8(x) * int8(x>>8)               // may overflow: reduced
	j := int8(x) << 1                       // may overflow: reduced
	k := int16(int8(x)) << 7                // fits
	l := int8(x) | int8(x>>8)
	m := int8(x) ^ -1
	n := x >> 60
	o := uint64(int32(x))   // negative: reduced
	p := int64(uint32(x))   // widening
	q := int32(x>>32) + int32(x>>33) // may overflow: reduced
	r := int32(x>>40) + int32(x>>41) // fits
	s := x &^ 0xf
	t := -x & 0xffff
	fmt.Println(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t)
}

func lengths(s []byte, str string) {
	a := len(s) & 7
	b := uint8(len(str) & 0xff)
	c := uint8(len(str))
	d := len(s) + len(str) // may pass MaxInt: reduced
	e := int32(len(s) >> 40)
	fmt.Println(a, b, c, d, e)
}

func bytesLE(b []byte) (uint16, uint32, uint64) {
	v16 := uint16(b[0]) | uint16(b[1])<<8
	v32 := uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
	v64 := uint64(v32) | uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
	return v16, v32, v64
}

func main() {
	for _, x := range u64s() {
		unsigned(x)
	}
	for _, x := range i64s() {
		signed(x)
	}
	lengths(make([]byte, 300), "hello, world")
	lengths(nil, string(make([]byte, 256)))
	fmt.Println(bytesLE([]byte{0x01, 0xff, 0x80, 0xfe, 0x7f, 0x00, 0xaa, 0xff}))
	fmt.Println(bytesLE([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}))
}
