// fmt.Errorf wraps the operands of %w; %w anywhere else is a bad verb.
package main

import (
	"errors"
	"fmt"
	"io/fs"
)

type myErr struct{ code int }

func (e *myErr) Error() string { return fmt.Sprint("code ", e.code) }

func main() {
	e1 := errors.New("base")
	e2 := fmt.Errorf("wrapped: %w", e1)
	fmt.Println(e2, errors.Is(e2, e1), errors.Unwrap(e2) == e1)
	e3 := fmt.Errorf("two: %w and %w", e1, fs.ErrNotExist)
	fmt.Println(e3, errors.Is(e3, fs.ErrNotExist), errors.Is(e3, e1), errors.Unwrap(e3))
	e4 := fmt.Errorf("plain %d", 3)
	fmt.Printf("%v %T\n", e4, e4)
	fmt.Printf("%T %T\n", e2, e3)
	fmt.Println(fmt.Sprintf("bad %w", e1))
	fmt.Println(fmt.Errorf("notanerr %w", 42))
	var me *myErr
	e5 := fmt.Errorf("ctx: %w", &myErr{7})
	fmt.Println(errors.As(e5, &me), me.code, e5)
	fmt.Println(fmt.Errorf("%+w|%#w", e1, e1))
}

func init() {
	type pt struct{ X, Y int }
	fmt.Printf("%d %x %v %s\n", &pt{1, 2}, &[]int{10, 11}, &pt{3, 4}, &[2]string{"a", "b"})
}
