#!/usr/bin/env python3
"""Micro-benchmark of maps: ns per map operation in gort against a Python dict.

Measures, in this process, with the allocator initialised as the bootstrap
does and the current M holding a P, the runtime calls compiled Go code makes
for map[int]int and map[string]int (the key is stored in a key slot first,
as the compiler does, and that store is included):

  * insert     m[k] = v for a new key (mapassign; growth included)
  * update     m[k] = v for a present key
  * hit        m[k] for a present key (mapaccess1)
  * miss       v, ok := m[k] for an absent key (mapaccess2)
  * delete     delete(m, k) (mapdelete)
  * iterate    one step of `for k, v := range m` (mapiternext)

and the same operations on a Python dict of Python ints / str. Each figure is
the best of several repetitions over N keys. Usage:

    python3 bench/map_micro.py [N]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from gort.runtime import export_test as rt
from gort.runtime import map as rmap
from gort.runtime.alg import makeEqual
from gort.runtime.type import Int, String, TFlagRegularMemory, _type, maptype, placeType
from gort.runtime.unsafe import U8, U64

REPEAT = 5


def best(fn: Callable[[], None], n: int) -> float:
    """Best ns per operation of fn (which does n operations) over REPEAT runs."""
    b = float("inf")
    for _ in range(REPEAT):
        t0 = time.perf_counter_ns()
        fn()
        b = min(b, (time.perf_counter_ns() - t0) / n)
    return b


def types() -> tuple[maptype, maptype]:
    it = _type(Int, size=8, align=8, s="int")
    it.tflag |= TFlagRegularMemory
    it.equal = makeEqual(["mem", 8])
    st = _type(String, size=16, align=8, ptrdata=8, gcdata=b"\x01", s="string")
    st.equal = makeEqual(["str"])
    mii = maptype(it, it, size=8, align=8, ptrdata=8, gcdata=b"\x01", s="map[int]int")
    msi = maptype(st, it, size=8, align=8, ptrdata=8, gcdata=b"\x01", s="map[string]int")
    for t in (it, st, mii, msi):
        placeType(t)
    return mii, msi


def bench_int(t: maptype, n: int) -> dict[str, float]:
    slot = rt.mallocgc(8, None, True)
    s3 = slot >> 3
    keys = [i * 2654435761 % (1 << 40) for i in range(n)]
    absent = [k + 1 for k in keys]
    out: dict[str, float] = {}
    hs: list[int] = []

    def insert() -> None:
        h = rmap.makemap(t, 0)
        hs.append(h)
        for k in keys:
            U64[s3] = k
            U64[rmap.mapassign(t, h, slot) >> 3] = k

    out["insert"] = best(insert, n)
    h = hs[-1]

    def update() -> None:
        for k in keys:
            U64[s3] = k
            U64[rmap.mapassign(t, h, slot) >> 3] = 1

    def hit() -> None:
        for k in keys:
            U64[s3] = k
            rmap.mapaccess1(t, h, slot)

    def miss() -> None:
        for k in absent:
            U64[s3] = k
            rmap.mapaccess2(t, h, slot)

    def iterate() -> None:
        it = rmap.mapiterinit(t, h)
        while it.key:
            U64[it.key >> 3]
            U64[it.elem >> 3]
            rmap.mapiternext(it)

    out["update"] = best(update, n)
    out["hit"] = best(hit, n)
    out["miss"] = best(miss, n)
    out["iterate"] = best(iterate, n)

    def delete() -> None:
        h2 = rmap.makemap(t, 0)
        for k in keys:
            U64[s3] = k
            U64[rmap.mapassign(t, h2, slot) >> 3] = k
        t0 = time.perf_counter_ns()
        for k in keys:
            U64[s3] = k
            rmap.mapdelete(t, h2, slot)
        dt.append(time.perf_counter_ns() - t0)

    dt: list[int] = []
    for _ in range(REPEAT):
        delete()
    out["delete"] = min(dt) / n
    return out


def bench_str(t: maptype, n: int) -> dict[str, float]:
    slot = rt.mallocgc(16, None, True)
    s3 = slot >> 3

    # The strings' bytes live in Go memory, as a program's do.
    def gostr(b: bytes) -> tuple[int, int]:
        p = rt.mallocgc(len(b), None, False)
        U8[p : p + len(b)] = b
        return p, len(b)

    keys = [gostr(b"key%d" % (i * 7919)) for i in range(n)]
    absent = [gostr(b"nokey%d" % i) for i in range(n)]
    out: dict[str, float] = {}
    hs: list[int] = []

    def insert() -> None:
        h = rmap.makemap(t, 0)
        hs.append(h)
        for p, ln in keys:
            U64[s3] = p
            U64[s3 + 1] = ln
            U64[rmap.mapassign(t, h, slot) >> 3] = ln

    out["insert"] = best(insert, n)
    h = hs[-1]

    def hit() -> None:
        for p, ln in keys:
            U64[s3] = p
            U64[s3 + 1] = ln
            rmap.mapaccess1(t, h, slot)

    def miss() -> None:
        for p, ln in absent:
            U64[s3] = p
            U64[s3 + 1] = ln
            rmap.mapaccess2(t, h, slot)

    def iterate() -> None:
        it = rmap.mapiterinit(t, h)
        while it.key:
            rmap.mapiternext(it)

    out["hit"] = best(hit, n)
    out["miss"] = best(miss, n)
    out["iterate"] = best(iterate, n)
    return out


def bench_dict(n: int, strkeys: bool) -> dict[str, float]:
    keys: list[object] = [
        b"key%d".decode() % (i * 7919) if strkeys else i * 2654435761 % (1 << 40) for i in range(n)
    ]
    absent: list[object] = [f"nokey{i}" if strkeys else k + 1 for i, k in enumerate(keys)]  # type: ignore[operator]
    out: dict[str, float] = {}
    ds: list[dict[object, int]] = []

    def insert() -> None:
        d: dict[object, int] = {}
        ds.append(d)
        for k in keys:
            d[k] = 1

    out["insert"] = best(insert, n)
    d = ds[-1]

    def update() -> None:
        for k in keys:
            d[k] = 2

    def hit() -> None:
        for k in keys:
            d[k]

    def miss() -> None:
        for k in absent:
            d.get(k)

    def iterate() -> None:
        for _k, _v in d.items():
            pass

    out["update"] = best(update, n)
    out["hit"] = best(hit, n)
    out["miss"] = best(miss, n)
    out["iterate"] = best(iterate, n)
    dt: list[int] = []
    for _ in range(REPEAT):
        d2 = dict.fromkeys(keys, 1)
        t0 = time.perf_counter_ns()
        for k in keys:
            del d2[k]
        dt.append(time.perf_counter_ns() - t0)
    out["delete"] = min(dt) / n
    return out


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 100_000
    rt.InitHeap()
    mii, msi = types()
    with rt.WithP():
        rows = [
            ("map[int]int", bench_int(mii, n), bench_dict(n, False)),
            ("map[string]int", bench_str(msi, n), bench_dict(n, True)),
        ]
    print(f"{n} keys; ns per operation (best of {REPEAT})")
    print(f"{'':16} {'op':8} {'gort':>8} {'dict':>8} {'ratio':>7}")
    for name, g, d in rows:
        for op, v in g.items():
            dv = d.get(op, float("nan"))
            print(f"{name:16} {op:8} {v:8.0f} {dv:8.0f} {v / dv:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
