package main

type T struct {
	1 int
}
