package main

var c chan
