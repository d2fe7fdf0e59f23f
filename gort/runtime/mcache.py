"""Per-P caches of spans and stacks (mcache.go).

See malloc.py for the overview. Each P owns an mcache, reached as
`pp.mcache` (where Go 1.27 keeps it; the seed also kept it in `m.mcache`),
so the allocation fast path takes no lock. Before the Ps exist (bootstrap)
and on an M without a P, allocation uses `mcache0`, made by mallocinit and
given to P 0 by procresize, as Go does.

An mcache holds:
  * alloc[spc] — for each of the 136 span classes, one span to allocate
    from (or `emptymspan`, a span with no slots, so the fast path needs no
    nil check). A cached span has sweepgen == mheap_.sweepgen + 3.
  * the tiny allocator's block: tiny (address of the current 16-byte
    block), tinyoffset (bytes used), tinyAllocs (objects packed into
    blocks, not yet flushed to the statistics).
  * stackcache[order] — free stacks of 2, 4, 8, 16 KiB (stack.py), a list
    threaded through the stacks' first words plus its byte size.
  * flushGen — the sweepgen at which it was last flushed.
  * scanAlloc — bytes of scannable heap allocated since the last flush.

Operations:
  refill(spc)      the cached span is full: give it back to its mcentral,
                   count its slots used while cached (smallAllocCount,
                   totalAlloc), take a span with free slots from mcentral.
  nextFree(spc)    the slow path of allocation: next free slot of the
                   cached span, refilling first if it is full.
  allocLarge(n)    a span of its own for a large object.
  releaseAll()     every cached span back to its mcentral, statistics
                   flushed, the tiny block dropped (ReadMemStats, P teardown,
                   prepareForSweep).
  prepareForSweep()  if a GC cycle began since the last flush
                   (flushGen == sweepgen - 2): releaseAll and
                   stackcache_clear; any other mismatch throws "bad flushGen".

Invariants: alloc[spc] is emptymspan or a span of class spc with
sweepgen == sg+3 that sits on its mcentral's `empty` list; after
releaseAll every alloc[i] is emptymspan and tiny == tinyoffset ==
tinyAllocs == 0.

Differences from Go: no memory profiling (nextSample/memProfRate are kept
but never trigger a sample).
"""

from __future__ import annotations

from gort.runtime.lock import lock, unlock
from gort.runtime.mheap import makeSpanClass, mheap_, mspan, numSpanClasses, tinySpanClass
from gort.runtime.mstats import gcController, memstats
from gort.runtime.panic import throw
from gort.runtime.param import NumStackOrders, PageShift, PageSize

sizeof_mcache = 2296  # Go 1.27 linux/amd64 (DWARF)


# go: runtime/mcache.go emptymspan
emptymspan = mspan()  # the span with no slots: allocCache == 0, nelems == 0


class stackfreelist:
    """Free stacks of one order in an mcache (mcache.go stackfreelist). Owner P."""

    __slots__ = ("list", "size")

    def __init__(self) -> None:
        self.list = 0  # first free stack (gclinkptr: next stack in its word 0), 0 if none
        self.size = 0  # total bytes of stacks on the list


