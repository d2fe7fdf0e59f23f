// Switches decided (in part) by constants, and `for false`: only what can
// run is compiled (deadcode.py), yet case expressions known only at run
// time are still evaluated in order, fallthrough reaches clauses no case
// selects, break leaves a folded switch, and function literals keep the
// names gc gives them.
package main

import (
	"fmt"
	"runtime"
)

const mode = "fast"
const debug = false

type level int

const lvl level = 2

var trace []string

func probe(s string, v bool) bool {
	trace = append(trace, s)
	return v
}

func word(s string) string {
	trace = append(trace, s)
	return s
}

func name() string {
	pc, _, _, _ := runtime.Caller(1)
	return runtime.FuncForPC(pc).Name()
}

func goos() string {
	switch runtime.GOOS {
	case "windows":
		return "windows"
	case "plan9":
		defer fmt.Println("never")
		return "plan9"
	default:
		return "unix-like"
	}
}

// onlyDeadDefer's only defer is in a clause no case selects.
func onlyDeadDefer(n int) (r int) {
	switch mode {
	case "slow":
		defer func() { r = -1 }()
	case "fast":
		r = n * 2
	}
	return
}

// deadRecover's only recover is in a dead clause: a panic passes through.
func deadRecover() (s string) {
	defer func() { s = fmt.Sprint("outer recovered: ", recover()) }()
	func() {
		defer func() {
			switch {
			case debug:
				recover()
			}
		}()
		panic("boom")
	}()
	return "unreachable"
}

func levels() string {
	switch lvl {
	case 1:
		return "one"
	case 2, 3:
		return "two or three"
	}
	return "other"
}

func mixed() {
	trace = nil
	// Constant tag; a case known only at run time comes before the match.
	switch mode {
	case "slow":
		fmt.Println("dead")
	case word("runtime case"):
		fmt.Println("runtime case taken")
	case "fast", word("never evaluated"):
		fmt.Println("fast")
	case word("after the match"):
		fmt.Println("dead")
	}
	// No tag: constants around run-time conditions.
	switch {
	case false:
		fmt.Println("dead")
	case probe("p1", false):
		fmt.Println("p1")
	case debug, probe("p2", true):
		fmt.Println("p2 taken")
	case true:
		fmt.Println("not reached")
	case probe("p3", true):
		fmt.Println("not reached")
	}
	switch {
	case probe("p4", false):
		fmt.Println("p4")
	case true:
		fmt.Println("true taken after p4")
	default:
		fmt.Println("dead default")
	}
	fmt.Println("trace:", trace)
}

func fallthroughs(x int) {
	switch mode {
	case "fast":
		fmt.Println("fast")
		fallthrough
	case "slow":
		fmt.Println("slow, by fallthrough")
		fallthrough
	case "other":
		fmt.Println("other, by fallthrough")
	case "never":
		fmt.Println("dead")
	}
	switch {
	case debug:
		fmt.Println("dead")
		fallthrough
	case x > 0:
		fmt.Println("positive")
		fallthrough
	case false:
		fmt.Println("after positive")
	default:
		fmt.Println("default")
	}
	switch mode {
	default:
		fmt.Println("default first, dead")
	case "fast":
		fmt.Println("fast after a default")
	}
}

func breaks() {
	for i := 0; i < 4; i++ {
		switch mode {
		case "fast":
			if i == 1 {
				break
			}
			fmt.Println("fast", i)
		case "slow":
			fmt.Println("dead")
		}
	}
outer:
	for i := 0; ; i++ {
		switch {
		case debug:
			continue outer
		default:
			if i == 2 {
				break outer
			}
			fmt.Println("default", i)
		}
	}
}

func empties() {
	n := 0
	switch {
	}
	switch mode {
	}
	switch m := word("init"); m {
	default:
		n++
	}
	switch x := len(trace); {
	case false:
		fmt.Println("dead", x)
	default:
		n += x
	}
	fmt.Println("empties:", n)
}

func loops() {
	trace = nil
	for i := len(word("for init")); false; i++ {
		fmt.Println("dead", i)
	}
	for false && probe("never", true) {
		fmt.Println("dead")
	}
	n := 0
	for ; false; n++ {
	}
	fmt.Println("loops:", trace, n)
}

// Function literals in code gort drops keep gc's numbering.
func names(x int) {
	switch {
	case false:
		func() { fmt.Println("dead", name()) }()
	case x > 5:
		func() { fmt.Println("x > 5", name()) }()
	}
	func() { fmt.Println("after a switch gc keeps:", name()) }()
	switch {
	case false:
		func() { fmt.Println("dead", name()) }()
	default:
		func() { fmt.Println("default of a switch gc folds:", name()) }()
	}
	for false {
		func() { fmt.Println("dead", name()) }()
	}
	for false && x > 0 {
		func() { fmt.Println("dead", name()) }()
	}
	func() { fmt.Println("after for false:", name()) }()
}

func main() {
	fmt.Println(goos(), onlyDeadDefer(21), levels())
	fmt.Println(deadRecover())
	mixed()
	fallthroughs(1)
	fallthroughs(-1)
	breaks()
	empties()
	loops()
	names(1)
}
