package main

type I interface{}

func (i I) M() {}

func main() {}
