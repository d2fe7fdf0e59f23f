package main

import "fmt"

type P struct {
	X int
	Y string
}

type Color int

var zero = 0.0

func main() {
	fmt.Println(map[string]int{"b": 2, "a": 1, "c": 3, "": 0})
	fmt.Println(map[int]string{3: "c", -1: "neg", 10: "ten", 2: "b"})
	fmt.Println(map[uint8]bool{200: true, 1: false, 50: true})
	fmt.Println(map[float64]string{2.5: "x", -1: "y", 0: "z", zero / zero: "nan", 1 / zero: "inf", -1 / zero: "-inf"})
	fmt.Println(map[bool]int{true: 1, false: 0})
	fmt.Println(map[P]int{{2, "a"}: 1, {1, "b"}: 2, {1, "a"}: 3})
	fmt.Println(map[[2]int]string{{2, 1}: "x", {1, 9}: "y", {1, 2}: "z"})
	fmt.Println(map[Color]string{2: "green", 1: "red", 3: "blue"})
	fmt.Println(map[string][]int{"odd": {1, 3}, "even": {2, 4}, "none": nil})
	fmt.Println(map[string]map[string]int{"x": {"b": 2, "a": 1}, "w": {}})
	fmt.Println(map[int]P{2: {1, "q"}, 1: {0, ""}})
	fmt.Println(map[rune]int{'b': 2, 'a': 1})
	fmt.Println(map[complex128]int{complex(1, 2): 1, complex(1, -1): 2, complex(0, 5): 3})
	fmt.Println(map[interface{}]int{3: 1, 1: 2, 2: 3})
	fmt.Println(map[interface{}]string{"b": "x", "a": "y"})
	var nilmap map[string]int
	fmt.Println(nilmap, len(nilmap))
	fmt.Println(map[int]int{})
	fmt.Printf("%v|%d|%s\n", map[int]int{2: 4, 1: 2}, map[string]int{"k": 7}, map[string]string{"z": "y", "a": "b"})
	big := map[int]int{}
	for i := 100; i > 0; i-- {
		big[i*i%101] = i
	}
	fmt.Println(big)
	s := fmt.Sprint(map[string]int{"q": 1, "p": 2})
	fmt.Println(len(s), s)
}
