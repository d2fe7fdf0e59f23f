package main

import "fmt"

func main() {
	ch1 := make(chan int)
	go func() {
		fmt.Println("hello")
		ch1 <- 1
	}()
	<-ch1
}
