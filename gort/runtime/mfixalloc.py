"""Allocators for the runtime's own structures, outside the GC'd heap.

Three allocators, from the most general to the most specialised (their Go
homes: malloc.go for the first two, mfixalloc.go for the third):

  persistentalloc(size, align, stat)
      Memory that is never freed: heapArena metadata, allspans' backing
      store, type data the runtime makes. Carves 256 KiB chunks obtained
      with sysAlloc (counted in memstats.other_sys, then moved to `stat`);
      requests of 64 KiB or more get their own sysAlloc. Each chunk's first
      word links it into `persistentChunks`.

  linearAlloc
      A bump allocator over a range reserved in advance; maps memory
      (sysMap + sysUsed) up to the next physical page as it goes. Go uses it
      for heap arenas and their metadata on 32-bit systems only; on amd64
      `mheap_.arena` and `mheap_.heapArenaAlloc` stay empty.

  fixalloc(size, first, stat)
      A free-list allocator of fixed-size blocks, for mspans (spanalloc),
      mcaches (cachealloc), treap nodes (treapalloc), arena hints. Blocks
      come from 16 KiB chunks of persistentalloc; freed blocks are threaded
      through their first word (`mlink`) into `list` and handed out again
      LIFO. `inuse` is the bytes handed out now: MSpanInuse and MCacheInuse.

gort's runtime structures (mspan, mcache, treapNode) are Python objects;
each one also owns the address of its Go size from its fixalloc, so that
MemStats mean what they mean in Go. `fixalloc.allocObj()` pairs the two: it
takes an address, and returns the Python object that lives there, created
by the allocator's factory the first time the address is handed out and
recycled (fields intact, as Go's spanalloc does not zero) afterwards.
`objAt(addr)` maps an address back to its object.

Invariants:
  * A block is either on `list` or handed out, never both;
    inuse == size * (blocks handed out).
  * persistentalloc'd memory is never freed.

Differences from Go: Go gives each P its own persistentAlloc chunk
(`p.palloc`); gort uses the global one (globalAlloc) under its lock for all
callers, which only changes which chunk a small allocation lands in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from gort.runtime import mem_linux
from gort.runtime.lock import lock, mutex, unlock
from gort.runtime.mem_linux import sysAlloc, sysMap, sysUsed
from gort.runtime.mstats import memstats, sysMemStat
from gort.runtime.panic import throw
from gort.runtime.param import FixAllocChunk, PageSize, persistentChunkSize
from gort.runtime.unsafe import U8, U64

T = TypeVar("T")


# go: runtime/malloc.go persistentAlloc
class persistentAlloc:
    """A chunk being carved by persistentalloc. Protected by globalAlloc.mutex."""

    __slots__ = ("base", "off")

    def __init__(self) -> None:
        self.base = 0  # address of the current 256 KiB chunk (0: none yet)
        self.off = 0  # bytes of the chunk already handed out


class _globalAlloc:
    __slots__ = ("mutex", "persistentAlloc")

    def __init__(self) -> None:
        self.mutex = mutex("globalAlloc")
        self.persistentAlloc = persistentAlloc()  # protected by mutex


globalAlloc = _globalAlloc()
persistentChunks = 0  # head of the list of chunks (linked through word 0); globalAlloc.mutex


# go: runtime/malloc.go persistentalloc
def persistentalloc(size: int, align: int, sysStat: sysMemStat) -> int:
    """size bytes of zeroed, never-freed memory aligned to align (0: 8), counted in sysStat."""
    global persistentChunks
    maxBlock = 64 << 10
    if size == 0:
        throw("persistentalloc: size == 0")
    if align != 0:
        if align & (align - 1):
            throw("persistentalloc: align is not a power of 2")
        if align > PageSize:
            throw("persistentalloc: align is too large")
    else:
        align = 8
    if size >= maxBlock:
        p = sysAlloc(size, sysStat)
        if p == 0:
            throw("runtime: cannot allocate memory")
        return p
    persistent = globalAlloc.persistentAlloc
    lock(globalAlloc.mutex)
    persistent.off = (persistent.off + align - 1) & ~(align - 1)
    if persistent.off + size > persistentChunkSize or persistent.base == 0:
        persistent.base = sysAlloc(persistentChunkSize, memstats.other_sys)
        if persistent.base == 0:
            unlock(globalAlloc.mutex)
            throw("runtime: cannot allocate memory")
        U64[persistent.base >> 3] = persistentChunks
        persistentChunks = persistent.base
        persistent.off = (8 + align - 1) & ~(align - 1)
    p = persistent.base + persistent.off
    persistent.off += size
    unlock(globalAlloc.mutex)
    if sysStat is not memstats.other_sys:
        sysStat.add(size)
        memstats.other_sys.add(-size)
    return p


# go: runtime/malloc.go inPersistentAlloc
def inPersistentAlloc(p: int) -> bool:
    """Report whether p points into memory handed out by persistentalloc's chunks."""
    chunk = persistentChunks
    while chunk != 0:
        if chunk <= p < chunk + persistentChunkSize:
            return True
        chunk = U64[chunk >> 3]
    return False


