"""Memory statistics: what ReadMemStats reports, and the counters behind it.

This is mstats.go. The allocator keeps three kinds of counters, as Go 1.27
does, and `readmemstats_m` turns them into the fields of `runtime.MemStats`:

  * `sysMemStat`s in `memstats` — bytes mapped from the OS for one purpose:
    stacks_sys (OS-allocated stacks), mspan_sys and mcache_sys (the fixalloc
    chunks of spans and mcaches), buckhash_sys, gcMiscSys (heapArena
    metadata, gcBits arenas), other_sys (everything else off-heap).
  * `memstats.heapStats`, the "consistent" heap statistics: bytes committed,
    released, in heap spans, in stack spans, in GC work buffers; object
    counts per size class (allocated, freed), large and tiny counts. Go
    shards these per P and merges them under a generation counter; gort has
    one copy under a lock.
  * `gcController`'s heap accounting (mgcpacer.go): heapInUse, heapFree,
    heapReleased (bytes of heap pages in use by spans, free and committed,
    free and returned to the OS), totalAlloc/totalFree, mappedReady, and
    GOGC. The GC issue will grow this object into the pacer; the allocator
    only needs these fields.

When things are counted (as in Go 1.27): a small object is counted when
the span it came from leaves the mcache (refill, releaseAll), as
"slots used while cached"; a tiny allocation is counted in c.tinyAllocs
and flushed the same way; a large object at once. ReadMemStats flushes
every P's mcache first, so what it reports is exact.

Invariants (checked by tests, and by `checkMemStats` under tests):
  * heapInUse + heapFree + heapReleased == HeapSys == bytes of heap arenas
    mapped (sysMap) minus bytes in stack spans.
  * heapStats.inHeap == gcController.heapInUse;
    heapStats.released == gcController.heapReleased.
  * Sys == every sysMemStat + HeapSys + stacks in use.

Differences from Go: no per-P sharding of heapStats (one lock instead of a
sequence counter); memory profiling (MemProfileRate sampling) is not done.
"""

from __future__ import annotations

from typing import Any

from gort.runtime.lock import lock, mutex, unlock
from gort.runtime.sizeclasses import NumSizeClasses

# go: runtime/mstats.go sysMemStat


class sysMemStat:
    """Bytes mapped from the OS for one purpose. Updated under the GIL's atomicity."""

    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value = 0  # bytes; written with add(), read with load()

    def load(self) -> int:
        return self.value

    def add(self, n: int) -> None:
        v = self.value + n
        if v < 0:
            from gort.runtime.panic import throw

            throw("sysMemStat overflow")
        self.value = v


class heapStatsDelta:
    """The consistent heap statistics (mstats.go heapStatsDelta). memstats.heapStats.lock."""

    __slots__ = (
        "committed",
        "released",
        "inHeap",
        "inStacks",
        "inWorkBufs",
        "inPtrScalarBits",
        "tinyAllocCount",
        "largeAlloc",
        "largeAllocCount",
        "smallAllocCount",
        "largeFree",
        "largeFreeCount",
        "smallFreeCount",
    )

    def __init__(self) -> None:
        self.committed = 0  # bytes of heap memory committed (not released), in spans or free
        self.released = 0  # bytes of free heap memory returned to the OS (or never touched)
        self.inHeap = 0  # bytes in mSpanInUse spans
        self.inStacks = 0  # bytes in stack spans (mSpanManual, spanAllocStack)
        self.inWorkBufs = 0  # bytes in GC work-buffer spans
        self.inPtrScalarBits = 0  # unused since malloc headers (1.22); kept for shape
        self.tinyAllocCount = 0  # tiny allocations (objects, not blocks)
        self.largeAlloc = 0  # bytes of large objects allocated
        self.largeAllocCount = 0  # large objects allocated
        self.smallAllocCount = [0] * NumSizeClasses  # objects allocated, per size class
        self.largeFree = 0  # bytes of large objects freed
        self.largeFreeCount = 0  # large objects freed
        self.smallFreeCount = [0] * NumSizeClasses  # objects freed, per size class


