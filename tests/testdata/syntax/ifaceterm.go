package main

type I interface {
	~int | 1
}
