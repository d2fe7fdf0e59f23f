"""Getting memory from the OS: the states of address space, and the calls
that move a region between them (mem.go over mem_linux.go).

Go thinks of every region of address space as being in one of four states:

    None      not reserved, not mapped: the default
    Reserved  owned by the runtime, but touching it faults (PROT_NONE)
    Prepared  reserved and committed to no particular use; on Linux the
              same as Ready, since committing is lazy in the kernel
    Ready     may be read and written

and moves regions between them with:

    sysAlloc    None     -> Ready     mmap(nil, n, RW, ANON|PRIVATE)
    sysFree     any      -> None      munmap
    sysReserve  None     -> Reserved  mmap(v, n, PROT_NONE, ANON|PRIVATE)
    sysMap      Reserved -> Prepared  mmap(v, n, RW, ANON|FIXED|PRIVATE)
    sysUsed     Prepared -> Ready     (nothing on Linux; huge-page advice)
    sysUnused   Ready    -> Prepared  madvise(MADV_DONTNEED): pages go back
                                      to the OS, RSS drops, later reads see 0
    sysFault    Ready    -> Reserved  mmap(v, n, PROT_NONE, ANON|FIXED|PRIVATE)
    sysHugePage / sysNoHugePage       madvise(MADV_HUGEPAGE / MADV_NOHUGEPAGE)

The portable layer (mem.go: sysAlloc, sysMap, ...) does the accounting
(a `sysMemStat` per purpose, and gcController.mappedReady); the OS layer
(`*OS` functions, mem_linux.go) makes the system calls, through libc with
ctypes, so the memory is real: RSS tells the truth, and a Go pointer is an
address the views of unsafe.py can read.

Also here: physPageSize, physHugePageSize and physHugePageShift (malloc.go's
variables), which osinit may set before mallocinit; they default to what the
kernel reports.

Invariants:
  * Every call gets page-aligned arguments (the callers round).
  * sysMap is only applied to Reserved memory; sysAlloc memory is never
    passed to sysMap.

Differences from Go: no VMA naming (prctl PR_SET_VMA) and no asan/msan
hooks. sysUnused always uses MADV_DONTNEED (Go's default since 1.16; GODEBUG
madvdontneed=0 would select MADV_FREE, which keeps RSS until the kernel
needs the memory, so RSS would stop telling the truth).
"""

from __future__ import annotations

import ctypes
import os

from gort.runtime.mstats import gcController, sysMemStat

_PROT_NONE = 0
_PROT_READ = 1
_PROT_WRITE = 2
_MAP_PRIVATE = 0x02
_MAP_FIXED = 0x10
_MAP_ANON = 0x20
_MADV_DONTNEED = 4
_MADV_HUGEPAGE = 14
_MADV_NOHUGEPAGE = 15
_MADV_COLLAPSE = 25
_EACCES = 13
_EAGAIN = 11
_ENOMEM = 12
_MAP_FAILED = (1 << 64) - 1

# PyDLL: the calls keep the GIL. mmap, madvise and mprotect return at once;
# releasing the lock would let another busy M take it, and getting it back
# costs some 250 µs against the call's few.
_libc = ctypes.PyDLL(None, use_errno=True)
_mmap = _libc.mmap
_mmap.restype = ctypes.c_void_p
_mmap.argtypes = [
    ctypes.c_void_p,
    ctypes.c_size_t,
    ctypes.c_int,
    ctypes.c_int,
    ctypes.c_int,
    ctypes.c_long,
]
_munmap = _libc.munmap
_munmap.restype = ctypes.c_int
_munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
_madvise = _libc.madvise
_madvise.restype = ctypes.c_int
_madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]


def _hugePageSizeFromSys() -> int:
    """os_linux.go getHugePageSize: the THP size, 0 if unknown or not a power of two."""
    try:
        with open("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size", "rb") as f:
            n = int(f.read().strip() or b"0")
    except (OSError, ValueError):
        return 0
    if n <= 0 or n & (n - 1):
        return 0
    return n


