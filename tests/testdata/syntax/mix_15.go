package main
var x = <-chan<- <-chan int(nil)
