"""Binarytrees: allocate, walk and drop many complete binary trees.

Twin of bench/go/binarytrees/main.go. Usage: binarytrees.py [depth]
(default 16)
"""

from __future__ import annotations

import sys

MIN_DEPTH = 4


class Node:
    """An inner node (both children set) or a leaf (both None)."""

    __slots__ = ("left", "right")

    def __init__(self, left: Node | None = None, right: Node | None = None) -> None:
        self.left = left
        self.right = right

    def check(self) -> int:
        """Return the number of nodes in the tree."""
        if self.left is None:
            return 1
        return 1 + self.left.check() + self.right.check()  # type: ignore[union-attr]


def build(depth: int) -> Node:
    """Return a complete tree with the given depth: 2**(depth+1) - 1 nodes."""
    if depth <= 0:
        return Node()
    return Node(build(depth - 1), build(depth - 1))


def main(n: int) -> None:
    max_depth = max(n, MIN_DEPTH + 2)

    stretch = max_depth + 1
    print(f"stretch tree of depth {stretch}\t check: {build(stretch).check()}")

    long_lived = build(max_depth)

    for depth in range(MIN_DEPTH, max_depth + 1, 2):
        trees = 1 << (max_depth - depth + MIN_DEPTH)
        total = 0
        for _ in range(trees):
            total += build(depth).check()
        print(f"{trees}\t trees of depth {depth}\t check: {total}")

    print(f"long lived tree of depth {max_depth}\t check: {long_lived.check()}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 16)
