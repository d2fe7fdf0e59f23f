// sync/atomic, compiled as intrinsics at each call site (gort's
// intrinsics.py): every function and every method of the typed values,
// signed wrap-around, CompareAndSwap that fails and succeeds, And/Or
// returning the old value, values in structs, through pointers and
// embedded fields, nil faults after the arguments, and the calls that stay
// calls (method values, method expressions, interfaces, defer, go).
package main

import (
	"fmt"
	"math"
	"sync"
	"sync/atomic"
	"unsafe"
)

type node struct{ name string }

type counters struct {
	pad   byte
	i32   atomic.Int32
	i64   atomic.Int64
	u32   atomic.Uint32
	u64   atomic.Uint64
	up    atomic.Uintptr
	flag  atomic.Bool
	ptr   atomic.Pointer[node]
	plain int32
}

type inner struct {
	tag string
	*atomic.Uint32
}

type embedded struct {
	tag string
	atomic.Int64
	inner
}

type outer struct {
	x   int
	in  embedded
	ptr *counters
}

func funcs() {
	var i32 int32 = math.MaxInt32
	fmt.Println("AddInt32 wraps:", atomic.AddInt32(&i32, 1), atomic.LoadInt32(&i32))
	fmt.Println("AddInt32 -1:", atomic.AddInt32(&i32, -1))
	fmt.Println("SwapInt32:", atomic.SwapInt32(&i32, -5), i32)
	fmt.Println("CAS fail:", atomic.CompareAndSwapInt32(&i32, 7, 8), i32)
	fmt.Println("CAS ok:", atomic.CompareAndSwapInt32(&i32, -5, -6), i32)
	fmt.Println("AndInt32:", atomic.AndInt32(&i32, ^int32(1)), i32)
	fmt.Println("OrInt32:", atomic.OrInt32(&i32, 3), i32)
	atomic.StoreInt32(&i32, math.MinInt32)
	fmt.Println("StoreInt32:", atomic.LoadInt32(&i32), atomic.AddInt32(&i32, -1))

	var u32 uint32
	fmt.Println("AddUint32 -1:", atomic.AddUint32(&u32, ^uint32(0)), atomic.AddUint32(&u32, 2))
	fmt.Println("SwapUint32:", atomic.SwapUint32(&u32, 0xdeadbeef), u32)
	fmt.Println("CAS:", atomic.CompareAndSwapUint32(&u32, 1, 2), atomic.CompareAndSwapUint32(&u32, 0xdeadbeef, 0xffffffff), u32)
	fmt.Println("And/Or:", atomic.AndUint32(&u32, 0xff00ff00), atomic.OrUint32(&u32, 0xf), u32)
	atomic.StoreUint32(&u32, 42)
	fmt.Println("LoadUint32:", atomic.LoadUint32(&u32))

	var i64 int64 = math.MaxInt64
	fmt.Println("AddInt64 wraps:", atomic.AddInt64(&i64, 1), atomic.LoadInt64(&i64))
	fmt.Println("SwapInt64:", atomic.SwapInt64(&i64, -1), i64)
	fmt.Println("CAS:", atomic.CompareAndSwapInt64(&i64, 0, 1), atomic.CompareAndSwapInt64(&i64, -1, math.MinInt64), i64)
	fmt.Println("And/Or:", atomic.AndInt64(&i64, -1), atomic.OrInt64(&i64, 5), i64)
	atomic.StoreInt64(&i64, -12345678901234)
	fmt.Println("LoadInt64:", atomic.LoadInt64(&i64))

	var u64 uint64
	fmt.Println("AddUint64:", atomic.AddUint64(&u64, ^uint64(0)), atomic.AddUint64(&u64, 1))
	fmt.Println("SwapUint64:", atomic.SwapUint64(&u64, math.MaxUint64), u64)
	fmt.Println("CAS:", atomic.CompareAndSwapUint64(&u64, 1, 2), atomic.CompareAndSwapUint64(&u64, math.MaxUint64, 1<<63), u64)
	fmt.Println("And/Or:", atomic.AndUint64(&u64, 1<<63|1), atomic.OrUint64(&u64, 3), u64)
	atomic.StoreUint64(&u64, 7)
	fmt.Println("LoadUint64:", atomic.LoadUint64(&u64))

	var up uintptr
	fmt.Println("Uintptr:", atomic.AddUintptr(&up, 10), atomic.SwapUintptr(&up, 3), atomic.CompareAndSwapUintptr(&up, 3, 4),
		atomic.AndUintptr(&up, 6), atomic.OrUintptr(&up, 1), atomic.LoadUintptr(&up))
	atomic.StoreUintptr(&up, 99)
	fmt.Println("StoreUintptr:", up)

	a, b := &node{"a"}, &node{"b"}
	var p unsafe.Pointer
	fmt.Println("LoadPointer nil:", atomic.LoadPointer(&p) == nil)
	atomic.StorePointer(&p, unsafe.Pointer(a))
	fmt.Println("StorePointer:", (*node)(atomic.LoadPointer(&p)).name)
	old := atomic.SwapPointer(&p, unsafe.Pointer(b))
	fmt.Println("SwapPointer:", (*node)(old).name, (*node)(p).name)
	fmt.Println("CASPointer:", atomic.CompareAndSwapPointer(&p, unsafe.Pointer(a), nil),
		atomic.CompareAndSwapPointer(&p, unsafe.Pointer(b), unsafe.Pointer(a)), (*node)(p).name)

	// Results dropped: the operation still happens.
	atomic.AddInt32(&i32, 1)
	atomic.SwapInt64(&i64, 3)
	atomic.OrUint32(&u32, 0x100)
	atomic.CompareAndSwapUint64(&u64, 7, 8)
	fmt.Println("dropped:", i32, i64, u32, u64)

	// Results that are a whole assignment's value (written out where the
	// GIL makes them atomic): the signed ones wrap, the operands come first.
	s32 := atomic.AddInt32(&i32, math.MaxInt32)
	var s64 int64
	s64 = atomic.AddInt64(&i64, -10)
	su32 := atomic.AddUint32(&u32, ^uint32(0))
	su64 := atomic.AddUint64(&u64, math.MaxUint64)
	order := func(s string, p *int64) *int64 { fmt.Println("operand", s); return p }
	arg := func(s string, v int64) int64 { fmt.Println("operand", s); return v }
	s64b := atomic.AddInt64(order("address", &i64), arg("delta", math.MinInt64))
	fmt.Println("whole values:", s32, s64, su32, su64, s64b, i32, i64, u32, u64)
	// A delta that is a wrapped shift of a negative value (WaitGroup.Add's
	// uint64(delta) << 32), and sums that wrap around.
	delta := -3
	w64 := atomic.AddUint64(&u64, uint64(delta)<<32)
	w32 := atomic.AddUint32(&u32, uint32(delta)<<8)
	w64b := atomic.AddUint64(&u64, uint64(-delta)<<32)
	var low uint64 = 5
	w64c := atomic.AddUint64(&low, uint64(delta))
	fmt.Println("wrapped deltas:", w64, w32, w64b, w64c, u64, u32, low)
}

