package main

type C interface{ ~int | int }

func main() {}
