// Package fmt is gort's own stand-in for the standard fmt package: the
// printing functions are implemented natively (natives.py) until gort
// compiles Go's fmt, reflect and os from source. The verbs, flags and
// error forms follow Go's fmt documentation.
package fmt

import "errors"

// writer is io.Writer's method set; fmt declares it itself so that
// printing does not pull in io and sync.
type writer interface {
	Write(p []byte) (n int, err error)
}

// Stringer is implemented by any value that has a String method, which
// defines the "native" format for that value.
type Stringer interface {
	String() string
}

// GoStringer is implemented by any value that has a GoString method,
// which defines the Go syntax for that value (the %#v verb).
type GoStringer interface {
	GoString() string
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }

func (e *wrapError) Unwrap() error { return e.err }

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string { return e.msg }

func (e *wrapErrors) Unwrap() []error { return e.errs }

// Errorf formats according to a format specifier and returns the string
// as a value that satisfies error. An operand of the %w verb is wrapped:
// the error returned unwraps to it (or, for several, to all of them).
func Errorf(format string, a ...any) error {
	s, wrapped := errorf(format, a)
	switch len(wrapped) {
	case 0:
		return errors.New(s)
	case 1:
		w := &wrapError{msg: s}
		w.err, _ = a[wrapped[0]].(error)
		return w
	}
	var errs []error
	for i, argNum := range wrapped {
		if i > 0 && wrapped[i-1] == argNum {
			continue
		}
		if e, ok := a[argNum].(error); ok {
			errs = append(errs, e)
		}
	}
	return &wrapErrors{s, errs}
}

// errorf is Sprintf with %w allowed; it also reports the indexes of the
// operands of %w, in order.
func errorf(format string, a []any) (string, []int)

// Print formats using the default formats and writes to standard output.
func Print(a ...any) (n int, err error)

// Println formats using the default formats, separated by spaces, with a
// final newline, and writes to standard output.
func Println(a ...any) (n int, err error)

// Printf formats according to a format specifier and writes to standard output.
func Printf(format string, a ...any) (n int, err error)

// Sprint formats using the default formats and returns the resulting string.
func Sprint(a ...any) string

// Sprintln is Sprint with spaces between operands and a final newline.
func Sprintln(a ...any) string

// Sprintf formats according to a format specifier and returns the resulting string.
func Sprintf(format string, a ...any) string

// Fprint formats using the default formats and writes to w.
func Fprint(w writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprint(a...)))
}

// Fprintln formats using the default formats, separated by spaces, with a
// final newline, and writes to w.
func Fprintln(w writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintln(a...)))
}

// Fprintf formats according to a format specifier and writes to w.
func Fprintf(w writer, format string, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintf(format, a...)))
}

// Append formats using the default formats and appends the result to b.
func Append(b []byte, a ...any) []byte { return append(b, Sprint(a...)...) }

// Appendln is Append with spaces between operands and a final newline.
func Appendln(b []byte, a ...any) []byte { return append(b, Sprintln(a...)...) }

// Appendf formats according to a format specifier and appends the result to b.
func Appendf(b []byte, format string, a ...any) []byte { return append(b, Sprintf(format, a...)...) }
