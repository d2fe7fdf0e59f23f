"""Memory allocator: the overview, mallocinit, and mallocgc (malloc.go).

gort's allocator is Go's, over real memory. Objects live in the Go heap
(arenas of 64 MiB reserved from 0x00c000000000 up); the address mallocgc
returns is an address the views of unsafe.py read and write.

The pieces, from the top (each in its Go file's namesake):

  mallocgc (here)     sizes a request and picks a path: zero-size objects,
                      tiny (noscan, < 16 bytes, packed into 16-byte blocks),
                      small (<= 32760 bytes, a slot of a size-class span),
                      large (a span of its own).
  mcache.py           per-P cache: one span per span class, so the fast
                      path takes no lock; the tiny block; stack caches.
  mcentral.py         per span class: the spans no mcache holds, on the
                      seed's nonempty/empty lists under a lock.
  mheap.py            pages: spans carved from the free treap (mtreap.py),
                      heap arenas and their metadata, growth.
  mem_linux.py        the OS: mmap/madvise/munmap, and the accounting of
                      every byte mapped.
  mfixalloc.py        off-heap memory for the runtime's own structures.
  sizeclasses.py      Go 1.27's 68 size classes (generated).
  mbitmap.py          where each object's pointer layout is recorded.
  mstats.py           the statistics behind runtime.ReadMemStats.
  stack.py            goroutine stacks, from the same page heap.

Allocating n bytes of type typ (mallocgc):
  1. n == 0: the address of zerobase.
  2. n <= 32760, no pointers, n < 16: the tiny allocator. Align the offset
     in the current 16-byte block to n's natural alignment; if it fits, the
     object is block + offset (c.tinyAllocs++). Otherwise take a new block
     (a 16-byte slot of span class 5), zero it, and keep it if it has more
     room left than the old one.
  3. n <= 32760: the size class (SizeToSizeClass8/128; pointerful objects
     over 512 bytes first add an 8-byte header). Take the cached span's
     next free slot: the fast path (nextFreeFast) finds the lowest set bit
     of allocCache (the inverted allocation bitmap from freeindex on); when
     the 64 cached bits are used up, nextFree refills allocCache, or
     mcache.refill swaps the span for one from mcentral. Zero the slot if
     the caller needs zeroed memory and the span's memory may be dirty
     (span.needzero: fresh memory from the OS is already zero). Record
     the pointer layout (below).
  4. Larger: mcache.allocLarge gets a span of ceil(n / 8 KiB) pages.

Recording pointer layout (so the GC, a later issue, scans precisely):
Go 1.22+'s scheme, "malloc headers" (mbitmap.py):
  * noscan span classes hold objects without pointers;
  * objects of at most 512 bytes with pointers have one bit per word in a
    bitmap at the end of their one-page span;
  * larger small objects start with an 8-byte header holding the address
    of their type descriptor (arrays: the element type, repeated);
  * a large object's type is in its span (span.largeType).

Differences from Go:
  * Pointer layout. The seed (Go 1.13) kept a 2-bit-per-word heap bitmap
    in each heapArena (2 MiB per 64 MiB arena) and wrote it on every
    allocation. gort uses the 1.22+ malloc headers instead because (a) the
    size class an object lands in depends on it (a 1024-byte pointerful
    object takes the 1152-byte class) and size classes, TotalAlloc and
    span object counts must be Go 1.27's for the differential tests;
    (b) it writes at most one word per allocation (header) or a few bits
    (small objects), which matters at Python speed; (c) the GC scans the
    same metadata Go 1.27's does. Object counts per span are the 1.22
    rules (scan spans of <= 512-byte objects lose 1/64 of the span to the
    bitmap); GreenTea's extra 128 bytes of inline mark bits are not
    reserved, so for 16-512-byte classes gort fits slightly more objects
    per span than Go 1.27 (SEED_MAP §3 lists both numbers).
  * Size-specialized mallocgc variants (a 1.27 GOEXPERIMENT) are not
    generated; the one mallocgc below does what they do.
  * No GC triggers, assist credit or memory profiling yet (GC issue).
  * The heap base is not randomized: hints are 0x00c000000000,
    0x01c000000000, ... (Go with GOEXPERIMENT=norandomizedheapbase64).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import gort.runtime.mcache as _mc
from gort.runtime import mem_linux
from gort.runtime.lock import lockInit
from gort.runtime.mbitmap import (
    MallocHeaderSize,
    MinSizeForMallocHeader,
    heapSetTypeLarge,
    typeAddr,
    typeMask,
    writeHeapBitsSmall,
)
from gort.runtime.mcache import allocmcache, mcache
from gort.runtime.mheap import _print, arenaHint, mheap_, tinySpanClass
from gort.runtime.msize import roundupsize
from gort.runtime.mstats import gcController
from gort.runtime.panic import panicPlain, panicRuntimeError, throw
from gort.runtime.param import PageSize, maxAlloc, maxPhysPageSize, minPhysPageSize, pagesPerArena
from gort.runtime.sizeclasses import (
    MaxSmallSize,
    SizeClassToSize,
    SizeToSizeClass8,
    SizeToSizeClass128,
    TinySize,
    TinySizeClass,
)
from gort.runtime.stubs import _tls, memclrNoHeapPointers, memmove
from gort.runtime.unsafe import U64

if TYPE_CHECKING:
    from gort.runtime.type import _type

maxTinySize = TinySize
maxPhysHugePageSize = 4 << 20  # pallocChunkBytes
_maxSmallNoHeader = MaxSmallSize - MallocHeaderSize  # 32760: largest small request
_M64 = (1 << 64) - 1
_heapBitsOff = PageSize - PageSize // 64  # offset of a one-page span's pointer bitmap

# Pointerful types seen by mallocgc -> (pointer mask, size, ptrdata), for the fast path.
_typeInfo: dict[_type, tuple[int, int, int]] = {}

# The address every zero-size allocation returns (Go's zerobase). Set by mallocinit.
zerobase = 0

# Hints for user arenas (the upper half of the hint space; mheap_.userArena.arenaHints).
userArenaHints: arenaHint | None = None


# go: runtime/malloc.go mallocinit
def mallocinit() -> None:
    """Check the allocator's constants, set up mheap_, mcache0 and the arena hints. Runs on g0."""
    global zerobase, userArenaHints
    if SizeClassToSize[TinySizeClass] != maxTinySize:
        throw("bad TinySizeClass")
    try:
        from gort.runtime import os_linux

        if os_linux.physPageSize:
            mem_linux.physPageSize = os_linux.physPageSize
        if os_linux.physHugePageSize:
            mem_linux.physHugePageSize = os_linux.physHugePageSize
    except ImportError:
        pass
    phys = mem_linux.physPageSize
    if phys == 0:
        throw("failed to get system page size")
    if phys > maxPhysPageSize:
        _print(f"system page size ({phys}) is larger than maximum page size ({maxPhysPageSize})\n")
        throw("bad system page size")
    if phys < minPhysPageSize:
        _print(f"system page size ({phys}) is smaller than minimum page size ({minPhysPageSize})\n")
        throw("bad system page size")
    if phys & (phys - 1):
        _print(f"system page size ({phys}) must be a power of 2\n")
        throw("bad system page size")
    hp = mem_linux.physHugePageSize
    if hp & (hp - 1):
        _print(f"system huge page size ({hp}) must be a power of 2\n")
        throw("bad system huge page size")
    if hp > maxPhysHugePageSize:
        mem_linux.physHugePageSize = hp = 0
    if hp != 0:
        shift = 0
        while 1 << shift != hp:
            shift += 1
        mem_linux.physHugePageShift = shift
    if pagesPerArena % 512 != 0:
        throw("pagesPerArena is not divisible by pagesPerSpanRoot")
    if MinSizeForMallocHeader not in SizeClassToSize:
        throw("min size of malloc header is not a size class boundary")
    if MinSizeForMallocHeader // 8 > 8 * 8:
        throw("max pointer/scan bitmap size for headerless objects is too large")

    mheap_.init()
    _mc.mcache0 = allocmcache()
    lockInit(mheap_.lock, "mheap")
    lockInit(mheap_.speciallock, "mheapSpecial")

    # Arena hints, 0x7f down to 0, each pushed on the front: the heap list
    # starts at 0x00c000000000; the upper half goes to the user arenas.
    for i in range(0x7F, -1, -1):
        p = (i << 40) | (0x00C0 << 32)
        hint = mheap_.arenaHintAlloc.allocObj()
        hint.addr = p
        hint.down = False
        if i <= 0x3F:
            hint.next, mheap_.arenaHints = mheap_.arenaHints, hint
        else:
            hint.next, userArenaHints = userArenaHints, hint

    gcController.memoryLimit = (1 << 63) - 1
    from gort.runtime import staticdata

    zerobase = staticdata.zerobase  # a static in the binary's bss, as in Go


