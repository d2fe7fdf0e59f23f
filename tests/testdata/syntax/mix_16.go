package main
type I interface {
	M()
	N(x int) string
	int | string
	~[]byte
	foo.Bar
	Baz[int]
	)
}