class consistentHeapStats:
    """memstats.heapStats: one heapStatsDelta under a lock (Go shards it per P)."""

    __slots__ = ("stats", "lock")

    def __init__(self) -> None:
        self.stats = heapStatsDelta()  # protected by lock
        self.lock = mutex("heapStats.noPLock")

    # go: runtime/mstats.go consistentHeapStats.acquire
    def acquire(self) -> heapStatsDelta:
        """Begin an update; must be paired with release()."""
        lock(self.lock)
        return self.stats

    # go: runtime/mstats.go consistentHeapStats.release
    def release(self) -> None:
        unlock(self.lock)

    # go: runtime/mstats.go consistentHeapStats.unsafeRead
    def unsafeRead(self) -> heapStatsDelta:
        """A copy of the statistics. The world must be stopped (or tests)."""
        out = heapStatsDelta()
        s = self.stats
        for name in heapStatsDelta.__slots__:
            v = getattr(s, name)
            setattr(out, name, list(v) if isinstance(v, list) else v)
        return out


class mstats:
    """The global statistics (mstats.go `memstats`)."""

    __slots__ = (
        "heapStats",
        "stacks_sys",
        "mspan_sys",
        "mcache_sys",
        "buckhash_sys",
        "gcMiscSys",
        "other_sys",
        "last_gc_unix",
        "pause_total_ns",
        "pause_ns",
        "pause_end",
        "numgc",
        "numforcedgc",
        "gc_cpu_fraction",
        "enablegc",
        "last_gc_nanotime",
    )

    def __init__(self) -> None:
        self.heapStats = consistentHeapStats()
        self.stacks_sys = sysMemStat()  # stacks mapped directly from the OS (none on linux)
        self.mspan_sys = sysMemStat()  # fixalloc chunks of mheap_.spanalloc
        self.mcache_sys = sysMemStat()  # fixalloc chunks of mheap_.cachealloc
        self.buckhash_sys = sysMemStat()  # profiling bucket hash table
        self.gcMiscSys = sysMemStat()  # heapArena metadata, gcBits arenas
        self.other_sys = sysMemStat()  # other off-heap runtime allocations
        self.last_gc_unix = 0  # ns since 1970 of the last GC end
        self.pause_total_ns = 0
        self.pause_ns = [0] * 256  # circular buffer of recent pause times (ns)
        self.pause_end = [0] * 256  # circular buffer of recent pause end times (ns since 1970)
        self.numgc = 0  # completed GC cycles
        self.numforcedgc = 0  # GC cycles forced by runtime.GC
        self.gc_cpu_fraction = 0.0
        self.enablegc = False  # set by gcenable
        self.last_gc_nanotime = 0


memstats = mstats()


class gcControllerState:
    """The part of the GC pacer (mgcpacer.go gcController) the allocator feeds."""

    __slots__ = (
        "heapInUse",
        "heapFree",
        "heapReleased",
        "totalAlloc",
        "totalFree",
        "mappedReady",
        "heapLive",
        "heapScan",
        "gcPercent",
        "heapMinimum",
        "memoryLimit",
        "heapMarked",
    )

    def __init__(self) -> None:
        self.heapInUse = sysMemStat()  # bytes in mSpanInUse spans; mheap_.lock
        self.heapFree = sysMemStat()  # bytes of free heap pages that are committed; mheap_.lock
        self.heapReleased = sysMemStat()  # bytes of free heap pages returned to the OS; mheap_.lock
        self.totalAlloc = 0  # bytes ever allocated (updated when mcache spans are flushed)
        self.totalFree = 0  # bytes ever freed by the sweeper
        self.mappedReady = 0  # bytes mapped and ready to use (not released)
        self.heapLive = 0  # bytes considered live: marked at last GC + allocated since
        self.heapScan = 0  # bytes of scannable heap
        self.gcPercent = 100  # GOGC; < 0 means off. Written by setGCPercent under mheap_.lock
        self.heapMinimum = 4 << 20  # defaultHeapMinimum scaled by GOGC/100
        self.memoryLimit = (1 << 63) - 1  # GOMEMLIMIT
        self.heapMarked = 0  # bytes marked by the last GC

    # go: runtime/mgcpacer.go gcControllerState.heapGoal
    def heapGoal(self) -> int:
        """The heap size at which the next GC should finish (NextGC)."""
        if self.gcPercent < 0:
            return (1 << 64) - 1
        goal = self.heapMarked + self.heapMarked * self.gcPercent // 100
        return max(goal, self.heapMinimum)

    # go: runtime/mgcpacer.go gcControllerState.setGCPercent
    def setGCPercent(self, pct: int) -> int:
        """Set GOGC, return the old value. mheap_.lock held."""
        out = self.gcPercent
        if pct < 0:
            pct = -1
        self.gcPercent = pct
        self.heapMinimum = (4 << 20) * max(pct, 0) // 100  # defaultHeapMinimum * GOGC/100
        return out

    # go: runtime/mgcpacer.go gcControllerState.update
    def update(self, dHeapLive: int, dHeapScan: int) -> None:
        """Apply deltas to heapLive and heapScan (the GC pacer reacts later)."""
        self.heapLive += dHeapLive
        self.heapScan += dHeapScan


