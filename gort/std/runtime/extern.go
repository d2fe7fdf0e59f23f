// gort's declarations for the rest of package runtime's API: constants,
// callers and frames, finalizers and cleanups, goroutine control,
// profiling knobs. Body-less functions are Python natives (natives.py).

package runtime

// GOOS is the running program's operating system target.
const GOOS string = "linux"

// GOARCH is the running program's architecture target.
const GOARCH string = "amd64"

// Compiler is the name of the compiler toolchain that built the binary.
// gort runs programs as gc would build them.
const Compiler = "gc"

// Version returns the Go tree's version string.
func Version() string

// GOROOT returns the root of the Go tree.
func GOROOT() string

// Caller reports file and line number information about function
// invocations on the calling goroutine's stack.
func Caller(skip int) (pc uintptr, file string, line int, ok bool)

// Callers fills the slice pc with the return program counters of function
// invocations on the calling goroutine's stack.
func Callers(skip int, pc []uintptr) int

// Frames may be used to get function/file/line information for a slice
// of PC values returned by Callers.
type Frames struct {
	callers []uintptr
}

// Frame is the information returned by Frames for each call frame.
type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

// CallersFrames takes a slice of PCs returned by Callers and prepares to
// return function/file/line information.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{callers: callers}
}

// Next returns a Frame representing the next call frame in the slice of
// PC values, and whether there are more frames after it.
func (ci *Frames) Next() (frame Frame, more bool) {
	if len(ci.callers) == 0 {
		return Frame{}, false
	}
	pc := ci.callers[0]
	ci.callers = ci.callers[1:]
	f := FuncForPC(pc)
	if f != nil {
		file, line := f.FileLine(pc)
		frame = Frame{PC: pc, Func: f, Function: f.Name(), File: file, Line: line, Entry: f.Entry()}
	}
	return frame, len(ci.callers) > 0
}

// A Func represents a Go function in the running binary.
type Func struct {
	entry uintptr
}

// FuncForPC returns a *Func describing the function that contains the
// given program counter address, or else nil.
func FuncForPC(pc uintptr) *Func {
	e := funcEntry(pc)
	if e == 0 {
		return nil
	}
	return &Func{entry: e}
}

func funcEntry(pc uintptr) uintptr

func funcName(entry uintptr) string

func funcFileLine(entry, pc uintptr) (file string, line int)

// Name returns the name of the function.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return funcName(f.entry)
}

// Entry returns the entry address of the function.
func (f *Func) Entry() uintptr { return f.entry }

// FileLine returns the file name and line number of the source code
// corresponding to the program counter pc.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	return funcFileLine(f.entry, pc)
}

// Stack formats a stack trace of the calling goroutine into buf and
// returns the number of bytes written to buf.
func Stack(buf []byte, all bool) int

// SetFinalizer sets the finalizer associated with obj to the provided
// finalizer function.
func SetFinalizer(obj any, finalizer any)

// KeepAlive marks its argument as currently reachable.
func KeepAlive(x any) {}

// Cleanup is a handle to a cleanup call for a specific object.
type Cleanup struct {
	id  uint64
	ptr uintptr
}

// AddCleanup attaches a cleanup function to ptr.
func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup {
	return Cleanup{}
}

// Stop cancels the cleanup call.
func (c Cleanup) Stop() {}

// A Pinner is a set of Go objects each pinned to a fixed location in memory.
type Pinner struct {
	refs []any
}

// Pin pins a Go object.
func (p *Pinner) Pin(pointer any) { p.refs = append(p.refs, pointer) }

// Unpin unpins all pinned objects of the Pinner.
func (p *Pinner) Unpin() { p.refs = nil }

// MemProfileRate controls the fraction of memory allocations that are
// recorded and reported in the memory profile.
var MemProfileRate int = 512 * 1024

// SetBlockProfileRate controls the fraction of goroutine blocking events
// that are reported in the blocking profile.
func SetBlockProfileRate(rate int) {}

// SetMutexProfileFraction controls the fraction of mutex contention
// events that are reported in the mutex profile.
func SetMutexProfileFraction(rate int) int { return 0 }

// Gosched yields the processor, allowing other goroutines to run.
func Gosched()

// Goexit terminates the goroutine that calls it.
func Goexit()

// GOMAXPROCS sets the maximum number of CPUs that can be executing
// simultaneously and returns the previous setting.
func GOMAXPROCS(n int) int

// NumCPU returns the number of logical CPUs usable by the current process.
func NumCPU() int

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int

// NumCgoCall returns the number of cgo calls made by the current process.
func NumCgoCall() int64 { return 0 }

// GC runs a garbage collection.
func GC()

// LockOSThread wires the calling goroutine to its current operating
// system thread.
func LockOSThread()

// UnlockOSThread undoes an earlier call to LockOSThread.
func UnlockOSThread()

// Breakpoint executes a breakpoint trap.
func Breakpoint()
