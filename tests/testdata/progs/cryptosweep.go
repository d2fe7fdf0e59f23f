// Cryptosweep runs the standard library's hashes, HMAC, HKDF, PBKDF2 and
// AES modes (GCM, CBC, OFB) over inputs written in pieces and slices that
// start at odd offsets, where the portable crypto code XORs words at any
// alignment and compares in constant time (an intrinsic in gc).
package main

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"hash"
	"hash/crc32"
	"hash/crc64"
	"hash/fnv"
)

func pattern(n, mul int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*mul + 1)
	}
	return b
}

func main() {
	data := pattern(300, 5)
	hs := map[string]func() hash.Hash{
		"md5": md5.New, "sha1": sha1.New, "sha256": sha256.New, "sha224": sha256.New224,
		"sha512": sha512.New, "sha384": sha512.New384,
		"crc32": func() hash.Hash { return crc32.NewIEEE() },
		"crc32c": func() hash.Hash { return crc32.New(crc32.MakeTable(crc32.Castagnoli)) },
		"crc64": func() hash.Hash { return crc64.New(crc64.MakeTable(crc64.ECMA)) },
		"fnv": func() hash.Hash { return fnv.New64a() },
		"hmac": func() hash.Hash { return hmac.New(sha256.New, []byte("key")) },
	}
	for _, name := range []string{"md5", "sha1", "sha256", "sha224", "sha512", "sha384", "crc32", "crc32c", "crc64", "fnv", "hmac"} {
		for _, split := range [][]int{{300}, {1, 2, 3, 61, 64, 169}, {7, 293}} {
			h := hs[name]()
			off := 0
			for _, n := range split {
				h.Write(data[off : off+n])
				off += n
			}
			fmt.Printf("%s %v %x\n", name, split, h.Sum(nil))
		}
	}
	block, _ := aes.NewCipher(pattern(32, 3))
	gcm, _ := cipher.NewGCM(block)
	nonce := pattern(12, 9)
	for _, n := range []int{0, 1, 15, 16, 17, 33, 100} {
		msg := pattern(n+3, 7)[3:]
		ct := gcm.Seal(nil, nonce, msg, pattern(5, 2))
		pt, err := gcm.Open(nil, nonce, ct, pattern(5, 2))
		fmt.Printf("gcm %d %x %v %v\n", n, ct, err, string(pt) == string(msg))
	}
	cbcIn := pattern(48+1, 11)[1:]
	cbcOut := make([]byte, 48)
	cipher.NewCBCEncrypter(block, pattern(16, 4)).CryptBlocks(cbcOut, cbcIn)
	fmt.Printf("cbc %x\n", cbcOut)
	ofb := make([]byte, 37)
	cipher.NewOFB(block, pattern(16, 6)).XORKeyStream(ofb, pattern(38, 8)[1:])
	fmt.Printf("ofb %x\n", ofb)
	k, err := hkdf.Key(sha256.New, []byte("secret"), []byte("salt"), "info", 42)
	fmt.Printf("hkdf %x %v\n", k, err)
	p, err := pbkdf2.Key(sha256.New, "password", []byte("salt"), 10, 20)
	fmt.Printf("pbkdf2 %x %v\n", p, err)
}
