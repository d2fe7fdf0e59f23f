// Calls in the arguments of a variadic call (fmt.Println's ...any) run in
// lexical left-to-right order, inlined or not, also when a later argument
// needs statements (a conversion to an interface): v.Load(), v.CAS(...),
// v.Load() must see the value before the swap first.
package main

import (
	"fmt"
	"sync/atomic"
)

var state any = "a"

func get() any { return state }

func cas(old, nw any) bool {
	if state == old {
		state = nw
		return true
	}
	return false
}

type logger struct{ calls []string }

func (l *logger) note(s string) string { l.calls = append(l.calls, s); return s }

func join(xs ...any) string { return fmt.Sprint(xs...) }

func main() {
	fmt.Println(get(), cas("a", "b"), get())
	fmt.Println(join(get(), cas("b", "c"), get()))
	var v atomic.Value
	v.Store("x")
	fmt.Println(v.Load(), v.CompareAndSwap("x", "y"), v.Load(), v.Swap("z"), v.Load())
	l := &logger{}
	fmt.Println(l.note("1"), len(l.note("2")), l.note("3"), any(l.note("4")))
	fmt.Println(l.calls)
}
