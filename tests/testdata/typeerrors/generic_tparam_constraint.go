package main

func F[P any, Q P]() {}

func main() {}
