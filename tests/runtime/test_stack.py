"""Stacks: the pool, per-P caches, large stacks, and growth by copying."""

from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from allocutil import fresh_process, run_snippet  # noqa: E402

from gort.runtime import export_test as rt  # noqa: E402
from gort.runtime import runtime2, symtab  # noqa: E402
from gort.runtime.unsafe import U64  # noqa: E402

rt.InitHeap()
h = rt.mheap_


def cache_len(c: rt.mcache, order: int) -> int:
    n, x = 0, c.stackcache[order].list
    while x:
        n += 1
        x = U64[x >> 3]
    return n


@fresh_process
def test_first_stack_comes_from_a_refill_of_8() -> None:
    with rt.WithP() as pp:
        c = pp.mcache
        st = rt.stackalloc(2048)
        assert st.hi - st.lo == 2048
        s = rt.spanOfUnchecked(st.lo)
        assert s.state == rt.mSpanManual and s.npages == 4 and s.elemsize == 2048
        # The pool hands out the highest stack first; the cache's head is the 8th taken.
        assert st.lo == s.startAddr + 16384
        assert c.stackcache[0].size == 14336 and cache_len(c, 0) == 7
        assert s.allocCount == 8 and s.list is rt.stackpool[0]


def test_refill_takes_16k_per_order() -> None:
    with rt.WithP() as pp:
        c = pp.mcache
        for order, count in enumerate((8, 4, 2, 1)):
            rt.stackcacherefill(c, order)
            assert c.stackcache[order].size == 16384 and cache_len(c, order) == count
        rt.stackcache_clear(c)
        assert all(sc.list == 0 and sc.size == 0 for sc in c.stackcache)


def push_to_cache(c: rt.mcache, order: int, n: int) -> None:
    """Put n stacks from the pool on c's cache of the given order."""
    for _ in range(n):
        x = rt.stackpoolalloc(order)
        U64[x >> 3] = c.stackcache[order].list
        c.stackcache[order].list = x
        c.stackcache[order].size += 2048 << order


def test_release_trims_to_half() -> None:
    with rt.WithP() as pp:
        c = pp.mcache
        push_to_cache(c, 0, 16)
        assert c.stackcache[0].size == 32768
        rt.stackcacherelease(c, 0)  # gives back 8 stacks
        assert c.stackcache[0].size == 16384 and cache_len(c, 0) == 8
        rt.stackcache_clear(c)


def test_free_into_a_full_cache_trims_it_first() -> None:
    with rt.WithP() as pp:
        c = pp.mcache
        push_to_cache(c, 0, 16)
        x = rt.stackpoolalloc(0)
        rt.stackfree(runtime2.stack(x, x + 2048))
        assert c.stackcache[0].size == 16384 + 2048 and c.stackcache[0].list == x
        rt.stackcache_clear(c)
        assert c.stackcache[0].size == 0


@fresh_process  # the order of a span's stacks assumes a pool no earlier test has used
def test_pool_span_life_cycle() -> None:
    # Without a P: straight from the pool. A span holds 16 stacks of 2 KiB.
    got = [rt.stackalloc(2048) for _ in range(16)]
    spans = {rt.spanOfUnchecked(st.lo) for st in got}
    full = [s for s in spans if s.allocCount == 16]
    assert full, "16 stacks fill one 32 KiB span"
    s = full[0]
    assert s.list is None  # taking the last free stack removed it from the pool
    mine = sorted((st for st in got if rt.spanOfUnchecked(st.lo) is s), key=lambda st: -st.lo)
    assert [st.lo for st in mine] == [s.startAddr + 2048 * i for i in range(15, -1, -1)]
    rt.stackfree(mine[0])
    assert s.list is rt.stackpool[0] and s.allocCount == 15
    for st in mine[1:]:
        rt.stackfree(st)
    # All free and the GC is off: the span went back to the heap.
    assert s.state in (rt.mSpanFree, rt.mSpanDead)
    for st in got:
        if rt.spanOfUnchecked(st.lo) is not s and rt.spanOfUnchecked(st.lo).state == rt.mSpanManual:
            rt.stackfree(st)
    rt.CheckHeap()


def test_large_stacks() -> None:
    inuse = rt.memstats.heapStats.stats.inStacks
    st = rt.stackalloc(32768)
    s = rt.spanOfUnchecked(st.lo)
    assert (
        s.state == rt.mSpanManual and s.npages == 4 and s.elemsize == 32768 and s.startAddr == st.lo
    )
    assert rt.memstats.heapStats.stats.inStacks == inuse + 32768
    rt.stackfree(st)
    assert rt.memstats.heapStats.stats.inStacks == inuse
    assert rt.spanOf(st.lo).state == rt.mSpanFree
    for n in (1 << 16, 1 << 20):
        st = rt.stackalloc(n)
        assert st.hi - st.lo == n
        rt.stackfree(st)
    rt.CheckHeap()


def test_stackalloc_checks() -> None:
    rc, _, err = run_snippet("rt.stackalloc(3000)")
    assert rc == 2 and "fatal error: stack size not a power of 2\n" in err
    rc, _, err = run_snippet(
        """
        from gort.runtime import runtime2, stubs
        gp = runtime2.g(); gp.m = runtime2.m0
        stubs.setg(gp)
        rt.stackalloc(2048)
        """
    )
    assert rc == 2 and "fatal error: stackalloc not on scheduler stack\n" in err


def make_goroutine() -> runtime2.g:
    gp = runtime2.g()
    gp.stack = rt.stackalloc(2048)
    gp.stackguard0 = gp.stack.lo + 928
    gp.sp = gp.stack.hi - 32  # the goexit slot newproc1 leaves at the top
    U64[gp.sp >> 3] = 0
    gp.atomicstatus = runtime2._Grunning
    gp.m = runtime2.m0
    return gp


