package main

import "fmt"

const big = 1 << 62

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func main() {
	var i8 int8 = 127
	i8++
	fmt.Println(i8)
	var u8 uint8 = 0
	u8--
	fmt.Println(u8)
	var i64 int64 = big
	i64 *= 4
	fmt.Println(i64)
	var u uint = 1
	u <<= 63
	fmt.Println(u, u<<1, u>>62)
	x := -7
	fmt.Println(x/2, x%2, x/-2, x%-2, 7/-2, 7%-2)
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(fib(20))
	var s int32 = -8
	fmt.Println(s>>1, s<<2, ^s, s&^3)
	a, b := 3, 4
	a, b = b, a
	fmt.Println(a, b, a*b-a|b, a^b)
	fmt.Println(0x10, 0o17, 0b101, 1_000_000, 'a', '\n')
	var f float64 = 7
	fmt.Println(f/2, int(f/2), float64(x)/3)
	h := 0
	for i := 0; i < 10; i++ {
		h = h*31 + i
	}
	fmt.Println(h)
	var m uint32 = 0xFFFFFFFF
	m += 2
	fmt.Println(m, uint64(1<<63))
}
