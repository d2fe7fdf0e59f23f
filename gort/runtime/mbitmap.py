"""Pointer layout of heap objects, and the per-span mark/alloc bits (mbitmap.go).

The GC (a later issue) must know, for every word of every heap object,
whether it holds a pointer. gort records it the way Go 1.22+ does (malloc
headers), chosen over the seed's heap bitmap — see malloc.py's docstring
for why. Three cases, by the span the object lives in:

  noscan span (spanclass & 1)
      No pointers anywhere; nothing recorded.
  small pointerful objects, elemsize <= 512 (heapBitsInSpan)
      The last 1/64 of the span (128 bytes of a one-page span) is a bitmap
      with one bit per word of the span: bit i set if word i holds a
      pointer. mallocgc writes an object's bits when it allocates it
      (writeHeapBitsSmall); class 1 (8-byte objects) has every bit set once
      when the span is made.
  larger pointerful objects
      small (<= 32 KiB): an 8-byte header before the object holds the
      address of the object's type descriptor; the object is the type's
      layout repeated (an array allocation stores the element type).
      large (own span): span.largeType holds the type.

Type descriptors are reached by address (`typeAddr`): a linked program's
types have their address (`_type.addr`); a type made at run time with no
address (tests, runtime-internal types) gets a minimal abi.Type header in
persistent memory — Size_, PtrBytes, Kind_ and GCData — and is registered
in `typesByAddr` so the GC can map a header back to the descriptor.

Also here: the span's mark bits (gcmarkBits), one bit per slot, which the
sweeper turns into the next cycle's allocBits.

Invariants: for every allocated object in a heapBitsInSpan span, the
bitmap bits of its words equal the type's pointer mask (repeated for arrays,
zero past the data); header words hold a registered type address.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.runtime.mstats import memstats
from gort.runtime.param import PageSize
from gort.runtime.unsafe import U8, U64

if TYPE_CHECKING:
    from gort.runtime.mheap import mspan
    from gort.runtime.type import _type

MinSizeForMallocHeader = 512  # gc.MinSizeForMallocHeader = PtrSize * 64
MallocHeaderSize = 8  # gc.MallocHeaderSize
ptrBits = 64
_M64 = 0xFFFFFFFFFFFFFFFF

# Type descriptors by address (linked ones and the ones typeAddr made).
typesByAddr: dict[int, _type] = {}
# Type -> its pointer mask as an int (bit i: word i is a pointer).
_maskCache: dict[_type, int] = {}


# go: runtime/mbitmap.go heapBitsInSpan
def heapBitsInSpan(userSize: int) -> bool:
    """Report whether an object of userSize bytes keeps its pointer bits in its span."""
    return userSize <= MinSizeForMallocHeader


def typeMask(typ: _type) -> int:
    """The type's pointer mask (from GCData) as an int: bit i set if word i is a pointer."""
    m = _maskCache.get(typ)
    if m is None:
        m = int.from_bytes(typ.gcdata, "little") if typ.gcdata else 0
        m &= (1 << (typ.ptrdata // 8)) - 1
        _maskCache[typ] = m
    return m


def typeAddr(typ: _type) -> int:
    """The address of typ's descriptor in Go memory, making a minimal one if it has none."""
    if typ.addr != 0:
        typesByAddr.setdefault(typ.addr, typ)
        return typ.addr
    from gort.runtime.mfixalloc import persistentalloc

    p = persistentalloc(48, 8, memstats.other_sys)
    U64[p >> 3] = typ.size
    U64[(p + 8) >> 3] = typ.ptrdata
    U8[p + 21] = typ.align
    U8[p + 22] = typ.fieldAlign
    U8[p + 23] = typ.kind
    if typ.gcdata:
        g = persistentalloc(len(typ.gcdata), 1, memstats.other_sys)
        U8[g : g + len(typ.gcdata)] = typ.gcdata
        U64[(p + 32) >> 3] = g
    typ.addr = p
    typesByAddr[p] = typ
    return p


# go: runtime/mbitmap.go spanHeapBitsRange
def spanHeapBitsRange(spanBase: int, spanSize: int) -> tuple[int, int]:
    """(address, bytes) of the pointer bitmap at the end of a span."""
    size = spanSize // 8 // 8
    return spanBase + spanSize - size, size


# go: runtime/mbitmap.go mspan.initHeapBits
def initHeapBits(s: mspan) -> None:
    """Set up a fresh span's pointer bitmap: all ones for 8-byte pointer slots, else zero."""
    if s.spanclass & 1 or not heapBitsInSpan(s.elemsize):
        return
    base, size = spanHeapBitsRange(s.startAddr, s.npages * PageSize)
    fill = b"\xff" if s.spanclass >> 1 == 1 else b"\x00"
    U8[base : base + size] = fill * size


# go: runtime/mbitmap.go mspan.writeHeapBitsSmall
def writeHeapBitsSmall(s: mspan, x: int, dataSize: int, typ: _type) -> int:
    """Record the pointer bits of an object of dataSize bytes at x; returns the scan size."""
    src0 = typeMask(typ)
    tsize = typ.size
    if tsize == 8:
        src = (1 << (dataSize >> 3)) - 1
        scanSize = dataSize
    else:
        src = src0
        scanSize = typ.ptrdata
        i = tsize
        while i < dataSize:
            src |= src0 << (i >> 3)
            scanSize += tsize
            i += tsize
    # One-page spans only (elemsize <= 512): the bitmap is the last 128 bytes.
    base = s.startAddr
    dst = (base + PageSize - 128) >> 3
    o = (x - base) >> 3
    i = dst + (o >> 6)
    j = o & 63
    bits = s.elemsize >> 3
    if j + bits > 64:
        bits0 = 64 - j
        bits1 = bits - bits0
        U64[i] = (U64[i] & (_M64 >> bits0)) | ((src << j) & _M64)
        U64[i + 1] = (U64[i + 1] & ~((1 << bits1) - 1) & _M64) | (src >> bits0)
    else:
        U64[i] = (U64[i] & ~(((1 << bits) - 1) << j) & _M64) | (src << j)
    return scanSize


# go: runtime/mbitmap.go mspan.heapBitsSmallForAddr
def heapBitsSmallForAddr(s: mspan, addr: int) -> int:
    """The pointer bits recorded for the object at addr (bit i: word i)."""
    hbits, _ = spanHeapBitsRange(s.startAddr, s.npages * PageSize)
    o = (addr - s.startAddr) >> 3
    i = o >> 6
    j = o & 63
    bits = s.elemsize >> 3
    w0 = U64[(hbits >> 3) + i]
    if j + bits > 64:
        bits0 = 64 - j
        bits1 = bits - bits0
        return (w0 >> j) | ((U64[(hbits >> 3) + i + 1] & ((1 << bits1) - 1)) << bits0)
    return (w0 >> j) & ((1 << bits) - 1)


# go: runtime/mbitmap.go heapSetTypeLarge
def heapSetTypeLarge(x: int, dataSize: int, typ: _type, s: mspan) -> int:
    """Record the type of a large object in its span; returns the scan size."""
    s.largeType = typ
    return s.elemsize


def pointerWords(p: int) -> list[int]:
    """Addresses of the words of the heap object at p that hold pointers (for the GC and tests).

    p must be the address mallocgc returned."""
    from gort.runtime.mheap import spanOfHeap

    s = spanOfHeap(p)
    if s is None or s.spanclass & 1:
        return []
    if heapBitsInSpan(s.elemsize):
        base = s.startAddr + s.objIndex(p) * s.elemsize
        m = heapBitsSmallForAddr(s, base)
        return [base + 8 * i for i in range(s.elemsize >> 3) if m >> i & 1]
    if s.spanclass >> 1 == 0:
        typ = s.largeType
        start = s.startAddr
        end = start + s.elemsize
    else:
        obj = s.startAddr + s.objIndex(p) * s.elemsize
        typ = typesByAddr.get(U64[obj >> 3])
        start = obj + MallocHeaderSize
        end = obj + s.elemsize
    if typ is None or typ.size == 0:
        return []
    m = typeMask(typ)
    out = []
    off = start
    while off + typ.size <= end:
        out += [off + 8 * i for i in range(typ.ptrdata >> 3) if m >> i & 1]
        off += typ.size
    return out


# --- mark bits ----------------------------------------------------------------


# go: runtime/mbitmap.go markBits.setMarked
def setMarked(s: mspan, index: int) -> None:
    """Set slot index's bit in s.gcmarkBits."""
    U8[s.gcmarkBits + (index >> 3)] |= 1 << (index & 7)


# go: runtime/mbitmap.go markBits.isMarked
def isMarked(s: mspan, index: int) -> bool:
    return U8[s.gcmarkBits + (index >> 3)] & (1 << (index & 7)) != 0


# go: runtime/mbitmap.go mspan.countAlloc
def countAlloc(s: mspan) -> int:
    """Number of marked slots in s.gcmarkBits."""
    count = 0
    nbytes = (s.nelems + 7) >> 3
    b = s.gcmarkBits
    for i in range(0, nbytes, 8):
        w = U64[(b + i) >> 3]
        if i + 8 > nbytes:
            w &= (1 << ((nbytes - i) * 8)) - 1
        count += w.bit_count()
    # Bits past nelems in the last byte are never set by the marker.
    return count