class mcache:
    """A P's allocation cache (mcache.go mcache). Owner: the P (or mcache0's holder)."""

    __slots__ = (
        "nextSample",
        "memProfRate",
        "scanAlloc",
        "tiny",
        "tinyoffset",
        "tinyAllocs",
        "alloc",
        "stackcache",
        "flushGen",
        "addr",
    )

    def __init__(self, addr: int = 0) -> None:
        self.nextSample = 0  # bytes to allocate before the next profiling sample
        self.memProfRate = 0  # MemProfileRate when nextSample was computed
        self.scanAlloc = 0  # bytes of scannable heap allocated since the last flush
        self.tiny = 0  # address of the current tiny block, 0 if none
        self.tinyoffset = 0  # bytes of the tiny block in use
        self.tinyAllocs = 0  # tiny allocations not yet counted in heapStats
        self.alloc: list[mspan] = [
            emptymspan
        ] * numSpanClasses  # span to allocate from, per span class
        self.stackcache = [stackfreelist() for _ in range(NumStackOrders)]  # free stacks per order
        self.flushGen = 0  # mheap_.sweepgen at the last flush (atomic)
        self.addr = addr  # this struct's address in Go memory (cachealloc); set once

    def _reset(self) -> None:
        """What Go's zeroing fixalloc gives a recycled block."""
        self.nextSample = 0
        self.memProfRate = 0
        self.scanAlloc = 0
        self.tiny = 0
        self.tinyoffset = 0
        self.tinyAllocs = 0
        self.alloc = [emptymspan] * numSpanClasses
        for sc in self.stackcache:
            sc.list = 0
            sc.size = 0
        self.flushGen = 0

    # go: runtime/mcache.go mcache.nextFree
    def nextFree(self, spc: int) -> tuple[int, mspan, bool]:
        """(address of a free slot of class spc, its span, whether a GC trigger check is due)."""
        s = self.alloc[spc]
        checkGCTrigger = False
        freeIndex = s.nextFreeIndex()
        if freeIndex == s.nelems:
            if s.allocCount != s.nelems:
                from gort.runtime.mheap import _print

                _print(f"runtime: s.allocCount= {s.allocCount} s.nelems= {s.nelems}\n")
                throw("s.allocCount != s.nelems && freeIndex == s.nelems")
            self.refill(spc)
            checkGCTrigger = True
            s = self.alloc[spc]
            freeIndex = s.nextFreeIndex()
        if freeIndex >= s.nelems:
            throw("freeIndex is not valid")
        v = freeIndex * s.elemsize + s.startAddr
        s.allocCount += 1
        if s.allocCount > s.nelems:
            throw("s.allocCount > s.nelems")
        return v, s, checkGCTrigger

    # go: runtime/mcache.go mcache.refill
    def refill(self, spc: int) -> None:
        """Replace the full cached span of class spc with one that has free slots."""
        s = self.alloc[spc]
        if s.allocCount != s.nelems:
            throw("refill of span with free space remaining")
        if s is not emptymspan:
            if s.sweepgen != mheap_.sweepgen + 3:
                throw("bad sweepgen in refill")
            mheap_.central[spc].uncacheSpan(s)
            slotsUsed = s.allocCount - s.allocCountBeforeCache
            st = memstats.heapStats.acquire()
            st.smallAllocCount[spc >> 1] += slotsUsed
            if spc == tinySpanClass:
                st.tinyAllocCount += self.tinyAllocs
                self.tinyAllocs = 0
            memstats.heapStats.release()
            gcController.totalAlloc += slotsUsed * s.elemsize
            s.allocCountBeforeCache = 0
        s2 = mheap_.central[spc].cacheSpan()
        if s2 is None:
            throw("out of memory")
        if s2.allocCount == s2.nelems:
            throw("span has no free space")
        # Cached: the next sweep cycle must not sweep it behind our back.
        s2.sweepgen = mheap_.sweepgen + 3
        s2.allocCountBeforeCache = s2.allocCount
        usedBytes = s2.allocCount * s2.elemsize
        gcController.update(s2.npages * PageSize - usedBytes, self.scanAlloc)
        self.scanAlloc = 0
        self.alloc[spc] = s2

    # go: runtime/mcache.go mcache.allocLarge
    def allocLarge(self, size: int, noscan: bool, needzero: bool) -> mspan:
        """A span of its own for a large object of size bytes."""
        if size + PageSize < size:
            throw("out of memory")
        npages = size >> PageShift
        if size & (PageSize - 1):
            npages += 1
        spc = makeSpanClass(0, noscan)
        s = mheap_.alloc(npages, spc, True, needzero)
        if s is None:
            throw("out of memory")
        st = memstats.heapStats.acquire()
        st.largeAlloc += npages * PageSize
        st.largeAllocCount += 1
        memstats.heapStats.release()
        gcController.totalAlloc += npages * PageSize
        gcController.update(s.npages * PageSize, 0)
        s.limit = s.startAddr + size
        return s

    # go: runtime/mcache.go mcache.releaseAll
    def releaseAll(self) -> None:
        """Give every cached span back to its mcentral and flush the statistics."""
        scanAlloc = self.scanAlloc
        self.scanAlloc = 0
        sg = mheap_.sweepgen
        dHeapLive = 0
        alloc = self.alloc
        for i in range(numSpanClasses):
            s = alloc[i]
            if s is not emptymspan:
                slotsUsed = s.allocCount - s.allocCountBeforeCache
                s.allocCountBeforeCache = 0
                st = memstats.heapStats.acquire()
                st.smallAllocCount[i >> 1] += slotsUsed
                memstats.heapStats.release()
                gcController.totalAlloc += slotsUsed * s.elemsize
                if s.sweepgen != sg + 1:
                    # refill counted the free slots as live; undo that (a
                    # stale span's heapLive was recomputed by the GC).
                    dHeapLive -= (s.nelems - s.allocCount) * s.elemsize
                mheap_.central[i].uncacheSpan(s)
                alloc[i] = emptymspan
        self.tiny = 0
        self.tinyoffset = 0
        st = memstats.heapStats.acquire()
        st.tinyAllocCount += self.tinyAllocs
        memstats.heapStats.release()
        self.tinyAllocs = 0
        gcController.update(dHeapLive, scanAlloc)

    # go: runtime/mcache.go mcache.prepareForSweep
    def prepareForSweep(self) -> None:
        """Flush this cache if a sweep cycle began since its last flush."""
        sg = mheap_.sweepgen
        flushGen = self.flushGen
        if flushGen == sg:
            return
        if flushGen != sg - 2:
            from gort.runtime.mheap import _print

            _print(f"bad flushGen {flushGen} in prepareForSweep; sweepgen {sg}\n")
            throw("bad flushGen")
        self.releaseAll()
        from gort.runtime.stack import stackcache_clear

        stackcache_clear(self)
        self.flushGen = mheap_.sweepgen


# go: runtime/mcache.go allocmcache
def allocmcache() -> mcache:
    """A new, empty mcache (for a new P, or mcache0). Runs on g0; takes the heap lock."""
    lock(mheap_.lock)
    c: mcache = mheap_.cachealloc.allocObj()
    c._reset()
    c.flushGen = mheap_.sweepgen
    unlock(mheap_.lock)
    return c


# go: runtime/mcache.go freemcache
def freemcache(c: mcache) -> None:
    """Flush c and give it back ((*p).destroy). Runs on g0."""
    c.releaseAll()
    from gort.runtime.stack import stackcache_clear

    stackcache_clear(c)
    lock(mheap_.lock)
    mheap_.cachealloc.freeObj(c)
    unlock(mheap_.lock)


# go: runtime/mcache.go getMCache
def getMCache(mp: object) -> mcache | None:
    """The mcache of mp's P, or mcache0 if mp has no P (bootstrap)."""
    pp = getattr(mp, "p", None)
    if pp is None:
        return mcache0
    c: mcache | None = pp.mcache
    return c


# The bootstrap mcache: made by mallocinit, handed to P 0 by procresize,
# which then sets this to None (proc.go).
mcache0: mcache | None = None
