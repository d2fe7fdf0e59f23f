// ChaCha8, the crypto hashes (purego), fnv and sync.Map (its hash-trie map reads Type.Equal and MapType.Hasher).
package main

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha512"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"sync"
)

func main() {
	c := rand.NewChaCha8([32]byte{1, 2, 3})
	r := rand.New(c)
	fmt.Println(r.IntN(1000), r.IntN(1000), r.Float64() < 1)
	fmt.Printf("%x\n%x\n%x\n", md5.Sum([]byte("gort")), sha1.Sum([]byte("gort")), sha512.Sum512([]byte("gort")))
	h := fnv.New64a()
	h.Write([]byte("gort"))
	fmt.Println(h.Sum64())
	var m sync.Map
	m.Store("a", 1)
	m.Store("b", 2)
	v, ok := m.Load("a")
	fmt.Println(v, ok)
	m.Delete("a")
	_, ok = m.Load("a")
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	act, loaded := m.LoadOrStore("b", 5)
	fmt.Println(ok, n, act, loaded)
	x := rand.IntN(10)
	fmt.Println(x >= 0 && x < 10)
}
