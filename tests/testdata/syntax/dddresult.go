package main

func f() (...int) { return nil }
