package main

type C interface{ int | comparable }

func main() {}
