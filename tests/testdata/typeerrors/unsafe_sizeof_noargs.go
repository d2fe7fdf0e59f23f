package main

import (
	"unsafe"
)

func main() {
	_ = unsafe.Sizeof()
}
