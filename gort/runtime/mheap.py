"""The page heap: spans of pages, the free treap, heap arenas (mheap.go).

See malloc.py for the overview of the allocator. This file owns pages: it
hands out runs of 8 KiB pages as spans, to mcentral (for small objects), to
mcache.allocLarge (one span per large object), and to the stack allocator
(manual spans), and takes them back.

Data structures:
  * `mspan` — a run of contiguous pages [startAddr, startAddr+npages*8192).
    Its `state` says who owns it:
        mSpanInUse   the GC'd heap (small-object span or one large object)
        mSpanManual  manually managed (stacks)
        mSpanFree    free, in the heap's treap
        mSpanDead    the struct is not describing memory (recycled)
    Span structs come from `spanalloc` (a fixalloc of 160-byte blocks, Go's
    sizeof(mspan)) and go back to it when spans merge or die.
  * `mheap_.free` — an `mTreap` (mtreap.py) of every free span, ordered by
    address and augmented so that the lowest-addressed span of at least
    n pages is found in O(log n): the seed's first-fit allocation policy.
  * Heap arenas — the heap grows in 64 MiB arenas reserved at the arena
    hints (0x0c000000, 0x1000c000000, ...; Go's 0x00c000000000, ...:
    docs/design/0004). Each has a `heapArena`
    record (69,648 bytes of Go memory from persistentalloc, counted in
    GCSys): `spans`, the page -> span map (a Python list, since it holds
    references), and the per-page bitmaps `pageInUse` and `pageMarks`, which
    are bytes in the record's Go memory. `mheap_.arenas` maps arenaIndex(p)
    to its heapArena (a dict where Go has a sparse 2^22-entry array).
  * `curArena` — the part of the newest arena not yet added to the heap;
    `grow` maps what it needs from it (sysMap) and reserves a new arena
    (`sysAlloc`) only when it runs out: the seed's incremental growth.
  * gcBits arenas — 64 KiB chunks from which spans' allocBits and
    gcmarkBits are carved (newMarkBits), rotated each GC cycle.

Allocating n pages (`allocSpanLocked`, heap lock held):
  1. t = free.find(n): the lowest-addressed free span with >= n pages.
  2. None? grow(n), then find again (failing is "grew heap, but no
     adequate free space found").
  3. If the span is larger, split off its first n pages into a new span
     struct; the rest stays in the treap (mutate: same position).
  4. If the pages were scavenged (returned to the OS), sysUsed them.
  5. Record the span for every one of its pages in the arena's spans map.

Freeing (`freeSpanLocked`): check the state (Go's throw texts), update the
accounting, mark the span mSpanFree, `coalesce` it with free neighbours
(merge when both are scavenged or both are not; otherwise realign the
boundary to a physical page, which on 4 KiB-page machines leaves them
apart), and insert it in the treap.

Scavenging (`scavengeLocked`, used by FreeOSMemory and when the heap
grows past its retained goal): walk the treap from the highest address,
spans holding huge pages first, split off what is needed, madvise the
pages away (sysUnused) and mark the span scavenged.

Invariants (validateInvariants checks them; the property tests call it):
  * Every free page lies in exactly one span of the treap, and that span is
    mSpanFree; spans of the treap never overlap.
  * For an in-use or manual span, spanOf(p) is the span for every page; for
    a free span at least its first and last pages map to it.
  * No two adjacent free spans have the same scavenged state.
  * heapInUse + heapFree + heapReleased + inStacks == bytes added by grow.

Differences from Go (1.27): Go replaced this treap with the radix-tree page
allocator in 1.14; gort follows the seed (Go 1.13 plus the incremental
`curArena` growth of the 1.14 cycle). Accounting uses 1.27's counters
(heapInUse/heapFree/heapReleased and the consistent heapStats) so that
ReadMemStats reports what 1.27 reports. No page reclaimer and no
sweepSpans buffers yet: there is no background sweeper (the GC issue).
No randomized heap base (GOEXPERIMENT=norandomizedheapbase64 layout).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gort.runtime import mem_linux
from gort.runtime.debug import debug
from gort.runtime.lock import lock, mutex, unlock
from gort.runtime.mem_linux import (
    sysAlloc,
    sysFreeOS,
    sysHugePage,
    sysMap,
    sysReserve,
    sysReserveAligned,
    sysUnused,
    sysUsed,
)
from gort.runtime.mfixalloc import fixalloc, linearAlloc, persistentalloc
from gort.runtime.mstats import gcController, heapRetained, memstats
from gort.runtime.mtreap import mTreap, treapIterHuge, treapIterScav
from gort.runtime.panic import throw
from gort.runtime.param import (
    PageShift,
    PageSize,
    arenaBaseOffset,
    arenaBits,
    gcBitsChunkBytes,
    heapArenaBytes,
    pagesPerArena,
)
from gort.runtime.sizeclasses import NumSizeClasses, SizeClassToDivMagic, SizeClassToSize
from gort.runtime.stubs import memclrNoHeapPointers
from gort.runtime.unsafe import U8, U64

if TYPE_CHECKING:
    from gort.runtime.mcentral import mcentral
    from gort.runtime.type import _type

# --- span states (mheap.go mSpanState; mSpanFree is the seed's) ------------------
mSpanDead = 0
mSpanInUse = 1
mSpanManual = 2
mSpanFree = 3
mSpanStateNames = ["mSpanDead", "mSpanInUse", "mSpanManual", "mSpanFree"]

# --- what a span is allocated for (mheap.go spanAllocType) ---------------------
spanAllocHeap = 0  # the GC'd heap
spanAllocStack = 1  # goroutine stacks
spanAllocPtrScalarBits = 2  # unused since malloc headers
spanAllocWorkBuf = 3  # GC work buffers

numSpanClasses = NumSizeClasses << 1  # 136
tinySpanClass = 2 << 1 | 1  # tinySizeClass<<1 | noscan = 5

sizeof_mspan = 160  # Go 1.27 linux/amd64 (DWARF)
sizeof_heapArena = 69648
sizeof_arenaHint = 24
sizeof_treapNode = 56  # Go 1.13's treapNode: 5 pointers/uintptrs + maxPages + priority/types

# Offsets of the byte bitmaps inside a heapArena record (Go 1.27 layout:
# spans [8192]*mspan, then pageInUse, pageMarks, pageSpecials,
# pageUseSpanInlineMarkBits [1024]uint8 each, then checkmarks, zeroedBase).
_pageInUseOff = pagesPerArena * 8
_pageMarksOff = _pageInUseOff + pagesPerArena // 8
_pageSpecialsOff = _pageMarksOff + pagesPerArena // 8

_MAX_ADDR = (1 << 64) - 1
_arenaShift = heapArenaBytes.bit_length() - 1  # log2(heapArenaBytes): 26
# Zeros for clearing spans of up to 8 pages with one store (mheap.alloc).
_zeroPagesSize = 8 * PageSize
_zeroPages = memoryview(bytes(_zeroPagesSize))


def _print(s: str) -> None:
    b = s.encode()
    while b:
        b = b[os.write(2, b) :]


# go: runtime/mheap.go makeSpanClass
def makeSpanClass(sizeclass: int, noscan: bool) -> int:
    return sizeclass << 1 | int(noscan)


# go: runtime/mheap.go spanClass.sizeclass
def spanClass_sizeclass(sc: int) -> int:
    return sc >> 1


# go: runtime/mheap.go spanClass.noscan
def spanClass_noscan(sc: int) -> bool:
    return sc & 1 != 0


class mspan:
    """A run of pages (mheap.go mspan). Fields: heap lock unless said otherwise."""

    __slots__ = (
        "next",
        "prev",
        "list",
        "startAddr",
        "npages",
        "manualFreeList",
        "freeindex",
        "nelems",
        "allocCache",
        "allocBits",
        "gcmarkBits",
        "sweepgen",
        "divMul",
        "allocCount",
        "spanclass",
        "state",
        "needzero",
        "scavenged",
        "elemsize",
        "limit",
        "largeType",
        "freeIndexForScan",
        "allocCountBeforeCache",
        "specials",
        "addr",
    )

    def __init__(self, addr: int = 0) -> None:
        self.next: mspan | None = None  # next span in an mSpanList (mcentral, stackpool)
        self.prev: mspan | None = None  # previous span in that list
        self.list: mSpanList | None = None  # the list it is on (debugging)
        self.startAddr = 0  # address of the first byte (s.base())
        self.npages = 0  # number of 8 KiB pages
        self.manualFreeList = 0  # mSpanManual: free stacks, linked through word 0 (gclinkptr)
        # Slot index at which to start looking for a free object: every slot
        # below it is allocated; at or above it, allocBits says (0 = free).
        # Owner: the mcache holding the span, or the heap lock.
        self.freeindex = 0
        self.nelems = 0  # number of object slots in the span
        # ~allocBits from freeindex on, shifted so bit 0 is freeindex: a 1 is
        # a free slot (so count-trailing-zeros finds it). Owner as freeindex.
        self.allocCache = 0
        self.allocBits = 0  # address of the allocation bitmap (gcBits, 1 bit per slot)
        self.gcmarkBits = 0  # address of the mark bitmap (gcBits); becomes allocBits at sweep
        # Sweep generation, against h = mheap_.sweepgen: h-2 needs sweeping,
        # h-1 being swept, h swept and usable, h+1 cached before the sweep
        # began and still needs sweeping, h+3 swept and then cached.
        self.sweepgen = 0
        self.divMul = 0  # ^uint32(0)/elemsize + 1: slot = (off * divMul) >> 32
        self.allocCount = 0  # allocated slots (objects, or stacks in a stack span)
        self.spanclass = 0  # size class << 1 | noscan
        self.state = mSpanDead  # mSpanInUse, mSpanManual, mSpanFree, mSpanDead
        self.needzero = 0  # 1: memory may be dirty, zero before handing out
        self.scavenged = False  # the span's pages were returned to the OS (seed)
        self.elemsize = 0  # bytes per object (or per stack in a stack span)
        self.limit = 0  # end of the data: base + nelems*elemsize
        self.largeType: _type | None = None  # type of a large object (malloc header)
        self.freeIndexForScan = 0  # freeindex as last published to the GC
        self.allocCountBeforeCache = 0  # allocCount when the mcache took the span
        self.specials: Any = None  # finalizers and profiling records (later issue)
        self.addr = addr  # this struct's address in Go memory (spanalloc); set once

    def __repr__(self) -> str:
        return (
            f"<mspan {hex(self.startAddr)} npages={self.npages} "
            f"{mSpanStateNames[self.state]} spc={self.spanclass}>"
        )

    # go: runtime/mheap.go mspan.base
    def base(self) -> int:
        return self.startAddr

    # go: runtime/mheap.go mspan.init
    def init(self, base: int, npages: int) -> None:
        """Initialise a recycled struct to describe [base, base+npages pages). Keeps sweepgen."""
        self.next = None
        self.prev = None
        self.list = None
        self.startAddr = base
        self.npages = npages
        self.allocCount = 0
        self.spanclass = 0
        self.elemsize = 0
        self.specials = None
        self.needzero = 0
        self.freeindex = 0
        self.freeIndexForScan = 0
        self.allocBits = 0
        self.gcmarkBits = 0
        self.state = mSpanDead
        self.scavenged = False
        self.largeType = None
        self.nelems = 0
        self.allocCache = 0
        self.manualFreeList = 0
        self.limit = 0
        self.allocCountBeforeCache = 0

    # go: runtime/mheap.go mspan.inList
    def inList(self) -> bool:
        return self.list is not None

    # go: runtime/mheap.go mspan.layout
    def layout(self) -> tuple[int, int, int]:
        total = self.npages << PageShift
        size = self.elemsize
        n = total // size if size > 0 else 0
        return size, n, total

    # go: runtime/mheap.go (go1.13) mspan.physPageBounds
    def physPageBounds(self) -> tuple[int, int]:
        """The span rounded in to physical pages: [start, end)."""
        start = self.startAddr
        end = start + (self.npages << PageShift)
        phys = mem_linux.physPageSize
        if phys > PageSize:
            start = (start + phys - 1) & ~(phys - 1)
            end &= ~(phys - 1)
        return start, end

    # go: runtime/mheap.go (go1.13) mspan.hugePages
    def hugePages(self) -> int:
        """Number of aligned physical huge pages inside the span."""
        hp = mem_linux.physHugePageSize
        npages = self.npages
        if hp == 0 or npages < hp >> PageShift:
            return 0
        start = self.startAddr
        end = start + (npages << PageShift)
        if hp > PageSize:
            start = (start + hp - 1) & -hp  # hp is a power of two: -hp == ~(hp - 1)
            end &= -hp
        if start < end:
            return (end - start) >> mem_linux.physHugePageShift
        return 0

    # go: runtime/mheap.go (go1.13) mspan.scavenge
    def scavenge(self) -> int:
        """Return the span's pages to the OS; returns the bytes released. Heap lock held."""
        start, end = self.physPageBounds()
        if end <= start:
            return 0
        released = end - start
        gcController.heapFree.add(-released)
        gcController.heapReleased.add(released)
        st = memstats.heapStats.acquire()
        st.committed -= released
        st.released += released
        memstats.heapStats.release()
        self.scavenged = True
        sysUnused(start, released)
        return released

    # go: runtime/mheap.go (go1.13) mspan.released
    def released(self) -> int:
        """Bytes of this span that were returned to the OS."""
        if not self.scavenged:
            return 0
        start, end = self.physPageBounds()
        return end - start

    # go: runtime/mgclarge.go (go1.13) mspan.treapFilter
    def treapFilter(self) -> int:
        """The treapIterFilter bit for this span's (scavenged, has huge pages) kind."""
        have = 0
        if self.scavenged:
            have |= treapIterScav
        if self.hugePages() > 0:
            have |= treapIterHuge
        return 1 << (0x1F & have)

    # go: runtime/mbitmap.go mspan.refillAllocCache
    def refillAllocCache(self, whichByte: int) -> None:
        """Load allocCache with the complement of allocBits[whichByte : whichByte+8]."""
        self.allocCache = ~U64[(self.allocBits + whichByte) >> 3] & 0xFFFFFFFFFFFFFFFF

    # go: runtime/mbitmap.go mspan.nextFreeIndex
    def nextFreeIndex(self) -> int:
        """Index of the next free slot at or after freeindex (nelems if none); advances freeindex."""
        sfreeindex = self.freeindex
        snelems = self.nelems
        if sfreeindex == snelems:
            return sfreeindex
        if sfreeindex > snelems:
            throw("s.freeindex > s.nelems")
        aCache = self.allocCache
        while aCache == 0:
            sfreeindex = (sfreeindex + 64) & ~63
            if sfreeindex >= snelems:
                self.freeindex = snelems
                return snelems
            self.refillAllocCache(sfreeindex >> 3)
            aCache = self.allocCache
        bitIndex = (aCache & -aCache).bit_length() - 1
        result = sfreeindex + bitIndex
        if result >= snelems:
            self.freeindex = snelems
            return snelems
        self.allocCache = aCache >> (bitIndex + 1)
        sfreeindex = result + 1
        if sfreeindex & 63 == 0 and sfreeindex != snelems:
            self.refillAllocCache(sfreeindex >> 3)
        self.freeindex = sfreeindex
        return result

    # go: runtime/mbitmap.go mspan.isFree
    def isFree(self, index: int) -> bool:
        """Report whether slot index is free (not allocated)."""
        if index < self.freeIndexForScan:
            return False
        return U8[self.allocBits + (index >> 3)] & (1 << (index & 7)) == 0

    # go: runtime/mbitmap.go mspan.objIndex
    def objIndex(self, p: int) -> int:
        """The slot holding address p."""
        return ((p - self.startAddr) * self.divMul) >> 32 if self.divMul else 0


