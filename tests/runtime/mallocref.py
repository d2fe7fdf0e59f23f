"""A reference allocator and a driver comparing it with malloc.py (not a test module).

malloc.py writes the hits of its paths out in place (nextFreeFast, the
pointer bits of a small object, the tiny block) and caches per-type
constants on the type (`_type.mallocInfo`). This module is the yardstick:
`ref_mallocgc` allocates the textbook way — every slot through
`mcache.nextFree` (Go's slow path, which leaves the same span state as
nextFreeFast), pointer bits through `writeHeapBitsSmall`, headers through
`typeAddr`, zeroing through `memclrNoHeapPointers` — and `ref_growslice` is
growslice as it was before the fast paths.

Run as a script, it replays a seeded random sequence of allocations
(newobject, mallocgc, newarray, makeslice, growslice, with GC cycles that
keep a random part alive) through either the real entry points ("fast")
or the reference ones ("ref"), and prints the allocator's state as JSON:
every span's fields and bitmaps, the mcache, the statistics, and the bytes
of every object handed out. The heap has no randomized base, so both runs
see the same addresses and the dumps must be equal.

    python tests/runtime/mallocref.py fast|ref SEED...
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from typing import Any

from gort.runtime import export_test as rt
from gort.runtime import malloc
from gort.runtime.mbitmap import heapBitsInSpan, typeAddr, writeHeapBitsSmall
from gort.runtime.msize import roundupsize, sizeToClass
from gort.runtime.panic import panicRuntimeError, throw
from gort.runtime.stubs import getg, memclrNoHeapPointers, memmove
from gort.runtime.type import Int, Struct, Uint8, _type
from gort.runtime.unsafe import U8, U64

_M64 = (1 << 64) - 1


def ref_mallocgc(size: int, typ: _type | None, needzero: bool) -> int:
    """mallocgc with every slot from mcache.nextFree."""
    if size == 0:
        return malloc.zerobase
    mp = getg().m
    if mp.mallocing:
        throw("malloc deadlock")
    c = mp.p.mcache
    if size <= 32760:
        if typ is None or not typ.ptrdata:
            if size < 16:
                off = c.tinyoffset
                if size & 7 == 0:
                    off = (off + 7) & ~7
                elif size & 3 == 0:
                    off = (off + 3) & ~3
                elif size & 1 == 0:
                    off = (off + 1) & ~1
                if off + size <= 16 and c.tiny != 0:
                    c.tinyoffset = off + size
                    c.tinyAllocs += 1
                    return c.tiny + off  # type: ignore[no-any-return]
                mp.mallocing = 1
                v, s, _ = c.nextFree(5)
                mp.mallocing = 0
                U64[v >> 3] = 0
                U64[(v >> 3) + 1] = 0
                if size < c.tinyoffset or c.tiny == 0:
                    c.tiny = v
                    c.tinyoffset = size
                s.freeIndexForScan = s.freeindex
                return v  # type: ignore[no-any-return]
            spc = sizeToClass(size) << 1 | 1
            mp.mallocing = 1
            v, s, _ = c.nextFree(spc)
            mp.mallocing = 0
            if needzero and s.needzero != 0:
                memclrNoHeapPointers(v, s.elemsize)
            s.freeIndexForScan = s.freeindex
            return v  # type: ignore[no-any-return]
        if not needzero:
            throw("objects with pointers must be zeroed")
        if heapBitsInSpan(size):
            sizeclass = sizeToClass(size)
            mp.mallocing = 1
            v, s, _ = c.nextFree(sizeclass << 1)
            mp.mallocing = 0
            if s.needzero != 0:
                memclrNoHeapPointers(v, s.elemsize)
            if sizeclass == 1:
                c.scanAlloc += 8
            else:
                c.scanAlloc += writeHeapBitsSmall(s, v, size, typ)
            s.freeIndexForScan = s.freeindex
            return v  # type: ignore[no-any-return]
        sizeclass = sizeToClass(size + 8)
        mp.mallocing = 1
        v, s, _ = c.nextFree(sizeclass << 1)
        mp.mallocing = 0
        if s.needzero != 0:
            memclrNoHeapPointers(v, s.elemsize)
        U64[v >> 3] = typeAddr(typ)
        c.scanAlloc += s.elemsize
        s.freeIndexForScan = s.freeindex
        return v + 8  # type: ignore[no-any-return]
    noscan = typ is None or not typ.ptrdata
    mp.mallocing = 1
    s = c.allocLarge(size, noscan, needzero)
    s.freeindex = 1
    s.allocCount = 1
    if not noscan:
        s.largeType = typ
        c.scanAlloc += s.elemsize
    s.freeIndexForScan = s.freeindex
    mp.mallocing = 0
    return s.startAddr  # type: ignore[no-any-return]


def ref_growslice(
    old_ptr: int, new_len: int, old_cap: int, num: int, et: _type
) -> tuple[int, int, int]:
    """growslice through ref_mallocgc, memclrNoHeapPointers and memmove."""
    old_len = new_len - num
    size = et.size
    if size == 0:
        return malloc.zerobase, new_len, new_len
    newcap = malloc.nextslicecap(new_len, old_cap)
    noscan = not et.ptrdata
    # roundupsize of the bytes, then a whole number of elements (Go's
    # special cases for sizes 1, 8 and powers of two come to the same).
    capmem = roundupsize(newcap * size, noscan)
    newcap = capmem // size
    capmem = newcap * size
    if capmem > 1 << 48:
        panicRuntimeError("growslice: len out of range")
    if noscan:
        p = ref_mallocgc(capmem, None, False)
        memclrNoHeapPointers(p + new_len * size, capmem - new_len * size)
    else:
        p = ref_mallocgc(capmem, et, True)
    memmove(p, old_ptr, old_len * size)
    return p, new_len, newcap


def struct_type(words: int, ptrs: list[int], name: str) -> _type:
    mask = 0
    for i in ptrs:
        mask |= 1 << i
    ptrdata = (max(ptrs) + 1) * 8 if ptrs else 0
    return _type(
        Struct,
        size=words * 8,
        align=8,
        ptrdata=ptrdata,
        gcdata=mask.to_bytes(max((ptrdata // 8 + 7) // 8, 1), "little"),
        s=name,
    )


def types() -> list[_type]:
    """Types covering every path of mallocInfo: tiny, noscan, the four bitmap writes, headers, large."""
    ts = [
        _type(Uint8, size=1, align=1, s="uint8"),
        _type(Int, size=8, align=8, s="int"),
        struct_type(3, [], "noscan24"),
        struct_type(1, [0], "ptr"),  # class 1
        struct_type(2, [0, 1], "node"),  # 2 words: bits in one byte
        struct_type(2, [1], "half"),
        struct_type(4, [0, 2], "w4"),  # 4 words: bits in one byte
        struct_type(8, [0, 2, 4], "w8"),  # one whole byte
        struct_type(7, [6], "w7"),  # class 64: one byte, fewer words than the slot
        struct_type(16, [0, 15], "w16"),  # whole bytes
        struct_type(3, [0, 2], "w3"),  # one or two bitmap bytes
        struct_type(6, [1, 5], "w6"),
        struct_type(5, [0, 4], "w5"),  # class 48: two bytes at most, fewer words than the slot
        struct_type(13, [0, 12], "w13"),  # 64-bit words, sometimes straddling
        struct_type(64, [0, 63], "w64"),  # 512 bytes: the largest headerless
        struct_type(65, [0, 64], "hdr520"),
        struct_type(128, [3], "hdr1024"),
        struct_type(5000, [7], "large"),
    ]
    return ts


def run(mode: str, seed: int) -> dict[str, Any]:
    rnd = random.Random(seed)
    rt.InitHeap()
    ts = types()
    gp = getg()
    if mode == "fast":
        newobject = lambda t: malloc.newobject_g(gp, t)  # noqa: E731
        mallocgc = malloc.mallocgc
        newarray = lambda t, n: malloc.newarray_g(gp, t, n)  # noqa: E731
        makeslice = lambda t, n: malloc.makeslice_g(gp, t, n, n)  # noqa: E731
        growslice = lambda *a: malloc.growslice_g(gp, *a)  # noqa: E731
    else:
        newobject = lambda t: ref_mallocgc(t.size, t, True)  # noqa: E731
        mallocgc = ref_mallocgc
        newarray = lambda t, n: ref_mallocgc(t.size * n, t, True)  # noqa: E731
        makeslice = lambda t, n: ref_mallocgc(t.size * n, t, True)  # noqa: E731
        growslice = ref_growslice
    objs: list[tuple[int, int]] = []  # (address, size) of everything handed out
    trail = hashlib.sha1()  # of the state after every step
    with rt.WithP() as pp:
        slices: list[tuple[int, int, int, _type]] = []
        hot = rnd.sample(ts, 4)  # most allocations: a few types, so spans fill past 64 slots
        for _step in range(20000):
            r = rnd.random()
            t = rnd.choice(hot) if rnd.random() < 0.7 else rnd.choice(ts)
            if r < 0.45:
                x, n = newobject(t), t.size
            elif r < 0.65:
                if rnd.random() < 0.5:
                    n = t.size
                    x = mallocgc(n, t, True)
                else:
                    n = rnd.choice(
                        [1, 3, 5, 8, 12, 15, 16, 24, 40, 100, 500, 513, 1024, 3000, 32760, 40000]
                    )
                    x = mallocgc(n, None, rnd.random() < 0.8)
                if not t.ptrdata and rnd.random() < 0.5:
                    U8[x : x + n] = bytes([rnd.randrange(256)]) * n  # dirty it for the next cycle
            elif r < 0.75:
                k = rnd.choice([2, 3, 4, 7])
                x, n = newarray(t, k), t.size * k
            elif r < 0.8:
                k = rnd.choice([0, 1, 5, 33])
                x, n = makeslice(t, k), t.size * k
            elif r < 0.985:
                if slices and rnd.random() < 0.7:
                    p, ln, cp, et = slices.pop(rnd.randrange(len(slices)))
                else:
                    p, ln, cp, et = 0, 0, 0, rnd.choice(ts[:6])
                add = rnd.choice([1, 1, 2, 7])
                p, ln, cp = growslice(p, ln + add, cp, add, et)
                if et.size:
                    U8[p + (ln - add) * et.size : p + ln * et.size] = bytes([7]) * (add * et.size)
                slices.append((p, ln, cp, et))
                x, n = p, cp * et.size
            else:
                # A GC cycle: a random third of what was handed out survives.
                live = [a for a, _ in objs if rnd.random() < 0.33 and rt.spanOfHeap(a) is not None]
                live += [p for p, _, _, _ in slices if rt.spanOfHeap(p) is not None]
                rt.GCCycle(set(live), [pp.mcache])
                keep = set(live)
                objs = [(a, n) for a, n in objs if a in keep]
                continue
            if x == malloc.zerobase:
                continue  # a static: its address differs from run to run
            objs.append((x, n))
            # The transient state too: every cached span and the tiny block after each step.
            c = pp.mcache
            trail.update(
                repr(
                    (
                        x,
                        c.tiny,
                        c.tinyoffset,
                        c.tinyAllocs,
                        c.scanAlloc,
                        [
                            (
                                s.startAddr,
                                s.freeindex,
                                s.freeIndexForScan,
                                s.allocCache,
                                s.allocCount,
                            )
                            for s in c.alloc
                            if s is not rt.emptymspan
                        ],
                    )
                ).encode()
            )
        c = pp.mcache
        state: dict[str, Any] = {
            "trail": trail.hexdigest(),
            "objs": [[a, n, hashlib.sha1(bytes(U8[a : a + n])).hexdigest()] for a, n in objs],
            "mcache": [
                c.tiny,
                c.tinyoffset,
                c.tinyAllocs,
                c.scanAlloc,
                [s.startAddr for s in c.alloc],
            ],
        }
        spans = []
        for s in rt.mheap_.allspans:
            if s.state != rt.mSpanInUse:
                spans.append([s.startAddr, s.npages, s.state])
                continue
            row: list[Any] = [
                s.startAddr,
                s.npages,
                s.state,
                s.spanclass,
                s.elemsize,
                s.nelems,
                s.freeindex,
                s.freeIndexForScan,
                s.allocCache,
                s.allocCount,
                s.allocCountBeforeCache,
                s.sweepgen,
                s.needzero,
                s.limit,
                s.largeType.str if s.largeType is not None else None,
                bytes(U8[s.allocBits : s.allocBits + ((s.nelems + 63) >> 6) * 8]).hex(),
            ]
            if not s.spanclass & 1 and s.spanclass >> 1 and heapBitsInSpan(s.elemsize):
                row.append(bytes(U8[s.startAddr + 8064 : s.startAddr + 8192]).hex())
            spans.append(row)
        state["spans"] = spans
        st = rt.memstats.heapStats.stats
        state["stats"] = [
            st.tinyAllocCount,
            st.largeAlloc,
            st.largeAllocCount,
            list(st.smallAllocCount),
            list(st.smallFreeCount),
            st.inHeap,
            rt.gcController.totalAlloc,
            rt.gcController.heapLive,
            rt.gcController.heapScan,
        ]
    return state


if __name__ == "__main__":
    # Several seeds run one after the other on the same heap.
    print(json.dumps([run(sys.argv[1], int(seed)) for seed in sys.argv[2:]]))
