// Fields through pointer locals: word-indexed access for 8-byte fields,
// byte addresses for the rest, and values that change what they point at.
package main

import "fmt"

type inner struct {
	a int32
	b bool
	c float64
}

type rec struct {
	n     int64
	small int16
	flag  bool
	in    inner
	f     float64
	next  *rec
}

func bump(r *rec) int64 {
	r.n += 100
	return r.n
}

func main() {
	rs := make([]rec, 3)
	for i := range rs {
		p := &rs[i]
		p.n = int64(i) * 10
		p.small = int16(-i)
		p.flag = i%2 == 1
		p.in.a = int32(i + 7)
		p.in.b = !p.flag
		p.in.c = float64(i) / 4
		p.f = p.in.c * 2
		p.n += int64(p.in.a)
		p.n = bump(p) + p.n // the call changes p.n before the right operand reads it
	}
	for i := range rs {
		q := &rs[i]
		if i+1 < len(rs) {
			q.next = &rs[i+1]
		}
		fmt.Println(q.n, q.small, q.flag, q.in.a, q.in.b, q.in.c, q.f, q.next != nil)
	}
	x, y := 1, 2
	{
		x, y := y, x
		fmt.Println(x, y)
	}
	a, b, c := rs[0].n, rs[1].in.c, rs[2].flag
	fmt.Println(x, y, a, b, c)
	var p *rec
	defer func() { fmt.Println("recovered:", recover() != nil) }()
	p.n, p.f, p.flag = 1, 2, true
}
