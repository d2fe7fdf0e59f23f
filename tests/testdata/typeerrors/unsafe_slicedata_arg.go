package main

import (
	"unsafe"
)

func main() {
	x := 1
	_ = unsafe.SliceData(x)
}
