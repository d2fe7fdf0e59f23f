package main

var a []int
var x = a[]
