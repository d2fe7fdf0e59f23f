// Open-coded defers (at most 8 defer statements, none in a loop): the calls
// made directly at a normal return, the runtime's list on a panic or Goexit.
package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"
)

func order() {
	defer fmt.Println("order: first deferred, runs last")
	defer fmt.Println("order: second")
	defer fmt.Println("order: third, runs first")
	fmt.Println("order: body")
}

func branches(a, b, c bool) {
	if a {
		defer fmt.Println("branches: a")
	}
	if b {
		defer fmt.Println("branches: b")
	} else {
		defer fmt.Println("branches: not b")
	}
	switch {
	case c:
		defer fmt.Println("branches: c")
	}
	fmt.Println("branches: body", a, b, c)
}

type T struct{ n int }

func (t T) show(tag string)   { fmt.Println(tag, "value receiver", t.n) }
func (t *T) showp(tag string) { fmt.Println(tag, "pointer receiver", t.n) }

type S struct{ a, b, c int }

func showS(s S) { fmt.Println("struct arg", s.a, s.b, s.c) }

func argsNow() {
	x := 1
	defer fmt.Println("args: x at the defer", x)
	s := "before"
	defer func(v string) { fmt.Println("args: closure arg", v, "now", s) }(s)
	t := T{1}
	defer t.show("args:")
	defer t.showp("args:")
	st := S{1, 2, 3}
	defer showS(st)
	p := &t
	defer p.show("args: through p")
	x = 2
	s = "after"
	t.n = 2
	st.a = 100
	p = &T{3}
	fmt.Println("args: body done", x, p.n)
}

func showInts(tag string, a, b int) { fmt.Println(tag, a, b) }

func resultArg(n int) (r int) {
	defer showInts("resultArg: r and n at the defer", r, n)
	if n > 1 {
		defer showInts("resultArg: n changed after", n, r)
		n = 100
	}
	return 5
}

func named() (r int) {
	defer func() { r *= 2 }()
	r = 5
	return r + 1
}

func namedTwo() (a int, err error) {
	defer func() {
		if a > 10 {
			err = errors.New("too big")
			a = 10
		}
	}()
	return 42, nil
}

func unnamed() int {
	x := 1
	defer func() { x = 100 }()
	return x
}

func recoverNoPanic() (got any) {
	defer func() { got = recover() }()
	return "untouched"
}

func recoverPanic() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("recovered: ", r)
		}
	}()
	panic("boom")
}

func deferredPanics() (msg string) {
	defer func() {
		msg = fmt.Sprint("earlier defer recovered: ", recover())
	}()
	defer fmt.Println("deferredPanics: middle defer still runs")
	defer func() { panic("from a deferred call") }()
	fmt.Println("deferredPanics: body")
	return "not this"
}

func deferredPanicsRepanic() {
	defer func() { fmt.Println("repanic: outer recovered", recover()) }()
	func() {
		defer func() {
			r := recover()
			panic(fmt.Sprint("again: ", r))
		}()
		defer func() { panic("first") }()
	}()
}

func goexitBody(wg *sync.WaitGroup) {
	defer wg.Done()
	defer fmt.Println("goexitBody: deferred runs")
	defer func() { fmt.Println("goexitBody: recover is nil:", recover() == nil) }()
	runtime.Goexit()
	fmt.Println("goexitBody: not reached")
}

func goexitInDefer(wg *sync.WaitGroup) {
	defer wg.Done()
	defer fmt.Println("goexitInDefer: earlier defer runs")
	defer runtime.Goexit()
	fmt.Println("goexitInDefer: body")
}

func goexitLoopDefers(wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 2; i++ {
		defer fmt.Println("goexitLoopDefers: loop defer", i)
	}
	defer runtime.Goexit()
	fmt.Println("goexitLoopDefers: body")
}

func goexitDuringPanic(wg *sync.WaitGroup) {
	defer wg.Done()
	defer func() { fmt.Println("goexitDuringPanic: recover after Goexit:", recover()) }()
	defer runtime.Goexit()
	panic("dropped by Goexit")
}

