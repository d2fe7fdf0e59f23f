// Fannkuch measures integer work on small slices (fannkuch-redux): for every
// permutation of 0..n-1 it counts the prefix reversals ("pancake flips")
// needed to bring 0 to the front, and reports the largest count and a
// checksum that adds the counts of even-numbered permutations and subtracts
// those of odd-numbered ones.
//
// The permutations are visited in the order of the benchmark: each next one
// comes from rotating a prefix of the current one left by a single place,
// with count[r] saying how many rotations of the prefix of length r+1 are
// still to come.
//
// Usage: fannkuch [n]  (default 9)
package main

import (
	"fmt"
	"os"
	"strconv"
)

// flips returns how many prefix reversals take perm[0] to 0. It reorders
// perm.
func flips(perm []int) int {
	count := 0
	for first := perm[0]; first != 0; first = perm[0] {
		for i, j := 0, first; i < j; i, j = i+1, j-1 {
			perm[i], perm[j] = perm[j], perm[i]
		}
		count++
	}
	return count
}

func fannkuch(n int) (checksum, maxFlips int) {
	current := make([]int, n)
	for i := range current {
		current[i] = i
	}
	scratch := make([]int, n)
	count := make([]int, n)

	r := n
	for index := 0; ; index++ {
		for ; r > 1; r-- {
			count[r-1] = r
		}

		copy(scratch, current)
		f := flips(scratch)
		maxFlips = max(maxFlips, f)
		if index%2 == 0 {
			checksum += f
		} else {
			checksum -= f
		}

		// Advance to the next permutation.
		for {
			if r >= n {
				return checksum, maxFlips
			}
			first := current[0]
			copy(current[:r], current[1:r+1])
			current[r] = first
			count[r]--
			if count[r] > 0 {
				break
			}
			r++
		}
	}
}

func main() {
	n := size(9)
	if n < 1 {
		fmt.Fprintln(os.Stderr, "fannkuch: n must be at least 1")
		os.Exit(2)
	}
	checksum, maxFlips := fannkuch(n)
	fmt.Printf("%d\nPfannkuchen(%d) = %d\n", checksum, n, maxFlips)
}

// size returns the problem size given as the first argument, or def.
func size(def int) int {
	if len(os.Args) < 2 {
		return def
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n < 0 {
		fmt.Fprintln(os.Stderr, "usage: fannkuch [n]")
		os.Exit(2)
	}
	return n
}
