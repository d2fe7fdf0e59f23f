package main

type C interface{ int | interface{ M() } }

func main() {}