class mSpanList:
    """A doubly-linked list of spans (mheap.go mSpanList). Owner's lock."""

    __slots__ = ("first", "last")

    def __init__(self) -> None:
        self.first: mspan | None = None  # first span, or None
        self.last: mspan | None = None  # last span, or None

    # go: runtime/mheap.go mSpanList.init
    def init(self) -> None:
        self.first = None
        self.last = None

    # go: runtime/mheap.go mSpanList.isEmpty
    def isEmpty(self) -> bool:
        return self.first is None

    # go: runtime/mheap.go mSpanList.remove
    def remove(self, span: mspan) -> None:
        if span.list is not self:
            _print(f"runtime: failed mSpanList.remove span.npages={span.npages} span={span!r}\n")
            throw("mSpanList.remove")
        if self.first is span:
            self.first = span.next
        else:
            assert span.prev is not None
            span.prev.next = span.next
        if self.last is span:
            self.last = span.prev
        else:
            assert span.next is not None
            span.next.prev = span.prev
        span.next = None
        span.prev = None
        span.list = None

    # go: runtime/mheap.go mSpanList.insert
    def insert(self, span: mspan) -> None:
        if span.next is not None or span.prev is not None or span.list is not None:
            _print(f"runtime: failed mSpanList.insert {span!r}\n")
            throw("mSpanList.insert")
        span.next = self.first
        if self.first is not None:
            self.first.prev = span
        else:
            self.last = span
        self.first = span
        span.list = self

    # go: runtime/mheap.go mSpanList.insertBack
    def insertBack(self, span: mspan) -> None:
        if span.next is not None or span.prev is not None or span.list is not None:
            _print(f"runtime: failed mSpanList.insertBack {span!r}\n")
            throw("mSpanList.insertBack")
        span.prev = self.last
        if self.last is not None:
            self.last.next = span
        else:
            self.first = span
        self.last = span
        span.list = self

    def __iter__(self) -> Any:
        s = self.first
        while s is not None:
            nxt = s.next
            yield s
            s = nxt

    def __len__(self) -> int:
        n = 0
        s = self.first
        while s is not None:
            n += 1
            s = s.next
        return n


