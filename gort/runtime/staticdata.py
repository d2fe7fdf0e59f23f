"""The runtime's static data: what Go keeps in the binary's data and bss.

Go's runtime has package-level arrays that exist before any code runs:
`zerobase` (the address of every zero-size allocation), `staticuint64s`
(the integers 0..255, so that boxing a small value allocates nothing) and
`zeroVal` (a zeroed block for boxing zero values). In a Go binary they sit
in the data segment the kernel maps at exec. gort maps a small segment for
them when this module is first imported, outside the heap and outside the
runtime's memory statistics, as the kernel's mapping of a binary is.
"""

from __future__ import annotations

from gort.runtime.unsafe import U64

_SEGMENT = 8192 + 4096


def _map() -> int:
    from gort.runtime.mem_linux import sysAllocImage

    return sysAllocImage(_SEGMENT)


_base = _map()
staticuint64s = _base  # [256]uint64{0, 1, ..., 255}
zeroVal = _base + 2048  # [1024]byte, all zero (abi.ZeroValSize)
zerobase = _base + 4096  # uintptr, zero
for _i in range(256):
    U64[(staticuint64s >> 3) + _i] = _i
