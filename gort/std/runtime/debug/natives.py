"""Python natives of Go package runtime/debug: GC percent, FreeOSMemory, GC stats.

In gc these are runtime functions linked into runtime/debug
(//go:linkname); the Go side is garbage.go beside this file. Natives take
the running goroutine `gp` first; pointers are int addresses.
"""

from __future__ import annotations

from typing import Any

from gort.runtime.lock import lock, unlock
from gort.runtime.mheap import mheap_
from gort.runtime.mstats import gcController, readGCStats_m
from gort.runtime.unsafe import U64


# go: runtime/mgc.go setGCPercent
def F_SetGCPercent(gp: Any, percent: int) -> int:
    """func SetGCPercent(percent int) int: set GOGC, return the previous value."""
    from gort.runtime import mgc

    lock(mheap_.lock)
    out = gcController.setGCPercent(percent)
    if hasattr(mgc, "gcpercent"):
        mgc.gcpercent = gcController.gcPercent
    unlock(mheap_.lock)
    return out


# go: runtime/mheap.go runtime_debug_freeOSMemory
def F_FreeOSMemory(gp: Any) -> None:
    """func FreeOSMemory(): return every free heap page to the OS.

    Go first runs a full GC; until gort has one (GC issue) only the pages
    already free are returned."""
    mheap_.scavengeAll()


# go: runtime/mstats.go readGCStats
def F_readGCStats(gp: Any, pauses: int) -> None:
    """func readGCStats(pauses *[]time.Duration): write the pause history into *pauses."""
    ptr = U64[pauses >> 3]
    cap_ = U64[(pauses + 16) >> 3]
    lock(mheap_.lock)
    n = readGCStats_m(ptr, cap_)
    unlock(mheap_.lock)
    U64[(pauses + 8) >> 3] = n


SetGCPercent = F_SetGCPercent
FreeOSMemory = F_FreeOSMemory
readGCStats = F_readGCStats
