package main

var s = "a\qb"
