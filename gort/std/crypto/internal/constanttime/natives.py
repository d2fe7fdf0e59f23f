"""Natives of crypto/internal/constanttime: boolToUint8, which gc's compiler
replaces with a flag-to-register instruction (SETcc) and whose Go body only
panics ("unreachable; must be intrinsicified"). gort runs it as a native
(OVERRIDES) returning 1 or 0.

Differences from Go: the answer does not take constant time in the way the
SETcc instruction does; no Python code does.
"""

from __future__ import annotations

from typing import Any

OVERRIDES = frozenset({"F_boolToUint8"})


def F_boolToUint8(gp: Any, b: bool) -> int:
    return 1 if b else 0
