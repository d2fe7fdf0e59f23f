// Closing a closed channel panics, in a goroutine: the program exits 2.
package main

func main() {
	c := make(chan int)
	done := make(chan bool)
	go func() {
		close(c)
		close(c)
		done <- true
	}()
	<-done
}
