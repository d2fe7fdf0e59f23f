package main

var a []int
var x = a[1 2]
