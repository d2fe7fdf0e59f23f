// HMAC, HKDF and PBKDF2 over SHA-3 (including the zero sha3.SHA3, which is
// SHA3-256): crypto/internal/fips140hash reaches crypto/sha3 by linkname.
package main

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha3"
	"fmt"
	"hash"
)

func main() {
	for _, nf := range []func() hash.Hash{
		func() hash.Hash { return sha3.New224() },
		func() hash.Hash { return sha3.New256() },
		func() hash.Hash { return sha3.New512() },
		func() hash.Hash { return new(sha3.SHA3) }, // the zero SHA3 is SHA3-256
	} {
		mac := hmac.New(nf, []byte("key"))
		mac.Write([]byte("the message"))
		fmt.Printf("%x\n", mac.Sum(nil))
		k, err := hkdf.Key(nf, []byte("secret"), []byte("salt"), "info", 40)
		fmt.Printf("%x %v\n", k, err)
		p, err := pbkdf2.Key(nf, "password", []byte("salt"), 3, 20)
		fmt.Printf("%x %v\n", p, err)
	}
}
