package main

import (
	"strings"
)

func main() {
	_ = strings.indexFunc
}