# malloc.go: the OS's page sizes. Set by osinit (from AT_PAGESZ and sysfs)
# before mallocinit, which checks them; these defaults are the same values.
physPageSize = os.sysconf("SC_PAGESIZE")
physHugePageSize = _hugePageSizeFromSys()
physHugePageShift = 0  # log2(physHugePageSize); set by mallocinit


def mmap(addr: int, n: int, prot: int, flags: int) -> tuple[int, int]:
    """mmap(addr, n, prot, flags, -1, 0): (address, 0) or (0, errno)."""
    p = _mmap(addr or None, n, prot, flags, -1, 0)
    if p is None or p == _MAP_FAILED:
        return 0, ctypes.get_errno()
    return p, 0


def munmap(addr: int, n: int) -> int:
    """munmap(addr, n): 0 or errno."""
    if _munmap(addr, n) != 0:
        return ctypes.get_errno()
    return 0


def madvise(addr: int, n: int, advice: int) -> int:
    """madvise(addr, n, advice): 0 or errno."""
    if _madvise(addr, n, advice) != 0:
        return ctypes.get_errno()
    return 0


def _print(s: str) -> None:
    b = s.encode()
    while b:
        b = b[os.write(2, b) :]


# --- OS layer (mem_linux.go) -------------------------------------------------


# go: runtime/mem_linux.go sysAllocOS
def sysAllocOS(n: int) -> int:
    """None -> Ready: n bytes of zeroed memory anywhere, or 0."""
    p, err = mmap(0, n, _PROT_READ | _PROT_WRITE, _MAP_ANON | _MAP_PRIVATE)
    if err != 0:
        if err == _EACCES:
            _print("runtime: mmap: access denied\n")
            os._exit(2)
        if err == _EAGAIN:
            _print("runtime: mmap: too much locked memory (check 'ulimit -l').\n")
            os._exit(2)
        return 0
    return p


# Where the program image goes (see sysAllocImage): a Go binary for
# linux/amd64 is linked at 0x400000, its data and bss right after its text.
imageBase = 0x400000
_imageNext = imageBase


def sysAllocImage(n: int) -> int:
    """n bytes of zeroed memory for the program image (gort's stand-in for
    the segments the kernel maps at exec: the runtime's static data, the
    linker's rodata and data), placed from imageBase up, as a Go binary's
    are, or anywhere if that range is taken. 0 on failure.

    (Low addresses are also cheap ones for Python: docs/design/0004.)"""
    global _imageNext
    n = (n + 4095) & ~4095
    p, err = mmap(_imageNext, n, _PROT_READ | _PROT_WRITE, _MAP_ANON | _MAP_PRIVATE)
    if err != 0:
        return 0
    if p == _imageNext:
        _imageNext += n
    return p


# go: runtime/mem_linux.go sysUnusedOS
def sysUnusedOS(v: int, n: int) -> None:
    """Ready -> Prepared: the pages go back to the OS; their contents are lost."""
    madvise(v, n, _MADV_DONTNEED)


# go: runtime/mem_linux.go sysUsedOS
def sysUsedOS(v: int, n: int) -> None:
    """Prepared -> Ready. Nothing to do on Linux: the kernel commits on touch."""


# go: runtime/mem_linux.go sysHugePageOS
def sysHugePageOS(v: int, n: int) -> None:
    """Advise the kernel to back [v, v+n) with huge pages (rounded in)."""
    if physHugePageSize != 0:
        beg = (v + physHugePageSize - 1) & ~(physHugePageSize - 1)
        end = (v + n) & ~(physHugePageSize - 1)
        if beg < end:
            madvise(beg, end - beg, _MADV_HUGEPAGE)


# go: runtime/mem_linux.go sysNoHugePageOS
def sysNoHugePageOS(v: int, n: int) -> None:
    if v & (physPageSize - 1):
        return
    madvise(v, n, _MADV_NOHUGEPAGE)


