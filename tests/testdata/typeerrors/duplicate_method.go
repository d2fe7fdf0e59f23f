package main

type T struct{}

func (T) m() {}
func (T) m() {}

func main() {}
