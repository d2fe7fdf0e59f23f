package main

import (
	"unsafe"
)

func main() {
	x := 1
	_ = unsafe.String(&x, 1)
}
