// gort's declarations for the runtime's error values: what recover()
// returns for a panic the runtime raises (the linker builds them through
// panic.makeRuntimeError).

package runtime

// The Error interface identifies a run time error.
type Error interface {
	error

	// RuntimeError is a no-op function but serves to distinguish types
	// that are run time errors from ordinary errors.
	RuntimeError()
}

// A TypeAssertionError explains a failed type assertion.
type TypeAssertionError struct {
	msg string
}

func (*TypeAssertionError) RuntimeError() {}

func (e *TypeAssertionError) Error() string { return e.msg }

// An errorString is a run time error with a message ("runtime error: ...").
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string { return string(e) }

// A plainError is a run time error printed without the "runtime error: "
// prefix ("send on closed channel").
type plainError string

func (e plainError) RuntimeError() {}

func (e plainError) Error() string { return string(e) }

// A boundsError is an index or slice expression out of range.
type boundsError struct {
	msg string
}

func (e boundsError) RuntimeError() {}

func (e boundsError) Error() string { return e.msg }

// A PanicNilError happens when code calls panic(nil).
type PanicNilError struct {
	_ [0]*PanicNilError
}

func (*PanicNilError) Error() string { return "panic called with nil argument (obsolete: use GODEBUG=panicnil=1)" }

func (*PanicNilError) RuntimeError() {}
