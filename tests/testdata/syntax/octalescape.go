package main

var s = "\777"
