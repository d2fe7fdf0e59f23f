// Xorbytes exercises XOR over byte slices that start at any offset: the
// sponge of SHA-3 absorbing input in pieces that leave it mid-word, cSHAKE
// (whose prefix block is written in three pieces), crypto/subtle.XORBytes at
// every alignment with the destination equal to a source, and a CTR stream
// cipher fed odd-sized chunks.
package main

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha3"
	"crypto/subtle"
	"fmt"
)

func pattern(n, mul int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*mul + 3)
	}
	return b
}

func sponge() {
	data := pattern(500, 7)
	splits := [][]int{{500}, {1, 499}, {2, 166, 3, 329}, {5, 13, 21, 34, 55, 89, 144, 139}, {167, 1, 1, 331}}
	for _, split := range splits {
		h := sha3.NewSHAKE128()
		h256 := sha3.New256()
		off := 0
		for _, n := range split {
			h.Write(data[off : off+n])
			h256.Write(data[off : off+n])
			off += n
		}
		out := make([]byte, 24)
		h.Read(out)
		fmt.Printf("%v shake128 %x sha3-256 %x\n", split, out, h256.Sum(nil))
	}
}

func cshake() {
	for _, c := range []struct{ n, s string }{{"", "x"}, {"fn", "custom"}, {"KMAC", "an odd-length customization"}} {
		h := sha3.NewCSHAKE128([]byte(c.n), []byte(c.s))
		h.Write([]byte("message"))
		out := make([]byte, 20)
		h.Read(out)
		fmt.Printf("cshake128(%q, %q) %x\n", c.n, c.s, out)
	}
}

func xorAtOffsets() {
	sum := 0
	for off := 0; off < 9; off++ {
		for n := 0; n < 30; n++ {
			x := pattern(off+n, 5)[off:]
			y := pattern(off+n+3, 11)[off+3:]
			dst := make([]byte, n+1)[1:]
			got := subtle.XORBytes(dst, x, y)
			subtle.XORBytes(x, x, y) // in place: dst is x
			for i := 0; i < n; i++ {
				if dst[i] != x[i] {
					fmt.Println("mismatch", off, n, i)
				}
				sum += int(dst[i]) * (i + 1)
			}
			sum += got
		}
	}
	fmt.Println("xor checksum", sum)
}

func ctr() {
	block, err := aes.NewCipher(pattern(16, 3))
	if err != nil {
		panic(err)
	}
	plain := pattern(301, 13)
	var out []byte
	s := cipher.NewCTR(block, pattern(16, 17))
	for off, n := 0, 1; off < len(plain); off, n = off+n, n+2 {
		end := min(off+n, len(plain))
		buf := make([]byte, end-off)
		s.XORKeyStream(buf, plain[off:end])
		out = append(out, buf...)
	}
	fmt.Printf("ctr %x\n", out[:40])
	fmt.Printf("ctr tail %x\n", out[len(out)-20:])
}

func main() {
	sponge()
	cshake()
	xorAtOffsets()
	ctr()
}
