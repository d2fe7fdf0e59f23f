package main

type A [2]A

func main() {}
