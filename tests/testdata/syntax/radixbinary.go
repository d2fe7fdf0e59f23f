package main

var x = 0b1.0
