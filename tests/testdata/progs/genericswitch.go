// Type switches and assertions in generic functions whose cases name the type
// parameter or types made of it (T, []T, map[string]T, *T), for type
// arguments that are concrete types, interfaces and any.
package main

import "fmt"

type Celsius float64

func (c Celsius) String() string { return fmt.Sprint(float64(c), "C") }

func Kind[T any](v any) string {
	switch x := v.(type) {
	case T:
		return fmt.Sprint("T:", x)
	case []T:
		return fmt.Sprint("[]T:", len(x))
	case map[string]T:
		return fmt.Sprint("map[string]T:", len(x))
	case *T:
		return fmt.Sprint("*T:", *x)
	case func(T) T:
		return "func"
	case int, string:
		return fmt.Sprint("int or string:", x)
	case nil:
		return "nil"
	}
	return fmt.Sprintf("other %T", v)
}

func As[T any](v any) (T, bool) {
	t, ok := v.(T)
	return t, ok
}

func AsSlice[T any](v any) int {
	defer func() { recover() }()
	return len(v.([]T))
}

func main() {
	c := Celsius(3)
	for _, v := range []any{1, "s", c, []Celsius{1, 2}, map[string]Celsius{"a": 1}, &c, 2.5, nil, []int{1}} {
		fmt.Println(Kind[Celsius](v), Kind[int](v), Kind[fmt.Stringer](v), Kind[any](v))
	}
	s, ok := As[fmt.Stringer](c)
	fmt.Println(s, ok)
	f, ok := As[float64](c)
	fmt.Println(f, ok)
	cc, ok := As[Celsius](c)
	fmt.Println(cc, ok)
	e, ok := As[error](c)
	fmt.Println(e == nil, ok)
	fmt.Println(AsSlice[int]([]int{1, 2}), AsSlice[string]([]int{1}), AsSlice[any]([]any{1, 2, 3}))
}
