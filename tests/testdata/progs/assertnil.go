// The messages of failed type assertions: of a nil interface to an
// interface type ("interface is nil", whatever the source type, as Go's
// runtime says), and to a concrete type (the source type is named), and of
// non-nil values of the wrong type or missing a method.
package main

import (
	"fmt"
	"io"
	"os"
)

type T struct{}

func (T) Read([]byte) (int, error) { return 0, nil }

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

func main() {
	var e any
	var r io.Reader
	try(func() { _ = e.(fmt.Stringer) })
	try(func() { _ = e.(error) })
	try(func() { _ = r.(io.Writer) })
	try(func() { _ = r.(io.ReadCloser) })
	try(func() { _ = e.(int) })
	try(func() { _ = r.(*os.File) })
	try(func() { _ = r.(T) })
	e = 3
	try(func() { _ = e.(fmt.Stringer) })
	try(func() { _ = e.(string) })
	r = T{}
	try(func() { _ = r.(io.Writer) })
	try(func() { _ = r.(*os.File) })
	_, ok := r.(io.ReadCloser)
	fmt.Println(ok)
}
