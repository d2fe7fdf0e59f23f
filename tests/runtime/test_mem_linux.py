"""The OS layer (sysReserve, sysMap, sysUsed, sysUnused, sysFault, sysFree) and the
off-heap allocators (linearAlloc, persistentalloc, fixalloc)."""

from __future__ import annotations

import ctypes
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from gort.runtime import export_test as rt  # noqa: E402
from gort.runtime import mem_linux  # noqa: E402
from gort.runtime.mfixalloc import fixalloc, linearAlloc, persistentalloc  # noqa: E402
from gort.runtime.mstats import sysMemStat  # noqa: E402
from gort.runtime.unsafe import U8, U64  # noqa: E402

rt.InitHeap()

_libc = ctypes.CDLL(None, use_errno=True)
_libc.mincore.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p]


def resident(addr: int, n: int) -> int:
    pages = (n + 4095) // 4096
    vec = ctypes.create_string_buffer(pages)
    assert _libc.mincore(addr, n, vec) == 0
    return sum(b & 1 for b in vec.raw) * 4096


def perms(addr: int) -> str | None:
    """The permissions of the mapping holding addr, from /proc/self/maps."""
    with open("/proc/self/maps") as f:
        for line in f:
            rng, p = line.split()[:2]
            lo, hi = (int(x, 16) for x in rng.split("-"))
            if lo <= addr < hi:
                return p
    return None


def test_region_states() -> None:
    n = 4 << 20
    v = mem_linux.sysReserve(0, n)
    assert v != 0 and v % 4096 == 0
    assert perms(v) == "---p"  # Reserved: no access
    stat = sysMemStat()
    mem_linux.sysMap(v, n, stat)
    assert stat.load() == n and perms(v) == "rw-p"
    assert resident(v, n) == 0  # Prepared: nothing committed until touched
    ready = rt.gcController.mappedReady
    mem_linux.sysUsed(v, n, n)
    assert rt.gcController.mappedReady == ready + n
    U8[v : v + (1 << 20)] = b"\x5a" * (1 << 20)
    assert resident(v, n) == 1 << 20  # RSS tells the truth
    mem_linux.sysUnused(v, n)
    assert resident(v, n) == 0 and U8[v] == 0  # pages gone back to the OS, read as zero
    assert rt.gcController.mappedReady == ready  # Ready -> Prepared again
    mem_linux.sysFault(v, n)
    assert perms(v) == "---p"
    mem_linux.sysFree(v, n, stat)
    assert stat.load() == 0 and perms(v) is None


def test_reserve_honours_the_hint_when_free() -> None:
    hint = 0x7E0000000000
    v = mem_linux.sysReserve(hint, 1 << 26)
    assert v == hint
    mem_linux.sysFreeOS(v, 1 << 26)
    v, size = mem_linux.sysReserveAligned(0, 1 << 26, 1 << 26)
    assert v % (1 << 26) == 0 and size == 1 << 26
    mem_linux.sysFreeOS(v, size)


def test_sys_alloc_is_zeroed_and_counted() -> None:
    stat = sysMemStat()
    p = mem_linux.sysAlloc(1 << 16, stat)
    assert p and stat.load() == 1 << 16 and bytes(U8[p : p + 64]) == bytes(64)
    mem_linux.sysFree(p, 1 << 16, stat)
    assert stat.load() == 0


def test_linear_alloc_maps_as_it_goes() -> None:
    n = 1 << 20
    base = mem_linux.sysReserve(0, n)
    la = linearAlloc()
    la.init(base, n, True)
    stat = sysMemStat()
    p = la.alloc(100, 8, stat)
    assert p == base and la.next == base + 100 and la.mapped == base + 4096 and stat.load() == 4096
    q = la.alloc(5000, 64, stat)
    assert q == base + 128 and la.mapped == base + 8192
    U8[q + 4999] = 1  # mapped: writable
    assert la.alloc(n, 8, stat) == 0  # does not fit
    mem_linux.sysFreeOS(base, n)


def test_persistentalloc() -> None:
    stat = sysMemStat()
    other = rt.memstats.other_sys.load()
    p = persistentalloc(40, 64, stat)
    assert p % 64 == 0 and stat.load() == 40
    q = persistentalloc(8, 0, stat)
    assert q % 8 == 0 and q != p
    assert rt.memstats.other_sys.load() <= other + (256 << 10) - 48
    big = persistentalloc(1 << 16, 0, stat)  # >= 64 KiB: its own mapping
    assert stat.load() == 48 + (1 << 16) and big % 4096 == 0


def test_fixalloc_recycles_lifo_and_counts() -> None:
    stat = sysMemStat()
    made: list[int] = []

    class Obj:
        __slots__ = ("addr",)

        def __init__(self, addr: int) -> None:
            self.addr = addr

    f: fixalloc[Obj] = fixalloc()
    f.init(160, lambda o: made.append(o.addr), stat, Obj)
    a, b, c = f.allocObj(), f.allocObj(), f.allocObj()
    assert b.addr == a.addr + 160 and c.addr == b.addr + 160
    assert f.inuse == 480 and stat.load() == 16384 // 160 * 160 and made == [a.addr, b.addr, c.addr]
    U64[b.addr >> 3] = 99
    U64[(b.addr + 8) >> 3] = 77
    f.freeObj(b)
    f.freeObj(a)
    assert f.inuse == 160
    assert f.allocObj() is a and f.allocObj() is b  # LIFO, same objects
    assert U64[(b.addr + 8) >> 3] == 0  # zeroed again (zero = true)
    assert made == [a.addr, b.addr, c.addr]  # first() only for new blocks
    f.zero = False  # as spanalloc: recycled blocks keep their contents
    U64[(b.addr + 8) >> 3] = 55
    f.freeObj(b)
    assert f.allocObj() is b and U64[(b.addr + 8) >> 3] == 55
