package main

type K func()

var m map[K]int

func main() {}
