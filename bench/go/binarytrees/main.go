// Binarytrees measures allocation of many small, short-lived objects: it
// builds complete binary trees of pointers to structs, walks each once to
// count its nodes, and drops it, while one long-lived tree stays reachable
// throughout (the benchmarks-game algorithm).
//
// Usage: binarytrees [depth]  (default 16)
package main

import (
	"fmt"
	"os"
	"strconv"
)

const minDepth = 4

// A Node is an inner node (both children set) or a leaf (both nil).
type Node struct {
	left, right *Node
}

// build returns a complete tree with the given depth: 2^(depth+1)-1 nodes.
func build(depth int) *Node {
	if depth <= 0 {
		return &Node{}
	}
	return &Node{left: build(depth - 1), right: build(depth - 1)}
}

// check returns the number of nodes in the tree.
func (n *Node) check() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.check() + n.right.check()
}

func main() {
	maxDepth := max(size(16), minDepth+2)

	stretch := maxDepth + 1
	fmt.Printf("stretch tree of depth %d\t check: %d\n", stretch, build(stretch).check())

	longLived := build(maxDepth)

	for depth := minDepth; depth <= maxDepth; depth += 2 {
		trees := 1 << (maxDepth - depth + minDepth)
		total := 0
		for range trees {
			total += build(depth).check()
		}
		fmt.Printf("%d\t trees of depth %d\t check: %d\n", trees, depth, total)
	}

	fmt.Printf("long lived tree of depth %d\t check: %d\n", maxDepth, longLived.check())
}

// size returns the problem size given as the first argument, or def.
func size(def int) int {
	if len(os.Args) < 2 {
		return def
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n < 0 {
		fmt.Fprintln(os.Stderr, "usage: binarytrees [depth]")
		os.Exit(2)
	}
	return n
}
