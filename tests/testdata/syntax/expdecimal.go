package main

var x = 0b1e3