func methods(c *counters) {
	c.i32.Store(math.MaxInt32)
	fmt.Println("Int32:", c.i32.Add(1), c.i32.Load(), c.i32.Swap(-2), c.i32.CompareAndSwap(0, 1),
		c.i32.CompareAndSwap(-2, -3), c.i32.And(^int32(3)), c.i32.Or(1), c.i32.Load())
	c.i64.Store(math.MinInt64)
	fmt.Println("Int64:", c.i64.Add(-1), c.i64.Load(), c.i64.Swap(-2), c.i64.CompareAndSwap(0, 1),
		c.i64.CompareAndSwap(-2, -3), c.i64.And(^int64(3)), c.i64.Or(1), c.i64.Load())
	c.u32.Store(1)
	fmt.Println("Uint32:", c.u32.Add(^uint32(1)), c.u32.Load(), c.u32.Swap(5), c.u32.CompareAndSwap(4, 1),
		c.u32.CompareAndSwap(5, 6), c.u32.And(3), c.u32.Or(8), c.u32.Load())
	c.u64.Store(math.MaxUint64)
	fmt.Println("Uint64:", c.u64.Add(2), c.u64.Load(), c.u64.Swap(5), c.u64.CompareAndSwap(4, 1),
		c.u64.CompareAndSwap(5, 6), c.u64.And(3), c.u64.Or(8), c.u64.Load())
	c.up.Store(1)
	fmt.Println("Uintptr:", c.up.Add(2), c.up.Load(), c.up.Swap(5), c.up.CompareAndSwap(4, 1),
		c.up.CompareAndSwap(5, 6), c.up.And(3), c.up.Or(8), c.up.Load())
	fmt.Println("Bool:", c.flag.Load(), c.flag.Swap(true), c.flag.Load(), c.flag.CompareAndSwap(false, true),
		c.flag.CompareAndSwap(true, false), c.flag.Load())
	on := true
	c.flag.Store(on)
	fmt.Println("Bool store:", c.flag.Load(), c.flag.Swap(!on), c.flag.CompareAndSwap(!on, on), c.flag.Load())
	n1, n2 := &node{"one"}, &node{"two"}
	fmt.Println("Pointer nil:", c.ptr.Load() == nil)
	c.ptr.Store(n1)
	fmt.Println("Pointer:", c.ptr.Load().name, c.ptr.Swap(n2).name, c.ptr.CompareAndSwap(n1, nil),
		c.ptr.CompareAndSwap(n2, n1), c.ptr.Load().name)
	v32 := c.i32.Add(math.MinInt32)
	var v64 uint64
	v64 = c.u64.Add(^uint64(0))
	fmt.Println("whole values:", v32, v64, c.i32.Load(), c.u64.Load())
	fmt.Println("neighbours untouched:", c.pad, c.plain)
}

