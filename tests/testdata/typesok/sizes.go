package main

import (
	"fmt"
	"sync/atomic"
	"unsafe"
)

type S1 struct {
	a bool
	b int64
	c bool
}

type S2 struct {
	a, b bool
	c    int32
	d    string
	e    []int
	f    interface{}
	g    complex64
	h    complex128
	i    [3]uint16
	j    struct{}
}

type S3 struct {
	x int64
	z struct{}
}

type S4 struct {
	a atomic.Int64
	b byte
}

type E struct{}

type Ptrs struct {
	p *int
	m map[string]int
	c chan int
	f func()
	u uintptr
	up unsafe.Pointer
}

func main() {
	var s1 S1
	var s2 S2
	var s3 S3
	var s4 S4
	var p Ptrs
	fmt.Println(unsafe.Sizeof(s1), unsafe.Alignof(s1), unsafe.Offsetof(s1.b), unsafe.Offsetof(s1.c))
	fmt.Println(unsafe.Sizeof(s2), unsafe.Alignof(s2), unsafe.Offsetof(s2.c), unsafe.Offsetof(s2.d),
		unsafe.Offsetof(s2.e), unsafe.Offsetof(s2.f), unsafe.Offsetof(s2.g), unsafe.Offsetof(s2.h),
		unsafe.Offsetof(s2.i), unsafe.Offsetof(s2.j))
	fmt.Println(unsafe.Sizeof(s3), unsafe.Sizeof(s4), unsafe.Alignof(s4), unsafe.Sizeof(E{}))
	fmt.Println(unsafe.Sizeof(p), unsafe.Offsetof(p.up), unsafe.Alignof(p.f))
	fmt.Println(unsafe.Sizeof([0]int64{}), unsafe.Sizeof([5]S1{}), unsafe.Alignof(complex64(0)))
	fmt.Println(unsafe.Sizeof(""), unsafe.Sizeof([]byte(nil)), unsafe.Sizeof(any(nil)), unsafe.Sizeof(int(0)))
}