class heapArena:
    """Metadata of one 64 MiB heap arena (mheap.go heapArena). Written under the heap lock."""

    __slots__ = ("addr", "spans", "zeroedBase")

    def __init__(self, addr: int) -> None:
        self.addr = addr  # address of the record in Go memory (persistentalloc, GCSys)
        # Page index in the arena -> its span. In-use and manual spans are
        # recorded on every page; free spans on their first and last pages.
        self.spans: list[mspan | None] = [None] * pagesPerArena
        self.zeroedBase = 0  # unused by the treap heap (spans carry needzero)

    def pageInUse(self) -> int:
        """Address of the pageInUse bitmap: bit set on the first page of each mSpanInUse span."""
        return self.addr + _pageInUseOff

    def pageMarks(self) -> int:
        """Address of the pageMarks bitmap: first page of each span with marked objects."""
        return self.addr + _pageMarksOff


class arenaHint:
    """Where to try to grow the heap next (mheap.go arenaHint). Heap lock."""

    __slots__ = ("addr", "down", "next", "p")

    def __init__(self, p: int = 0) -> None:
        self.addr = 0  # next address to try (end of the region if down)
        self.down = False  # grow downwards from addr
        self.next: arenaHint | None = None
        self.p = p  # this record's own address in Go memory (arenaHintAlloc); set once


class curArenaT:
    """The unused remainder of the newest arena: [base, end). Heap lock."""

    __slots__ = ("base", "end")

    def __init__(self) -> None:
        self.base = 0
        self.end = 0


