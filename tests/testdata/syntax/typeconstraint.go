package main

func f[T]() {}
