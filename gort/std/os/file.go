// Package os is gort's own stand-in for the standard os package: the same
// API for what programs commonly use (Args, Exit, Getenv, Stdin/Stdout/
// Stderr, files by name), implemented on Python natives (natives.py) until
// gort compiles os, syscall and internal/poll from Go's source.
package os

import (
	"errors"
	"io"
)

// Args hold the command-line arguments, starting with the program name.
var Args []string

func runtime_args() []string

func init() {
	Args = runtime_args()
}

// Exit causes the current program to exit with the given status code.
// Deferred functions are not run.
func Exit(code int)

// Getenv retrieves the value of the environment variable named by the key.
func Getenv(key string) string {
	v, _ := LookupEnv(key)
	return v
}

// LookupEnv retrieves the value of the environment variable named by the
// key, and whether it is present.
func LookupEnv(key string) (string, bool)

// Setenv sets the value of the environment variable named by the key.
func Setenv(key, value string) error

// Unsetenv unsets a single environment variable.
func Unsetenv(key string) error

// Environ returns a copy of strings representing the environment, in the
// form "key=value".
func Environ() []string

// Getpid returns the process id of the caller.
func Getpid() int

// Hostname returns the host name reported by the kernel.
func Hostname() (name string, err error)

// Getwd returns an absolute path name corresponding to the current directory.
func Getwd() (dir string, err error)

// A FileMode represents a file's mode and permission bits.
type FileMode uint32

// File represents an open file descriptor.
type File struct {
	fd   int
	name string
}

// Standard input, output and error.
var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

// NewFile returns a new File with the given file descriptor and name.
func NewFile(fd uintptr, name string) *File {
	return &File{fd: int(fd), name: name}
}

// Name returns the name of the file as presented to Open.
func (f *File) Name() string { return f.name }

// Fd returns the integer Unix file descriptor referencing the open file.
func (f *File) Fd() uintptr { return uintptr(f.fd) }

// Write writes len(b) bytes from b to the File.
func (f *File) Write(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	n, e := write(f.fd, b)
	if e != "" {
		return n, &PathError{Op: "write", Path: f.name, Err: errors.New(e)}
	}
	return n, nil
}

// WriteString is like Write, but writes the contents of string s.
func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

// Read reads up to len(b) bytes from the File and stores them in b.
func (f *File) Read(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	if len(b) == 0 {
		return 0, nil
	}
	n, e := read(f.fd, b)
	if e != "" {
		return n, &PathError{Op: "read", Path: f.name, Err: errors.New(e)}
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// Close closes the File.
func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	if e := closefd(f.fd); e != "" {
		return &PathError{Op: "close", Path: f.name, Err: errors.New(e)}
	}
	return nil
}

func write(fd int, b []byte) (int, string)
func read(fd int, b []byte) (int, string)
func closefd(fd int) string
func openfile(name string, flag int, perm uint32) (int, string, bool)

// Flags to OpenFile.
const (
	O_RDONLY int = 0x0
	O_WRONLY int = 0x1
	O_RDWR   int = 0x2
	O_APPEND int = 0x400
	O_CREATE int = 0x40
	O_EXCL   int = 0x80
	O_SYNC   int = 0x101000
	O_TRUNC  int = 0x200
)

// Open opens the named file for reading.
func Open(name string) (*File, error) { return OpenFile(name, O_RDONLY, 0) }

// Create creates or truncates the named file.
func Create(name string) (*File, error) {
	return OpenFile(name, O_RDWR|O_CREATE|O_TRUNC, 0666)
}

// OpenFile is the generalized open call.
func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	fd, e, notExist := openfile(name, flag, uint32(perm))
	if e != "" {
		err := errors.New(e)
		if notExist {
			err = ErrNotExist
		}
		return nil, &PathError{Op: "open", Path: name, Err: err}
	}
	return NewFile(uintptr(fd), name), nil
}

// ReadFile reads the named file and returns the contents.
func ReadFile(name string) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var data []byte
	buf := make([]byte, 4096)
	for {
		n, err := f.Read(buf)
		data = append(data, buf[:n]...)
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
}

// WriteFile writes data to the named file, creating it if necessary.
func WriteFile(name string, data []byte, perm FileMode) error {
	f, err := OpenFile(name, O_WRONLY|O_CREATE|O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err1 != nil && err == nil {
		err = err1
	}
	return err
}

// Remove removes the named file or (empty) directory.
func Remove(name string) error {
	if e := remove(name); e != "" {
		return &PathError{Op: "remove", Path: name, Err: errors.New(e)}
	}
	return nil
}

func remove(name string) string

// PathError records an error and the operation and file path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

func (e *PathError) Unwrap() error { return e.Err }

// Portable analogs of some common system call errors.
var (
	ErrInvalid    = errors.New("invalid argument")
	ErrPermission = errors.New("permission denied")
	ErrExist      = errors.New("file already exists")
	ErrNotExist   = errors.New("file does not exist")
	ErrClosed     = errors.New("file already closed")
)

// IsNotExist reports whether err is known to report that a file or
// directory does not exist.
func IsNotExist(err error) bool {
	return errors.Is(err, ErrNotExist)
}
