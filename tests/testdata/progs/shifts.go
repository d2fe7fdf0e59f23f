// Shifts by constant counts, at the widths' edges, of signed and unsigned values.
package main

import "fmt"

func main() {
	xs := []int64{1, -1, 12345, -12345, 1 << 62, -1 << 63}
	for _, x := range xs {
		fmt.Println(x<<1, x<<63, x>>1, x>>63, uint64(x)>>63, uint64(x)<<4)
		a := int8(x)
		fmt.Println(a<<7, a>>7, a<<3, uint8(a)>>7, uint8(a)<<7)
		b := int32(x)
		fmt.Println(b<<31, b>>31, b<<16)
	}
}
