"""roundupsize: the size mallocgc really allocates for a request (msize.go).

See malloc.py. A small request is rounded up to its size class, after
adding the 8-byte malloc header that pointerful objects over 512 bytes
carry (and the header is then subtracted again: the caller gets the usable
size). A large request is rounded up to whole pages. growslice uses this to
give a grown slice all the capacity its memory block has.

Also here: `smallSizeToClass`, the size class of every small request in
one table indexed by (size + 7) >> 3 — Go's two tables SizeToSizeClass8
(8-byte steps up to 1024 bytes) and SizeToSizeClass128 (128-byte steps
above) merged, which is exact because every 128-byte step starts on an
8-byte boundary. mallocgc and roundupsize look classes up there.
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

# smallSizeToClass[(n + 7) >> 3] is the size class of a request of n bytes, 0 < n <= 32768.
smallSizeToClass = [
    SizeToSizeClass8[i]
    if i * SmallSizeDiv <= SmallSizeMax - 8
    else SizeToSizeClass128[(i * SmallSizeDiv - SmallSizeMax + LargeSizeDiv - 1) // LargeSizeDiv]
    for i in range(MaxSmallSize // SmallSizeDiv + 1)
]
# The same, mapped to the class's size.
_smallSizeToSize = [SizeClassToSize[c] for c in smallSizeToClass]


# go: runtime/msize.go roundupsize
def roundupsize(size: int, noscan: bool) -> int:
    """The usable size of the block mallocgc allocates for size bytes."""
    if size <= MaxSmallSize - MallocHeaderSize:
        if noscan or size <= MinSizeForMallocHeader:
            return _smallSizeToSize[(size + 7) >> 3]
        # The header takes 8 bytes of the block.
        return _smallSizeToSize[(size + MallocHeaderSize + 7) >> 3] - MallocHeaderSize
    reqSize = size + PageSize - 1
    if reqSize > (1 << 64) - 1:
        return size
    return reqSize & ~(PageSize - 1)


def sizeToClass(size: int) -> int:
    """The size class of a small request of size bytes (no header added)."""
    return smallSizeToClass[(size + 7) >> 3]
