"""Central free lists: the spans of one span class (mcentral.go, the seed's).

See malloc.py for the overview. There is one mcentral per span class (size
class x noscan: 136). It owns every in-use span of its class that no mcache
holds, on two lists under its lock:

    nonempty  spans with at least one free slot (or that may have some once
              swept)
    empty     spans with no free slot, or held by an mcache (a cached span
              is always on `empty`)

cacheSpan (mcache.refill asks for a span with free slots):
  1. Walk `nonempty`. A span that still needs sweeping (sweepgen == sg-2) is
     claimed (-> sg-1), moved to `empty`, swept, and taken. One being swept
     by someone else (sg-1) is skipped. Any other span is swept already and
     has free slots: move it to `empty` and take it.
  2. Walk `empty` for spans that need sweeping: sweep each; if it then has a
     free slot take it, else go round again. Stop at the first swept span
     (swept spans sit at the back).
  3. Nothing? grow: a fresh span from mheap_.alloc, put at the back of `empty`.
  4. Set up the span's allocCache at its freeindex and hand it out.

uncacheSpan (the mcache gives a span back, at releaseAll or prepareForSweep):
  * allocCount == 0 is impossible for a span an mcache held ("uncaching
    span but s.allocCount == 0").
  * If s.sweepgen == sg+1 the span was cached before this sweep cycle began
    ("stale"): it becomes sg-1 (being swept) and is swept right here, which
    files it (or frees it) through freeSpan.
  * Otherwise it becomes sg (swept), and if it has free slots it moves from
    `empty` to `nonempty`.

freeSpan (the sweeper freed objects of a span): with `preserve` (called
from cacheSpan) just mark it swept; otherwise move it to `nonempty` if it
was full, mark it swept, and if no object is left give the pages back to
the heap.

Invariants: a span is on exactly one list of its mcentral, or in an
mcache (and then on `empty`), or being swept; every span on these lists has
state mSpanInUse and spanclass == c.spanclass.

Differences from Go 1.27: 1.15 replaced the lists and the lock by the
lock-free partial/full spanSets; gort keeps the seed's lists. Statistics
(object counts, heapLive) are kept the 1.27 way in mcache.py, not through
c.nmalloc.
"""

from __future__ import annotations

import gort.runtime.mgcsweep as mgcsweep
from gort.runtime.lock import lock, mutex, unlock
from gort.runtime.mbitmap import heapBitsInSpan, initHeapBits
from gort.runtime.mheap import mheap_, mspan, mSpanInUse, mSpanList
from gort.runtime.panic import throw
from gort.runtime.param import PageShift
from gort.runtime.sizeclasses import SizeClassToNPages, SizeClassToSize