# go: runtime/malloc.go linearAlloc
class linearAlloc:
    """A bump allocator over a pre-reserved range [next, end). Owner: its mheap (lock)."""

    __slots__ = ("next", "mapped", "end", "mapMemory")

    def __init__(self) -> None:
        self.next = 0  # next free byte
        self.mapped = 0  # one past the end of the mapped (Ready) part
        self.end = 0  # end of the reserved range
        self.mapMemory = False  # map memory as it is handed out

    # go: runtime/malloc.go linearAlloc.init
    def init(self, base: int, size: int, mapMemory: bool) -> None:
        if base + size < base:
            size -= 1  # the end would overflow the address space
        self.next = self.mapped = base
        self.end = base + size
        self.mapMemory = mapMemory

    # go: runtime/malloc.go linearAlloc.alloc
    def alloc(self, size: int, align: int, sysStat: sysMemStat) -> int:
        """Bump-allocate size bytes aligned to align, mapping as needed; 0 if it does not fit."""
        p = (self.next + align - 1) & ~(align - 1)
        if p + size > self.end:
            return 0
        self.next = p + size
        phys = mem_linux.physPageSize
        pEnd = (self.next - 1 + phys - 1) & ~(phys - 1)
        if pEnd > self.mapped:
            if self.mapMemory:
                n = pEnd - self.mapped
                sysMap(self.mapped, n, sysStat)
                sysUsed(self.mapped, n, n)
            self.mapped = pEnd
        return p


# go: runtime/mfixalloc.go fixalloc
class fixalloc(Generic[T]):
    """A free-list allocator of fixed-size blocks. Protected by its owner's lock (mheap_.lock)."""

    __slots__ = (
        "size",
        "first",
        "list",
        "chunk",
        "nchunk",
        "nalloc",
        "inuse",
        "stat",
        "zero",
        "zeroBlock",
        "new",
        "objs",
    )

    def __init__(self) -> None:
        self.size = 0  # bytes per block
        self.first: Callable[[T], None] | None = None  # called the first time a block is handed out
        self.list = 0  # free blocks, linked through their first word (mlink)
        self.chunk = 0  # next unused byte of the current chunk
        self.nchunk = 0  # bytes left in the current chunk
        self.nalloc = 0  # bytes per new chunk: the largest multiple of size <= 16 KiB
        self.inuse = 0  # bytes handed out and not freed
        self.stat: sysMemStat | None = None  # where chunk memory is counted
        self.zero = True  # zero a recycled block when handing it out
        self.zeroBlock = b""  # size zero bytes, to zero a block with one store; set by init
        self.new: Callable[[int], T] | None = None  # makes the Python object for an address
        self.objs: dict[int, T] = {}  # address -> the Python object living there

    # go: runtime/mfixalloc.go fixalloc.init
    def init(
        self,
        size: int,
        first: Callable[[T], None] | None,
        stat: sysMemStat,
        new: Callable[[int], T] | None = None,
    ) -> None:
        if size > FixAllocChunk:
            throw("runtime: fixalloc size too large")
        size = max(size, 8)
        self.size = size
        self.first = first
        self.list = 0
        self.chunk = 0
        self.nchunk = 0
        self.nalloc = FixAllocChunk // size * size
        self.inuse = 0
        self.stat = stat
        self.zero = True
        self.zeroBlock = bytes(size)
        self.new = new

    # go: runtime/mfixalloc.go fixalloc.alloc
    def alloc(self) -> int:
        """Hand out one block; returns its address."""
        if self.size == 0:
            throw("runtime: use of FixAlloc_Alloc before FixAlloc_Init")
        v = self.list
        if v != 0:
            self.list = U64[v >> 3]
            self.inuse += self.size
            if self.zero:
                U8[v : v + self.size] = self.zeroBlock  # memclrNoHeapPointers
            else:
                U64[v >> 3] = 0
            return v
        if self.nchunk < self.size:
            if self.stat is None:
                throw("fixalloc: no stat")
            self.chunk = persistentalloc(self.nalloc, 0, self.stat)
            self.nchunk = self.nalloc
        v = self.chunk
        self.chunk += self.size
        self.nchunk -= self.size
        self.inuse += self.size
        return v

    # go: runtime/mfixalloc.go fixalloc.free
    def free(self, p: int) -> None:
        """Give back the block at p."""
        self.inuse -= self.size
        U64[p >> 3] = self.list
        self.list = p

    def allocObj(self) -> T:
        """Hand out one block and return the Python object that lives at its address."""
        v = self.alloc()
        obj = self.objs.get(v)
        if obj is None:
            if self.new is None:
                throw("fixalloc: no object factory")
            obj = self.new(v)
            self.objs[v] = obj
            if self.first is not None:
                self.first(obj)
        return obj

    def freeObj(self, obj: Any) -> None:
        """Give back the block of an object from allocObj."""
        self.free(obj.addr)

    def objAt(self, p: int) -> T | None:
        """The object at address p, if this allocator ever made one there."""
        return self.objs.get(p)
