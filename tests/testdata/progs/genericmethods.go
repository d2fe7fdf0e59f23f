// Generic methods (Go 1.27): type parameters on a method of a plain type.
package main

import (
	"fmt"
	"strconv"
)

type Box struct{ v int }

func (b *Box) Map[T any](f func(int) T) T { return f(b.v) }

func (b Box) Pair[K comparable, V any](k K, v V) map[K]V {
	return map[K]V{k: v}
}

type Conv struct{}

func (Conv) To[T ~int | ~int64](s string) T {
	n, _ := strconv.Atoi(s)
	return T(n)
}

func main() {
	b := &Box{3}
	fmt.Println(b.Map(func(x int) string { return strconv.Itoa(x * 10) }))
	fmt.Println(b.Map(func(x int) float64 { return float64(x) / 2 }))
	fmt.Println(Box{1}.Pair("k", 2.5), b.Pair(7, true))
	var c Conv
	fmt.Println(c.To[int64]("42") + 1)
}
