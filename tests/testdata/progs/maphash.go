// hash/maphash: MakeSeed and the runtime's memhash (natives in gort); String,
// Bytes, Hash in pieces and byte by byte agree, and Comparable/WriteComparable.
package main

import (
	"fmt"
	"hash/maphash"
	"strings"
)

type K struct {
	S string
	I int16
	F float64
	A any
}

func main() {
	seed := maphash.MakeSeed()
	other := maphash.MakeSeed()
	fmt.Println(seed == other)
	s := strings.Repeat("0123456789abcdef", 40)
	ok := true
	for n := 0; n <= len(s); n += 7 {
		one := maphash.String(seed, s[:n])
		if one != maphash.Bytes(seed, []byte(s[:n])) {
			ok = false
		}
		var h maphash.Hash
		h.SetSeed(seed)
		for i := 0; i < n; i += 13 {
			h.WriteString(s[i:min(n, i+13)])
		}
		if h.Sum64() != one {
			ok = false
			fmt.Println("pieces", n)
		}
		var h2 maphash.Hash
		h2.SetSeed(seed)
		for i := 0; i < n; i++ {
			h2.WriteByte(s[i])
		}
		if h2.Sum64() != one {
			ok = false
			fmt.Println("bytes", n)
		}
		h.Reset()
		h.WriteString(s[:n])
		if h.Sum64() != one {
			ok = false
		}
	}
	fmt.Println(ok)
	k1 := K{"x", 3, 1.5, "iface"}
	k2 := K{"x", 3, 1.5, "iface"}
	fmt.Println(maphash.Comparable(seed, k1) == maphash.Comparable(seed, k2), maphash.Comparable(seed, 0.0) == maphash.Comparable(seed, -0.0))
	var h, h2 maphash.Hash
	h.SetSeed(seed)
	h2.SetSeed(seed)
	maphash.WriteComparable(&h, k1)
	maphash.WriteComparable(&h2, k2)
	fmt.Println(h.Sum64() == h2.Sum64(), h.Seed() == seed)
	var z maphash.Hash
	z.WriteString("abc")
	c, _ := z.Clone()
	fmt.Println(c.(*maphash.Hash).Sum64() == z.Sum64(), len(z.Sum([]byte{1})))
}
