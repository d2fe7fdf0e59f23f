package main

var x = '\