package main

const c = 1 << 10000

func main() {}