# go: runtime/malloc.go mallocgc
def mallocgc(size: int, typ: _type | None, needzero: bool) -> int:
    """Allocate size bytes for an object of type typ (None: no pointers); zero it if needzero.

    Runs on any g; returns the object's address."""
    if size == 0:
        return zerobase
    mp = _tls.g.m
    if mp.mallocing:
        throw("malloc deadlock")
    pp = mp.p
    # mcache0 is not None while there are no Ps (mallocinit made it).
    c: mcache = pp.mcache if pp is not None else _mc.mcache0  # type: ignore[assignment]
    if size <= _maxSmallNoHeader:
        if typ is None or not typ.ptrdata:
            if size < maxTinySize:
                # --- tiny: pack into the current 16-byte block ---
                off = c.tinyoffset
                if not size & 7:
                    off = (off + 7) & -8
                elif not size & 3:
                    off = (off + 3) & -4
                elif not size & 1:
                    off = (off + 1) & -2
                if off + size <= maxTinySize and c.tiny:
                    c.tinyoffset = off + size
                    c.tinyAllocs += 1
                    return c.tiny + off  # type: ignore[no-any-return]
                s = c.alloc[tinySpanClass]
                # nextFreeFast: the lowest set bit of allocCache is a free slot.
                ac = s.allocCache
                if ac:
                    bit = (ac & -ac).bit_length() - 1
                    result = s.freeindex + bit
                    nelems = s.nelems
                    if result < nelems:
                        freeidx = result + 1
                        if freeidx & 63 or freeidx == nelems:
                            s.allocCache = ac >> (bit + 1)
                            s.freeindex = s.freeIndexForScan = freeidx
                            s.allocCount += 1
                            v = result * 16 + s.startAddr
                            U64[v >> 3] = 0
                            U64[(v >> 3) + 1] = 0
                            if size < c.tinyoffset or not c.tiny:
                                c.tiny = v
                                c.tinyoffset = size
                            return v
                mp.mallocing = 1
                v, s, _ = c.nextFree(tinySpanClass)
                mp.mallocing = 0
                U64[v >> 3] = 0
                U64[(v >> 3) + 1] = 0
                if size < c.tinyoffset or not c.tiny:
                    c.tiny = v
                    c.tinyoffset = size
                s.freeIndexForScan = s.freeindex
                return v
            # --- small, no pointers ---
            if size <= 1016:
                spc = SizeToSizeClass8[(size + 7) >> 3] << 1 | 1
            else:
                spc = SizeToSizeClass128[(size - 897) >> 7] << 1 | 1
            s = c.alloc[spc]
            ac = s.allocCache
            if ac:
                bit = (ac & -ac).bit_length() - 1
                result = s.freeindex + bit
                nelems = s.nelems
                if result < nelems:
                    freeidx = result + 1
                    if freeidx & 63 or freeidx == nelems:
                        s.allocCache = ac >> (bit + 1)
                        s.freeindex = s.freeIndexForScan = freeidx
                        s.allocCount += 1
                        elemsize = s.elemsize
                        v = result * elemsize + s.startAddr
                        if needzero and s.needzero:
                            memclrNoHeapPointers(v, elemsize)
                        return v
            mp.mallocing = 1
            v, s, _ = c.nextFree(spc)
            mp.mallocing = 0
            if needzero and s.needzero:
                memclrNoHeapPointers(v, s.elemsize)
            s.freeIndexForScan = s.freeindex
            return v
        # --- small, with pointers ---
        if not needzero:
            throw("objects with pointers must be zeroed")
        dataSize = size
        if size > MinSizeForMallocHeader:
            size += MallocHeaderSize
        if size <= 1016:
            sizeclass = SizeToSizeClass8[(size + 7) >> 3]
        else:
            sizeclass = SizeToSizeClass128[(size - 897) >> 7]
        spc = sizeclass << 1
        s = c.alloc[spc]
        ac = s.allocCache
        if ac and size == dataSize and sizeclass != 1:
            # The fast path of a headerless pointerful object: its pointer
            # bits go into the bitmap at the end of its one-page span.
            bit = (ac & -ac).bit_length() - 1
            result = s.freeindex + bit
            nelems = s.nelems
            info = _typeInfo.get(typ)  # type: ignore[arg-type]
            if result < nelems and info is not None and info[1] == dataSize:
                freeidx = result + 1
                elemsize = s.elemsize
                o = result * (elemsize >> 3)  # the object's first word, from the span base
                j = o & 63
                bits = elemsize >> 3
                if (freeidx & 63 or freeidx == nelems) and j + bits <= 64:
                    s.allocCache = ac >> (bit + 1)
                    s.freeindex = s.freeIndexForScan = freeidx
                    s.allocCount += 1
                    base = s.startAddr
                    v = base + (o << 3)
                    if s.needzero:
                        memclrNoHeapPointers(v, elemsize)
                    i = ((base + _heapBitsOff) >> 3) + (o >> 6)
                    U64[i] = (U64[i] & ~(((1 << bits) - 1) << j)) | (info[0] << j)
                    c.scanAlloc += info[2]
                    return v
        v = 0
        if ac:
            bit = (ac & -ac).bit_length() - 1
            result = s.freeindex + bit
            nelems = s.nelems
            if result < nelems:
                freeidx = result + 1
                if freeidx & 63 or freeidx == nelems:
                    s.allocCache = ac >> (bit + 1)
                    s.freeindex = freeidx
                    s.allocCount += 1
                    v = result * s.elemsize + s.startAddr
        if not v:
            mp.mallocing = 1
            v, s, _ = c.nextFree(spc)
            mp.mallocing = 0
        elemsize = s.elemsize
        if s.needzero:
            memclrNoHeapPointers(v, elemsize)
        if size != dataSize:
            # A malloc header: the type's address in the object's first word.
            U64[v >> 3] = typeAddr(typ)
            v += MallocHeaderSize
            c.scanAlloc += elemsize
        elif sizeclass == 1:
            c.scanAlloc += 8  # every word of the span is a pointer slot already
        else:
            c.scanAlloc += writeHeapBitsSmall(s, v, dataSize, typ)  # type: ignore[arg-type]
            if typ not in _typeInfo:
                _typeInfo[typ] = (typeMask(typ), typ.size, typ.ptrdata)  # type: ignore[index, union-attr]
        s.freeIndexForScan = s.freeindex
        return v
    # --- large: a span of its own ---
    noscan = typ is None or not typ.ptrdata
    mp.mallocing = 1
    s = c.allocLarge(size, noscan, needzero)
    s.freeindex = 1
    s.allocCount = 1
    x = s.startAddr
    if not noscan:
        assert typ is not None
        c.scanAlloc += heapSetTypeLarge(x, size, typ, s)
    s.freeIndexForScan = s.freeindex
    mp.mallocing = 0
    return x


