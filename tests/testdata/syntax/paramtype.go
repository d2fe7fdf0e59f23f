package main

func f(a, b) {}
