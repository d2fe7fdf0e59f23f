package main

var x = f[]
type T[P any] struct{}
var y T[]