func embeddedFields() {
	var e embedded
	e.Uint32 = new(atomic.Uint32)
	e.Add(5)
	e.inner.Add(7)
	fmt.Println("embedded:", e.Load(), e.Int64.Load(), e.Uint32.Load(), e.Swap(1), e.CompareAndSwap(1, 2), e.Load())
	o := &outer{}
	o.in.Uint32 = e.Uint32
	o.in.Store(-9)
	o.in.inner.Or(0x30) // the embedded *atomic.Uint32 is e's
	fmt.Println("outer:", o.in.Load(), o.in.Int64.Add(1), e.Uint32.Load(), o.in.inner.Load())
	o.ptr = &counters{}
	o.ptr.i64.Add(40)
	o.ptr.i64.Add(2)
	fmt.Println("through pointers:", o.ptr.i64.Load())
	arr := make([]counters, 3)
	for i := range arr {
		arr[i].u32.Add(uint32(i * 10))
		atomic.AddInt32(&arr[i].plain, int32(i))
	}
	fmt.Println("elements:", arr[1].u32.Load(), arr[2].u32.Load(), atomic.LoadInt32(&arr[2].plain))
}

var global atomic.Int64
var globalFlag atomic.Bool

func globals() {
	global.Add(10)
	globalFlag.Store(true)
	fmt.Println("globals:", global.Load(), globalFlag.Load())
}

func load[T any](p *atomic.Pointer[T]) *T { return p.Load() }

func swapIn[T any](p *atomic.Pointer[T], v *T) *T {
	old := p.Swap(v)
	return old
}

type list struct {
	head atomic.Pointer[node]
	n    atomic.Int32
}

// Getters over atomic values are inlined (inline.py) like any small leaf.
func (l *list) first() *node { return l.head.Load() }
func (l *list) count() int32 { return l.n.Load() }

func generic() {
	var p atomic.Pointer[int]
	x, y := 1, 2
	fmt.Println("generic:", load(&p) == nil, swapIn(&p, &x) == nil, *swapIn(&p, &y), *load(&p))
	l := &list{}
	fmt.Println("inlined:", l.first() == nil, l.count())
	l.head.Store(&node{"head"})
	l.n.Add(1)
	fmt.Println("inlined:", l.first().name, l.count())
}

func nilFaults() {
	arg := func(v int64) int64 { fmt.Println("argument evaluated"); return v }
	try := func(name string, f func()) {
		defer func() { fmt.Println(name, "recovered:", recover()) }()
		f()
	}
	try("pointer receiver", func() {
		var p *atomic.Int64
		p.Add(arg(1))
	})
	try("nil address", func() {
		var p *int64
		atomic.StoreInt64(p, arg(2))
	})
	try("field through nil", func() {
		var o *outer
		o.in.Int64.Add(arg(3))
	})
	try("embedded nil pointer", func() {
		var e embedded
		e.inner.Store(uint32(arg(4)))
	})
	try("whole value", func() {
		var p *atomic.Int64
		v := p.Add(arg(5))
		fmt.Println(v)
	})
	try("nil Load", func() {
		var c *counters
		fmt.Println(c.flag.Load())
	})
	try("nil inlined getter", func() {
		var l *list
		fmt.Println(l.first())
	})
	try("nil Pointer", func() {
		var p unsafe.Pointer
		var pp *unsafe.Pointer
		_ = p
		atomic.CompareAndSwapPointer(pp, nil, nil)
	})
}

type adder interface{ Add(int64) int64 }

func notIntrinsics() {
	var n atomic.Int64
	f := n.Add // a method value
	f(3)
	g := (*atomic.Int64).Add // a method expression
	g(&n, 4)
	var a adder = &n // an interface
	a.Add(5)
	var x int32
	func() {
		defer atomic.AddInt32(&x, 100)
		defer n.Add(1000)
	}()
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n.Add(1)
			atomic.AddInt32(&x, 1)
		}()
	}
	wg.Wait()
	fmt.Println("calls:", n.Load(), atomic.LoadInt32(&x))
}

func main() {
	funcs()
	methods(&counters{pad: 7, plain: 9})
	embeddedFields()
	globals()
	generic()
	nilFaults()
	notIntrinsics()
}
