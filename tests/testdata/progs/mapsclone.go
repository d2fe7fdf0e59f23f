// maps.Clone: the runtime's maps.clone (a native in gort) copies every entry,
// with big (indirect) keys and elements, NaN and -0 keys, and nil and empty maps.
package main

import (
	"fmt"
	"maps"
	"math"
	"slices"
)

type Big struct {
	a [20]int
	s string
}

func main() {
	m := map[Big][40]int{}
	for i := 0; i < 30; i++ {
		var k Big
		k.a[i%20] = i
		k.s = fmt.Sprint(i)
		var v [40]int
		v[39] = i * 2
		m[k] = v
	}
	c := maps.Clone(m)
	fmt.Println(len(c), maps.Equal(m, c))
	sum := 0
	for k, v := range c {
		sum += k.a[0] + v[39]
	}
	fmt.Println(sum)
	f := map[float64]string{math.NaN(): "a", math.NaN(): "b", 1: "one", math.Copysign(0, -1): "negz"}
	fc := maps.Clone(f)
	fmt.Println(len(fc), fc[1], fc[0])
	for k := range fc {
		if k == 0 {
			fmt.Println(math.Signbit(k))
		}
	}
	var vs []string
	for _, v := range fc {
		vs = append(vs, v)
	}
	slices.Sort(vs)
	fmt.Println(vs)
	var nilm map[string]int
	nc := maps.Clone(nilm)
	fmt.Println(nc == nil, len(maps.Clone(map[string]int{})))
	e := maps.Clone(map[string]int{})
	e["x"] = 1
	fmt.Println(e)
	big := map[int]int{}
	for i := 0; i < 1000; i++ {
		big[i] = i * i
	}
	bc := maps.Clone(big)
	delete(big, 5)
	fmt.Println(len(bc), bc[999], bc[5], len(big))
}
