package main

type MyInt int

func F[T int](x T) {}

func main() {
	F(MyInt(1))
}
