package main

type MyInt int
type C interface{ ~MyInt }

func main() {}
