"""The page heap: coalescing, hugePages, manual spans, arenas, scavenging, invariants."""

from __future__ import annotations

import ctypes
import os
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, os.path.dirname(__file__))

from allocutil import fresh_process, run_snippet  # noqa: E402

from gort.runtime import export_test as rt  # noqa: E402

PAGE = 8192

rt.InitHeap()
h = rt.mheap_

_libc = ctypes.CDLL(None, use_errno=True)
_libc.mincore.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p]


def resident(addr: int, n: int) -> int:
    """Bytes of [addr, addr+n) resident in RAM (mincore)."""
    pages = (n + 4095) // 4096
    vec = ctypes.create_string_buffer(pages)
    assert _libc.mincore(addr, n, vec) == 0
    return sum(b & 1 for b in vec.raw) * 4096


def alloc_contiguous(k: int) -> tuple[list[rt.mspan], list[rt.mspan]]:
    """k one-page manual spans at consecutive pages (and the extra spans taken to get there)."""
    got: list[rt.mspan] = []
    while True:
        s = h.allocManual(1, rt.spanAllocStack)
        assert s is not None
        got.append(s)
        if len(got) >= k and all(
            got[-i].startAddr == got[-1].startAddr - (i - 1) * PAGE for i in range(1, k + 1)
        ):
            return got[-k:], got[:-k]


def test_free_between_two_free_spans_coalesces() -> None:
    (a, b, c, d), extra = alloc_contiguous(4)
    base = a.startAddr
    h.freeManual(a, rt.spanAllocStack)
    h.freeManual(c, rt.spanAllocStack)
    assert rt.spanOf(base).state == rt.mSpanFree and rt.spanOf(base).npages == 1
    h.freeManual(b, rt.spanAllocStack)
    merged = rt.spanOf(base)
    assert merged is rt.spanOf(base + 2 * PAGE)
    assert merged.state == rt.mSpanFree and merged.startAddr == base and merged.npages == 3
    # The absorbed span structs are dead and went back to spanalloc.
    dead = [s for s in (a, b, c) if s is not merged]
    assert all(s.state == rt.mSpanDead for s in dead)
    assert h.spanalloc.list in {s.addr for s in dead}
    rt.CheckHeap()
    for s in [d, *extra]:
        h.freeManual(s, rt.spanAllocStack)
    rt.CheckHeap()


def test_alloc_manual_span_fields() -> None:
    s = h.allocManual(3, rt.spanAllocStack)
    assert s is not None
    assert s.state == rt.mSpanManual and s.manualFreeList == 0 and s.allocCount == 0
    assert s.nelems == 0 and s.spanclass == 0 and s.limit == s.startAddr + 3 * PAGE
    for p in range(s.startAddr, s.limit, PAGE):
        assert rt.spanOf(p) is s
    h.freeManual(s, rt.spanAllocStack)
    assert s.needzero == 1 or rt.spanOf(s.startAddr).needzero == 1


def test_huge_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rt.mem_linux, "physHugePageSize", 2 << 20)
    monkeypatch.setattr(rt.mem_linux, "physHugePageShift", 21)
    s = rt.mspan()
    s.init(0xC000000000 + (4 << 20), 512)  # 2 MiB aligned, 4 MiB long
    assert s.hugePages() == 2
    s.init(0xC000000000 + (4 << 20) + (1 << 20), 256)  # 1 MiB past alignment, 2 MiB long
    assert s.hugePages() == 0
    monkeypatch.setattr(rt.mem_linux, "physHugePageSize", 0)
    s.init(0xC000000000, 512)
    assert s.hugePages() == 0


def test_arena_index_and_page_index() -> None:
    assert rt.arenaIndex(0xC000000000) == 0x203000
    assert rt.arenaIndex(0xC004000000) == 0x203001
    assert rt.arenaBase(0x203001) == 0xC004000000
    # gort's first arena is at 0x0c000000 (docs/design/0004).
    assert rt.arenaIndex(0x0C000000) == 0x200003
    ha, idx, mask = rt.pageIndexOf(0x0C000000 + 9 * PAGE)
    assert (idx, mask) == (1, 0x02)
    assert ha is h.arenas[0x200003]
    assert len(ha.spans) == 8192
    assert rt.spanOf(0x1000) is None
    assert rt.spanOf(0x7F0000000000) is None


def test_page_in_use_bit() -> None:
    s = h.alloc(1, rt.makeSpanClass(5, True), False, True)
    assert s is not None
    ha, idx, mask = rt.pageIndexOf(s.startAddr)
    from gort.runtime.unsafe import U8

    assert U8[ha.pageInUse() + idx] & mask
    h.freeSpan(s)
    assert not U8[ha.pageInUse() + idx] & mask


