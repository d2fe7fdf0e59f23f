package main

const x uint8 = 255 + 1

func main() {}