class gcBitsArena:
    """A 64 KiB chunk of Go memory carved into allocBits/gcmarkBits (mheap.go). gcBitsArenas.lock."""

    __slots__ = ("addr", "free", "next")

    def __init__(self, addr: int) -> None:
        self.addr = addr  # the chunk's address; bits start after a 16-byte header
        self.free = 0  # bytes of bits handed out
        self.next: gcBitsArena | None = None


gcBitsHeaderBytes = 16
gcBitsChunkBits = gcBitsChunkBytes - gcBitsHeaderBytes


class _gcBitsArenas:
    __slots__ = ("lock", "free", "next", "current", "previous")

    def __init__(self) -> None:
        self.lock = mutex("gcBitsArenas")
        self.free: gcBitsArena | None = None  # chunks ready for reuse
        self.next: gcBitsArena | None = None  # bits for the next GC cycle (new spans, new marks)
        self.current: gcBitsArena | None = None  # bits in use this cycle
        self.previous: gcBitsArena | None = None  # bits of the last cycle


gcBitsArenas = _gcBitsArenas()


def _gcBitsTryAlloc(b: gcBitsArena | None, nbytes: int) -> int:
    if b is None or b.free + nbytes > gcBitsChunkBits:
        return 0
    start = b.free
    b.free += nbytes
    return b.addr + gcBitsHeaderBytes + start


# go: runtime/mheap.go newMarkBits
def newMarkBits(nelems: int) -> int:
    """ceil(nelems/64)*8 zeroed bytes of bitmap, 8-aligned, from the next-cycle gcBits arena."""
    nbytes = ((nelems + 63) >> 6) << 3
    b = gcBitsArenas.next
    if b is not None and b.free + nbytes <= gcBitsChunkBits:
        # _gcBitsTryAlloc's success, in place: the common case, without the lock.
        start = b.free
        b.free = start + nbytes
        return b.addr + gcBitsHeaderBytes + start
    lock(gcBitsArenas.lock)
    p = _gcBitsTryAlloc(gcBitsArenas.next, nbytes)
    if p:
        unlock(gcBitsArenas.lock)
        return p
    fresh = _newArenaMayUnlock()
    p = _gcBitsTryAlloc(gcBitsArenas.next, nbytes)
    if p:
        fresh.next = gcBitsArenas.free
        gcBitsArenas.free = fresh
        unlock(gcBitsArenas.lock)
        return p
    p = _gcBitsTryAlloc(fresh, nbytes)
    if p == 0:
        throw("markBits overflow")
    fresh.next = gcBitsArenas.next
    gcBitsArenas.next = fresh
    unlock(gcBitsArenas.lock)
    return p


# go: runtime/mheap.go newAllocBits
def newAllocBits(nelems: int) -> int:
    return newMarkBits(nelems)


# go: runtime/mheap.go newArenaMayUnlock
def _newArenaMayUnlock() -> gcBitsArena:
    if gcBitsArenas.free is None:
        unlock(gcBitsArenas.lock)
        a = sysAlloc(gcBitsChunkBytes, memstats.gcMiscSys)
        if a == 0:
            throw("runtime: cannot allocate memory")
        lock(gcBitsArenas.lock)
        result = gcBitsArena(a)
    else:
        result = gcBitsArenas.free
        gcBitsArenas.free = result.next
        memclrNoHeapPointers(result.addr, gcBitsChunkBytes)
    result.next = None
    result.free = 0
    return result


# go: runtime/mheap.go nextMarkBitArenaEpoch
def nextMarkBitArenaEpoch() -> None:
    """Start a new GC cycle's bits: previous -> free, current -> previous, next -> current."""
    lock(gcBitsArenas.lock)
    if gcBitsArenas.previous is not None:
        if gcBitsArenas.free is None:
            gcBitsArenas.free = gcBitsArenas.previous
        else:
            last = gcBitsArenas.previous
            while last.next is not None:
                last = last.next
            last.next = gcBitsArenas.free
            gcBitsArenas.free = gcBitsArenas.previous
    gcBitsArenas.previous = gcBitsArenas.current
    gcBitsArenas.current = gcBitsArenas.next
    gcBitsArenas.next = None
    unlock(gcBitsArenas.lock)


# --- the arena map -------------------------------------------------------------


# go: runtime/mheap.go arenaIndex
def arenaIndex(p: int) -> int:
    """Index of the arena holding p: (p - arenaBaseOffset) / 64 MiB, modulo 2^64."""
    return ((p - arenaBaseOffset) & _MAX_ADDR) >> _arenaShift


# go: runtime/mheap.go arenaBase
def arenaBase(i: int) -> int:
    """Lowest address of arena i."""
    return (i * heapArenaBytes + arenaBaseOffset) & _MAX_ADDR


# go: runtime/mheap.go spanOf
def spanOf(p: int) -> mspan | None:
    """The span recorded for p's page: None outside the heap; maybe stale for free pages."""
    ha = mheap_.arenas.get(((p - arenaBaseOffset) & _MAX_ADDR) >> 26)
    if ha is None:
        return None
    return ha.spans[(p >> PageShift) & (pagesPerArena - 1)]


# go: runtime/mheap.go spanOfUnchecked
def spanOfUnchecked(p: int) -> mspan:
    """spanOf for an address known to be in an allocated span of a heap arena."""
    s = mheap_.arenas[((p - arenaBaseOffset) & _MAX_ADDR) >> 26].spans[
        (p >> PageShift) & (pagesPerArena - 1)
    ]
    assert s is not None
    return s


# go: runtime/mheap.go spanOfHeap
def spanOfHeap(p: int) -> mspan | None:
    """The in-use heap span holding p, or None."""
    s = spanOf(p)
    if s is None or p < s.startAddr or p >= s.limit or s.state != mSpanInUse:
        return None
    return s


# go: runtime/mheap.go inheap
def inheap(b: int) -> bool:
    return spanOfHeap(b) is not None


# go: runtime/mheap.go inHeapOrStack
def inHeapOrStack(b: int) -> bool:
    s = spanOf(b)
    if s is None or b < s.startAddr:
        return False
    if s.state in (mSpanInUse, mSpanManual):
        return b < s.limit
    return False


