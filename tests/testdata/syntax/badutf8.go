package main

// café
var s = "ÿ"
