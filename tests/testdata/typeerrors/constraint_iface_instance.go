package main

// An interface whose type set is restricted, used as an ordinary type
// inside its own (generic) declaration.
type I[P any] interface{ *I[P] }

func main() {}