# go: runtime/mheap.go pageIndexOf
def pageIndexOf(p: int) -> tuple[heapArena, int, int]:
    """(arena, byte index, bit mask) of p's page in the arena's per-page bitmaps."""
    arena = mheap_.arenas[((p - arenaBaseOffset) & _MAX_ADDR) >> _arenaShift]
    page = p >> PageShift
    return arena, (page >> 3) & (pagesPerArena // 8 - 1), 1 << (page & 7)


# go: runtime/mheap.go recordspan
def recordspan(s: mspan) -> None:
    """Append a brand-new span struct to mheap_.allspans (fixalloc's first hook)."""
    h = mheap_
    if len(h.allspans) >= h.allspansCap:
        n = 64 * 1024 // 8
        if n < h.allspansCap * 3 // 2:
            n = h.allspansCap * 3 // 2
        new = sysAlloc(n * 8, memstats.other_sys)
        if new == 0:
            throw("runtime: cannot allocate memory")
        if h.allspansArray:
            old = h.allspansArray
            for i in range(len(h.allspans)):
                U64[(new >> 3) + i] = U64[(old >> 3) + i]
            from gort.runtime.mem_linux import sysFree

            sysFree(old, h.allspansCap * 8, memstats.other_sys)
        h.allspansArray = new
        h.allspansCap = n
    U64[(h.allspansArray >> 3) + len(h.allspans)] = s.addr
    h.allspans.append(s)


class mheap:
    """The page heap (mheap.go mheap). One instance: mheap_. Fields: h.lock unless said."""

    __slots__ = (
        "lock",
        "free",
        "sweepgen",
        "sweepdone",
        "sweepers",
        "allspans",
        "allspansArray",
        "allspansCap",
        "pagesInUse",
        "pagesSwept",
        "reclaimIndex",
        "scavengeRetainedGoal",
        "arenas",
        "heapArenaAlloc",
        "arenaHints",
        "arena",
        "allArenas",
        "sweepArenas",
        "curArena",
        "central",
        "spanalloc",
        "cachealloc",
        "treapalloc",
        "arenaHintAlloc",
        "speciallock",
        "initialized",
        "growHook",
    )

    def __init__(self) -> None:
        self.lock = mutex("mheap")  # take only on the system stack (g0)
        self.free = mTreap()  # free spans, by address (the seed's treap)
        self.sweepgen = 0  # sweep generation: +2 per GC cycle
        self.sweepdone = 1  # all spans are swept (atomic)
        self.sweepers = 0  # active sweepone calls
        self.allspans: list[mspan] = []  # every span struct ever made, once
        self.allspansArray = 0  # Go memory backing allspans (sysAlloc, OtherSys)
        self.allspansCap = 0  # capacity of allspansArray in entries
        self.pagesInUse = 0  # pages in mSpanInUse spans
        self.pagesSwept = 0  # pages swept this cycle (atomic)
        self.reclaimIndex = 0
        # The scavenger's goal for retained heap bytes; allocation from
        # scavenged pages above it scavenges elsewhere. Set by the GC pacer;
        # unlimited until then.
        self.scavengeRetainedGoal = (1 << 64) - 1
        self.arenas: dict[int, heapArena] = {}  # arenaIndex -> metadata; read without the lock
        self.heapArenaAlloc = linearAlloc()  # 32-bit only: stays empty on amd64
        self.arenaHints: arenaHint | None = None  # where to grow the heap next
        self.arena = linearAlloc()  # 32-bit only: stays empty on amd64
        self.allArenas: list[int] = []  # arenaIndex of every mapped arena, in order
        self.sweepArenas: list[int] = []  # snapshot of allArenas at the start of a sweep
        self.curArena = curArenaT()  # the growth window of the newest arena
        self.central: list[mcentral] = []  # one mcentral per span class (136)
        self.spanalloc: fixalloc[mspan] = fixalloc()  # span structs (MSpanInuse/MSpanSys)
        self.cachealloc: fixalloc[Any] = fixalloc()  # mcache structs (MCacheInuse/MCacheSys)
        self.treapalloc: fixalloc[Any] = fixalloc()  # treap nodes (OtherSys)
        self.arenaHintAlloc: fixalloc[arenaHint] = fixalloc()  # arena hints (OtherSys)
        self.speciallock = mutex("mheapSpecial")
        self.initialized = False
        # Called with (base, nbytes) after grow maps memory (tests observe growth).
        self.growHook: Callable[[int, int], None] | None = None

    # go: runtime/mheap.go mheap.init
    def init(self) -> None:
        """Set up the fixallocs and the mcentrals. Runs once, from mallocinit."""
        from gort.runtime.mcentral import mcentral

        self.treapalloc.init(sizeof_treapNode, None, memstats.other_sys, _newTreapNode)
        self.spanalloc.init(sizeof_mspan, recordspan, memstats.mspan_sys, mspan)
        self.cachealloc.init(sizeof_mcache(), None, memstats.mcache_sys, _newMcache)
        self.arenaHintAlloc.init(sizeof_arenaHint, None, memstats.other_sys, arenaHint)
        # Span structs are not zeroed when recycled, so that their sweepgen
        # survives (a background sweeper may be looking at a freed span).
        self.spanalloc.zero = False
        self.central = [mcentral(i) for i in range(numSpanClasses)]
        self.free.alloc = self.treapalloc
        self.initialized = True

    def allocMSpanLocked(self) -> mspan:
        """A span struct from spanalloc. Heap lock held."""
        return self.spanalloc.allocObj()

    def freeMSpanLocked(self, s: mspan) -> None:
        """Give a dead span struct back to spanalloc. Heap lock held."""
        self.spanalloc.freeObj(s)

    # go: runtime/mheap.go (go1.13) mheap.alloc_m
    def alloc_m(self, npage: int, spanclass: int, large: bool) -> mspan | None:
        """Allocate a heap span of npage pages for spanclass. Runs on g0; takes the heap lock."""
        lock(self.lock)
        s = self.allocSpanLocked(npage, spanAllocHeap)
        if s is not None:
            s.sweepgen = self.sweepgen
            s.state = mSpanInUse
            s.allocCount = 0
            s.spanclass = spanclass
            nbytes = npage << PageShift
            sizeclass = spanclass >> 1
            if sizeclass == 0:
                s.elemsize = nbytes
                s.nelems = 1
                s.divMul = 0
            else:
                s.elemsize = SizeClassToSize[sizeclass]
                if not (spanclass & 1) and s.elemsize <= 512:
                    # heapBitsInSpan: the span's last nbytes/64 bytes hold one
                    # pointer bit per word (mbitmap.py).
                    s.nelems = (nbytes - (nbytes >> 6)) // s.elemsize
                else:
                    s.nelems = nbytes // s.elemsize
                s.divMul = SizeClassToDivMagic[sizeclass]
            s.freeindex = 0
            s.freeIndexForScan = 0
            s.allocCache = 0xFFFFFFFFFFFFFFFF
            s.gcmarkBits = newMarkBits(s.nelems)
            s.allocBits = newAllocBits(s.nelems)
            s.limit = s.startAddr + s.elemsize * s.nelems
            arena, pageIdx, pageMask = pageIndexOf(s.startAddr)
            U8[arena.addr + _pageInUseOff + pageIdx] |= pageMask
            self.pagesInUse += npage
        unlock(self.lock)
        return s

    # go: runtime/mheap.go (go1.13) mheap.alloc
    def alloc(self, npage: int, spanclass: int, large: bool, needzero: bool) -> mspan | None:
        """A heap span of npage pages, zeroed if needzero and its memory may be dirty."""
        s = self.alloc_m(npage, spanclass, large)
        if s is not None:
            if needzero and s.needzero != 0:
                n = s.npages << PageShift
                if n <= _zeroPagesSize:
                    # memclrNoHeapPointers, as one store from a buffer of zeros.
                    U8[s.startAddr : s.startAddr + n] = _zeroPages[:n]
                else:
                    memclrNoHeapPointers(s.startAddr, n)
            s.needzero = 0
        return s

    # go: runtime/mheap.go (go1.13) mheap.allocManual
    def allocManual(self, npage: int, typ: int) -> mspan | None:
        """A manually managed span (stacks) of npage pages; its memory may be dirty if needzero."""
        if typ == spanAllocHeap:
            throw("allocManual called with heap type")
        lock(self.lock)
        s = self.allocSpanLocked(npage, typ)
        if s is not None:
            s.state = mSpanManual
            s.manualFreeList = 0
            s.allocCount = 0
            s.spanclass = 0
            s.nelems = 0
            s.elemsize = 0
            s.limit = s.startAddr + (s.npages << PageShift)
        unlock(self.lock)
        return s

    # go: runtime/mheap.go setSpan
    def setSpan(self, base: int, s: mspan) -> None:
        """Make spanOf(base) be s."""
        self.arenas[((base - arenaBaseOffset) & _MAX_ADDR) >> _arenaShift].spans[
            (base >> PageShift) & (pagesPerArena - 1)
        ] = s

    # go: runtime/mheap.go setSpans
    def setSpans(self, base: int, npage: int, s: mspan | None) -> None:
        """Make spanOf(p) be s for every page of [base, base+npage pages)."""
        i = (base >> PageShift) & (pagesPerArena - 1)
        spans = self.arenas[((base - arenaBaseOffset) & _MAX_ADDR) >> _arenaShift].spans
        if i + npage <= pagesPerArena:
            # All in one arena: one slice store.
            spans[i : i + npage] = [s] * npage
            return
        for n in range(npage):
            if i == pagesPerArena:
                spans = self.arenas[arenaIndex(base + n * PageSize)].spans
                i = 0
            spans[i] = s
            i += 1

    # go: runtime/mheap.go (go1.13) mheap.allocSpanLocked
    def allocSpanLocked(self, npage: int, typ: int) -> mspan | None:
        """Take npage pages from the free treap (growing the heap if needed). Heap lock held.

        The span returned is out of the treap but still in state mSpanFree."""
        # The seed's policy is first fit by address; GODEBUG=treapbestfit=1
        # selects Go 1.12's best fit by size, for comparison.
        find = self.free.findBest if debug.treapbestfit else self.free.find
        t = find(npage)
        if not t.valid():
            if not self.grow(npage):
                return None
            t = find(npage)
            if not t.valid():
                throw("grew heap, but no adequate free span found")
        s = t.span()
        if s.state != mSpanFree:
            throw("candidate mspan for allocation is not free")
        if s.npages < npage:
            throw("candidate mspan for allocation is too small")

        # What was released to the OS comes back below; take it out first.
        scav = s.released()
        if s.npages == npage:
            self.free.erase(t)
        else:
            # Cut the first npage pages off s, in place: s keeps its place
            # in the treap (its base moves up past no other free span).
            n = self.allocMSpanLocked()

            def cut(s: mspan) -> None:
                n.init(s.startAddr, npage)
                s.npages -= npage
                s.startAddr += npage * PageSize
                self.setSpan(s.startAddr - 1, n)
                self.setSpan(s.startAddr, s)
                self.setSpan(n.startAddr, n)
                n.needzero = s.needzero
                n.scavenged = s.scavenged
                if s.scavenged:
                    start, end = s.physPageBounds()
                    if start >= end:
                        s.scavenged = False

            self.free.mutate(t, cut)
            scav -= s.released()
            s = n
        nbytes = npage << PageShift
        if s.scavenged:
            # The pages come back from the OS (Prepared -> Ready).
            sysUsed(s.startAddr, nbytes, scav)
            s.scavenged = False
            gcController.heapReleased.add(-scav)
            # Keep the scavenger's other pages out of a merge with s.
            s.state = mSpanManual
            self.scavengeIfNeededLocked(nbytes)
            s.state = mSpanFree
        else:
            scav = 0
        self.setSpans(s.startAddr, npage, s)
        gcController.heapFree.add(-(nbytes - scav))
        if typ == spanAllocHeap:
            gcController.heapInUse.add(nbytes)
        st = memstats.heapStats.acquire()
        st.committed += scav
        st.released -= scav
        if typ == spanAllocHeap:
            st.inHeap += nbytes
        elif typ == spanAllocStack:
            st.inStacks += nbytes
        elif typ == spanAllocWorkBuf:
            st.inWorkBufs += nbytes
        memstats.heapStats.release()
        if s.inList():
            throw("still in list")
        return s

    # go: runtime/mheap.go (go1.14 cycle) mheap.grow
    def grow(self, npage: int) -> bool:
        """Add at least npage pages to the heap, from curArena or a new arena. Heap lock held."""
        ask = npage << PageShift
        phys = mem_linux.physPageSize
        nBase = (self.curArena.base + ask + phys - 1) & ~(phys - 1)
        if nBase > self.curArena.end:
            av, asize = self.sysAlloc(ask)
            if av == 0:
                inUse = (
                    gcController.heapFree.load()
                    + gcController.heapReleased.load()
                    + gcController.heapInUse.load()
                )
                _print(
                    f"runtime: out of memory: cannot allocate {ask}-byte block ({inUse} in use)\n"
                )
                return False
            if av == self.curArena.end:
                self.curArena.end = av + asize
            else:
                # Not contiguous: what is left of the current arena becomes
                # free heap, and growth moves to the new space.
                size = self.curArena.end - self.curArena.base
                if size != 0:
                    self.growAddSpan(self.curArena.base, size)
                self.curArena.base = av
                self.curArena.end = av + asize
            nBase = (self.curArena.base + ask + phys - 1) & ~(phys - 1)
        v = self.curArena.base
        self.curArena.base = nBase
        self.growAddSpan(v, nBase - v)
        return True

    # go: runtime/mheap.go (go1.14 cycle) mheap.growAddSpan
    def growAddSpan(self, v: int, size: int) -> None:
        """Map [v, v+size) (Reserved -> Prepared) and add it to the treap as a scavenged free span."""
        sysMap(v, size, gcController.heapReleased)
        st = memstats.heapStats.acquire()
        st.released += size
        memstats.heapStats.release()
        self.scavengeIfNeededLocked(size)
        s = self.allocMSpanLocked()
        s.init(v, size // PageSize)
        self.setSpans(s.startAddr, s.npages, s)
        s.state = mSpanFree
        # Prepared memory: sysUsed on allocation makes it Ready.
        s.scavenged = True
        self.coalesce(s)
        self.free.insert(s)
        if self.growHook is not None:
            self.growHook(v, size)

    # go: runtime/malloc.go (go1.14 cycle) mheap.sysAlloc
    def sysAlloc(self, n: int) -> tuple[int, int]:
        """Reserve at least n bytes of heap arenas (Reserved), with their metadata. Heap lock held."""
        n = (n + heapArenaBytes - 1) & ~(heapArenaBytes - 1)
        size = 0
        v = self.arena.alloc(n, heapArenaBytes, gcController.heapReleased)
        if v != 0:
            size = n
        else:
            while self.arenaHints is not None:
                hint = self.arenaHints
                p = hint.addr
                if hint.down:
                    p -= n
                if p + n < p or p + n > _MAX_ADDR:
                    v = 0
                elif arenaIndex(p + n - 1) >= 1 << arenaBits:
                    v = 0
                else:
                    v = sysReserve(p, n)
                if p == v:
                    if not hint.down:
                        p += n
                    hint.addr = p
                    size = n
                    break
                # The kernel put it elsewhere: give it back, drop the hint.
                if v != 0:
                    sysFreeOS(v, n)
                self.arenaHints = hint.next
                self.arenaHintAlloc.free(hint.p)
            if size == 0:
                v, size = sysReserveAligned(0, n, heapArenaBytes)
                if v == 0:
                    return 0, 0
                hint = self.arenaHintAlloc.allocObj()
                hint.addr, hint.down = v, True
                hint.next, self.arenaHints = self.arenaHints, hint
                hint = self.arenaHintAlloc.allocObj()
                hint.addr, hint.down = v + size, False
                hint.next, self.arenaHints = self.arenaHints, hint
            bad = ""
            if v + size < v:
                bad = "region exceeds uintptr range"
            elif arenaIndex(v) >= 1 << arenaBits:
                bad = "base outside usable address space"
            elif arenaIndex(v + size - 1) >= 1 << arenaBits:
                bad = "end outside usable address space"
            if bad:
                _print(
                    f"runtime: memory allocated by OS [{hex(v)}, {hex(v + size)}) "
                    f"not in usable address space: {bad}\n"
                )
                throw("memory reservation exceeds address space limit")
            if v & (heapArenaBytes - 1):
                throw("misrounded allocation in sysAlloc")
        ri = arenaIndex(v)
        while ri <= arenaIndex(v + size - 1):
            if ri in self.arenas:
                throw("arena already initialized")
            r = self.heapArenaAlloc.alloc(sizeof_heapArena, 8, memstats.gcMiscSys)
            if r == 0:
                r = persistentalloc(sizeof_heapArena, 8, memstats.gcMiscSys)
                if r == 0:
                    throw("out of memory allocating heap arena metadata")
            self.allArenas.append(ri)
            self.arenas[ri] = heapArena(r)
            ri += 1
        return v, size

    # go: runtime/mheap.go (go1.13) mheap.freeSpan
    def freeSpan(self, s: mspan) -> None:
        """Give a heap span back to the heap. Takes the heap lock."""
        lock(self.lock)
        self.freeSpanLocked(s, spanAllocHeap)
        unlock(self.lock)

    # go: runtime/mheap.go (go1.13) mheap.freeManual
    def freeManual(self, s: mspan, typ: int) -> None:
        """Free a span from allocManual (gcphase == _GCoff). Takes the heap lock."""
        s.needzero = 1
        lock(self.lock)
        self.freeSpanLocked(s, typ)
        unlock(self.lock)

    # go: runtime/mheap.go (go1.13) mheap.freeSpanLocked
    def freeSpanLocked(self, s: mspan, typ: int) -> None:
        """Check s, account for it, coalesce it and insert it in the treap. Heap lock held."""
        if s.state == mSpanManual:
            if s.allocCount != 0:
                throw("mheap.freeSpanLocked - invalid stack free")
        elif s.state == mSpanInUse:
            if s.allocCount != 0 or s.sweepgen != self.sweepgen:
                _print(
                    f"mheap.freeSpanLocked - span {s!r} ptr {hex(s.startAddr)} allocCount "
                    f"{s.allocCount} sweepgen {s.sweepgen}/{self.sweepgen}\n"
                )
                throw("mheap.freeSpanLocked - invalid free")
            self.pagesInUse -= s.npages
            arena, pageIdx, pageMask = pageIndexOf(s.startAddr)
            U8[arena.addr + _pageInUseOff + pageIdx] &= ~pageMask & 0xFF
        else:
            throw("mheap.freeSpanLocked - invalid span state")

        nbytes = s.npages * PageSize
        gcController.heapFree.add(nbytes)
        if typ == spanAllocHeap:
            gcController.heapInUse.add(-nbytes)
        st = memstats.heapStats.acquire()
        if typ == spanAllocHeap:
            st.inHeap -= nbytes
        elif typ == spanAllocStack:
            st.inStacks -= nbytes
        elif typ == spanAllocWorkBuf:
            st.inWorkBufs -= nbytes
        memstats.heapStats.release()
        if s.inList():
            throw("mheap.freeSpanLocked - span still in list")
        s.state = mSpanFree
        s.largeType = None
        self.coalesce(s)
        self.free.insert(s)

    # go: runtime/mheap.go (go1.13) mheap.coalesce
    def coalesce(self, s: mspan) -> None:
        """Merge free span s (not in the treap) with its free neighbours. Heap lock held."""
        hpMiddle = s.hugePages()
        hpBefore = 0
        before = spanOf(s.startAddr - 1)
        if before is not None and before.state == mSpanFree:
            if s.scavenged == before.scavenged:
                hpBefore = before.hugePages()
                self._coalesceMerge(s, before, s, before)
            else:
                self._coalesceRealign(before, s, before)
        hpAfter = 0
        after = spanOf(s.startAddr + s.npages * PageSize)
        if after is not None and after.state == mSpanFree:
            if s.scavenged == after.scavenged:
                hpAfter = after.hugePages()
                self._coalesceMerge(s, s, after, after)
            else:
                self._coalesceRealign(s, after, after)
        if not s.scavenged and s.hugePages() > hpBefore + hpMiddle + hpAfter:
            # s now holds more huge pages than its parts did: let the kernel
            # back the whole region with huge pages again.
            sysHugePage(s.startAddr, s.npages * PageSize)

    def _coalesceMerge(self, s: mspan, a: mspan, b: mspan, other: mspan) -> None:
        """coalesce's merge: a is just below b; one of them is s, other is the one that is not."""
        phys = mem_linux.physPageSize
        if PageSize < phys and a.scavenged and b.scavenged:
            _, start = a.physPageBounds()
            end, _ = b.physPageBounds()
            if start != end:
                throw("neighboring scavenged spans boundary is not a physical page boundary")
        s.npages += other.npages
        s.needzero |= other.needzero
        if a is s:
            self.setSpan(s.startAddr + s.npages * PageSize - 1, s)
        else:
            s.startAddr = other.startAddr
            self.setSpan(s.startAddr, s)
        self.free.removeSpan(other)
        other.state = mSpanDead
        self.freeMSpanLocked(other)

    def _coalesceRealign(self, a: mspan, b: mspan, other: mspan) -> None:
        """coalesce's realign: move the a|b boundary to a physical page, toward the scavenged one."""
        phys = mem_linux.physPageSize
        if PageSize >= phys:
            return
        self.free.removeSpan(other)
        boundary = b.startAddr
        if a.scavenged:
            boundary &= ~(phys - 1)
        else:
            boundary = (boundary + phys - 1) & ~(phys - 1)
        a.npages = (boundary - a.startAddr) // PageSize
        b.npages = (b.startAddr + b.npages * PageSize - boundary) // PageSize
        b.startAddr = boundary
        self.setSpan(boundary - 1, a)
        self.setSpan(boundary, b)
        self.free.insert(other)

    # go: runtime/mheap.go (go1.13) mheap.scavengeSplit
    def scavengeSplit(self, t: Any, size: int) -> mspan | None:
        """Split about size bytes of physical pages off the end of t.span(); None if no split."""
        s: mspan = t.span()
        start, end = s.physPageBounds()
        if end <= start or end - start <= size:
            return None
        phys = mem_linux.physPageSize
        hp = mem_linux.physHugePageSize
        base = end - size
        base &= ~((phys - 1) | (PageSize - 1))
        if base <= start:
            return None
        if hp > PageSize and base & ~(hp - 1) >= start:
            base &= ~(hp - 1)
        if base == start:
            return None
        if base < start:
            throw("bad span split base")
        n = self.allocMSpanLocked()
        nbytes = s.startAddr + s.npages * PageSize - base

        def cut(s: mspan) -> None:
            n.init(base, nbytes // PageSize)
            s.npages -= nbytes // PageSize
            self.setSpan(n.startAddr - 1, s)
            self.setSpan(n.startAddr, n)
            self.setSpan(n.startAddr + nbytes - 1, n)
            n.needzero = s.needzero
            n.state = s.state

        self.free.mutate(t, cut)
        return n

    # go: runtime/mheap.go (go1.13) mheap.scavengeLocked
    def scavengeLocked(self, nbytes: int) -> int:
        """Release about nbytes of free pages to the OS, highest addresses and huge pages first."""
        released = 0
        mask = treapIterScav | treapIterHuge
        for match in (treapIterHuge, 0):
            t = self.free.end(mask, match)
            while released < nbytes and t.valid():
                s = t.span()
                start, end = s.physPageBounds()
                if start >= end:
                    t = t.prev()
                    continue
                n = t.prev()
                span = self.scavengeSplit(t, nbytes - released)
                if span is not None:
                    s = span
                else:
                    self.free.erase(t)
                released += s.scavenge()
                # Now scavenged, s may merge with scavenged neighbours.
                self.coalesce(s)
                t = n
                self.free.insert(s)
        return released

    # go: runtime/mheap.go (go1.13) mheap.scavengeIfNeededLocked
    def scavengeIfNeededLocked(self, size: int) -> None:
        """Scavenge if retaining size more bytes would exceed the goal. Heap lock held."""
        r = heapRetained()
        if r + size > self.scavengeRetainedGoal:
            todo = size
            overage = r + size - self.scavengeRetainedGoal
            if overage < todo:
                todo = overage
            self.scavengeLocked(todo)

    # go: runtime/mheap.go (go1.13) mheap.scavengeAll
    def scavengeAll(self) -> int:
        """Release every free page to the OS (FreeOSMemory). Returns bytes released."""
        lock(self.lock)
        released = self.scavengeLocked((1 << 64) - 1)
        unlock(self.lock)
        return released

    def validateInvariants(self) -> None:
        """Check the heap's invariants (tests). Heap lock held or world stopped."""
        self.free.validateInvariants()
        prev: mspan | None = None
        freeBytes = 0
        releasedBytes = 0
        for s in self.free.spans():
            if s.state != mSpanFree:
                throw("span in treap is not free")
            if prev is not None:
                pend = prev.startAddr + prev.npages * PageSize
                if pend > s.startAddr:
                    throw("free spans overlap")
                if pend == s.startAddr and prev.scavenged == s.scavenged:
                    throw("adjacent free spans with the same scavenged state")
            if (
                spanOf(s.startAddr) is not s
                or spanOf(s.startAddr + s.npages * PageSize - 1) is not s
            ):
                throw("free span not recorded at its ends")
            if s.scavenged:
                releasedBytes += s.released()
                freeBytes += s.npages * PageSize - s.released()
            else:
                freeBytes += s.npages * PageSize
            prev = s
        if freeBytes != gcController.heapFree.load():
            _print(f"runtime: free={freeBytes} heapFree={gcController.heapFree.load()}\n")
            throw("heapFree does not match the treap")
        if releasedBytes != gcController.heapReleased.load():
            _print(
                f"runtime: released={releasedBytes} heapReleased={gcController.heapReleased.load()}\n"
            )
            throw("heapReleased does not match the treap")


def _newTreapNode(addr: int) -> Any:
    from gort.runtime.mtreap import treapNode

    return treapNode(addr)


def _newMcache(addr: int) -> Any:
    from gort.runtime.mcache import mcache

    return mcache(addr)


def sizeof_mcache() -> int:
    from gort.runtime.mcache import sizeof_mcache as n

    return n


mheap_ = mheap()