class mcentral:
    """Free lists of one span class (mcentral.go, seed). Fields: c.lock."""

    __slots__ = ("lock", "spanclass", "nonempty", "empty", "nmalloc")

    def __init__(self, spc: int) -> None:
        self.lock = mutex("mcentral")
        self.spanclass = spc  # size class << 1 | noscan; set once
        self.nonempty = mSpanList()  # spans with a free object (or unswept)
        self.empty = mSpanList()  # spans with no free object, or cached in an mcache
        self.nmalloc = 0  # objects handed to mcaches (seed statistic; informational)

    # go: runtime/mcentral.go (go1.13) mcentral.cacheSpan
    def cacheSpan(self) -> mspan | None:
        """A span with at least one free slot, for an mcache; None if out of memory."""
        lock(self.lock)
        sg = mheap_.sweepgen
        s: mspan | None = None
        while True:
            found = False
            s = self.nonempty.first
            while s is not None:
                nxt = s.next
                if s.sweepgen == sg - 2:
                    s.sweepgen = sg - 1
                    self.nonempty.remove(s)
                    self.empty.insertBack(s)
                    unlock(self.lock)
                    mgcsweep.sweep(s, True)
                    found = True
                    break
                if s.sweepgen == sg - 1:
                    s = nxt  # the background sweeper has it
                    continue
                self.nonempty.remove(s)
                self.empty.insertBack(s)
                unlock(self.lock)
                found = True
                break
            if found:
                break
            retry = False
            s = self.empty.first
            while s is not None:
                nxt = s.next
                if s.sweepgen == sg - 2:
                    s.sweepgen = sg - 1
                    self.empty.remove(s)
                    self.empty.insertBack(s)
                    unlock(self.lock)
                    mgcsweep.sweep(s, True)
                    freeIndex = s.nextFreeIndex()
                    if freeIndex != s.nelems:
                        s.freeindex = freeIndex
                        found = True
                        break
                    lock(self.lock)
                    retry = True
                    break
                if s.sweepgen == sg - 1:
                    s = nxt
                    continue
                break  # swept empty spans from here on
            if found:
                break
            if retry:
                continue
            unlock(self.lock)
            s = self.grow()
            if s is None:
                return None
            lock(self.lock)
            self.empty.insertBack(s)
            unlock(self.lock)
            break

        assert s is not None
        n = s.nelems - s.allocCount
        if n == 0 or s.freeindex == s.nelems or s.allocCount == s.nelems:
            throw("span has no free objects")
        self.nmalloc += n
        freeByteBase = s.freeindex & ~63
        s.refillAllocCache(freeByteBase >> 3)
        s.allocCache >>= s.freeindex & 63
        return s

    # go: runtime/mcentral.go (go1.13) mcentral.uncacheSpan
    def uncacheSpan(self, s: mspan) -> None:
        """Take back a span an mcache held; sweep it if it went stale while cached."""
        if s.allocCount == 0:
            throw("uncaching span but s.allocCount == 0")
        sg = mheap_.sweepgen
        stale = s.sweepgen == sg + 1
        if stale:
            # Cached before the sweep began: it is ours to sweep. Mark it
            # "being swept" so nobody allocates from it meanwhile.
            s.sweepgen = sg - 1
        else:
            s.sweepgen = sg
        n = s.nelems - s.allocCount
        if n > 0:
            lock(self.lock)
            self.nmalloc -= n
            self.empty.remove(s)
            self.nonempty.insert(s)
            unlock(self.lock)
        if stale:
            mgcsweep.sweep(s, False)

    # go: runtime/mcentral.go (go1.13) mcentral.freeSpan
    def freeSpan(self, s: mspan, preserve: bool, wasempty: bool) -> bool:
        """The sweeper freed objects in s. Reports whether s went back to the heap."""
        sg = mheap_.sweepgen
        if s.sweepgen == sg + 1 or s.sweepgen == sg + 3:
            throw("freeSpan given cached span")
        s.needzero = 1
        if preserve:
            # From cacheSpan: s is on `empty` and about to be cached.
            if not s.inList():
                throw("can't preserve unlinked span")
            s.sweepgen = sg
            return False
        lock(self.lock)
        if wasempty:
            self.empty.remove(s)
            self.nonempty.insert(s)
        s.sweepgen = sg
        if s.allocCount != 0:
            unlock(self.lock)
            return False
        self.nonempty.remove(s)
        unlock(self.lock)
        mheap_.freeSpan(s)
        return True

    # go: runtime/mcentral.go (go1.13) mcentral.grow
    def grow(self) -> mspan | None:
        """A fresh span of this class from the heap."""
        sizeclass = self.spanclass >> 1
        npages = SizeClassToNPages[sizeclass]
        size = SizeClassToSize[sizeclass]
        s = mheap_.alloc(npages, self.spanclass, False, True)
        if s is None:
            return None
        if s.state != mSpanInUse:
            throw("mcentral.grow: bad span state")
        # nelems and limit were set by alloc_m; the heap bits of a span of
        # small pointerful objects start cleared.
        if not (self.spanclass & 1) and heapBitsInSpan(size):
            initHeapBits(s)
        if s.limit != s.startAddr + size * s.nelems or s.nelems > (npages << PageShift) // size:
            throw("mcentral.grow: bad span layout")
        return s
