package main

type T [4,]int
