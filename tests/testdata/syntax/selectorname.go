package main

var x = y.1
