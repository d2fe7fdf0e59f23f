// The texts of index and slice bounds panics: negative indexes and bounds
// (no length reported, as Go's boundsNegErrorFmt), and the three-index
// slice forms s[a:b:c].
package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	s := make([]int, 3, 5)
	str := "abc"
	arr := [4]int{}
	n, m, k := -1, 2, 9
	try("index", func() { _ = s[n] })
	try("index big", func() { _ = s[k] })
	try("index str", func() { _ = str[n] })
	try("index arr", func() { _ = arr[n] })
	try("index uint", func() { u := uint(k); _ = s[u] })
	try("slice hi neg", func() { _ = s[:n] })
	try("slice hi big", func() { _ = s[:k] })
	try("slice lo neg", func() { _ = s[n:] })
	try("slice lo>hi", func() { _ = s[m:1] })
	try("slice lo neg hi", func() { _ = s[n:m] })
	try("str hi", func() { _ = str[:k] })
	try("str lo neg", func() { _ = str[n:] })
	try("3 max big", func() { _ = s[0:1:k] })
	try("3 max neg", func() { _ = s[0:1:n] })
	try("3 hi>max", func() { _ = s[0:3:m] })
	try("3 hi neg", func() { _ = s[0:n:m] })
	try("3 lo>hi", func() { _ = s[m:1:4] })
	try("3 lo neg", func() { _ = s[n:1:4] })
	try("arr3", func() { _ = arr[1:2:k] })
	try("arr hi", func() { _ = arr[:k] })
	try("parr hi", func() { p := &arr; _ = p[:k] })
	try("parr lo", func() { p := &arr; _ = p[m:1] })
	try("conv", func() { _ = [4]int(s) })
}
