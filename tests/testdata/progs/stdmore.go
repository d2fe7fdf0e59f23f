// Standard packages beyond the core: bufio, io, containers, hashes, crypto, binary, rand.
package main

import (
	"bufio"
	"bytes"
	"container/ring"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"path"
	"strings"
	"unicode"
)

func main() {
	r := bufio.NewReader(strings.NewReader("alpha beta\ngamma\n"))
	for {
		line, err := r.ReadString('\n')
		if err == io.EOF {
			break
		}
		fmt.Printf("%q\n", strings.TrimRight(line, "\n"))
	}
	var buf bytes.Buffer
	n, _ := io.Copy(&buf, strings.NewReader("copied"))
	fmt.Println(n, buf.String())
	rg := ring.New(3)
	for i := 0; i < 3; i++ {
		rg.Value = i
		rg = rg.Next()
	}
	rg.Do(func(v any) { fmt.Print(v, " ") })
	fmt.Println()
	fmt.Println(hex.EncodeToString([]byte("hi")), crc32.ChecksumIEEE([]byte("hello")))
	sum := sha256.Sum256([]byte("abc"))
	fmt.Println(hex.EncodeToString(sum[:8]))
	b := make([]byte, 8)
	binary.LittleEndian.PutUint64(b, 0x0102030405060708)
	fmt.Println(b, binary.BigEndian.Uint32(b))
	rnd := rand.New(rand.NewPCG(1, 2))
	fmt.Println(rnd.IntN(100), rnd.IntN(100))
	fmt.Println(path.Join("a", "b/../c"), path.Base("/x/y.go"), path.Ext("f.tar.gz"))
	fmt.Println(unicode.IsLetter('é'), unicode.IsDigit('5'), unicode.ToUpper('ß'))
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintf(w, "%s\n", "via bufio")
}