# go: runtime/mem_linux.go sysFreeOS
def sysFreeOS(v: int, n: int) -> None:
    """Any -> None."""
    munmap(v, n)


# go: runtime/mem_linux.go sysFaultOS
def sysFaultOS(v: int, n: int) -> None:
    """Ready -> Reserved: any access now faults."""
    mmap(v, n, _PROT_NONE, _MAP_ANON | _MAP_PRIVATE | _MAP_FIXED)


# go: runtime/mem_linux.go sysReserveOS
def sysReserveOS(v: int, n: int) -> int:
    """None -> Reserved at (preferably) v. Returns the address (may differ from v) or 0."""
    p, err = mmap(v, n, _PROT_NONE, _MAP_ANON | _MAP_PRIVATE)
    if err != 0:
        return 0
    return p


# go: runtime/mem_linux.go sysMapOS
def sysMapOS(v: int, n: int) -> None:
    """Reserved -> Prepared (committed lazily by the kernel)."""
    p, err = mmap(v, n, _PROT_READ | _PROT_WRITE, _MAP_ANON | _MAP_FIXED | _MAP_PRIVATE)
    if err == _ENOMEM:
        from gort.runtime.panic import throw

        throw("runtime: out of memory")
    if p != v or err != 0:
        _print(f"runtime: mmap({hex(v)}, {n}) returned {hex(p)}, {err}\n")
        from gort.runtime.panic import throw

        throw("runtime: cannot map pages in arena address space")


# --- portable layer (mem.go) -------------------------------------------------


# go: runtime/mem.go sysAlloc
def sysAlloc(n: int, sysStat: sysMemStat) -> int:
    """None -> Ready, counted in sysStat. Returns 0 on failure."""
    sysStat.add(n)
    gcController.mappedReady += n
    return sysAllocOS(n)


# go: runtime/mem.go sysUnused
def sysUnused(v: int, n: int) -> None:
    gcController.mappedReady -= n
    sysUnusedOS(v, n)


# go: runtime/mem.go sysUsed
def sysUsed(v: int, n: int, prepared: int) -> None:
    """Prepared -> Ready; prepared is how many of the n bytes were Prepared."""
    gcController.mappedReady += prepared
    sysUsedOS(v, n)


# go: runtime/mem.go sysHugePage
def sysHugePage(v: int, n: int) -> None:
    sysHugePageOS(v, n)


# go: runtime/mem.go sysNoHugePage
def sysNoHugePage(v: int, n: int) -> None:
    sysNoHugePageOS(v, n)


# go: runtime/mem.go sysFree
def sysFree(v: int, n: int, sysStat: sysMemStat) -> None:
    sysStat.add(-n)
    gcController.mappedReady -= n
    sysFreeOS(v, n)


# go: runtime/mem.go sysFault
def sysFault(v: int, n: int) -> None:
    gcController.mappedReady -= n
    sysFaultOS(v, n)


# go: runtime/mem.go sysReserve
def sysReserve(v: int, n: int) -> int:
    return sysReserveOS(v, n)


# go: runtime/mem.go sysMap
def sysMap(v: int, n: int, sysStat: sysMemStat) -> None:
    """Reserved -> Prepared, counted in sysStat."""
    sysStat.add(n)
    sysMapOS(v, n)


# go: runtime/malloc.go sysReserveAligned
def sysReserveAligned(v: int, size: int, align: int) -> tuple[int, int]:
    """Reserve size bytes aligned to align (over-reserve, then trim). (addr, size) or (0, 0)."""
    p = sysReserve(v, size + align)
    if p == 0:
        return 0, 0
    pAligned = (p + align - 1) & ~(align - 1)
    if pAligned > p:
        sysFreeOS(p, pAligned - p)
    end = pAligned + size
    endLen = p + size + align - end
    if endLen > 0:
        sysFreeOS(end, endLen)
    return pAligned, size
