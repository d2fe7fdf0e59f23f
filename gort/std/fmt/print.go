// Package fmt is gort's own stand-in for the standard fmt package: the
// printing functions are implemented natively (natives.py) until gort
// compiles Go's fmt, reflect and os from source. The verbs, flags and
// error forms follow Go's fmt documentation.
package fmt

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
}

func (e *wrapError) Error() string { return e.msg }

// Errorf formats according to a format specifier and returns the string
// as a value that satisfies error.
func Errorf(format string, a ...any) error {
	return &wrapError{Sprintf(format, a...)}
}

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
