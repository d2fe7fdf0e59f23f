"""mcentral: the seed's nonempty/empty lists, cacheSpan, uncacheSpan and stale spans."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from allocutil import fresh_process, run_snippet  # noqa: E402

from gort.runtime import export_test as rt  # noqa: E402
from gort.runtime.unsafe import U32  # noqa: E402

rt.InitHeap()
h = rt.mheap_


@fresh_process
def test_cache_span_grows_a_fresh_span() -> None:
    spc = rt.makeSpanClass(3, False)  # 24-byte objects with pointers
    c = h.central[spc]
    s = c.cacheSpan()
    assert s is not None
    assert s.list is c.empty  # a cached span sits on the empty list
    assert s.state == rt.mSpanInUse and s.spanclass == spc and s.elemsize == 24
    assert s.nelems == (8192 - 128) // 24  # the last 128 bytes hold the pointer bits
    assert s.allocCache == (1 << 64) - 1 and s.freeindex == 0
    assert s.limit == s.startAddr + 24 * s.nelems
    noscan = h.central[rt.makeSpanClass(3, True)].cacheSpan()
    assert noscan is not None and noscan.nelems == 8192 // 24
    for span in (s, noscan):
        span.allocCount = 1  # as if an object was taken
        h.central[span.spanclass].uncacheSpan(span)


def test_uncache_with_free_slots_moves_to_nonempty() -> None:
    spc = rt.makeSpanClass(7, True)
    c = h.central[spc]
    s = c.cacheSpan()
    assert s is not None
    s.nextFreeIndex()
    s.allocCount += 1
    c.uncacheSpan(s)
    assert s.list is c.nonempty and s.sweepgen == h.sweepgen
    # The next cacheSpan takes it again (nonempty first).
    assert c.cacheSpan() is s
    assert s.list is c.empty
    c.uncacheSpan(s)


def test_uncache_span_with_no_objects_throws() -> None:
    rc, _, err = run_snippet(
        """
        c = rt.mheap_.central[rt.makeSpanClass(4, True)]
        s = c.cacheSpan()
        c.uncacheSpan(s)
        """
    )
    assert rc == 2 and "fatal error: uncaching span but s.allocCount == 0\n" in err


@fresh_process
def test_stale_span_is_swept_on_uncache() -> None:
    rt.debug.clobberfree = 1
    c = rt.allocmcache()
    spc = rt.makeSpanClass(4, True)  # 32-byte noscan objects
    objs = [c.nextFree(spc)[0] for _ in range(10)]
    s = c.alloc[spc]
    assert s.sweepgen == h.sweepgen + 3
    for i, p in enumerate(objs):
        if i % 2 == 0:
            rt.setMarked(s, s.objIndex(p))
    freed_before = rt.memstats.heapStats.stats.smallFreeCount[4]
    h.sweepgen += 2  # a GC cycle began while the span was cached
    rt.nextMarkBitArenaEpoch()
    assert s.sweepgen == h.sweepgen + 1  # stale
    c.releaseAll()  # uncacheSpan sweeps it
    assert s.sweepgen == h.sweepgen
    assert s.allocCount == 5
    assert rt.memstats.heapStats.stats.smallFreeCount[4] - freed_before == 5
    assert s.list is h.central[spc].nonempty
    for i, p in enumerate(objs):
        assert not s.isFree(s.objIndex(p)) if i % 2 == 0 else s.isFree(s.objIndex(p))
        if i % 2:
            assert U32[p >> 2] == 0xDEADBEEF  # clobberfree poisoned the freed object
    # Allocation from the swept span skips the live objects and zeroes reused memory.
    c2 = rt.allocmcache()
    got = [c2.nextFree(spc)[0] for _ in range(5)]
    assert set(got) == {p for i, p in enumerate(objs) if i % 2}
    assert c2.alloc[spc] is s and s.needzero == 1
    rt.CheckHeap()


@fresh_process
def test_span_with_no_live_objects_goes_back_to_the_heap() -> None:
    c = rt.allocmcache()
    spc = rt.makeSpanClass(10, True)
    for _ in range(3):
        c.nextFree(spc)
    s = c.alloc[spc]
    base = s.startAddr
    rt.GCCycle([], [c])
    assert s.state in (rt.mSpanFree, rt.mSpanDead)
    assert rt.spanOf(base).state == rt.mSpanFree
    rt.CheckHeap()
