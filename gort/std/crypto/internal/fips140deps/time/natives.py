"""Natives of crypto/internal/fips140deps/time: runtime's nanotime."""

from __future__ import annotations

from typing import Any


def F_monoTime(gp: Any) -> int:
    from gort.runtime.proc import nanotime

    return nanotime()