gcController = gcControllerState()


# go: runtime/mstats.go heapRetained
def heapRetained() -> int:
    """Bytes of heap memory held by the runtime and not returned to the OS."""
    return gcController.heapInUse.load() + gcController.heapFree.load()


# --- runtime.MemStats (Go 1.27 layout, linux/amd64) ---------------------------

# Field offsets of runtime.MemStats (reflect, Go 1.27.3): 5776 bytes.
MemStatsSize = 5776
MemStatsOffsets = {
    "Alloc": 0,
    "TotalAlloc": 8,
    "Sys": 16,
    "Lookups": 24,
    "Mallocs": 32,
    "Frees": 40,
    "HeapAlloc": 48,
    "HeapSys": 56,
    "HeapIdle": 64,
    "HeapInuse": 72,
    "HeapReleased": 80,
    "HeapObjects": 88,
    "StackInuse": 96,
    "StackSys": 104,
    "MSpanInuse": 112,
    "MSpanSys": 120,
    "MCacheInuse": 128,
    "MCacheSys": 136,
    "BuckHashSys": 144,
    "GCSys": 152,
    "OtherSys": 160,
    "NextGC": 168,
    "LastGC": 176,
    "PauseTotalNs": 184,
    "PauseNs": 192,  # [256]uint64
    "PauseEnd": 2240,  # [256]uint64
    "NumGC": 4288,  # uint32
    "NumForcedGC": 4292,  # uint32
    "GCCPUFraction": 4296,  # float64
    "EnableGC": 4304,  # bool
    "DebugGC": 4305,  # bool
    "BySize": 4312,  # [61]struct{Size uint32; Mallocs, Frees uint64}, 24 bytes each
}
_bySizeLen = 61


# go: runtime/mstats.go flushmcache
def flushmcache(c: Any) -> None:
    """Return an mcache's spans and stacks (the world is stopped)."""
    from gort.runtime.stack import stackcache_clear

    c.releaseAll()
    stackcache_clear(c)


# go: runtime/mstats.go flushallmcaches
def flushallmcaches() -> None:
    """Flush the mcache of every P, and mcache0 while there are no Ps. World stopped."""
    from gort.runtime import mcache as mcache_mod
    from gort.runtime import runtime2

    seen = False
    for pp in runtime2.allp:
        if pp is not None and pp.mcache is not None:
            flushmcache(pp.mcache)
            seen = True
    if not seen and mcache_mod.mcache0 is not None:
        flushmcache(mcache_mod.mcache0)


def readmemstats() -> dict[str, Any]:
    """The MemStats fields as Go computes them (readmemstats_m), without writing them.

    The world must be stopped (no other M allocating)."""
    from gort.runtime.mheap import mheap_
    from gort.runtime.sizeclasses import NumSizeClasses, SizeClassToSize

    flushallmcaches()
    cons = memstats.heapStats.unsafeRead()
    totalAlloc = cons.largeAlloc
    nMalloc = cons.largeAllocCount
    totalFree = cons.largeFree
    nFree = cons.largeFreeCount
    bySize: list[tuple[int, int, int]] = []
    for i in range(NumSizeClasses):
        a = cons.smallAllocCount[i]
        totalAlloc += a * SizeClassToSize[i]
        nMalloc += a
        f = cons.smallFreeCount[i]
        totalFree += f * SizeClassToSize[i]
        nFree += f
        bySize.append((SizeClassToSize[i], a, f))
    # Tiny allocations count as both allocated and freed (their block is
    # what is counted as live), as in Go.
    nFree += cons.tinyAllocCount
    nMalloc += cons.tinyAllocCount

    stackInUse = cons.inStacks
    gcWorkBufInUse = cons.inWorkBufs
    heapSys = (
        gcController.heapInUse.load()
        + gcController.heapFree.load()
        + gcController.heapReleased.load()
    )
    totalMapped = (
        heapSys
        + memstats.stacks_sys.load()
        + memstats.mspan_sys.load()
        + memstats.mcache_sys.load()
        + memstats.buckhash_sys.load()
        + memstats.gcMiscSys.load()
        + memstats.other_sys.load()
        + stackInUse
        + gcWorkBufInUse
    )
    out: dict[str, Any] = {
        "Alloc": totalAlloc - totalFree,
        "TotalAlloc": totalAlloc,
        "Sys": totalMapped,
        "Lookups": 0,
        "Mallocs": nMalloc,
        "Frees": nFree,
        "HeapAlloc": totalAlloc - totalFree,
        "HeapSys": heapSys,
        "HeapIdle": gcController.heapFree.load() + gcController.heapReleased.load(),
        "HeapInuse": gcController.heapInUse.load(),
        "HeapReleased": gcController.heapReleased.load(),
        "HeapObjects": nMalloc - nFree,
        "StackInuse": stackInUse,
        "StackSys": stackInUse + memstats.stacks_sys.load(),
        "MSpanInuse": mheap_.spanalloc.inuse,
        "MSpanSys": memstats.mspan_sys.load(),
        "MCacheInuse": mheap_.cachealloc.inuse,
        "MCacheSys": memstats.mcache_sys.load(),
        "BuckHashSys": memstats.buckhash_sys.load(),
        "GCSys": memstats.gcMiscSys.load() + gcWorkBufInUse,
        "OtherSys": memstats.other_sys.load(),
        "NextGC": gcController.heapGoal(),
        "LastGC": memstats.last_gc_unix,
        "PauseTotalNs": memstats.pause_total_ns,
        "PauseNs": list(memstats.pause_ns),
        "PauseEnd": list(memstats.pause_end),
        "NumGC": memstats.numgc,
        "NumForcedGC": memstats.numforcedgc,
        "GCCPUFraction": memstats.gc_cpu_fraction,
        "EnableGC": True,
        "DebugGC": False,
        "BySize": bySize[:_bySizeLen],
    }
    return out