def push_frame(gp: runtime2.g, f: symtab._func, words: dict[int, int]) -> int:
    gp.sp -= f.frameSize
    U64[gp.sp >> 3] = f.entry
    for off, v in words.items():
        U64[(gp.sp + off) >> 3] = v
    return gp.sp


def test_copystack_moves_frames_and_adjusts_pointers() -> None:
    fa = symtab._func("test.a", frameSize=48, framePtrs=(8, 16, 24))
    fb = symtab._func("test.b", frameSize=32, framePtrs=(8,))
    symtab.addfunc(fa)
    symtab.addfunc(fb)
    gp = make_goroutine()
    old = gp.stack
    heap = rt.mallocgc(16, None, True)
    a = push_frame(gp, fa, {8: 0, 16: heap, 24: 0, 32: 12345, 40: 0})
    U64[(a + 8) >> 3] = a + 32  # pointer to its own local
    b = push_frame(
        gp, fb, {8: a + 40, 16: a + 32, 24: 7}
    )  # b points into a's frame; word 16 is not a pointer slot
    seen = []

    def hook(g: object, lo: int, hi: int, delta: int) -> None:
        seen.append((g, lo, hi, delta))

    rt.stack.adjustpyframes = hook
    try:
        rt.copystack(gp, 8192)
    finally:
        rt.stack.adjustpyframes = None
    new = gp.stack
    delta = new.hi - old.hi
    assert new.hi - new.lo == 8192 and gp.stackguard0 == new.lo + 928
    assert gp.sp == b + delta
    nb, na = b + delta, a + delta
    assert U64[nb >> 3] == fb.entry and U64[na >> 3] == fa.entry
    assert U64[(nb + 8) >> 3] == na + 40  # adjusted
    assert U64[(nb + 16) >> 3] == a + 32  # not a pointer slot: copied as is
    assert U64[(nb + 24) >> 3] == 7
    assert U64[(na + 8) >> 3] == na + 32  # adjusted
    assert U64[(na + 16) >> 3] == heap  # points outside the stack: unchanged
    assert U64[(na + 32) >> 3] == 12345
    assert seen == [(gp, old.lo, old.hi, delta)]
    rt.stackfree(gp.stack)


def test_newstack_grows_enough_for_the_frame() -> None:
    gp = make_goroutine()
    rt.newstack(gp, 5000)  # 2 KiB -> 8 KiB: used + 5000 + 928 must fit
    assert gp.stack.hi - gp.stack.lo == 8192 and gp.atomicstatus == runtime2._Grunning
    rt.stackfree(gp.stack)


def test_stack_overflow() -> None:
    rc, out, err = run_snippet(
        """
        from gort.runtime import runtime2
        gp = runtime2.g()
        gp.stack = rt.stackalloc(1 << 20)
        gp.sp = gp.stack.hi - 32
        gp.atomicstatus = runtime2._Grunning
        gp.m = runtime2.m0
        print(hex(gp.sp), hex(gp.stack.lo), hex(gp.stack.hi), flush=True)
        rt.newstack(gp, 64)
        """
    )
    sp, lo, hi = out.split()
    assert rc == 2
    assert err.startswith(
        "runtime: goroutine stack exceeds 1048576-byte limit\n"
        f"runtime: sp={sp} stack=[{lo}, {hi}]\n"
        "fatal error: stack overflow\n"
    ), err
    rc, _, err = run_snippet(
        """
        from gort.runtime import runtime2
        rt.stack.maxstacksize = 1_000_000_000
        gp = runtime2.g()
        gp.stack = rt.stackalloc(1 << 29)
        gp.sp = gp.stack.hi - 32
        gp.atomicstatus = runtime2._Grunning
        gp.m = runtime2.m0
        rt.newstack(gp, 64)
        """
    )
    assert rc == 2 and err.startswith("runtime: goroutine stack exceeds 1000000000-byte limit\n"), (
        err
    )


def test_stackfree_checks() -> None:
    rc, _, err = run_snippet(
        """
        from gort.runtime import runtime2
        st = rt.stackalloc(4096)
        rt.stackfree(runtime2.stack(st.lo, st.lo + 3072))
        """
    )
    assert rc == 2 and "fatal error: stack not a power of 2\n" in err


def test_large_stack_freed_during_gc_is_parked(monkeypatch: pytest.MonkeyPatch) -> None:
    from gort.runtime import mgc

    monkeypatch.setattr(mgc, "gcphase", 1, raising=False)  # _GCmark
    st = rt.stackalloc(32768)
    s = rt.spanOfUnchecked(st.lo)
    rt.stackfree(st)
    assert s.state == rt.mSpanManual and s.list is rt.stackLarge.free[3]  # bits.Len(4 pages)
    again = rt.stackalloc(32768)  # stackalloc looks there first
    assert again.lo == st.lo and s.list is None
    rt.stackfree(again)
    monkeypatch.undo()
    rt.stack.freeStackSpans()
    assert rt.spanOf(st.lo).state == rt.mSpanFree


def test_newstack_on_a_preemption_request_does_not_grow() -> None:
    gp = make_goroutine()
    gp.stackguard0 = 0xFFFFFFFFFFFFFADE  # stackPreempt
    gp.preempt = True
    lo = gp.stack.lo
    rt.newstack(gp, 64)
    assert gp.stack.lo == lo and gp.stackguard0 == lo + 928 and gp.preempt
    rt.stackfree(gp.stack)
