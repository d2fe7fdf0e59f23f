// Small structs and arrays copied, cleared and passed by value: one to four
// words and beyond, with pointers, floats and strings inside, through
// assignments, swaps, method values, interfaces and select receive slots.
package main

import "fmt"

type P1 struct{ a int }
type P2 struct {
	x, y float64
}
type P3 struct {
	s string
	n int
}
type P4 struct {
	p    *int
	a, b int32
	c    [2]uint64
}
type P5 struct {
	w [5]int
}
type Odd struct {
	a, b, c byte
}

func (p P2) Sum() float64  { return p.x + p.y }
func (p P3) Desc() string  { return fmt.Sprint(p.s, "/", p.n) }
func (p *P3) Bump()        { p.n++ }
func (p P4) Total() uint64 { return uint64(*p.p) + uint64(p.a) + uint64(p.b) + p.c[0] + p.c[1] }
func (p P5) Last() int     { return p.w[4] }
func (o Odd) Str() string  { return string([]byte{o.a, o.b, o.c}) }

type Describer interface{ Desc() string }

// Embedded: the promoted method's wrapper copies the receiver.
type Outer struct {
	tag string
	P3
}

func fresh(n int) P4 {
	var v P4 // a frame variable, zeroed on every call
	if n > 0 {
		v.a = int32(n)
		v.c[1] = uint64(n) * 3
	}
	v.p = &n
	return v
}

func main() {
	a := P1{1}
	b := a
	b.a = 2
	fmt.Println(a, b)

	p := P2{1.5, -2.25}
	q := p
	p, q = q, P2{q.y, q.x}
	fmt.Println(p, q, p.Sum(), q.Sum())

	s := P3{"hello", 5}
	t := s
	t.Bump()
	fmt.Println(s.Desc(), t.Desc())
	f := s.Desc // method value: the receiver is copied now
	s.n = 99
	fmt.Println(f(), s.Desc())
	g := (*P3).Desc // value method through a pointer: the wrapper copies
	fmt.Println(g(&s))

	var d Describer = Outer{"o", P3{"inner", 7}}
	fmt.Println(d.Desc())
	d = s
	s.n = 0
	fmt.Println(d.Desc(), s.Desc())

	x := 10
	r := P4{&x, 1, 2, [2]uint64{3, 4}}
	r2 := r
	r2.c[0] = 100
	fmt.Println(r.Total(), r2.Total())
	for i := range 3 {
		v := fresh(i)
		fmt.Println(v.a, v.b, v.c, *v.p)
	}

	big := P5{[5]int{1, 2, 3, 4, 5}}
	big2 := big
	big2.w[4] = 50
	fmt.Println(big.Last(), big2.Last())

	// Overlapping and self copies through array elements.
	arr := [3]P3{{"a", 1}, {"b", 2}, {"c", 3}}
	arr[0], arr[1], arr[2] = arr[2], arr[0], arr[1]
	fmt.Println(arr)
	arr[1] = arr[1]
	fmt.Println(arr[1])
	grid := [3][2]int{{1, 2}, {3, 4}, {5, 6}}
	grid[1], grid[2] = grid[2], grid[1]
	fmt.Println(grid)

	o := Odd{'x', 'y', 'z'}
	o2 := o
	o2.b = 'Y'
	fmt.Println(o.Str(), o2.Str())

	// Receive slots of several sizes, from open and closed channels; one
	// channel at a time is ready, so the order is fixed.
	c1 := make(chan P1, 1)
	c2 := make(chan P2, 1)
	c3 := make(chan P3, 1)
	c4 := make(chan P4, 1)
	c1 <- P1{7}
	c3 <- P3{"x", 8}
	close(c2)
	close(c4)
	chans := [4]bool{}
	for i := range 4 {
		chans = [4]bool{}
		chans[i] = true
		var r1 chan P1
		var r2 chan P2
		var r3 chan P3
		var r4 chan P4
		if chans[0] {
			r1 = c1
		}
		if chans[1] {
			r2 = c2
		}
		if chans[2] {
			r3 = c3
		}
		if chans[3] {
			r4 = c4
		}
		select {
		case v, ok := <-r1:
			fmt.Println("c1", v, ok)
		case v, ok := <-r2:
			fmt.Println("c2", v, ok)
		case v, ok := <-r3:
			fmt.Println("c3", v, ok)
		case v, ok := <-r4:
			fmt.Println("c4", v.a, v.p == nil, v.c, ok)
		}
	}
}
