"""Python natives of Go package runtime: the memory statistics (mstats.go).

Natives take the running goroutine `gp` first, then the Go arguments as
docs/design/0001 represents them (a pointer is an int address). The Go
declarations they implement are in mstats.go beside this file.
"""

from __future__ import annotations

from typing import Any

from gort.runtime import mstats


def _stopTheWorld() -> Any:
    """Stop the world if the scheduler can (proc.stopTheWorld), else do nothing."""
    from gort.runtime import proc

    stw = getattr(proc, "stopTheWorld", None)
    return stw("read mem stats") if stw is not None else None


def _startTheWorld(w: Any) -> None:
    from gort.runtime import proc

    start = getattr(proc, "startTheWorld", None)
    if start is not None and w is not None:
        start(w)


# go: runtime/mstats.go ReadMemStats
def F_ReadMemStats(gp: Any, m: int) -> None:
    """func ReadMemStats(m *MemStats): fill *m with the allocator's statistics."""
    w = _stopTheWorld()
    try:
        mstats.readmemstats_m(m)
    finally:
        _startTheWorld(w)


ReadMemStats = F_ReadMemStats
