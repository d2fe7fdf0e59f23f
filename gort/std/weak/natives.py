"""Natives of package weak: the runtime's weak handles.

A weak handle is an 8-byte cell in Go memory holding the object's address
(Go's runtime clears it when the object is collected); one handle per
object, so that weak.Make(p) == weak.Make(p).

Differences from Go: without a garbage collector nothing is ever
collected, so a handle never goes nil.
"""

from __future__ import annotations

from typing import Any

_handles: dict[int, int] = {}  # object address -> handle


def F_runtime_registerWeakPointer(gp: Any, p: int) -> int:
    from gort.runtime.malloc import mallocgc_g
    from gort.runtime.unsafe import U64

    h = _handles.get(p)
    if h is None:
        h = mallocgc_g(gp, 8, None, True)
        U64[h >> 3] = p
        _handles[p] = h
    return h


def F_runtime_makeStrongFromWeak(gp: Any, h: int) -> int:
    from gort.runtime.unsafe import U64

    return U64[h >> 3]
