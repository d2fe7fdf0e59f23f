#!/usr/bin/env python3
"""Micro-benchmark of the allocator: ns per allocation, per stack pair.

Measures, in this process, with the allocator initialised as the bootstrap
does and the current M holding a P (so allocation goes through the P's
mcache, as compiled code's does):

  * mallocgc(size, typ, True), the runtime's entry point, for the tiny,
    small noscan, small pointerful (heap bits in the span) and header
    (> 512 bytes with pointers) cases;
  * newobject_g(gp, typ), new(T) as compiled code calls it, for the same
    kinds of object;
  * growslice_g: appending to an []int from nothing to 32 elements (six
    grows), per grow; makeslice_g of 10 ints;
  * a stackalloc(2048) / stackfree pair through the P's stack cache.

Every allocation figure includes the refills (a span's worth of objects
per refill), as in any real run, and is given twice:

  fresh     the heap grows for every span: each refill maps new pages
            (mmap) and the first touch of each page faults, so this
            includes the operating system's cost of new memory;
  recycled  before each timed loop a GC cycle frees everything, so spans
            come back from the free treap, already mapped and touched
            (and dirty: needzero), as in a program whose heap the GC
            recycles.

The "refill" columns are the mean cost of one mcache.refill (timed around
it), so that the rest is the allocation itself.

Each figure is the best of several repetitions of a timed loop, minus the
cost of the same loop calling a no-op function with the same arguments
(reported as "loop overhead"), so that the figure is the allocator's own
cost. The machine's load moves single figures by 10-30%: compare runs
made side by side. Usage:

    python3 bench/malloc_micro.py [N] [REPEAT]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

from gort.runtime import export_test as rt
from gort.runtime import mcache as mcache_mod
from gort.runtime.malloc import growslice_g, makeslice_g, mallocgc, newobject_g
from gort.runtime.stubs import getg
from gort.runtime.type import Int, Struct, Uint8, _type

_refill = [0, 0]  # ns spent in mcache.refill, calls


def _timed_refill(orig: Callable[[Any, int], None]) -> Callable[[Any, int], None]:
    def refill(self: Any, spc: int) -> None:
        t0 = time.perf_counter_ns()
        orig(self, spc)
        _refill[0] += time.perf_counter_ns() - t0
        _refill[1] += 1

    return refill


def _noop3(a: object, b: object, c: object) -> int:
    return 0


def _noop2(a: object, b: object) -> int:
    return 0


def best(loop: Callable[[int], None], n: int, repeat: int, recycle: bool) -> tuple[float, float]:
    """(best ns per iteration, mean ns per refill in that run) over repeat runs of loop(n)."""
    best_t = best_r = float("inf")
    for _ in range(repeat):
        if recycle:
            rt.GCCycle([])
        _refill[0] = _refill[1] = 0
        t0 = time.perf_counter_ns()
        loop(n)
        t = (time.perf_counter_ns() - t0) / n
        if t < best_t:
            best_t = t
            best_r = _refill[0] / _refill[1] if _refill[1] else 0.0
    return best_t, best_r


def loop3(fn: Callable[[Any, Any, Any], Any], a: Any, b: Any, c: Any) -> Callable[[int], None]:
    def run(n: int) -> None:
        for _ in range(n):
            fn(a, b, c)

    return run


def loop2(fn: Callable[[Any, Any], Any], a: Any, b: Any) -> Callable[[int], None]:
    def run(n: int) -> None:
        for _ in range(n):
            fn(a, b)

    return run


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 20_000
    repeat = int(argv[2]) if len(argv) > 2 else 7
    rt.InitHeap()
    mcache_mod.mcache.refill = _timed_refill(mcache_mod.mcache.refill)  # type: ignore[method-assign]
    byte = _type(Uint8, size=1, align=1, s="uint8")
    int_t = _type(Int, size=8, align=8, s="int")
    n24 = _type(Struct, size=24, align=8, s="struct{a, b, c int}")
    node = _type(Struct, size=16, align=8, ptrdata=8, gcdata=b"\x01", s="node")
    node2 = _type(Struct, size=16, align=8, ptrdata=16, gcdata=b"\x03", s="Node{l, r}")
    obj64 = _type(Struct, size=64, align=8, ptrdata=40, gcdata=b"\x15", s="obj64")
    big = _type(Struct, size=1024, align=8, ptrdata=8, gcdata=b"\x01", s="big")
    gp = getg()
    rows: list[tuple[str, Callable[[int], None], bool]] = [
        ("mallocgc tiny, 8 bytes noscan", loop3(mallocgc, 8, None, True), True),
        ("mallocgc small noscan, 24 bytes", loop3(mallocgc, 24, None, True), True),
        ("mallocgc small noscan, 100 bytes", loop3(mallocgc, 100, byte, True), True),
        ("mallocgc small scan, 16 B, 1 pointer", loop3(mallocgc, 16, node, True), True),
        ("mallocgc small scan, 64 B, 3 pointers", loop3(mallocgc, 64, obj64, True), True),
        ("mallocgc header, 1024 bytes", loop3(mallocgc, 1024, big, True), True),
        ("newobject_g tiny, int", loop2(newobject_g, gp, int_t), False),
        ("newobject_g small noscan, 24 bytes", loop2(newobject_g, gp, n24), False),
        ("newobject_g small scan, Node{l, r}", loop2(newobject_g, gp, node2), False),
        ("newobject_g small scan, 64 B, 3 ptrs", loop2(newobject_g, gp, obj64), False),
        ("newobject_g header, 1024 bytes", loop2(newobject_g, gp, big), False),
    ]

    def grow(k: int) -> None:
        for _ in range(k // 6):
            p = ln = cp = 0
            for _ in range(32):
                if ln + 1 > cp:
                    p, ln, cp = growslice_g(gp, p, ln + 1, cp, 1, int_t)
                else:
                    ln += 1

    def stackpair(k: int) -> None:
        for _ in range(k):
            rt.stackfree(rt.stackalloc(2048))

    with rt.WithP():
        ov3, _ = best(loop3(_noop3, 24, None, True), n, repeat, False)
        ov2, _ = best(loop2(_noop2, gp, node), n, repeat, False)
        print(f"loop overhead {ov3:.0f} ns (3 arguments), {ov2:.0f} ns (2 arguments)")
        # Every fresh figure first: once a GC cycle has run, the heap has
        # free pages to recycle and growth would no longer be measured.
        fresh = [best(loop, n, repeat, False) for _, loop, _ in rows]
        recycled = [best(loop, n, repeat, True) for _, loop, _ in rows]
        print(f"{'ns per call':40} {'fresh':>7} {'refill':>8} {'recycled':>9} {'refill':>8}")
        for (name, _, three), (tf, rf), (tr, rr) in zip(rows, fresh, recycled, strict=True):
            ov = ov3 if three else ov2
            print(f"{name:40} {tf - ov:7.0f} {rf:8.0f} {tr - ov:9.0f} {rr:8.0f}")
        tg, _ = best(grow, n, repeat, False)
        print(f"{'growslice_g []int 0..32, per grow':40} {tg:7.0f}")
        tm, _ = best(
            loop3(lambda a, b, c: makeslice_g(gp, int_t, 10, 10), 0, 0, 0), n, repeat, False
        )
        print(f"{'makeslice_g 10 ints':40} {tm - ov3:7.0f}")
        ts, _ = best(stackpair, n, repeat, False)
        print(f"{'stackalloc(2048)+stackfree pair':40} {ts:7.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
