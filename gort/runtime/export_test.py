"""The runtime's test seam (Go's export_test.go): what tests may reach.

Tests import internals from here rather than from the runtime's modules, so
that what the tests depend on is one short list. Besides re-exports, it
offers a few helpers that stand in for machinery that does not exist yet or
that a test must control:

  InitHeap()        link m0 and g0, make g0 current, run stackinit and
                    mallocinit once for this process (the bootstrap does
                    this in a real run).
  WithP()           a context manager giving the current M a P of its own
                    with a fresh mcache, as acquirep would.
  GCCycle(live)     one garbage-collection cycle as the sweeper sees it:
                    mark exactly the objects in `live`, start a new sweep
                    generation, flush the given mcaches, and sweep every
                    span. (The real mark phase comes with the GC issue.)
  FreeSpans()       the free treap as (base, npages, scavenged) triples.
  MappedHeap()      bytes of heap arena memory mapped so far.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from gort.runtime import mcache as mcache_mod
from gort.runtime import mem_linux, mstats, runtime2, stack, stubs
from gort.runtime.debug import debug
from gort.runtime.malloc import (
    growslice,
    makeslice,
    mallocgc,
    mallocinit,
    newarray,
    newobject,
    nextslicecap,
)
from gort.runtime.mbitmap import (
    heapBitsSmallForAddr,
    isMarked,
    pointerWords,
    setMarked,
    typeAddr,
    typesByAddr,
)
from gort.runtime.mcache import allocmcache, emptymspan, freemcache, mcache
from gort.runtime.mcentral import mcentral
from gort.runtime.mgcsweep import sweep
from gort.runtime.mheap import (
    arenaBase,
    arenaIndex,
    gcBitsArenas,
    makeSpanClass,
    mheap_,
    mspan,
    mSpanDead,
    mSpanFree,
    mSpanInUse,
    mSpanList,
    mSpanManual,
    newMarkBits,
    nextMarkBitArenaEpoch,
    pageIndexOf,
    spanAllocHeap,
    spanAllocStack,
    spanOf,
    spanOfHeap,
    spanOfUnchecked,
)
from gort.runtime.msize import roundupsize, sizeToClass
from gort.runtime.mstats import gcController, memstats, readmemstats, readmemstats_m
from gort.runtime.mtreap import mTreap, seedTreap, treapIterHuge, treapIterScav
from gort.runtime.stack import (
    copystack,
    newstack,
    stackalloc,
    stackcache_clear,
    stackcacherefill,
    stackcacherelease,
    stackfree,
    stackLarge,
    stackpool,
    stackpoolalloc,
    stackpoolfree,
)

__all__ = [
    "CheckHeap",
    "GCCycle",
    "FreeSpans",
    "InitHeap",
    "MappedHeap",
    "WithP",
    "allocmcache",
    "arenaBase",
    "arenaIndex",
    "copystack",
    "debug",
    "emptymspan",
    "freemcache",
    "gcBitsArenas",
    "gcController",
    "growslice",
    "heapBitsSmallForAddr",
    "isMarked",
    "mTreap",
    "mSpanDead",
    "mSpanFree",
    "mSpanInUse",
    "mSpanList",
    "mSpanManual",
    "makeSpanClass",
    "mallocgc",
    "makeslice",
    "mcache",
    "mcache_mod",
    "mcentral",
    "mem_linux",
    "memstats",
    "mheap_",
    "mspan",
    "mstats",
    "newMarkBits",
    "newarray",
    "newobject",
    "newstack",
    "nextMarkBitArenaEpoch",
    "nextslicecap",
    "pageIndexOf",
    "pointerWords",
    "readmemstats",
    "readmemstats_m",
    "roundupsize",
    "seedTreap",
    "setMarked",
    "sizeToClass",
    "spanAllocHeap",
    "spanAllocStack",
    "spanOf",
    "spanOfHeap",
    "spanOfUnchecked",
    "stack",
    "stackLarge",
    "stackalloc",
    "stackcache_clear",
    "stackcacherefill",
    "stackcacherelease",
    "stackfree",
    "stackpool",
    "stackpoolalloc",
    "stackpoolfree",
    "sweep",
    "treapIterHuge",
    "treapIterScav",
    "typeAddr",
    "typesByAddr",
]

_mapped = [0]


def _countGrowth(base: int, n: int) -> None:
    _mapped[0] += n


def InitHeap() -> None:
    """Make g0 current on this thread and initialise the allocator once per process."""
    g0, m0 = runtime2.g0, runtime2.m0
    if g0.m is None:
        g0.m = m0
    if m0.g0 is None:
        m0.g0 = g0
    try:
        stubs.getg()
    except AttributeError:
        stubs.setg(g0)
    if not mheap_.initialized:
        stack.stackinit()
        mheap_.growHook = _countGrowth
        mallocinit()


def MappedHeap() -> int:
    """Bytes of heap memory mapped (sysMap) since InitHeap."""
    return _mapped[0]


@contextmanager
def WithP() -> Iterator[Any]:
    """Give the current M a P with a fresh mcache for the duration (acquirep-like).

    The P is listed in allp meanwhile (after the real Ps), as procresize would."""
    gp = stubs.getg()
    mp = gp.m
    old = mp.p
    pp = runtime2.p()
    pp.id = 1000
    pp.status = runtime2._Prunning
    pp.mcache = allocmcache()
    pp.m = mp
    mp.p = pp
    runtime2.allp.append(pp)  # so that ReadMemStats flushes its mcache
    try:
        yield pp
    finally:
        runtime2.allp.remove(pp)
        mp.p = old
        freemcache(pp.mcache)
        pp.mcache = None


def FreeSpans() -> list[tuple[int, int, bool]]:
    """The free treap: (base, npages, scavenged) by address."""
    return [(s.startAddr, s.npages, s.scavenged) for s in mheap_.free.spans()]


def GCCycle(live: Iterable[int], caches: Iterable[mcache] = ()) -> None:
    """One GC cycle for the sweeper: only the objects in live survive.

    Every mcache that holds spans must be in caches (mcache0 is added)."""
    live = list(live)
    for p in live:
        s = spanOfHeap(p)
        if s is None:
            raise ValueError(f"{hex(p)} is not a heap object")
        setMarked(s, s.objIndex(p))
    mheap_.sweepgen += 2
    nextMarkBitArenaEpoch()
    cs = list(caches)
    if mcache_mod.mcache0 is not None and mcache_mod.mcache0 not in cs:
        cs.append(mcache_mod.mcache0)
    for pp in runtime2.allp:
        if pp is not None and pp.mcache is not None and pp.mcache not in cs:
            cs.append(pp.mcache)
    for c in cs:
        c.prepareForSweep()
    sg = mheap_.sweepgen
    for s in list(mheap_.allspans):
        if s.state == mSpanInUse and s.sweepgen == sg - 2:
            s.sweepgen = sg - 1
            sweep(s, False)


def CheckHeap() -> None:
    """Validate the heap's invariants (treap, spans map, accounting)."""
    mheap_.validateInvariants()
    st = memstats.heapStats.stats
    if st.inHeap != gcController.heapInUse.load():
        raise AssertionError("inHeap != heapInUse")
    if st.released != gcController.heapReleased.load():
        raise AssertionError("released != heapReleased")
    total = (
        gcController.heapInUse.load()
        + gcController.heapFree.load()
        + gcController.heapReleased.load()
    )
    if total + st.inStacks + st.inWorkBufs != _mapped[0]:
        raise AssertionError(f"heap accounting {total}+{st.inStacks} != mapped {_mapped[0]}")
