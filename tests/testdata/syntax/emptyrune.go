package main

var x = ''
