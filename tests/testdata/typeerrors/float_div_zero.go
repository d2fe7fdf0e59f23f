package main

const f = 1.5 / 0.0

func main() {}