func panicAfterGoexit(wg *sync.WaitGroup) {
	defer wg.Done()
	defer fmt.Println("panicAfterGoexit: still exits")
	defer func() { fmt.Println("panicAfterGoexit: recovered", recover()) }()
	defer func() { panic("after Goexit") }()
	runtime.Goexit()
}

func nilFunc() (msg string) {
	defer func() { msg = fmt.Sprint("nilFunc recovered: ", recover()) }()
	var f func()
	defer f()
	defer fmt.Println("nilFunc: later defer runs first")
	fmt.Println("nilFunc: after the defer of nil")
	return "not this"
}

func nilFuncLoop() (msg string) {
	defer func() { msg = fmt.Sprint("nilFuncLoop recovered: ", recover()) }()
	var f func(int)
	for i := 0; i < 2; i++ {
		defer f(i)
	}
	fmt.Println("nilFuncLoop: after the defers of nil")
	return "not this"
}

type I interface{ M(string) }

func nilIface() (msg string) {
	defer func() { msg = fmt.Sprint("nilIface recovered: ", recover()) }()
	var i I
	defer i.M("never")
	fmt.Println("nilIface: not reached")
	return "not this"
}

func builtins() {
	ch := make(chan int, 1)
	m := map[string]int{"a": 1, "b": 2}
	func() {
		defer close(ch)
		defer delete(m, "a")
		defer println("builtins: println", 1, true)
		defer print("builtins: print\n")
		ch <- 7
	}()
	v, ok := <-ch
	w, ok2 := <-ch
	fmt.Println("builtins:", v, ok, w, ok2, len(m), m["b"])
	done := make(chan int)
	go close(done) // a go statement evaluates its call as a defer does
	_, ok3 := <-done
	fmt.Println("builtins: go close", ok3)
	func() {
		defer func() { fmt.Println("builtins: recover() deferred directly does not recover:", recover()) }()
		func() {
			defer recover()
			panic("not stopped by defer recover()")
		}()
	}()
	func() {
		defer func() { fmt.Println("builtins: deferred panic:", recover()) }()
		defer panic("deferred panic value")
		fmt.Println("builtins: before the deferred panic")
	}()
}

func inLoop() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("inLoop:", i)
	}
	defer fmt.Println("inLoop: after the loop")
	fmt.Println("inLoop: body")
}

func many() {
	defer fmt.Println("many 1")
	defer fmt.Println("many 2")
	defer fmt.Println("many 3")
	defer fmt.Println("many 4")
	defer fmt.Println("many 5")
	defer fmt.Println("many 6")
	defer fmt.Println("many 7")
	defer fmt.Println("many 8")
	defer fmt.Println("many 9")
}

type Named struct{ name string }

func (n Named) M(s string)  { fmt.Println("iface value method", n.name, s) }
func (n *Named) P(s string) { fmt.Println("iface pointer method", n.name, s) }

type P interface{ P(string) }

type Outer struct{ *Named }

func methods() {
	var i I = Named{"v"}
	defer i.M("deferred via interface")
	n := &Named{"p"}
	var p P = n
	defer p.P("deferred via interface")
	f := n.P
	defer f("method value")
	defer (*Named).P(n, "method expression")
	defer Named.M(Named{"mx"}, "value method expression")
	o := Outer{n}
	defer o.P("promoted")
	n.name = "p2"
	i = Named{"changed"}
}

func G[T any](x T)            { fmt.Println("generic", x) }
func G2[T any, U any](x T, u U) { fmt.Println("generic2", x, u) }

type Box[T any] struct{ v T }

func (b *Box[T]) show() { fmt.Println("generic method", b.v) }

func generics() {
	defer G(5)
	defer G[string]("s")
	defer G2(1.5, "u")
	b := &Box[int]{3}
	defer b.show()
	b.v = 4
}

