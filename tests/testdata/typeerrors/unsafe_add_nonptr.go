package main

import (
	"unsafe"
)

func main() {
	x := 1
	_ = unsafe.Add(x, 1)
}
