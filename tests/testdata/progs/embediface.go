// Methods promoted from an interface field embedded in a struct (io.Reader
// in Top): called directly, deferred, in a goroutine, and as method values
// (bound to the field's value when evaluated; a nil one panics then).
package main

import (
	"fmt"
	"io"
	"strings"
)

type Base struct{ id int }

func (b *Base) ID() int     { return b.id }
func (b Base) Name() string { return fmt.Sprint("base", b.id) }

type Mid struct {
	*Base
	tag string
}

type Top struct {
	Mid
	io.Reader
	extra [3]byte
}

type Namer interface{ Name() string }

type IDer interface {
	ID() int
	Namer
}

func main() {
	t := Top{Mid{&Base{7}, "m"}, strings.NewReader("data"), [3]byte{1, 2, 3}}
	fmt.Println(t.ID(), t.Name(), t.tag, t.id)
	var i IDer = t
	fmt.Println(i.ID(), i.Name())
	f := t.ID
	t.Base.id = 9
	fmt.Println(f())
	buf := make([]byte, 2)
	n, _ := t.Read(buf)
	fmt.Println(n, string(buf))
	var r io.Reader = t
	rest, _ := io.ReadAll(r)
	fmt.Println(string(rest))
	var nm Namer = &t
	fmt.Println(nm.Name())
	t.Reader = strings.NewReader("xyz")
	rd := t.Read
	t.Reader = strings.NewReader("other")
	b3 := make([]byte, 3)
	n, err := rd(b3)
	fmt.Println(n, err, string(b3))
	func() {
		defer t.Read(b3)
		t.Reader = nil
	}()
	fmt.Println(string(b3))
	done := make(chan bool)
	t.Reader = strings.NewReader("go!")
	go func() {
		defer close(done)
		n, _ := t.Read(b3)
		fmt.Println("goroutine", n, string(b3))
	}()
	<-done
	func() {
		defer func() { fmt.Println("method value of nil:", recover()) }()
		t.Reader = nil
		rv := t.Read
		fmt.Println("not reached", rv != nil)
	}()
	defer func() { fmt.Println("recovered:", recover()) }()
	var z Top
	fmt.Println(z.Name())
}
