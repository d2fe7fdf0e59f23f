package main

const a, b = 1

func main() {}