def test_scavenge_all_returns_memory_to_the_os() -> None:
    s = h.allocManual(64, rt.spanAllocStack)
    assert s is not None
    from gort.runtime.unsafe import U8

    n = 64 * PAGE
    U8[s.startAddr : s.startAddr + n] = b"\x01" * n
    assert resident(s.startAddr, n) == n
    base = s.startAddr
    h.freeManual(s, rt.spanAllocStack)
    released = h.scavengeAll()
    assert released >= n
    assert resident(base, n) == 0
    assert rt.gcController.heapFree.load() == 0
    assert all(scav for _, _, scav in rt.FreeSpans())
    rt.CheckHeap()
    # Allocating scavenged pages makes them usable again; they read as zero.
    s = h.allocManual(64, rt.spanAllocStack)
    assert s is not None and U8[s.startAddr] == 0
    h.freeManual(s, rt.spanAllocStack)
    rt.CheckHeap()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.booleans(), st.integers(1, 24), st.integers(0, 1000)), min_size=1, max_size=60
    )
)
def test_random_alloc_free_keeps_heap_invariants(ops: list[tuple[bool, int, int]]) -> None:
    live: list[rt.mspan] = []
    for alloc, npages, pick in ops:
        if alloc or not live:
            s = h.allocManual(npages, rt.spanAllocStack)
            assert s is not None
            for o in live:  # never overlapping
                assert (
                    s.startAddr + s.npages * PAGE <= o.startAddr
                    or o.startAddr + o.npages * PAGE <= s.startAddr
                )
            live.append(s)
        else:
            h.freeManual(live.pop(pick % len(live)), rt.spanAllocStack)
        rt.CheckHeap()
        # Every free page lies in exactly one free span; every live page in its span.
        for o in live:
            assert rt.spanOf(o.startAddr) is o and rt.spanOf(o.startAddr + o.npages * PAGE - 1) is o
    for s in live:
        h.freeManual(s, rt.spanAllocStack)
    rt.CheckHeap()


@fresh_process
def test_first_grow_reserves_an_arena_at_the_first_hint() -> None:
    hints = []
    hint = h.arenaHints
    while hint is not None:
        hints.append(hint.addr)
        hint = hint.next
    # gort's hints are Go's with 0x00c0 << 20 for 0x00c0 << 32 (docs/design/0004).
    base = 0x0C000000
    assert hints == [(i << 40) | base for i in range(0x40)]
    x = rt.mallocgc(64, None, True)
    assert x == base
    assert h.arenaHints.addr == base + (64 << 20)
    assert h.allArenas == [rt.arenaIndex(base)]
    # Only what was needed is mapped; the rest of the arena is the growth window.
    assert h.curArena.base == base + PAGE and h.curArena.end == base + (64 << 20)
    assert rt.MappedHeap() == PAGE
    with open("/proc/self/maps") as f:
        maps = f.read()
    assert "0c000000-0c002000 rw-p" in maps
    assert "0c002000-10000000 ---p" in maps
    # heapArena metadata (69,648 bytes) and one gcBits chunk are GCSys.
    assert rt.memstats.gcMiscSys.load() == 69648 + 65536
    rt.CheckHeap()


def test_free_span_throws() -> None:
    cases = {
        "mheap.freeSpanLocked - invalid stack free": """
            s = rt.mheap_.allocManual(1, rt.spanAllocStack)
            s.allocCount = 1
            rt.mheap_.freeManual(s, rt.spanAllocStack)
        """,
        "mheap.freeSpanLocked - invalid free": """
            s = rt.mheap_.alloc(1, 11, False, True)
            s.allocCount = 1
            rt.mheap_.freeSpan(s)
        """,
        "mheap.freeSpanLocked - invalid span state": """
            s = rt.mheap_.allocManual(1, rt.spanAllocStack)
            rt.mheap_.freeManual(s, rt.spanAllocStack)
            s2 = rt.mheap_.allocManual(1, rt.spanAllocStack)
            rt.mheap_.freeManual(s2, rt.spanAllocStack)
            rt.mheap_.freeManual(s2, rt.spanAllocStack)
        """,
        "allocManual called with heap type": "rt.mheap_.allocManual(1, rt.spanAllocHeap)",
    }
    for text, code in cases.items():
        rc, out, err = run_snippet(code)
        assert rc == 2 and f"fatal error: {text}\n" in err, (text, err)


def test_heap_structure() -> None:
    assert len(h.central) == 136
    assert all(c.spanclass == i for i, c in enumerate(h.central))
    # On amd64 the 32-bit-only reservations stay empty.
    assert h.arena.next == h.arena.end == 0 and h.heapArenaAlloc.end == 0


def test_new_mark_bits() -> None:
    for n, nbytes in ((1, 8), (64, 8), (65, 16), (1024, 128)):
        a = rt.newMarkBits(n)
        b = rt.newMarkBits(1)
        if b != a + nbytes:  # a new 64 KiB chunk began: try again inside it
            a = rt.newMarkBits(n)
            b = rt.newMarkBits(1)
        assert a % 8 == 0 and b - a == nbytes  # carved in order from the same chunk