var mu sync.Mutex
var counter int

func lockedInc() {
	mu.Lock()
	defer mu.Unlock()
	counter++
}

func sendOnExit(ch chan int, v int) {
	defer func() { ch <- v }()
	defer fmt.Println("sendOnExit: before the send", v)
}

func parking() {
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lockedInc()
		}()
	}
	wg.Wait()
	fmt.Println("parking: counter", counter)
	ch := make(chan int) // unbuffered: the deferred send parks until main receives
	go sendOnExit(ch, 42)
	fmt.Println("parking: received", <-ch)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer mu.Unlock()
		mu.Lock()
		counter++
	}()
	<-done
	mu.Lock()
	fmt.Println("parking: counter after", counter)
	mu.Unlock()
}

func deferInClosure() (s string) {
	f := func() (r string) {
		defer func() { r += "+inner" }()
		return "closure"
	}
	defer func() { s += "+outer" }()
	return f()
}

func earlyReturn(n int) (r []string) {
	defer func() { r = append(r, "first defer") }()
	if n == 0 {
		return []string{"returned early"}
	}
	defer func() { r = append(r, "second defer") }()
	if n == 1 {
		return []string{"returned in the middle"}
	}
	return []string{"returned late"}
}

func recursive(n int) int {
	defer func() {}()
	if n == 0 {
		return 0
	}
	var pad [32]int
	pad[n%32] = n
	return recursive(n-1) + pad[n%32]
}

func structArgAcrossGrowth() {
	st := S{7, 8, 9}
	defer showS(st)
	st.b = 0
	fmt.Println("growth:", recursive(300))
}

// Plain functions (they never park) defer plain calls: no generator anywhere.
func plainInc(p *int)         { *p++ }
func plainAdd(p *int, n int)  { *p += n }
func plainPanic(v string)     { panic(v) }
func plainRecover(p *string) {
	if r := recover(); r != nil {
		if s, ok := r.(string); ok {
			*p = "plain recovered " + s
		} else if _, ok := r.(error); ok {
			*p = "plain recovered a runtime error"
		}
	}
}

func plainDefers(n int) (r int) {
	defer plainInc(&r)
	if n > 0 {
		defer plainAdd(&r, n)
	}
	r = 10
	return r * 2
}

func plainPanicking(v string) (s string) {
	defer plainRecover(&s)
	defer plainInc(new(int))
	defer plainPanic(v)
	return "not this"
}

func plainNil(p *S) (s string) {
	var pad [4]int
	defer plainRecover(&s)
	pad[1] = p.a
	return "not this"
}

func main() {
	fmt.Println("plain:", plainDefers(0), plainDefers(5))
	fmt.Println(plainPanicking("v"))
	fmt.Println(plainNil(nil))
	order()
	branches(true, true, true)
	branches(false, false, false)
	argsNow()
	fmt.Println("resultArg:", resultArg(1), resultArg(2))
	fmt.Println("named:", named())
	fmt.Println(namedTwo())
	fmt.Println("unnamed:", unnamed())
	fmt.Println("recoverNoPanic:", recoverNoPanic())
	fmt.Println(recoverPanic())
	fmt.Println(deferredPanics())
	deferredPanicsRepanic()
	for _, g := range []func(*sync.WaitGroup){goexitBody, goexitInDefer, goexitLoopDefers, goexitDuringPanic, panicAfterGoexit} {
		var wg sync.WaitGroup
		wg.Add(1)
		go g(&wg)
		wg.Wait()
	}
	fmt.Println(nilFunc())
	fmt.Println(nilFuncLoop())
	fmt.Println(nilIface())
	builtins()
	inLoop()
	many()
	methods()
	generics()
	parking()
	fmt.Println(deferInClosure())
	fmt.Println(earlyReturn(0), earlyReturn(1), earlyReturn(2))
	structArgAcrossGrowth()
	defer os.Stdout.WriteString("main: deferred at exit\n")
}
