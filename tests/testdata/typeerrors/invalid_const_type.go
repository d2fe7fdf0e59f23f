package main

const c []int = nil

func main() {}
