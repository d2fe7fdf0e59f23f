package main

import (
	"errors"
	"fmt"
)

type Shape interface {
	Area() float64
	Name() string
}

type Square struct{ s float64 }
type Circle struct{ r float64 }

func (q Square) Area() float64  { return q.s * q.s }
func (q Square) Name() string    { return "square" }
func (c *Circle) Area() float64 { return 3 * c.r * c.r }
func (c *Circle) Name() string  { return "circle" }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type MyErr struct{ code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.code) }

func find(n int) error {
	if n < 0 {
		return &MyErr{n}
	}
	if n == 0 {
		return errors.New("zero")
	}
	return nil
}

func describe(x any) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", v)
	case string:
		return "string " + v
	case fmt.Stringer:
		return "stringer " + v.String()
	case error:
		return "error " + v.Error()
	case []int:
		return fmt.Sprint("slice ", len(v))
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	shapes := []Shape{Square{2}, &Circle{1}}
	for _, s := range shapes {
		fmt.Println(s.Name(), s.Area())
	}
	var t Celsius = 21.5
	fmt.Println(t)
	fmt.Println(describe(nil), describe(3), describe("x"), describe(t), describe(find(-2)), describe([]int{1}), describe(2.5))
	err := find(0)
	fmt.Println(err, find(5) == nil, err != nil)
	var me *MyErr
	e := find(-1)
	if errors.As(e, &me) {
		fmt.Println("as", me.code)
	}
	var i any = 5
	n, ok := i.(int)
	s, ok2 := i.(string)
	fmt.Println(n, ok, s == "", ok2)
	var sh Shape = Square{3}
	if sq, ok := sh.(Square); ok {
		fmt.Println(sq.s)
	}
	var a, b any = 1, 1
	fmt.Println(a == b, a != any(2), any("x") == any("x"))
	fmt.Printf("%v %T %T\n", sh, sh, e)
}
