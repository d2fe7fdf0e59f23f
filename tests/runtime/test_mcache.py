"""mcache: refill and its accounting, releaseAll, prepareForSweep, the tiny allocator."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from allocutil import fresh_process, run_snippet  # noqa: E402

from gort.runtime import export_test as rt  # noqa: E402

rt.InitHeap()
h = rt.mheap_


def test_new_mcache() -> None:
    inuse = h.cachealloc.inuse
    c = rt.allocmcache()
    assert h.cachealloc.inuse == inuse + 2296  # sizeof(mcache) in Go 1.27
    assert all(s is rt.emptymspan for s in c.alloc) and len(c.alloc) == 136
    assert c.flushGen == h.sweepgen
    assert c.tiny == c.tinyoffset == c.tinyAllocs == 0
    rt.freemcache(c)
    assert h.cachealloc.inuse == inuse
    # The struct is recycled, zeroed as Go's fixalloc does.
    c2 = rt.allocmcache()
    assert c2 is c and all(s is rt.emptymspan for s in c2.alloc)
    rt.freemcache(c2)


def test_refill_and_release_count_slots_used() -> None:
    c = rt.allocmcache()
    spc = rt.makeSpanClass(6, True)  # 64-byte noscan: 128 per span
    before = rt.memstats.heapStats.stats.smallAllocCount[6]
    total = rt.gcController.totalAlloc
    addrs = [c.nextFree(spc)[0]]
    first = c.alloc[spc]
    free_in_first = first.nelems - first.allocCountBeforeCache
    addrs += [c.nextFree(spc)[0] for _ in range(199)]  # at least one refill on the way
    assert len(set(addrs)) == 200 and c.alloc[spc] is not first
    # The first span's slots were counted when it left the cache, the rest at releaseAll.
    counted = rt.memstats.heapStats.stats.smallAllocCount[6] - before
    assert free_in_first <= counted < 200
    c.releaseAll()
    assert rt.memstats.heapStats.stats.smallAllocCount[6] - before == 200
    assert rt.gcController.totalAlloc - total == 200 * 64
    assert all(s is rt.emptymspan for s in c.alloc)
    assert c.tiny == c.tinyoffset == c.tinyAllocs == 0
    rt.freemcache(c)


def test_tiny_allocator_packs_blocks() -> None:
    with rt.WithP() as pp:
        c = pp.mcache
        a = rt.mallocgc(5, None, True)
        b = rt.mallocgc(5, None, True)
        d = rt.mallocgc(4, None, True)
        assert b == a + 5 and d == a + 12  # 4-byte alignment for a 4-byte object
        assert a % 16 == 0 and c.tiny == a and c.tinyoffset == 16
        e = rt.mallocgc(8, None, True)  # does not fit: a new block
        assert e != a and e % 16 == 0 and c.tiny == e and c.tinyoffset == 8
        assert c.tinyAllocs == 2  # b and d went into an existing block
        f = rt.mallocgc(8, None, True)
        assert f == e + 8
        before = rt.memstats.heapStats.stats.tinyAllocCount
        c.releaseAll()
        assert rt.memstats.heapStats.stats.tinyAllocCount - before == 3
        assert c.tiny == 0 and c.tinyAllocs == 0


def test_prepare_for_sweep_same_generation_does_nothing() -> None:
    c = rt.allocmcache()
    spc = rt.makeSpanClass(2, True)
    c.nextFree(spc)
    s = c.alloc[spc]
    c.prepareForSweep()
    assert c.alloc[spc] is s
    rt.freemcache(c)


@fresh_process
def test_prepare_for_sweep_flushes_after_a_new_cycle() -> None:
    c = rt.allocmcache()
    spc = rt.makeSpanClass(2, True)
    p = c.nextFree(spc)[0]
    with rt.WithP() as pp:
        st = rt.stackalloc(2048)
        rt.stackfree(st)
        c2 = pp.mcache
        assert c2.stackcache[0].size == 16384
        s = c.alloc[spc]
        rt.setMarked(s, s.objIndex(p))
        h.sweepgen += 2
        rt.nextMarkBitArenaEpoch()
        c.prepareForSweep()
        c2.prepareForSweep()
        assert all(x is rt.emptymspan for x in c.alloc)
        assert c.flushGen == h.sweepgen and c2.flushGen == h.sweepgen
        assert all(sc.list == 0 and sc.size == 0 for sc in c2.stackcache)
        assert s.allocCount == 1 and s.sweepgen == h.sweepgen


def test_prepare_for_sweep_bad_flush_gen_throws() -> None:
    rc, _, err = run_snippet(
        """
        c = rt.allocmcache()
        c.flushGen = rt.mheap_.sweepgen + 4
        c.prepareForSweep()
        """
    )
    assert rc == 2 and "fatal error: bad flushGen\n" in err


def test_refill_of_span_with_free_space_throws() -> None:
    rc, _, err = run_snippet(
        """
        c = rt.allocmcache()
        spc = rt.makeSpanClass(2, True)
        c.nextFree(spc)
        c.refill(spc)
        """
    )
    assert rc == 2 and "fatal error: refill of span with free space remaining\n" in err
