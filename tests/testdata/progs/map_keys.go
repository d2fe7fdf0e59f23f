package main

import (
	"fmt"
	"math"
)

var negz = math.Copysign(0, -1)
var nan = math.NaN()
var inf = math.Inf(1)

type Name struct {
	First, Last string
}

type Padded struct {
	A int8
	B int64
	C int16
	_ int32
	D bool
}

type Mixed struct {
	S string
	F float64
	I interface{}
	N [2]int32
}

type Shape interface {
	Area() int
}

type Sq struct{ S int }

func (s Sq) Area() int { return s.S * s.S }

type Rect struct{ W, H int }

func (r *Rect) Area() int { return r.W * r.H }

func main() {
	// Struct keys with strings: equal contents, different string data.
	people := map[Name]int{}
	first := "Ada"
	people[Name{first, "Lovelace"}] = 1815
	b := []byte("Ada")
	fmt.Println(people[Name{string(b), "Lovelace"}], people[Name{"Ada", "Byron"}])
	people[Name{string(b), "Lovelace"}] = 1816
	fmt.Println(len(people), people[Name{"Ada", "Lovelace"}])

	// Padding and blank fields take no part in equality.
	pm := map[Padded]string{}
	pm[Padded{A: 1, B: 2, C: 3, D: true}] = "x"
	fmt.Println(pm[Padded{A: 1, B: 2, C: 3, D: true}], len(pm[Padded{A: 1, B: 2, C: 3}]))

	// Structs mixing floats, strings, interfaces and arrays.
	mx := map[Mixed]int{}
	mx[Mixed{"a", 1.5, 7, [2]int32{1, 2}}] = 1
	mx[Mixed{"a", 1.5, "7", [2]int32{1, 2}}] = 2
	mx[Mixed{"a", negz, nil, [2]int32{}}] = 3
	fmt.Println(len(mx), mx[Mixed{"a", 1.5, 7, [2]int32{1, 2}}], mx[Mixed{"a", 1.5, "7", [2]int32{1, 2}}], mx[Mixed{"a", 0, nil, [2]int32{}}])

	// Float keys: +0 and -0 are one key; NaN is never found and each NaN is a new key.
	fm := map[float64]int{}
	fm[0] = 1
	fm[negz] = 2
	fmt.Println(len(fm), fm[0], fm[negz])
	fm[nan] = 10
	fm[nan] = 20
	fm[nan] = 30
	v, ok := fm[nan]
	fmt.Println(len(fm), v, ok)
	delete(fm, nan)
	fmt.Println(len(fm))
	nans, nanSum := 0, 0
	for k, v := range fm {
		if k != k {
			nans++
			nanSum += v
		}
	}
	fmt.Println(nans, nanSum)
	fm[inf] = 4
	fm[-inf] = 5
	fmt.Println(fm[inf], fm[-inf], len(fm))
	// The key stored is the last one assigned for +0/-0.
	for k := range fm {
		if k == 0 {
			fmt.Println("zero key sign bit:", math.Signbit(k))
		}
	}
	clear(fm)
	fmt.Println(len(fm))

	f32 := map[float32]int{1.5: 1, -0.0: 2}
	f32[float32(negz)] = 3
	f32[float32(nan)] = 4
	fmt.Println(len(f32), f32[0], f32[1.5])

	cm := map[complex128]int{complex(1, 2): 1}
	cm[complex(negz, 0)] = 2
	cm[0] = 3
	cm[complex(nan, 0)] = 4
	fmt.Println(len(cm), cm[complex(1, 2)], cm[0])

	// Interface keys: dynamic type, then value.
	im := map[interface{}]string{}
	im[1] = "int 1"
	im[int64(1)] = "int64 1"
	im["1"] = "string 1"
	im[1.0] = "float 1"
	im[Name{"A", "B"}] = "name"
	im[nil] = "nil"
	im[[2]int{1, 2}] = "array"
	im[true] = "bool"
	fmt.Println(len(im), im[1], im[int64(1)], im["1"], im[1.0], im[Name{"A", "B"}], im[nil], im[[2]int{1, 2}], im[true])
	_, ok = im[int32(1)]
	fmt.Println(ok)
	im[nan] = "nan"
	im[nan] = "nan"
	fmt.Println(len(im))
	delete(im, nil)
	delete(im, 1)
	fmt.Println(len(im), im[nil] == "")

	// Non-empty interface keys, pointer and value receivers.
	sm := map[Shape]int{}
	r := &Rect{2, 3}
	sm[Sq{3}] = 1
	sm[r] = 2
	sm[&Rect{2, 3}] = 3 // another pointer: another key
	fmt.Println(len(sm), sm[Sq{3}], sm[r], sm[Sq{4}])

	// Pointer and channel keys compare by identity.
	x, y := 1, 1
	ptrs := map[*int]string{&x: "x", &y: "y"}
	fmt.Println(len(ptrs), ptrs[&x], ptrs[&y])
	ch1, ch2 := make(chan int), make(chan int)
	chs := map[chan int]int{ch1: 1, ch2: 2}
	fmt.Println(chs[ch1], chs[ch2], chs[nil])

	// Array keys.
	am := map[[3]string]int{{"a", "b", "c"}: 1}
	am[[3]string{"a", "b", "c"}]++
	am[[3]string{"a", "b", ""}]++
	fmt.Println(len(am), am[[3]string{"a", "b", "c"}])
	// Byte-array keys of odd sizes.
	bm := map[[5]byte]int{}
	for i := 0; i < 300; i++ {
		bm[[5]byte{byte(i), byte(i >> 8), 1, 2, 3}] = i
	}
	fmt.Println(len(bm), bm[[5]byte{43, 1, 1, 2, 3}])

	// Unhashable dynamic types panic (a non-empty map hashes; an empty one checks).
	defer func() {
		fmt.Println("recovered:", recover())
		var empty map[interface{}]int
		defer func() {
			fmt.Println("recovered:", recover())
		}()
		_ = empty[[]int{1}]
	}()
	im[[]int{1}] = "slice"
}
