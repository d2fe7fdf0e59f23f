package main
func f() { return 1, }
