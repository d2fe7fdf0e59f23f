package main

import (
	"fmt"
	"math"
)

func main() {
	var f32 float32 = 1.1
	var f64 float64 = 1.1
	fmt.Println(f32, f64, float64(f32), f32*3, f64*3)
	fmt.Println(math.Sqrt(2), math.Floor(-2.5), math.Abs(-3), math.MaxInt64, math.Pi)
	fmt.Println(math.Inf(1), -math.Inf(1), math.NaN(), math.IsNaN(math.NaN()))
	fmt.Println(1e21, 1e20, 123456789.0, 0.000012345, 1.0, 100.0)
	c := complex(1, 2)
	c2 := c * c
	fmt.Println(c, c2, real(c2), imag(c2))
	var u8 uint8 = 200
	var i16 int16 = -300
	fmt.Println(u8+100, i16*200, int32(i16)*200, uint32(i16))
	fmt.Println(7.0/2, 7/2, -7/2, 7%3, -7%3, 1<<10, 0xff&^0x0f)
	fmt.Printf("%6.2f|%-8.3e|%g|%G|%.0f|%x\n", math.E, 123456.789, 1e-7, 2.5e30, 2.5, 255)
	fmt.Printf("%08b|%o|%#x|%#o|%X|% d|%+.2f\n", 5, 64, 255, 8, 48879, 7, 3.14159)
	var zero float64
	fmt.Println(1/zero, -1/zero, zero/zero == zero/zero)
	fmt.Println(int64(math.MaxInt32)+1, uint64(math.MaxUint32)+1, math.MinInt64)
	f1, f2 := 3.99, -3.99
	fmt.Println(int(f1), int(f2), uint8(257&0xff), float32(1)/3)
	h := uint32(2166136261)
	for _, b := range []byte("hash me") {
		h ^= uint32(b)
		h *= 16777619
	}
	fmt.Println(h)
	var x uint64 = 1
	for i := 0; i < 70; i++ {
		x *= 3
	}
	fmt.Println(x)
	fmt.Println(math.Float64bits(1.5), math.Float64frombits(0x4000000000000000))
}