# go: runtime/mstats.go readmemstats_m
def readmemstats_m(stats: int) -> None:
    """Fill the runtime.MemStats at address stats. The world must be stopped."""
    from gort.runtime.unsafe import F64, U8, U32, U64

    v = readmemstats()
    o = MemStatsOffsets
    for name in (
        "Alloc",
        "TotalAlloc",
        "Sys",
        "Lookups",
        "Mallocs",
        "Frees",
        "HeapAlloc",
        "HeapSys",
        "HeapIdle",
        "HeapInuse",
        "HeapReleased",
        "HeapObjects",
        "StackInuse",
        "StackSys",
        "MSpanInuse",
        "MSpanSys",
        "MCacheInuse",
        "MCacheSys",
        "BuckHashSys",
        "GCSys",
        "OtherSys",
        "NextGC",
        "LastGC",
        "PauseTotalNs",
    ):
        U64[(stats + o[name]) >> 3] = v[name] & 0xFFFFFFFFFFFFFFFF
    for i in range(256):
        U64[(stats + o["PauseNs"]) // 8 + i] = v["PauseNs"][i]
        U64[(stats + o["PauseEnd"]) // 8 + i] = v["PauseEnd"][i]
    U32[(stats + o["NumGC"]) >> 2] = v["NumGC"]
    U32[(stats + o["NumForcedGC"]) >> 2] = v["NumForcedGC"]
    F64[(stats + o["GCCPUFraction"]) >> 3] = v["GCCPUFraction"]
    U8[stats + o["EnableGC"]] = 1
    U8[stats + o["DebugGC"]] = 0
    for i, (size, mallocs, frees) in enumerate(v["BySize"]):
        e = stats + o["BySize"] + 24 * i
        U32[e >> 2] = size
        U64[(e + 8) >> 3] = mallocs
        U64[(e + 16) >> 3] = frees


# go: runtime/mstats.go readGCStats_m
def readGCStats_m(pauses: int, cap_: int) -> int:
    """Write GC pause history into the []uint64 backing array at pauses (capacity cap_).

    Layout (as runtime/debug expects): n pauses most recent first, then their
    n end times, then last GC time, number of GCs, total pause ns. Returns
    the new length, n*2+3."""
    from gort.runtime.unsafe import U64

    n = min(memstats.numgc, 256)
    if cap_ < 256 + 3:
        from gort.runtime.panic import throw

        throw("short slice passed to readGCStats")
    for i in range(n):
        j = (memstats.numgc - 1 - i) % 256
        U64[(pauses >> 3) + i] = memstats.pause_ns[j]
        U64[(pauses >> 3) + n + i] = memstats.pause_end[j]
    U64[(pauses >> 3) + 2 * n] = memstats.last_gc_unix
    U64[(pauses >> 3) + 2 * n + 1] = memstats.numgc
    U64[(pauses >> 3) + 2 * n + 2] = memstats.pause_total_ns
    return n * 2 + 3
