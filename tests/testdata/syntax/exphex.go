package main

var x = 1p3
