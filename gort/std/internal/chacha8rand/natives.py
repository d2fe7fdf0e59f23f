"""Natives of internal/chacha8rand: `block`, gc's assembly on amd64.

The package carries a portable `block_generic` with the same signature
(built on every architecture); gort's `block` is that function, compiled
from Go like the rest of the package.
"""

from __future__ import annotations

import sys
from collections.abc import Generator
from typing import Any


def F_block(gp: Any, seed: int, blocks: int, counter: int) -> Generator[Any, Any, None]:
    mod = sys.modules["gort_pkg.internal.chacha8rand"]
    r = mod.F_block_generic(gp, seed, blocks, counter)
    if r is not None and hasattr(r, "send"):
        yield from r
