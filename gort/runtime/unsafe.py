"""The process's address space, as Go code sees it.

Go reads and writes memory with machine instructions. gort reads and writes
it through typed views of one buffer that starts at address 0 and spans the
user half of the 47-bit address space, so a Go address *is* an index:

    U64[p >> 3]          the uint64 at p (p 8-aligned)
    F64[(p + 8) >> 3]    the float64 field at offset 8
    U8[p]                the byte at p

The views are made once, at import, with ctypes (a char array placed at
address 0). They do not map anything: touching an address that is not
mapped kills the process with SIGSEGV, exactly as a wild store would in C.
Everything Go code reaches is mapped by the allocator first (`mem_linux.py`);
a nil pointer is caught by the compiler's nil checks before it is used.

Invariants:
  * gc's alignment rules hold, so an n-byte scalar lives at an address that
    is a multiple of n, and `p >> log2(n)` is exact.
  * Values written through a typed view must already be inside that type's
    range (the views raise ValueError otherwise; generated code wraps first).

Differences from Go: none in meaning. Reads and writes are not atomic with
respect to other Ms beyond what the GIL gives; the runtime's own atomics go
through `atomic.py`.
"""

from __future__ import annotations

import ctypes

# The user half of the x86-64 address space (47 bits).
_ADDRESS_SPACE = 1 << 47

_whole = (ctypes.c_char * _ADDRESS_SPACE).from_address(0)
_mv = memoryview(_whole).cast("B")

# The 64-bit views use C's long where it is 64 bits wide (LP64: Linux, macOS)
# rather than long long: the same bytes and the same range checks, but
# CPython converts a Python int to an unsigned long with a short loop over
# its digits and to an unsigned long long through a byte-array round trip,
# so a store of a large value (an address, most often) costs a third less.
_LONG_IS_64 = ctypes.sizeof(ctypes.c_ulong) == 8

U8 = _mv
I8 = _mv.cast("b")
U16 = _mv.cast("H")
I16 = _mv.cast("h")
U32 = _mv.cast("I")
I32 = _mv.cast("i")
U64 = _mv.cast("L") if _LONG_IS_64 else _mv.cast("Q")
I64 = _mv.cast("l") if _LONG_IS_64 else _mv.cast("q")
F32 = _mv.cast("f")
F64 = _mv.cast("d")

PtrSize = 8


def read_bytes(p: int, n: int) -> bytes:
    """Copy n bytes at p into a Python bytes object."""
    return bytes(_mv[p : p + n])


def write_bytes(p: int, b: bytes) -> None:
    """Store the bytes b at p."""
    _mv[p : p + len(b)] = b
