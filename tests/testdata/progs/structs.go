package main

import "fmt"

type Point struct {
	X, Y int
}

func (p Point) Add(q Point) Point {
	return Point{p.X + q.X, p.Y + q.Y}
}

func (p *Point) Scale(k int) {
	p.X *= k
	p.Y *= k
}

type Rect struct {
	Min, Max Point
	Name     string
}

func (r Rect) Area() int {
	return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y)
}

type Node struct {
	Val         int
	Left, Right *Node
}

func (n *Node) Sum() int {
	if n == nil {
		return 0
	}
	return n.Val + n.Left.Sum() + n.Right.Sum()
}

func build(d int) *Node {
	if d == 0 {
		return nil
	}
	return &Node{Val: d, Left: build(d - 1), Right: build(d - 1)}
}

func main() {
	p := Point{1, 2}
	q := p
	q.X = 10
	fmt.Println(p.X, p.Y, q.X, q.Y)
	r := p.Add(q)
	fmt.Println(r.X, r.Y)
	r.Scale(3)
	fmt.Println(r.X, r.Y)
	pp := &r
	pp.Scale(2)
	fmt.Println(r.X, pp.Y)
	rect := Rect{Min: Point{0, 0}, Max: Point{3, 4}, Name: "box"}
	fmt.Println(rect.Area(), rect.Name, rect.Max.Y)
	rects := []Rect{rect, {Point{1, 1}, Point{2, 2}, "small"}}
	total := 0
	for _, rr := range rects {
		total += rr.Area()
	}
	fmt.Println(total, len(rects))
	t := build(5)
	fmt.Println(t.Sum())
	var arr [4]Point
	arr[2].X = 7
	b := arr
	b[2].X = 9
	fmt.Println(arr[2].X, b[2].X, len(arr))
	fmt.Println(p == Point{1, 2}, p != q)
	fmt.Println(p, rect)
}
