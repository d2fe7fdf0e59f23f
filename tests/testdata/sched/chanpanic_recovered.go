// The channel panics are runtime errors a program can recover.
package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		r := recover()
		err, isErr := r.(error)
		fmt.Println(name+":", r, isErr, err != nil)
	}()
	f()
}

func main() {
	try("send", func() {
		c := make(chan int)
		close(c)
		c <- 1
	})
	try("close", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
	try("nil", func() {
		var c chan int
		close(c)
	})
	// A sender blocked on a channel that is then closed panics too (and
	// one that reaches the send after the close panics the same way).
	c := make(chan int)
	res := make(chan string)
	started := make(chan bool)
	go func() {
		defer func() { res <- fmt.Sprint(recover()) }()
		started <- true
		c <- 1
	}()
	<-started
	close(c)
	fmt.Println("blocked sender:", <-res)
}
