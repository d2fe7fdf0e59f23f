package main

type T struct{ m int }

func (T) m() {}

func main() {}
