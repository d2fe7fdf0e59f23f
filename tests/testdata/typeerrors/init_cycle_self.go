package main

var x int = x + 1

func main() {}
