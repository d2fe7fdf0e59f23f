// All goroutines asleep: the deadlock is found and every goroutine dumped.
package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		var m chan int
		<-m // nil channel: forever
	}()
	fmt.Println("before")
	<-ch
}
