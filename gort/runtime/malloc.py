"""Memory allocator: the overview, mallocinit, and mallocgc (malloc.go).

gort's allocator is Go's, over real memory. Objects live in the Go heap
(arenas of 64 MiB reserved from the first arena hint up); the address mallocgc
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
As in Go 1.27, mallocgc sizes the request and steps 2-4 are five functions:
mallocgcTiny, mallocgcSmallNoscan, mallocgcSmallScanNoHeader (<= 512
bytes), mallocgcSmallScanHeader and mallocgcLarge.

Entry points. The runtime calls mallocgc(size, typ, needzero), newobject
and newarray (they find the current g with getg()). Compiled code, which
has the current g in hand, calls the `_g` forms: mallocgc_g(gp, size, typ,
needzero), newobject_g(gp, typ), newarray_g(gp, typ, n),
makeslice_g(gp, et, len, cap), growslice_g(gp, old, newLen, oldCap, num,
et). They do the same thing; they exist because Python pays for what Go
gets free:
  * getg() is a thread-local lookup, and every call layer costs;
  * so the hits of the paths (nextFreeFast, the tiny block) are written
    out in place in mallocgc and mallocgc_g (tiny, small noscan; the two
    share one body) and newobject_g (all small kinds), rather than called;
  * new(T) needs no sizing: the size class, slot size, pointer bits and
    which bitmap write a type needs are computed once and cached on the
    descriptor (`_type.mallocInfo`, see mallocInfoOf);
  * a small object's pointer bits are written a bitmap byte at a time
    when they fit in one or two (16- to 48-byte slots: small integers,
    which Python handles fastest, from a table of the bytes for each bit
    offset, cached with the type), else as 64-bit words, as
    writeHeapBitsSmall does;
  * slots, tails and copies are cleared and moved with slice stores
    rather than loops or foreign calls.
The span state they leave (allocCache, freeindex, allocCount, the bits)
is exactly what Go's slow path leaves: tests/runtime/mallocref.py replays
random allocations through a textbook reference and compares.

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
    generated; mallocgc's paths, and newobject_g with the type's cached
    mallocInfo, do what they do.
  * No GC triggers, assist credit or memory profiling yet (GC issue).
  * The heap base is not randomized, and lower than Go's: hints are
    0x0c000000, 0x1000c000000, 0x2000c000000, ... where Go's (with
    GOEXPERIMENT=norandomizedheapbase64) are 0x00c000000000,
    0x01c000000000, ...: the first 832 MiB of heap then have addresses
    below 2**30, which Python adds and shifts without allocating
    (docs/design/0004-low-arena-hint.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
from gort.runtime.msize import roundupsize, smallSizeToClass
from gort.runtime.mstats import gcController
from gort.runtime.panic import panicPlain, panicRuntimeError, throw
from gort.runtime.param import (
    PageSize,
    arenaHintBase,
    maxAlloc,
    maxPhysPageSize,
    minPhysPageSize,
    pagesPerArena,
)
from gort.runtime.sizeclasses import MaxSmallSize, SizeClassToSize, TinySize, TinySizeClass
from gort.runtime.stubs import _tls, memclrNoHeapPointers
from gort.runtime.unsafe import U8, U64

if TYPE_CHECKING:
    from gort.runtime.mheap import mspan
    from gort.runtime.type import _type

maxTinySize = TinySize
maxPhysHugePageSize = 4 << 20  # pallocChunkBytes
_maxSmallNoHeader = MaxSmallSize - MallocHeaderSize  # 32760: largest small request
_M64 = (1 << 64) - 1
_heapBitsOff = PageSize - PageSize // 64  # offset of a one-page span's pointer bitmap

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
    # starts at arenaHintBase; the upper half goes to the user arenas.
    for i in range(0x7F, -1, -1):
        p = (i << 40) | arenaHintBase
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


# --- how mallocgc allocates ----------------------------------------------------
#
# mallocgc sizes a request and hands it to one of Go 1.27's five paths
# (mallocgcTiny, mallocgcSmallNoscan, mallocgcSmallScanNoHeader,
# mallocgcSmallScanHeader, mallocgcLarge). Each path first tries
# nextFreeFast, written out in place: the lowest set bit of the cached
# span's allocCache is the next free slot. When the slot taken ends a
# 64-slot group, allocCache is reloaded from allocBits right there (what
# nextFreeIndex does on nextFree's path); when the cache is empty or the
# slot would be past nelems, nextFree takes the slow path (and refills
# the span from mcentral when it is full).
#
# newobject_g is new(T) as compiled code calls it: it reads the type's
# mallocInfo (below) instead of sizing the request, and carries the
# tiny, small-noscan and small-pointerful hits of the paths above inline;
# everything else goes through the same paths as mallocgc.

# The path a type's mallocInfo names for new(T). The pointerful small
# paths differ only in how they write the object's bits into the span's
# bitmap: within one byte, as whole bytes, or through 64-bit words.
_kZero = 0  # size 0: zerobase
_kTiny = 1  # no pointers, < 16 bytes: the tiny allocator
_kNoscan = 2  # no pointers, 16..32760 bytes: a noscan span class
_kLarge = 3  # > 32760 bytes: a span of its own
_kHeader = 4  # pointers, 513..32760 bytes: a malloc header
_kScan8 = 5  # pointers, 8 bytes (class 1): the span's bits are all set already
_kScanBits = 6  # pointers, 16, 24, 32 or 48 bytes: the bits lie in one or two bitmap bytes
_kScanByte = 7  # pointers, 64 bytes: the bits are one bitmap byte
_kScanBytes = 8  # pointers, slots a multiple of 64 bytes: whole bitmap bytes
_kScanWords = 9  # pointers, other slots of at most 512 bytes: 64-bit bitmap words

# Zeros to clear a slot of each size class with one slice store.
_zeroBuf = memoryview(bytes(MaxSmallSize))
_zeroClass = [_zeroBuf[:n] for n in SizeClassToSize]

MallocInfo = tuple[int, int, int, int, int, int, Any]


def mallocInfoOf(typ: _type) -> MallocInfo:
    """Compute typ.mallocInfo, what new(T) needs: (path, spc, elemsize, words, mask, scan, extra).

    path is one of the _k constants; spc and elemsize are the span class and
    slot size (for _kTiny, elemsize is the object's size); words is
    elemsize / 8; mask is the object's pointer bits (bit i: word i) and scan
    its scan size. extra depends on the path:
        _kTiny       the tiny offset's alignment - 1
        _kScanBits   for each bit offset in a byte (0..7), the slot's bits
                     as bytes: (keep0, set0, keep1, set1), keep the mask
                     of the bits of its byte to keep, set the object's
                     pointer bits; keep1 is None when one byte holds them
        _kScanBytes  mask as bytes (words / 8 of them)
        _kScanWords  a mask of the slot's words
        _kHeader     the type's address (the header word)
    Runs on any g; the result is cached on typ."""
    size = typ.size
    info: MallocInfo
    if size == 0:
        info = (_kZero, 0, 0, 0, 0, 0, 0)
    elif size > _maxSmallNoHeader:
        info = (_kLarge, 0, size, 0, 0, 0, 0)
    elif not typ.ptrdata:
        if size < maxTinySize:
            align = 8 if not size & 7 else 4 if not size & 3 else 2 if not size & 1 else 1
            info = (_kTiny, tinySpanClass, size, 0, 0, 0, align - 1)
        else:
            sizeclass = smallSizeToClass[(size + 7) >> 3]
            elemsize = SizeClassToSize[sizeclass]
            info = (_kNoscan, sizeclass << 1 | 1, elemsize, elemsize >> 3, 0, 0, 0)
    elif size > MinSizeForMallocHeader:
        sizeclass = smallSizeToClass[(size + MallocHeaderSize + 7) >> 3]
        elemsize = SizeClassToSize[sizeclass]
        info = (_kHeader, sizeclass << 1, elemsize, elemsize >> 3, 0, elemsize, typeAddr(typ))
    else:
        sizeclass = smallSizeToClass[(size + 7) >> 3]
        elemsize = SizeClassToSize[sizeclass]
        words = elemsize >> 3
        mask = typeMask(typ)
        if sizeclass == 1:
            info = (_kScan8, 2, 8, 1, 1, 8, 0)
        elif words in (2, 3, 4, 6):
            info = (_kScanBits, sizeclass << 1, elemsize, words, mask, typ.ptrdata, _bitBytes(words, mask))
        elif words == 8:
            info = (_kScanByte, sizeclass << 1, elemsize, words, mask, typ.ptrdata, 0)
        elif not words & 7:
            maskBytes = mask.to_bytes(words >> 3, "little")
            info = (_kScanBytes, sizeclass << 1, elemsize, words, mask, typ.ptrdata, maskBytes)
        else:
            info = (
                _kScanWords,
                sizeclass << 1,
                elemsize,
                words,
                mask,
                typ.ptrdata,
                (1 << words) - 1,
            )
    typ.mallocInfo = info
    return info


def _bitBytes(words: int, mask: int) -> tuple[tuple[int, int, int | None, int], ...]:
    """_kScanBits's extra: the bitmap bytes of a slot of words < 8 words with
    pointer bits mask, for each offset of its first bit in a byte. Written
    a byte at a time, the bits are small ints (of CPython's cache of them)
    where a 64-bit bitmap word is a three-digit int for each operation."""
    out = []
    for sh in range(8):
        m = ((1 << words) - 1) << sh
        b = mask << sh
        out.append((~m & 0xFF, b & 0xFF, (~(m >> 8) & 0xFF) if m >> 8 else None, b >> 8))
    return tuple(out)


# go: runtime/malloc.go mallocgc
def mallocgc(size: int, typ: _type | None, needzero: bool) -> int:
    """Allocate size bytes for an object of type typ (None: no pointers); zero it if needzero.

    Runs on any g; returns the object's address. The body is mallocgc_g's,
    line for line, with gp = getg() (a call between them would cost as much
    as a small allocation; tests/runtime/test_malloc.py checks they agree)."""
    if size == 0:
        return zerobase
    gp = _tls.g  # getg()
    mp = gp.m
    if mp.mallocing:
        throw("malloc deadlock")
    pp = mp.p
    # mcache0 is not None while there are no Ps (mallocinit made it).
    c: mcache = pp.mcache if pp is not None else _mc.mcache0  # type: ignore[assignment]
    if size <= _maxSmallNoHeader:
        if typ is None or not typ.ptrdata:
            if size < maxTinySize:
                # mallocgcTiny's hit: the object fits in the current block.
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
                # A new block from the tiny span class, if nextFreeFast hits.
                s = c.alloc[tinySpanClass]
                ac = s.allocCache
                if not ac & 1:
                    return mallocgcTiny(mp, c, size)
                result = s.freeindex
                freeidx = result + 1
                if not (freeidx & 63 and freeidx < s.nelems):
                    return mallocgcTiny(mp, c, size)
                s.allocCache = ac >> 1
                s.freeindex = s.freeIndexForScan = freeidx
                s.allocCount += 1
                v = result * 16 + s.startAddr
                U64[v >> 3] = 0  # always zeroed
                U64[(v >> 3) + 1] = 0
                if size < c.tinyoffset or not c.tiny:
                    c.tiny = v
                    c.tinyoffset = size
                return v
            # mallocgcSmallNoscan's hit.
            sizeclass = smallSizeToClass[(size + 7) >> 3]
            s = c.alloc[sizeclass << 1 | 1]
            ac = s.allocCache
            if ac & 1:
                result = s.freeindex
                ac >>= 1
            elif ac:
                bit = (ac & -ac).bit_length()
                result = s.freeindex + bit - 1
                ac >>= bit
            else:
                return mallocgcSmallNoscan(mp, c, size, needzero)
            freeidx = result + 1
            if not (freeidx & 63 and freeidx < s.nelems):
                # The slot ends a group of 64 (reload allocCache), is the last, or is past the end.
                nelems = s.nelems
                if freeidx > nelems:
                    return mallocgcSmallNoscan(mp, c, size, needzero)
                if freeidx != nelems:
                    ac = ~U64[(s.allocBits + (freeidx >> 3)) >> 3] & _M64
            s.allocCache = ac
            s.freeindex = s.freeIndexForScan = freeidx
            s.allocCount += 1
            elemsize = s.elemsize
            v = result * elemsize + s.startAddr
            if needzero and s.needzero:
                U8[v : v + elemsize] = _zeroClass[sizeclass]
            return v
        if not needzero:
            throw("objects with pointers must be zeroed")
        if size == typ.size:
            # One value of typ: new(T), with the type's cached constants.
            return newobject_g(gp, typ)
        if size <= MinSizeForMallocHeader:
            return mallocgcSmallScanNoHeader(mp, c, size, typ)
        return mallocgcSmallScanHeader(mp, c, size, typ)
    return mallocgcLarge(mp, c, size, typ, needzero)


def mallocgc_g(gp: Any, size: int, typ: _type | None, needzero: bool) -> int:
    """mallocgc for a caller that has the current g in hand (compiled code). Runs on gp.

    Sizes the request and takes one of Go 1.27's five paths; the hits of the
    two cheapest (a tiny object that fits the current block, a small noscan
    object) are written out here, where a call would be a good part of
    their cost. mallocgc has the same body."""
    if size == 0:
        return zerobase
    mp = gp.m
    if mp.mallocing:
        throw("malloc deadlock")
    pp = mp.p
    # mcache0 is not None while there are no Ps (mallocinit made it).
    c: mcache = pp.mcache if pp is not None else _mc.mcache0  # type: ignore[assignment]
    if size <= _maxSmallNoHeader:
        if typ is None or not typ.ptrdata:
            if size < maxTinySize:
                # mallocgcTiny's hit: the object fits in the current block.
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
                # A new block from the tiny span class, if nextFreeFast hits.
                s = c.alloc[tinySpanClass]
                ac = s.allocCache
                if not ac & 1:
                    return mallocgcTiny(mp, c, size)
                result = s.freeindex
                freeidx = result + 1
                if not (freeidx & 63 and freeidx < s.nelems):
                    return mallocgcTiny(mp, c, size)
                s.allocCache = ac >> 1
                s.freeindex = s.freeIndexForScan = freeidx
                s.allocCount += 1
                v = result * 16 + s.startAddr
                U64[v >> 3] = 0  # always zeroed
                U64[(v >> 3) + 1] = 0
                if size < c.tinyoffset or not c.tiny:
                    c.tiny = v
                    c.tinyoffset = size
                return v
            # mallocgcSmallNoscan's hit.
            sizeclass = smallSizeToClass[(size + 7) >> 3]
            s = c.alloc[sizeclass << 1 | 1]
            ac = s.allocCache
            if ac & 1:
                result = s.freeindex
                ac >>= 1
            elif ac:
                bit = (ac & -ac).bit_length()
                result = s.freeindex + bit - 1
                ac >>= bit
            else:
                return mallocgcSmallNoscan(mp, c, size, needzero)
            freeidx = result + 1
            if not (freeidx & 63 and freeidx < s.nelems):
                # The slot ends a group of 64 (reload allocCache), is the last, or is past the end.
                nelems = s.nelems
                if freeidx > nelems:
                    return mallocgcSmallNoscan(mp, c, size, needzero)
                if freeidx != nelems:
                    ac = ~U64[(s.allocBits + (freeidx >> 3)) >> 3] & _M64
            s.allocCache = ac
            s.freeindex = s.freeIndexForScan = freeidx
            s.allocCount += 1
            elemsize = s.elemsize
            v = result * elemsize + s.startAddr
            if needzero and s.needzero:
                U8[v : v + elemsize] = _zeroClass[sizeclass]
            return v
        if not needzero:
            throw("objects with pointers must be zeroed")
        if size == typ.size:
            # One value of typ: new(T), with the type's cached constants.
            return newobject_g(gp, typ)
        if size <= MinSizeForMallocHeader:
            return mallocgcSmallScanNoHeader(mp, c, size, typ)
        return mallocgcSmallScanHeader(mp, c, size, typ)
    return mallocgcLarge(mp, c, size, typ, needzero)


# go: runtime/malloc.go mallocgcTiny
def mallocgcTiny(mp: Any, c: mcache, size: int) -> int:
    """A noscan object of 1..15 bytes, packed into the current 16-byte block. mp's mcache is c."""
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
    # A new block: a 16-byte slot of the tiny span class.
    s = c.alloc[tinySpanClass]
    v = 0
    ac = s.allocCache
    if ac:
        if ac & 1:
            result = s.freeindex
            ac >>= 1
        else:
            bit = (ac & -ac).bit_length()
            result = s.freeindex + bit - 1
            ac >>= bit
        freeidx = result + 1
        nelems = s.nelems
        if freeidx <= nelems:
            if not freeidx & 63 and freeidx != nelems:
                ac = ~U64[(s.allocBits + (freeidx >> 3)) >> 3] & _M64
            s.allocCache = ac
            s.freeindex = freeidx
            s.allocCount += 1
            v = result * 16 + s.startAddr
    if not v:
        mp.mallocing = 1
        v, s, _ = c.nextFree(tinySpanClass)
        mp.mallocing = 0
    U64[v >> 3] = 0  # always zeroed
    U64[(v >> 3) + 1] = 0
    # Keep the block with more room left.
    if size < c.tinyoffset or not c.tiny:
        c.tiny = v
        c.tinyoffset = size
    s.freeIndexForScan = s.freeindex
    return v


# go: runtime/malloc.go mallocgcSmallNoscan
def mallocgcSmallNoscan(mp: Any, c: mcache, size: int, needzero: bool) -> int:
    """A noscan object of 16..32760 bytes in a slot of its size class. mp's mcache is c."""
    sizeclass = smallSizeToClass[(size + 7) >> 3]
    spc = sizeclass << 1 | 1
    s = c.alloc[spc]
    v = 0
    ac = s.allocCache
    if ac:
        if ac & 1:
            result = s.freeindex
            ac >>= 1
        else:
            bit = (ac & -ac).bit_length()
            result = s.freeindex + bit - 1
            ac >>= bit
        freeidx = result + 1
        nelems = s.nelems
        if freeidx <= nelems:
            if not freeidx & 63 and freeidx != nelems:
                ac = ~U64[(s.allocBits + (freeidx >> 3)) >> 3] & _M64
            s.allocCache = ac
            s.freeindex = freeidx
            s.allocCount += 1
            v = result * s.elemsize + s.startAddr
    if not v:
        mp.mallocing = 1
        v, s, _ = c.nextFree(spc)
        mp.mallocing = 0
    if needzero and s.needzero:
        U8[v : v + s.elemsize] = _zeroClass[sizeclass]
    s.freeIndexForScan = s.freeindex
    return v


# go: runtime/malloc.go mallocgcSmallScanNoHeader
def mallocgcSmallScanNoHeader(mp: Any, c: mcache, size: int, typ: _type) -> int:
    """A zeroed pointerful object of at most 512 bytes; its pointer bits go in the span. mp's mcache is c."""
    sizeclass = smallSizeToClass[(size + 7) >> 3]
    spc = sizeclass << 1
    s = c.alloc[spc]
    v = 0
    ac = s.allocCache
    if ac:
        if ac & 1:
            result = s.freeindex
            ac >>= 1
        else:
            bit = (ac & -ac).bit_length()
            result = s.freeindex + bit - 1
            ac >>= bit
        freeidx = result + 1
        nelems = s.nelems
        if freeidx <= nelems:
            if not freeidx & 63 and freeidx != nelems:
                ac = ~U64[(s.allocBits + (freeidx >> 3)) >> 3] & _M64
            s.allocCache = ac
            s.freeindex = freeidx
            s.allocCount += 1
            v = result * s.elemsize + s.startAddr
    if not v:
        mp.mallocing = 1
        v, s, _ = c.nextFree(spc)
        mp.mallocing = 0
    elemsize = s.elemsize
    if s.needzero:
        U8[v : v + elemsize] = _zeroClass[sizeclass]
    if sizeclass == 1:
        c.scanAlloc += 8  # initHeapBits set every bit of a class-1 span already
    else:
        c.scanAlloc += _heapSetTypeNoHeader(s, v, size, typ)
    s.freeIndexForScan = s.freeindex
    return v


def _heapSetTypeNoHeader(s: mspan, x: int, dataSize: int, typ: _type) -> int:
    """writeHeapBitsSmall; returns the scan size. Uses the type's cached bits when x holds one value."""
    if dataSize == typ.size:
        info: MallocInfo | None = typ.mallocInfo
        if info is None:
            info = mallocInfoOf(typ)
        kind = info[0]
        if kind >= _kScanBits:
            base = s.startAddr
            o = (x - base) >> 3  # the object's first word, from the span base
            if kind == _kScanBits:
                # Bit o of the bitmap is bit o & 7 of its byte o >> 3 (little-endian words).
                bi = base + (_heapBitsOff + (o >> 3))
                keep0, set0, keep1, set1 = info[6][o & 7]
                U8[bi] = (U8[bi] & keep0) | set0
                if keep1 is not None:
                    bi += 1
                    U8[bi] = (U8[bi] & keep1) | set1
                return info[5]
            if kind == _kScanByte:
                U8[base + (_heapBitsOff + (o >> 3))] = info[4]
                return info[5]
            if kind == _kScanBytes:
                bi = base + (_heapBitsOff + (o >> 3))
                U8[bi : bi + (info[3] >> 3)] = info[6]
                return info[5]
            # _kScanWords: through a 64-bit word when the bits lie in one.
            j = o & 63
            m = info[6] << j
            if not m >> 64:
                i = ((base + _heapBitsOff) >> 3) + (o >> 6)
                U64[i] = (U64[i] & ~m) | (info[4] << j)
                return info[5]
    return writeHeapBitsSmall(s, x, dataSize, typ)


# go: runtime/malloc.go mallocgcSmallScanHeader
def mallocgcSmallScanHeader(mp: Any, c: mcache, size: int, typ: _type) -> int:
    """A zeroed pointerful object of 513..32760 bytes after an 8-byte type header. mp's mcache is c."""
    size += MallocHeaderSize
    sizeclass = smallSizeToClass[(size + 7) >> 3]
    spc = sizeclass << 1
    s = c.alloc[spc]
    v = 0
    ac = s.allocCache
    if ac:
        if ac & 1:
            result = s.freeindex
            ac >>= 1
        else:
            bit = (ac & -ac).bit_length()
            result = s.freeindex + bit - 1
            ac >>= bit
        freeidx = result + 1
        nelems = s.nelems
        if freeidx <= nelems:
            if not freeidx & 63 and freeidx != nelems:
                ac = ~U64[(s.allocBits + (freeidx >> 3)) >> 3] & _M64
            s.allocCache = ac
            s.freeindex = freeidx
            s.allocCount += 1
            v = result * s.elemsize + s.startAddr
    if not v:
        mp.mallocing = 1
        v, s, _ = c.nextFree(spc)
        mp.mallocing = 0
    elemsize = s.elemsize
    if s.needzero:
        U8[v : v + elemsize] = _zeroClass[sizeclass]
    # heapSetTypeSmallHeader: the type's address in the object's first word
    # (an array's element type: the object is that layout repeated).
    U64[v >> 3] = typeAddr(typ)
    c.scanAlloc += elemsize
    s.freeIndexForScan = s.freeindex
    return v + MallocHeaderSize


# go: runtime/malloc.go mallocgcLarge
def mallocgcLarge(mp: Any, c: mcache, size: int, typ: _type | None, needzero: bool) -> int:
    """An object of more than 32760 bytes in a span of its own. mp's mcache is c."""
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
    """new(T): a zeroed object of type typ. Runs on any g (newobject_g with getg())."""
    return newobject_g(_tls.g, typ)


def newobject_g(gp: Any, typ: _type) -> int:
    """new(T) for compiled code, which has the current g in hand. Runs on gp; its M holds a P.

    Does what mallocgc(typ.size, typ, True) does; the hits of the tiny,
    small-noscan and small-pointerful paths are written out here, with the
    type's cached mallocInfo in place of the request's sizing."""
    info: MallocInfo | None = typ.mallocInfo
    if info is None:
        info = mallocInfoOf(typ)
    kind, spc, elemsize, words, mask, scan, extra = info
    mp = gp.m
    if mp.mallocing:
        throw("malloc deadlock")
    c: mcache = mp.p.mcache
    if kind >= _kScanBits:
        # mallocgcSmallScanNoHeader's hit.
        s = c.alloc[spc]
        ac = s.allocCache
        if ac & 1:
            result = s.freeindex
            ac >>= 1
        elif ac:
            bit = (ac & -ac).bit_length()
            result = s.freeindex + bit - 1
            ac >>= bit
        else:
            return mallocgcSmallScanNoHeader(mp, c, typ.size, typ)
        freeidx = result + 1
        if not (freeidx & 63 and freeidx < s.nelems):
            # The slot ends a group of 64 (reload allocCache), is the last, or is past the end.
            nelems = s.nelems
            if freeidx > nelems:
                return mallocgcSmallScanNoHeader(mp, c, typ.size, typ)
            if freeidx != nelems:
                ac = ~U64[(s.allocBits + (freeidx >> 3)) >> 3] & _M64
        s.allocCache = ac
        s.freeindex = s.freeIndexForScan = freeidx
        s.allocCount += 1
        base = s.startAddr
        o = result * words  # the object's first word, from the span base
        v = base + (o << 3)
        if s.needzero:
            U8[v : v + elemsize] = _zeroClass[spc >> 1]
        # Its pointer bits: bit o of the bitmap is bit o & 7 of byte o >> 3.
        # (The kinds: 16 to 48 bytes first, the smallest objects; then by
        # how many size classes take them: words 13, bytes 7, byte 1.)
        if kind == _kScanBits:
            bi = base + (_heapBitsOff + (o >> 3))
            keep0, set0, keep1, set1 = extra[o & 7]
            U8[bi] = (U8[bi] & keep0) | set0
            if keep1 is not None:
                bi += 1
                U8[bi] = (U8[bi] & keep1) | set1
        elif kind == _kScanWords:
            # Through a 64-bit word when the bits lie in one.
            j = o & 63
            m = extra << j
            if m >> 64:
                writeHeapBitsSmall(s, v, typ.size, typ)
            else:
                i = ((base + _heapBitsOff) >> 3) + (o >> 6)
                U64[i] = (U64[i] & ~m) | (mask << j)
        elif kind == _kScanBytes:
            bi = base + (_heapBitsOff + (o >> 3))
            U8[bi : bi + (words >> 3)] = extra
        else:  # _kScanByte
            U8[base + (_heapBitsOff + result)] = mask
        c.scanAlloc += scan
        return v
    if kind == _kNoscan:
        # mallocgcSmallNoscan's hit.
        s = c.alloc[spc]
        ac = s.allocCache
        if ac & 1:
            result = s.freeindex
            ac >>= 1
        elif ac:
            bit = (ac & -ac).bit_length()
            result = s.freeindex + bit - 1
            ac >>= bit
        else:
            return mallocgcSmallNoscan(mp, c, elemsize, True)
        freeidx = result + 1
        if not (freeidx & 63 and freeidx < s.nelems):
            # The slot ends a group of 64 (reload allocCache), is the last, or is past the end.
            nelems = s.nelems
            if freeidx > nelems:
                return mallocgcSmallNoscan(mp, c, elemsize, True)
            if freeidx != nelems:
                ac = ~U64[(s.allocBits + (freeidx >> 3)) >> 3] & _M64
        s.allocCache = ac
        s.freeindex = s.freeIndexForScan = freeidx
        s.allocCount += 1
        v = result * elemsize + s.startAddr
        if s.needzero:
            U8[v : v + elemsize] = _zeroClass[spc >> 1]
        return v
    if kind == _kTiny:
        # mallocgcTiny's hit: the object fits in the current block.
        off = (c.tinyoffset + extra) & ~extra
        if off + elemsize <= maxTinySize and c.tiny:
            c.tinyoffset = off + elemsize
            c.tinyAllocs += 1
            return c.tiny + off  # type: ignore[no-any-return]
        # A new block from the tiny span class, if nextFreeFast hits.
        s = c.alloc[tinySpanClass]
        ac = s.allocCache
        if not ac & 1:
            return mallocgcTiny(mp, c, elemsize)
        result = s.freeindex
        freeidx = result + 1
        if not (freeidx & 63 and freeidx < s.nelems):
            return mallocgcTiny(mp, c, elemsize)
        s.allocCache = ac >> 1
        s.freeindex = s.freeIndexForScan = freeidx
        s.allocCount += 1
        v = result * 16 + s.startAddr
        U64[v >> 3] = 0  # always zeroed
        U64[(v >> 3) + 1] = 0
        if elemsize < c.tinyoffset or not c.tiny:
            c.tiny = v
            c.tinyoffset = elemsize
        return v
    if kind == _kHeader:
        # mallocgcSmallScanHeader's hit.
        s = c.alloc[spc]
        ac = s.allocCache
        if ac & 1:
            result = s.freeindex
            ac >>= 1
        elif ac:
            bit = (ac & -ac).bit_length()
            result = s.freeindex + bit - 1
            ac >>= bit
        else:
            return mallocgcSmallScanHeader(mp, c, typ.size, typ)
        freeidx = result + 1
        if not (freeidx & 63 and freeidx < s.nelems):
            # The slot ends a group of 64 (reload allocCache), is the last, or is past the end.
            nelems = s.nelems
            if freeidx > nelems:
                return mallocgcSmallScanHeader(mp, c, typ.size, typ)
            if freeidx != nelems:
                ac = ~U64[(s.allocBits + (freeidx >> 3)) >> 3] & _M64
        s.allocCache = ac
        s.freeindex = s.freeIndexForScan = freeidx
        s.allocCount += 1
        v = result * elemsize + s.startAddr
        if s.needzero:
            U8[v : v + elemsize] = _zeroClass[spc >> 1]
        U64[v >> 3] = extra  # the header: the type's address
        c.scanAlloc += scan
        return v + MallocHeaderSize
    if kind == _kScan8:
        return mallocgcSmallScanNoHeader(mp, c, 8, typ)
    if kind == _kLarge:
        return mallocgcLarge(mp, c, typ.size, typ, True)
    return zerobase


# go: runtime/malloc.go newarray
def newarray(typ: _type, n: int) -> int:
    """A zeroed array of n elements of type typ. Runs on any g."""
    return newarray_g(_tls.g, typ, n)


def newarray_g(gp: Any, typ: _type, n: int) -> int:
    """newarray for a caller that has the current g in hand (compiled code). Runs on gp."""
    if n == 1:
        return newobject_g(gp, typ)
    mem = typ.size * (n & _M64)
    if n < 0 or mem > _M64 or mem > maxAlloc:
        panicPlain("runtime: allocation size out of range")
    return mallocgc_g(gp, mem, typ, True)


# go: runtime/slice.go panicmakeslicelen
def panicmakeslicelen() -> None:
    panicRuntimeError("makeslice: len out of range")


# go: runtime/slice.go panicmakeslicecap
def panicmakeslicecap() -> None:
    panicRuntimeError("makeslice: cap out of range")


# go: runtime/slice.go makeslice
def makeslice(et: _type, len_: int, cap_: int) -> int:
    """make([]T, len, cap): the address of a zeroed backing array (checks len and cap). Any g."""
    return makeslice_g(_tls.g, et, len_, cap_)


def makeslice_g(gp: Any, et: _type, len_: int, cap_: int) -> int:
    """makeslice for compiled code, which has the current g in hand. Runs on gp."""
    # Python's product is exact, so "mem > maxAlloc" also catches what
    # overflows a uintptr in Go.
    mem = et.size * (cap_ & _M64)
    if mem > maxAlloc or len_ < 0 or len_ > cap_:
        mem = et.size * (len_ & _M64)
        if mem > maxAlloc or len_ < 0:
            panicmakeslicelen()
        panicmakeslicecap()
    return mallocgc_g(gp, mem, et, True)


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
    """append's slow path: a new backing array for at least newLen elements. Any g.

    The old slice had newLen-num elements and capacity oldCap at oldPtr.
    Returns the new slice (ptr, newLen, newCap); the old elements are copied."""
    return growslice_g(_tls.g, oldPtr, newLen, oldCap, num, et)


def growslice_g(
    gp: Any, oldPtr: int, newLen: int, oldCap: int, num: int, et: _type
) -> tuple[int, int, int]:
    """growslice for compiled code, which has the current g in hand. Runs on gp."""
    oldLen = newLen - num
    if newLen < 0:
        panicRuntimeError("growslice: len out of range")
    size = et.size
    if size == 0:
        return zerobase, newLen, newLen
    # nextslicecap: double a small slice (or take newLen if that is more).
    if newLen > oldCap + oldCap:
        newcap = newLen
    elif oldCap < 256:
        newcap = oldCap + oldCap
    else:
        newcap = nextslicecap(newLen, oldCap)
    noscan = not et.ptrdata
    # The capacity in bytes, rounded up to what mallocgc will really
    # allocate (roundupsize), for the element sizes Go special-cases.
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
        p = mallocgc_g(gp, capmem, None, False)
        # Only the part past the new length needs clearing: the caller
        # writes [oldLen, newLen) and memmove fills [0, oldLen).
        n = capmem - newlenmem
        if n <= MaxSmallSize:
            U8[p + newlenmem : p + capmem] = _zeroBuf[:n]
        else:
            memclrNoHeapPointers(p + newlenmem, n)
    else:
        p = mallocgc_g(gp, capmem, et, True)
    if lenmem:
        # memmove: the new block never overlaps the old one.
        U8[p : p + lenmem] = U8[oldPtr : oldPtr + lenmem]
    return p, newLen, newcap
