package main

var a [1.5]int

func main() {}
