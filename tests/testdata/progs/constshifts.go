// Shifts by constant counts of every width, signed and unsigned: by 0, by
// less than the width, by the width and beyond; in expressions, in op=
// assignments, and through small functions inlined with constant arguments.
package main

import "fmt"

// Inlined with a literal count, the count becomes arithmetic on literals.
func bit32(c uint) uint32 { return 1 << (c & 31) }
func low8(x uint64, s uint) uint8 { return uint8(x >> s) }
func sar16(x int16, s uint) int16 { return x >> s }
func shl64(x int64, s int) int64 { return x << s }

func main() {
	i8s := []int8{1, -1, 127, -128, 0x35}
	for _, x := range i8s {
		u := uint8(x)
		fmt.Println(x<<0, x<<1, x<<7, x<<8, x<<200, x>>0, x>>1, x>>7, x>>8, x>>200)
		fmt.Println(u<<0, u<<1, u<<7, u<<8, u<<200, u>>0, u>>1, u>>7, u>>8, u>>200)
	}
	i16s := []int16{1, -1, 32767, -32768, 0x1234}
	for _, x := range i16s {
		u := uint16(x)
		fmt.Println(x<<0, x<<3, x<<15, x<<16, x<<17, x>>0, x>>3, x>>15, x>>16, x>>99)
		fmt.Println(u<<0, u<<3, u<<15, u<<16, u<<17, u>>0, u>>3, u>>15, u>>16, u>>99)
	}
	i32s := []int32{1, -1, 2147483647, -2147483648, 0x12345678}
	for _, x := range i32s {
		u := uint32(x)
		fmt.Println(x<<0, x<<5, x<<31, x<<32, x<<40, x>>0, x>>5, x>>31, x>>32, x>>40)
		fmt.Println(u<<0, u<<5, u<<31, u<<32, u<<40, u>>0, u>>5, u>>31, u>>32, u>>40)
	}
	i64s := []int64{1, -1, 9223372036854775807, -9223372036854775808, 0x123456789abcdef}
	for _, x := range i64s {
		u := uint64(x)
		n := int(x)
		un := uint(x)
		up := uintptr(u)
		fmt.Println(x<<0, x<<9, x<<63, x<<64, x<<65, x>>0, x>>9, x>>63, x>>64, x>>1000)
		fmt.Println(u<<0, u<<9, u<<63, u<<64, u<<65, u>>0, u>>9, u>>63, u>>64, u>>1000)
		fmt.Println(n<<32, n>>32, un<<32, un>>32, up<<60, up>>60)
	}

	// op= with constant counts.
	a, b := int32(-5), uint16(0xbeef)
	a <<= 3
	b >>= 4
	fmt.Println(a, b)
	a >>= 40
	b <<= 16
	fmt.Println(a, b)
	a = -7
	a <<= 0
	a >>= 0
	fmt.Println(a)

	// A named constant count, and an untyped constant shifted by a variable's count.
	const k = 12
	v := uint64(0xfff)
	fmt.Println(v<<k, v>>k, int8(v)<<k)

	// Inlined helpers called with literal counts.
	fmt.Println(bit32(0), bit32(1), bit32(31), bit32(32), bit32(33))
	fmt.Println(low8(0x1122334455667788, 0), low8(0x1122334455667788, 8), low8(0x1122334455667788, 64))
	fmt.Println(sar16(-300, 0), sar16(-300, 4), sar16(-300, 16), sar16(300, 100))
	fmt.Println(shl64(3, 0), shl64(3, 62), shl64(-3, 63), shl64(3, 64))

	// Shifts whose operand must still be evaluated.
	calls := 0
	f := func() uint32 { calls++; return 0xffffffff }
	fmt.Println(f()<<32, f()<<0, f()>>32, calls)
}
