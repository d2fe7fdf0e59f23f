"""Natives of package net: runtime.rand, and os.newUnixFile (a Go function
of package os that net reaches by linkname)."""

from __future__ import annotations

import sys
from collections.abc import Generator
from typing import Any


def F_runtime_rand(gp: Any) -> int:
    from gort.runtime import proc

    return proc.rand()


def F_newUnixFile(gp: Any, fd: int, name: tuple[int, int]) -> Generator[Any, Any, int]:
    os_ = sys.modules["gort_pkg.os"]
    r = os_.F_newUnixFile(gp, fd, name)
    if r is not None and hasattr(r, "send"):
        r = yield from r
    return int(r)
