#!/usr/bin/env python3
"""Micro-benchmark of the allocator: ns per mallocgc call, per stack pair.

Measures, in this process, with the allocator initialised as the bootstrap
does and the current M holding a P (so allocation goes through the P's
mcache, as compiled code's does):

  * mallocgc on its fast path (nextFreeFast hits) for the tiny, small noscan,
    small pointerful (heap bits in span) and header (> 512 bytes with
    pointers) cases; a refill every span's worth of objects is included,
    as it is in any real run;
  * a stackalloc(2048) / stackfree pair through the P's stack cache.

Each figure is the best of several repetitions of a timed loop, minus the
cost of the same loop calling a no-op function with the same arguments
(reported as "loop overhead"), so that the figure is the allocator's own
cost. Usage:

    python3 bench/malloc_micro.py [N]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from gort.runtime import export_test as rt
from gort.runtime.type import Struct, Uint8, _type

REPEAT = 5


def _noop(size: int, typ: object, needzero: bool) -> int:
    return 0


def timeit(fn: Callable[[int, object, bool], int], size: int, typ: object, n: int) -> float:
    """Best ns per call of fn(size, typ, True) over REPEAT loops of n calls."""
    best = float("inf")
    for _ in range(REPEAT):
        t0 = time.perf_counter_ns()
        for _ in range(n):
            fn(size, typ, True)
        best = min(best, (time.perf_counter_ns() - t0) / n)
    return best


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 100_000
    rt.InitHeap()
    byte = _type(Uint8, size=1, align=1, s="uint8")
    node = _type(Struct, size=16, align=8, ptrdata=8, gcdata=b"\x01", s="node")
    obj64 = _type(Struct, size=64, align=8, ptrdata=40, gcdata=b"\x15", s="obj64")
    big = _type(Struct, size=1024, align=8, ptrdata=8, gcdata=b"\x01", s="big")
    cases = [
        ("tiny, 8 bytes noscan", 8, None),
        ("small noscan, 24 bytes", 24, None),
        ("small noscan, 100 bytes", 100, byte),
        ("small scan, 16 bytes (1 pointer)", 16, node),
        ("small scan, 64 bytes (3 pointers)", 64, obj64),
        ("small scan with header, 1024 bytes", 1024, big),
    ]
    with rt.WithP():
        overhead = timeit(_noop, 24, None, n)
        print(f"loop overhead                         {overhead:7.0f} ns")
        for name, size, typ in cases:
            t = timeit(rt.mallocgc, size, typ, n)
            print(f"mallocgc {name:<30} {t - overhead:7.0f} ns  (raw {t:.0f})")
        best = float("inf")
        for _ in range(REPEAT):
            t0 = time.perf_counter_ns()
            for _ in range(n):
                rt.stackfree(rt.stackalloc(2048))
            best = min(best, (time.perf_counter_ns() - t0) / n)
        print(f"stackalloc(2048)+stackfree pair       {best:7.0f} ns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
