package main

var a [N]int

func main() {}
