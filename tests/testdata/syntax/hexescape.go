package main

var s = "\xg0"
