// Float to integer conversions of values out of the target's range, NaN and
// infinities, from float64 and float32, to every integer type: the spec
// leaves them to the implementation; gort gives what gc gives on amd64.
package main

import (
	"fmt"
	"math"
)

//go:noinline
func id64(x float64) float64 { return x }

func main() {
	vals := []float64{0, -0.5, -1, 1.9, -1.9, 127.9, 128, -129, 255.9, 256, 32768, -32769, 65536,
		2147483647.5, 2147483648, -2147483649, 4294967295.5, 4294967296.5, -4294967297,
		9.3e18, -9.3e18, 1.8e19, 2e19, 1e20, -1e20, math.MaxFloat64, math.SmallestNonzeroFloat64,
		math.NaN(), math.Inf(1), math.Inf(-1)}
	for _, f := range vals {
		f = id64(f)
		g := float32(f)
		fmt.Println(f, int64(f), uint64(f), int32(f), uint32(f), int16(f), uint16(f), int8(f), uint8(f), int(f), uint(f), uintptr(f))
		fmt.Println(" ", int64(g), uint64(g), int32(g), uint32(g), int16(g), uint16(g), int8(g), uint8(g))
	}
}
