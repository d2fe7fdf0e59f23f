// errors.AsType (Go 1.26): the first error of a type in the tree, through As methods and joins.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

type codeErr struct{ code int }

func (e codeErr) Error() string { return fmt.Sprint("code ", e.code) }

type asErr struct{}

func (asErr) Error() string { return "as" }
func (asErr) As(t any) bool {
	if p, ok := t.(*codeErr); ok {
		*p = codeErr{99}
		return true
	}
	return false
}

func main() {
	_, err := os.Open("/nonexistent/x")
	pe, ok := errors.AsType[*fs.PathError](err)
	fmt.Println(ok, pe.Op)
	e := fmt.Errorf("wrap: %w", codeErr{7})
	ce, ok := errors.AsType[codeErr](e)
	fmt.Println(ce.code, ok)
	j := errors.Join(errors.New("x"), fmt.Errorf("y: %w", asErr{}))
	ce2, ok2 := errors.AsType[codeErr](j)
	fmt.Println(ce2.code, ok2)
	_, ok3 := errors.AsType[codeErr](nil)
	fmt.Println(ok3, errors.ErrUnsupported)
}
