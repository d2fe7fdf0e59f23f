"""Natives of hash/maphash: what it takes from the runtime by linkname,
runtime.rand (for MakeSeed) and runtime.memhash (the hash of a block of
bytes, which Bytes, String and Hash chain over 128-byte pieces).

gort's memhash is the runtime's (gort/runtime/alg.py), so maphash gives
the same values as a map of the same hasher would; as in Go, they differ
from one process to the next.
"""

from __future__ import annotations

from typing import Any


def F_runtime_rand(gp: Any) -> int:
    from gort.runtime import proc

    return proc.rand()


def F_runtime_memhash(gp: Any, p: int, seed: int, s: int) -> int:
    from gort.runtime.alg import memhash

    return memhash(p, seed, s)
