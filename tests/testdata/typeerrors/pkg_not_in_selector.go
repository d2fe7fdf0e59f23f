package main

import (
	"strings"
)

func main() {
	x := strings
	_ = x
}
