// Spectralnorm measures float64 loops over slices: it estimates the spectral
// norm (largest singular value) of the infinite matrix A, with
// A[i][j] = 1/((i+j)(i+j+1)/2 + i + 1), cut to n×n, by ten rounds of the
// power method on AᵀA.
//
// The programs of this suite use no package beyond fmt, os, strconv and
// sync, so the square root is computed here, by Newton's method.
//
// Usage: spectralnorm [n]  (default 300)
package main

import (
	"fmt"
	"os"
	"strconv"
)

// a returns the element A[i][j].
func a(i, j int) float64 {
	return 1 / float64((i+j)*(i+j+1)/2+i+1)
}

// mulAv sets av = A·v.
func mulAv(v, av []float64) {
	for i := range av {
		sum := 0.0
		for j, vj := range v {
			sum += a(i, j) * vj
		}
		av[i] = sum
	}
}

// mulAtv sets atv = Aᵀ·v.
func mulAtv(v, atv []float64) {
	for i := range atv {
		sum := 0.0
		for j, vj := range v {
			sum += a(j, i) * vj
		}
		atv[i] = sum
	}
}

// mulAtAv sets out = Aᵀ·A·v, using tmp for the intermediate vector.
func mulAtAv(v, out, tmp []float64) {
	mulAv(v, tmp)
	mulAtv(tmp, out)
}

// sqrt returns the square root of x >= 0 by Newton's method. It starts at
// or above the root, where every step moves down towards it, and stops at
// the first step that no longer does (at once for NaN).
func sqrt(x float64) float64 {
	if x <= 0 {
		return 0
	}
	z := (x + 1) / 2
	for {
		next := (z + x/z) / 2
		if !(next < z) {
			return z
		}
		z = next
	}
}

func main() {
	n := size(300)
	u := make([]float64, n)
	for i := range u {
		u[i] = 1
	}
	v := make([]float64, n)
	tmp := make([]float64, n)
	for range 10 {
		mulAtAv(u, v, tmp)
		mulAtAv(v, u, tmp)
	}

	var vBv, vv float64
	for i, vi := range v {
		vBv += u[i] * vi
		vv += vi * vi
	}
	fmt.Printf("%.9f\n", sqrt(vBv/vv))
}

// size returns the problem size given as the first argument, or def.
func size(def int) int {
	if len(os.Args) < 2 {
		return def
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n < 0 {
		fmt.Fprintln(os.Stderr, "usage: spectralnorm [n]")
		os.Exit(2)
	}
	return n
}
