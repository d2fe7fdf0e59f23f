package main

type T struct {
	(int)
}
