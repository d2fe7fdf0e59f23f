"""roundupsize: the size mallocgc really allocates for a request (msize.go).

See malloc.py. A small request is rounded up to its size class, after
adding the 8-byte malloc header that pointerful objects over 512 bytes
carry (and the header is then subtracted again: the caller gets the usable
size). A large request is rounded up to whole pages. growslice uses this to
give a grown slice all the capacity its memory block has.
"""

from __future__ import annotations

from gort.runtime.mbitmap import MallocHeaderSize, MinSizeForMallocHeader
from gort.runtime.param import PageSize
from gort.runtime.sizeclasses import (
    LargeSizeDiv,
    MaxSmallSize,
    SizeClassToSize,
    SizeToSizeClass8,
    SizeToSizeClass128,
    SmallSizeDiv,
    SmallSizeMax,
)


# go: runtime/msize.go roundupsize
def roundupsize(size: int, noscan: bool) -> int:
    """The usable size of the block mallocgc allocates for size bytes."""
    reqSize = size
    if reqSize <= MaxSmallSize - MallocHeaderSize:
        if not noscan and reqSize > MinSizeForMallocHeader:
            reqSize += MallocHeaderSize
        if reqSize <= SmallSizeMax - 8:
            return SizeClassToSize[
                SizeToSizeClass8[(reqSize + SmallSizeDiv - 1) // SmallSizeDiv]
            ] - (reqSize - size)
        return SizeClassToSize[
            SizeToSizeClass128[(reqSize - SmallSizeMax + LargeSizeDiv - 1) // LargeSizeDiv]
        ] - (reqSize - size)
    reqSize += PageSize - 1
    if reqSize > (1 << 64) - 1:
        return size
    return reqSize & ~(PageSize - 1)


def sizeToClass(size: int) -> int:
    """The size class of a small request of size bytes (no header added)."""
    if size <= SmallSizeMax - 8:
        return SizeToSizeClass8[(size + SmallSizeDiv - 1) // SmallSizeDiv]
    return SizeToSizeClass128[(size - SmallSizeMax + LargeSizeDiv - 1) // LargeSizeDiv]
