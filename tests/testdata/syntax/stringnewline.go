package main

var s = "abc
var t = 1
