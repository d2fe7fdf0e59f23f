package main

func init(x int) {}

func main() {}