# go: runtime/malloc.go newobject
def newobject(typ: _type) -> int:
    """new(T): a zeroed object of type typ."""
    return mallocgc(typ.size, typ, True)


# go: runtime/malloc.go newarray
def newarray(typ: _type, n: int) -> int:
    """A zeroed array of n elements of type typ."""
    if n == 1:
        return mallocgc(typ.size, typ, True)
    mem = typ.size * (n & _M64)
    if n < 0 or mem > _M64 or mem > maxAlloc:
        panicPlain("runtime: allocation size out of range")
    return mallocgc(mem, typ, True)


# go: runtime/slice.go panicmakeslicelen
def panicmakeslicelen() -> None:
    panicRuntimeError("makeslice: len out of range")


# go: runtime/slice.go panicmakeslicecap
def panicmakeslicecap() -> None:
    panicRuntimeError("makeslice: cap out of range")


# go: runtime/slice.go makeslice
def makeslice(et: _type, len_: int, cap_: int) -> int:
    """make([]T, len, cap): the address of a zeroed backing array (checks len and cap)."""
    mem = et.size * (cap_ & _M64)
    if mem > _M64 or mem > maxAlloc or len_ < 0 or len_ > cap_:
        mem = et.size * (len_ & _M64)
        if mem > _M64 or mem > maxAlloc or len_ < 0:
            panicmakeslicelen()
        panicmakeslicecap()
    return mallocgc(mem, et, True)


