"""Tree traversal: Walk, Inspect and Preorder (go/ast walk.go).

Walk visits a node, then (if the visitor returned a visitor for the
children) each child in Go's order, then calls `Visit(None)`. The children
of each node class are the fields listed in its `_children`, in go/ast's
walk order; a field holds None, a node, or a list of nodes.

Differences from Go:
  * The traversal uses an explicit stack for `Inspect` and `Preorder`, so a
    deeply nested tree cannot overflow the Python stack; `Walk` recurses
    (its visitor protocol needs the post-order `Visit(None)` call) but the
    parser bounds nesting depth, so parsed trees are always walkable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol

from gort.go.ast.nodes import Node


class Visitor(Protocol):
    """Visit(node) is called for each node; return a visitor for its
    children, or None to skip them. Visit(None) ends a node's children."""

    def Visit(self, node: Node | None) -> Visitor | None: ...


def _children(node: Node) -> Iterator[Node]:
    for name in node._children:
        v = getattr(node, name)
        if v is None:
            continue
        if type(v) is list:
            yield from v
        else:
            yield v


def Walk(v: Visitor, node: Node) -> None:
    """Traverse node depth-first with visitor v, as go/ast.Walk."""
    w = v.Visit(node)
    if w is None:
        return
    for child in _children(node):
        Walk(w, child)
    w.Visit(None)


def Inspect(node: Node, f: Callable[[Node | None], bool]) -> None:
    """Call f(n) for each node in depth-first order; if it returns false,
    skip n's children. f(None) follows the children of each node whose
    f(n) returned true, as go/ast.Inspect does."""
    # Stack entries: a node to visit, or None standing for "children done".
    stack: list[Node | None] = [node]
    pop = stack.pop
    push = stack.append
    while stack:
        n = pop()
        if n is None:
            f(None)
            continue
        if not f(n):
            continue
        push(None)
        kids = list(_children(n))
        kids.reverse()
        stack.extend(kids)


def Preorder(root: Node) -> Iterator[Node]:
    """All nodes of the tree in depth-first preorder."""
    stack: list[Node] = [root]
    while stack:
        n = stack.pop()
        yield n
        kids = list(_children(n))
        kids.reverse()
        stack.extend(kids)
