"""The treap of free spans: the seed's page-heap allocation policy
(mgclarge.go of Go 1.13; replaced by the page allocator in 1.14).

Every free span of the heap lives in one treap node. The treap is a binary
search tree ordered by the span's base address, kept balanced (in
expectation) by a random priority per node that is heap-ordered: a parent's
priority is never greater than its children's.

Each node is augmented with
  * maxPages — the size of the largest span in its subtree, and
  * types    — a bitmask of the kinds of span in its subtree, where a kind
               is (scavenged?, holds a huge page?) and kind k sets bit 1<<k,
so that
  * find(n) descends to the lowest-addressed span of at least n pages
    (first fit): go left while the left subtree can satisfy n, else take
    this node if it can, else go right;
  * start/end(mask, match) and the iterator's next/prev visit only spans of
    the wanted kinds (the scavenger walks unscavenged spans with huge
    pages first, from the highest address down).

Operations: insert (as a leaf, then rotate up by priority), removeNode
(rotate down to a leaf, then cut), removeSpan (find by address), erase (by
iterator), mutate (change a span's base/size in place, provided its order
relative to its neighbours does not change), all updating maxPages and
types on the path to the root.

Nodes are allocated from mheap_.treapalloc (a fixalloc of Go's 56-byte
treapNode), so their memory is counted in OtherSys.

Invariants (validateInvariants): in-order traversal is strictly increasing
by base address; node.key == node.span.base(); maxPages and types are
exact; the span of a node is on no mSpanList.

Differences from Go: priorities come from a seeded random source (so a run
can be replayed) instead of fastrand.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from gort.runtime.panic import throw

if TYPE_CHECKING:
    from gort.runtime.mheap import mspan

# treapIterType: kinds of span, one bit each.
treapIterScav = 1 << 0  # scavenged spans
treapIterHuge = 1 << 1  # spans holding at least one aligned huge page
treapIterBits = 2

treapFilterAll = 0xFFFFFFFF  # the filter that matches every kind

_rand = random.Random(0x60A7)


def fastrand() -> int:
    """A 32-bit random priority (stands for Go's fastrand; seeded, replayable)."""
    return _rand.getrandbits(32)


def seedTreap(seed: int) -> None:
    """Reseed the priority source (tests)."""
    _rand.seed(seed)


# go: runtime/mgclarge.go (go1.13) treapFilter
def treapFilter(mask: int, match: int) -> int:
    """The filter matching every kind k with k & mask == match."""
    allow = 0
    for i in range(1 << treapIterBits):
        if i & mask == match:
            allow |= 1 << i
    return allow


class treapNode:
    """One node of the free-span treap. Protected by mheap_.lock."""

    __slots__ = ("right", "left", "parent", "key", "span", "maxPages", "priority", "types", "addr")

    def __init__(self, addr: int = 0) -> None:
        self.right: treapNode | None = None  # all nodes with greater keys
        self.left: treapNode | None = None  # all nodes with smaller keys
        self.parent: treapNode | None = None  # None at the root
        self.key = 0  # base address of the span: the sort key
        self.span: mspan | None = None  # the free span at key
        self.maxPages = 0  # largest npages in this subtree, this node included
        self.priority = 0  # random; heap-ordered (parent <= child)
        self.types = 0  # treapIterFilter bits of the spans in this subtree
        self.addr = addr  # the node's address in Go memory (treapalloc); set once

    def _span(self) -> mspan:
        s = self.span
        if s is None:
            throw("treap node with nil span found")
        return s

    # go: runtime/mgclarge.go (go1.13) treapNode.updateInvariants
    def updateInvariants(self) -> bool:
        """Recompute maxPages and types from the span and the children; report a change."""
        m, i = self.maxPages, self.types
        s = self._span()
        self.maxPages = s.npages
        self.types = s.treapFilter()
        if self.left is not None:
            self.types |= self.left.types
            if self.maxPages < self.left.maxPages:
                self.maxPages = self.left.maxPages
        if self.right is not None:
            self.types |= self.right.types
            if self.maxPages < self.right.maxPages:
                self.maxPages = self.right.maxPages
        return m != self.maxPages or i != self.types

    # go: runtime/mgclarge.go (go1.13) treapNode.findMinimal
    def findMinimal(self, f: int) -> treapNode | None:
        """The lowest-addressed node in this subtree whose span matches f."""
        if not f & self.types:
            return None
        t: treapNode | None = self
        while t is not None:
            if t.left is not None and f & t.left.types:
                t = t.left
            elif f & t._span().treapFilter():
                break
            elif t.right is not None and f & t.right.types:
                t = t.right
            else:
                throw("failed to find minimal node matching filter")
        return t

    # go: runtime/mgclarge.go (go1.13) treapNode.findMaximal
    def findMaximal(self, f: int) -> treapNode | None:
        """The highest-addressed node in this subtree whose span matches f."""
        if not f & self.types:
            return None
        t: treapNode | None = self
        while t is not None:
            if t.right is not None and f & t.right.types:
                t = t.right
            elif f & t._span().treapFilter():
                break
            elif t.left is not None and f & t.left.types:
                t = t.left
            else:
                throw("failed to find minimal node matching filter")
        return t

    # go: runtime/mgclarge.go (go1.13) treapNode.pred
    def pred(self, f: int) -> treapNode | None:
        """The previous node (lower address) matching f, or None."""
        if self.left is not None and f & self.left.types:
            return self.left.findMaximal(f)
        p = self
        t = self.parent
        while t is not None:
            if t.right is p:
                if f & t._span().treapFilter():
                    return t
                if t.left is not None and f & t.left.types:
                    return t.left.findMaximal(f)
            p = t
            t = t.parent
        return None

    # go: runtime/mgclarge.go (go1.13) treapNode.succ
    def succ(self, f: int) -> treapNode | None:
        """The next node (higher address) matching f, or None."""
        if self.right is not None and f & self.right.types:
            return self.right.findMinimal(f)
        p = self
        t = self.parent
        while t is not None:
            if t.left is p:
                if f & t._span().treapFilter():
                    return t
                if t.right is not None and f & t.right.types:
                    return t.right.findMinimal(f)
            p = t
            t = t.parent
        return None

    # go: runtime/mgclarge.go (go1.13) treapNode.validateInvariants
    def validateInvariants(self) -> tuple[int, int]:
        left = self.left.validateInvariants() if self.left is not None else (0, 0)
        right = self.right.validateInvariants() if self.right is not None else (0, 0)
        s = self._span()
        mx = max(s.npages, left[0], right[0])
        if mx != self.maxPages:
            throw("maxPages invariant violated in treap")
        typ = s.treapFilter() | left[1] | right[1]
        if typ != self.types:
            throw("types invariant violated in treap")
        if s.startAddr != self.key:
            throw("why does span.base() and treap.key do not match?")
        if s.next is not None or s.prev is not None or s.list is not None:
            throw("span may be on an mSpanList while simultaneously in the treap")
        if self.left is not None and (
            self.left.key >= self.key or self.left.priority < self.priority
        ):
            throw("found out-of-order spans in treap (left child has greater base address)")
        if self.right is not None and (
            self.right.key <= self.key or self.right.priority < self.priority
        ):
            throw("found out-of-order spans in treap (right child has lesser base address)")
        for c in (self.left, self.right):
            if c is not None and c.parent is not self:
                throw("node is not its parent's child")
        return mx, typ


class treapIter:
    """A position in the treap, restricted to the spans a filter matches."""

    __slots__ = ("f", "t")

    def __init__(self, f: int, t: treapNode | None) -> None:
        self.f = f  # treapIterFilter
        self.t = t  # current node, None when past the end

    # go: runtime/mgclarge.go (go1.13) treapIter.span
    def span(self) -> mspan:
        if self.t is None:
            throw("invalid treap iterator")
        return self.t._span()

    # go: runtime/mgclarge.go (go1.13) treapIter.valid
    def valid(self) -> bool:
        return self.t is not None

    # go: runtime/mgclarge.go (go1.13) treapIter.next
    def next(self) -> treapIter:
        if self.t is None:
            throw("invalid treap iterator")
        return treapIter(self.f, self.t.succ(self.f))

    # go: runtime/mgclarge.go (go1.13) treapIter.prev
    def prev(self) -> treapIter:
        if self.t is None:
            throw("invalid treap iterator")
        return treapIter(self.f, self.t.pred(self.f))


class mTreap:
    """The heap's free spans (mheap_.free). Protected by mheap_.lock."""

    __slots__ = ("treap", "unscavHugePages", "alloc", "count")

    def __init__(self) -> None:
        self.treap: treapNode | None = None  # the root
        self.unscavHugePages = 0  # huge pages in spans that are not scavenged
        # Where nodes come from (mheap_.treapalloc); None: plain Python objects (tests).
        self.alloc: Any = None
        self.count = 0  # number of nodes (spans) in the treap

    def _newNode(self) -> treapNode:
        if self.alloc is not None:
            n: treapNode = self.alloc.allocObj()
            n.right = n.left = n.parent = None
            return n
        return treapNode()

    def _freeNode(self, t: treapNode) -> None:
        t.span = None
        t.left = t.right = t.parent = None
        if self.alloc is not None:
            self.alloc.free(t.addr)

    # go: runtime/mgclarge.go (go1.13) mTreap.start
    def start(self, mask: int, match: int) -> treapIter:
        """Iterator at the lowest-addressed span of the kinds (mask, match)."""
        f = treapFilter(mask, match)
        return treapIter(f, self.treap.findMinimal(f) if self.treap is not None else None)

    # go: runtime/mgclarge.go (go1.13) mTreap.end
    def end(self, mask: int, match: int) -> treapIter:
        """Iterator at the highest-addressed span of the kinds (mask, match)."""
        f = treapFilter(mask, match)
        return treapIter(f, self.treap.findMaximal(f) if self.treap is not None else None)

    # go: runtime/mgclarge.go (go1.13) mTreap.mutate
    def mutate(self, i: treapIter, fn: Callable[[mspan], None]) -> None:
        """Let fn change i's span (base, size, scavenged) without changing its order."""
        s = i.span()
        hpages = s.hugePages()
        scavenged = s.scavenged
        fn(s)
        if not scavenged:
            self.unscavHugePages -= hpages
        if not s.scavenged:
            self.unscavHugePages += s.hugePages()
        assert i.t is not None
        i.t.key = s.startAddr
        t: treapNode | None = i.t
        while t is not None and t.updateInvariants():
            t = t.parent

    # go: runtime/mgclarge.go (go1.13) mTreap.insert
    def insert(self, span: mspan) -> None:
        """Add a free span."""
        if not span.scavenged:
            self.unscavHugePages += span.hugePages()
        base = span.startAddr
        last: treapNode | None = None
        t = self.treap
        goLeft = False
        while t is not None:
            last = t
            if t.key < base:
                t = t.right
                goLeft = False
            elif t.key > base:
                t = t.left
                goLeft = True
            else:
                throw("inserting span already in treap")
        t = self._newNode()
        t.key = base
        t.priority = fastrand()
        t.span = span
        t.maxPages = span.npages
        t.types = span.treapFilter()
        t.parent = last
        if last is None:
            self.treap = t
        elif goLeft:
            last.left = t
        else:
            last.right = t
        self.count += 1
        i = t
        while i.parent is not None and i.parent.updateInvariants():
            i = i.parent
        while t.parent is not None and t.parent.priority > t.priority:
            if t.parent.left is t:
                self.rotateRight(t.parent)
            else:
                if t.parent.right is not t:
                    throw("treap insert finds a broken treap")
                self.rotateLeft(t.parent)

    # go: runtime/mgclarge.go (go1.13) mTreap.removeNode
    def removeNode(self, t: treapNode) -> None:
        s = t._span()
        if not s.scavenged:
            self.unscavHugePages -= s.hugePages()
        if s.startAddr != t.key:
            throw("span and treap node base addresses do not match")
        while t.right is not None or t.left is not None:
            if t.right is None or (t.left is not None and t.left.priority < t.right.priority):
                self.rotateRight(t)
            else:
                self.rotateLeft(t)
        p = t.parent
        if p is not None:
            if p.left is t:
                p.left = None
            else:
                p.right = None
            pp: treapNode | None = p
            while pp is not None and pp.updateInvariants():
                pp = pp.parent
        else:
            self.treap = None
        self.count -= 1
        self._freeNode(t)

    # go: runtime/mgclarge.go (go1.13) mTreap.find
    def find(self, npages: int) -> treapIter:
        """Iterator at the lowest-addressed span of at least npages (invalid if none)."""
        t = self.treap
        while t is not None:
            s = t.span
            if s is None:
                throw("treap node with nil span found")
            if t.left is not None and t.left.maxPages >= npages:
                t = t.left
            elif s.npages >= npages:
                break
            elif t.right is not None and t.right.maxPages >= npages:
                t = t.right
            else:
                t = None
        return treapIter(treapFilterAll, t)

    def findBest(self, npages: int) -> treapIter:
        """Iterator at the smallest span of at least npages, the lowest-addressed
        among equals (invalid if none): Go 1.12's best-fit policy, for
        GODEBUG=treapbestfit=1. Visits only subtrees whose maxPages can
        satisfy npages."""
        best: treapNode | None = None
        stack = [self.treap] if self.treap is not None else []
        while stack:
            t = stack.pop()
            if t.maxPages < npages:
                continue
            s = t.span
            if s is None:
                throw("treap node with nil span found")
            if s.npages >= npages and (best is None or s.npages < best.span.npages  # type: ignore[union-attr]
                                       or (s.npages == best.span.npages and t.key < best.key)):  # type: ignore[union-attr]
                best = t
            if t.right is not None:
                stack.append(t.right)
            if t.left is not None:
                stack.append(t.left)
        return treapIter(treapFilterAll, best)

    # go: runtime/mgclarge.go (go1.13) mTreap.removeSpan
    def removeSpan(self, span: mspan) -> None:
        """Remove the node holding span (which must be in the treap)."""
        base = span.startAddr
        t = self.treap
        while t is not None and t.span is not span:
            if t.key < base:
                t = t.right
            elif t.key > base:
                t = t.left
            else:
                break
        if t is None or t.span is not span:
            throw("span not in treap")
        self.removeNode(t)

    # go: runtime/mgclarge.go (go1.13) mTreap.erase
    def erase(self, i: treapIter) -> None:
        """Remove the node at i; i must not be used afterwards."""
        if i.t is None:
            throw("invalid treap iterator")
        self.removeNode(i.t)

    # go: runtime/mgclarge.go (go1.13) mTreap.rotateLeft
    def rotateLeft(self, x: treapNode) -> None:
        """(x a (y b c)) becomes (y (x a b) c)."""
        p = x.parent
        y = x.right
        if y is None:
            throw("large span treap rotateLeft")
        b = y.left
        y.left = x
        x.parent = y
        x.right = b
        if b is not None:
            b.parent = x
        y.parent = p
        if p is None:
            self.treap = y
        elif p.left is x:
            p.left = y
        else:
            if p.right is not x:
                throw("large span treap rotateLeft")
            p.right = y
        x.updateInvariants()
        y.updateInvariants()

    # go: runtime/mgclarge.go (go1.13) mTreap.rotateRight
    def rotateRight(self, y: treapNode) -> None:
        """(y (x a b) c) becomes (x a (y b c))."""
        p = y.parent
        x = y.left
        if x is None:
            throw("large span treap rotateRight")
        b = x.right
        x.right = y
        y.parent = x
        y.left = b
        if b is not None:
            b.parent = y
        x.parent = p
        if p is None:
            self.treap = x
        elif p.left is y:
            p.left = x
        else:
            if p.right is not y:
                throw("large span treap rotateRight")
            p.right = x
        y.updateInvariants()
        x.updateInvariants()

    def validateInvariants(self) -> None:
        """Check order, heap order, maxPages, types, parent links and the count (tests)."""
        n = 0
        for _ in self.spans():
            n += 1
        if n != self.count:
            throw("treap count invariant violated")
        if self.treap is not None:
            if self.treap.parent is not None:
                throw("treap root has a parent")
            self.treap.validateInvariants()

    def spans(self) -> Iterator[mspan]:
        """Every span of the treap, by increasing address."""
        stack: list[treapNode] = []
        t = self.treap
        while stack or t is not None:
            while t is not None:
                stack.append(t)
                t = t.left
            t = stack.pop()
            yield t._span()
            t = t.right
