package main

import (
	"unsafe"
)

func main() {
	x := 1
	_ = unsafe.Offsetof(x)
}