# go: runtime/slice.go nextslicecap
def nextslicecap(newLen: int, oldCap: int) -> int:
    """The capacity growslice aims for before rounding to a size class."""
    newcap = oldCap
    doublecap = newcap + newcap
    if newLen > doublecap:
        return newLen
    threshold = 256
    if oldCap < threshold:
        return doublecap
    while True:
        # From 2x for small slices towards 1.25x for large ones.
        newcap += (newcap + 3 * threshold) >> 2
        if (newcap & _M64) >= (newLen & _M64):
            break
    if newcap <= 0:
        return newLen
    return newcap


# go: runtime/slice.go growslice
def growslice(oldPtr: int, newLen: int, oldCap: int, num: int, et: _type) -> tuple[int, int, int]:
    """append's slow path: a new backing array for at least newLen elements.

    The old slice had newLen-num elements and capacity oldCap at oldPtr.
    Returns the new slice (ptr, newLen, newCap); the old elements are copied."""
    oldLen = newLen - num
    if newLen < 0:
        panicRuntimeError("growslice: len out of range")
    size = et.size
    if size == 0:
        return zerobase, newLen, newLen
    newcap = nextslicecap(newLen, oldCap)
    noscan = not et.ptrdata
    if size == 1:
        lenmem = oldLen
        newlenmem = newLen
        capmem = roundupsize(newcap, noscan)
        overflow = newcap > maxAlloc
        newcap = capmem
    elif size == 8:
        lenmem = oldLen * 8
        newlenmem = newLen * 8
        capmem = roundupsize(newcap * 8, noscan)
        overflow = newcap > maxAlloc // 8
        newcap = capmem // 8
    elif size & (size - 1) == 0:
        shift = size.bit_length() - 1
        lenmem = oldLen << shift
        newlenmem = newLen << shift
        capmem = roundupsize(newcap << shift, noscan)
        overflow = newcap > (maxAlloc >> shift)
        newcap = capmem >> shift
        capmem = newcap << shift
    else:
        lenmem = oldLen * size
        newlenmem = newLen * size
        capmem = size * newcap
        overflow = capmem > _M64
        capmem = roundupsize(capmem, noscan)
        newcap = capmem // size
        capmem = newcap * size
    if overflow or capmem > maxAlloc:
        panicRuntimeError("growslice: len out of range")
    if noscan:
        p = mallocgc(capmem, None, False)
        # Only the part past the new length needs clearing: the caller
        # writes [oldLen, newLen) and memmove fills [0, oldLen).
        memclrNoHeapPointers(p + newlenmem, capmem - newlenmem)
    else:
        p = mallocgc(capmem, et, True)
    memmove(p, oldPtr, lenmem)
    return p, newLen, newcap
