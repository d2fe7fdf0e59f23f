// A panic in any goroutine ends the program with status 2.
package main

import "fmt"

type myErr struct{ code int }

func (e myErr) Error() string { return fmt.Sprint("my error ", e.code) }

func main() {
	done := make(chan bool)
	go func() {
		defer fmt.Println("deferred before the crash")
		panic(myErr{42})
	}()
	<-done
}
