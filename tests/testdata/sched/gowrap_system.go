// Gowrap_system: goroutines started through the wrappers the compiler makes
// for go statements with arguments, left blocked so that the deadlock dump
// shows them. Under GOTRACEBACK=system each one's wrapper frame
// (main.main.gowrapN) is shown at the go statement's call: the line of the
// call's opening parenthesis. Below system the wrappers are hidden.
package main

type T struct{ ch chan int }

//go:noinline
func worker(ch chan int, k int) {
	ch <- k
}

//go:noinline
func (t T) send(k int) {
	t.ch <- k
}

func main() {
	ch := make(chan int)
	t := T{ch}
	go worker(ch, 1)
	go t.send(2)
	f := t.send
	go f(3)
	go func(k int) {
		ch <- k
	}(4)
	go worker(
		ch,
		5,
	)
	go t.
		send(6)
	select {}
}
