package main

var x = 1__0
var y = 0x_1_
