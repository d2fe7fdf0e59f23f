package main

type Stringer interface{ String() string }

func F[T Stringer](x T) {}

func main() {
	F(1)
}
