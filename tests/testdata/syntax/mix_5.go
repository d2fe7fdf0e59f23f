package main
func f[P any, Q]() {}
