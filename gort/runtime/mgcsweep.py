"""Sweeping one span (mgcsweep.go): what a span needs to be reused after a GC.

Only the part the allocator needs now: `sweep(s, preserve)`, called by
mcentral.cacheSpan (a span that still needs sweeping, preserve=True) and
mcentral.uncacheSpan (a span that went stale while cached, preserve=False).
The background sweeper, the page reclaimer and the sweep pacing come with
the GC issue.

Sweeping span s of sweep generation sg (s.sweepgen == sg-1: "being swept"):
  1. Every slot that was allocated (below freeindex, or set in allocBits)
     and is not marked in gcmarkBits is freed. With GODEBUG clobberfree=1
     its bytes are overwritten with 0xdeadbeef.
  2. allocCount becomes the number of marked slots; gcmarkBits becomes the
     new allocBits and gets a fresh, zeroed bitmap; freeindex goes back to
     0 and allocCache is reloaded.
  3. A small span that freed something goes to mcentral.freeSpan (which
     files it and, if it is now empty and not preserved, frees its pages);
     a large span whose object died goes back to the heap.
  4. The frees are counted: smallFreeCount / largeFree(Count), totalFree.

Invariants: on entry s.state == mSpanInUse and s.sweepgen == sg-1 ("mspan.
sweep: bad span state"); on return the span is swept (sweepgen == sg) or
freed. The number of objects never grows ("sweep increased allocation
count").

Differences from Go: no specials (finalizers, profiling records, weak
handles) yet; no sweepSpans buffers.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from gort.runtime.debug import debug
from gort.runtime.mbitmap import countAlloc
from gort.runtime.mstats import gcController, memstats
from gort.runtime.panic import throw
from gort.runtime.unsafe import U8

if TYPE_CHECKING:
    from gort.runtime.mheap import mspan

_DEADBEEF = b"\xef\xbe\xad\xde" * 2048  # 8 KiB of the pattern, little-endian uint32s


# go: runtime/mgcsweep.go clobberfree
def clobberfree(x: int, size: int) -> None:
    """Overwrite the freed object [x, x+size) with 0xdeadbeef (GODEBUG clobberfree=1)."""
    while size > 0:
        n = min(size, len(_DEADBEEF))
        U8[x : x + n] = _DEADBEEF[:n]
        x += n
        size -= n


# go: runtime/mgcsweep.go (go1.13) mspan.sweep
def sweep(s: mspan, preserve: bool) -> bool:
    """Free the unmarked objects of s. Reports whether the span went back to the heap.

    s.sweepgen == mheap_.sweepgen-1 (claimed by the caller)."""
    from gort.runtime.mheap import mheap_, mSpanInUse, newMarkBits

    sweepgen = mheap_.sweepgen
    if s.state != mSpanInUse or s.sweepgen != sweepgen - 1:
        os.write(
            2,
            f"mspan.sweep: state={s.state} sweepgen={s.sweepgen} mheap.sweepgen={sweepgen}\n".encode(),
        )
        throw("mspan.sweep: bad span state")
    spc = s.spanclass
    size = s.elemsize
    res = False

    if debug.clobberfree != 0:
        mbits = s.gcmarkBits
        abits = s.allocBits
        for i in range(s.nelems):
            marked = U8[mbits + (i >> 3)] >> (i & 7) & 1
            allocated = i < s.freeindex or U8[abits + (i >> 3)] >> (i & 7) & 1
            if not marked and allocated:
                clobberfree(s.startAddr + i * size, size)

    nalloc = countAlloc(s)
    nfreed = s.allocCount - nalloc
    if nalloc > s.allocCount:
        os.write(
            2,
            f"runtime: nelems={s.nelems} nalloc={nalloc} previous allocCount={s.allocCount} nfreed={nfreed}\n".encode(),
        )
        throw("sweep increased allocation count")
    s.allocCount = nalloc
    wasempty = s.nextFreeIndex() == s.nelems
    s.freeindex = 0
    s.freeIndexForScan = 0
    s.allocBits = s.gcmarkBits
    s.gcmarkBits = newMarkBits(s.nelems)
    s.refillAllocCache(0)

    sizeclass = spc >> 1
    freeToHeap = sizeclass == 0 and nalloc == 0
    if freeToHeap or nfreed == 0:
        if s.state != mSpanInUse or s.sweepgen != sweepgen - 1:
            throw("mspan.sweep: bad span state after sweep")
        s.sweepgen = sweepgen

    if nfreed > 0 and sizeclass != 0:
        st = memstats.heapStats.acquire()
        st.smallFreeCount[sizeclass] += nfreed
        memstats.heapStats.release()
        gcController.totalFree += nfreed * size
        res = mheap_.central[spc].freeSpan(s, preserve, wasempty)
    elif freeToHeap:
        st = memstats.heapStats.acquire()
        st.largeFreeCount += 1
        st.largeFree += size
        memstats.heapStats.release()
        gcController.totalFree += size
        s.needzero = 1
        mheap_.freeSpan(s)
        res = True
    if preserve and res:
        throw("span is swept but preserved")
    return res
