package main
type S struct {
	a, b int `tag`
	*T
	pkg.U
	V[int] "x"
	c [2]int
	d []int
	e, 
}
