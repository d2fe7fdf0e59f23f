// A method promoted from an embedded interface field whose interface has
// more methods than the one declaring it (Write of io.Writer inside RW at
// index 1), and through an embedded pointer; a nil one on the path panics.
package main

import (
	"fmt"
	"io"
	"strings"
)

type Inner struct {
	io.Reader
	n int
}

type Outer struct {
	*Inner
	name string
}

type RW interface {
	io.Reader
	io.Writer
}

type Holder struct{ RW }

type buf struct{ strings.Builder }

func (b *buf) Read(p []byte) (int, error) { return copy(p, "r"), nil }

func main() {
	o := Outer{&Inner{strings.NewReader("hello"), 1}, "o"}
	b := make([]byte, 3)
	n, err := o.Read(b)
	fmt.Println(n, err, string(b))
	h := Holder{&buf{}}
	h.Write([]byte("written"))
	n, _ = h.Read(b)
	fmt.Println(n, string(b[:n]), h.RW.(*buf).String())
	w := h.Write
	w([]byte("+more"))
	fmt.Println(h.RW.(*buf).String())
	defer func() { fmt.Println("recovered:", recover()) }()
	var o2 Outer
	o2.Read(b)
}
