package main

var x = 'a
var y = 1
