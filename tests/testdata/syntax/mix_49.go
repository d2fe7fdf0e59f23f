package main
var x = 08.5 + 09i + 0e0 + 00 + 0_7 + 1__2
