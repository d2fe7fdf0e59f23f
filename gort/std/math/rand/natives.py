"""Natives of math/rand: runtime.rand, the runtime's random source."""

from __future__ import annotations

from typing import Any


def F_runtime_rand(gp: Any) -> int:
    from gort.runtime import proc

    return proc.rand()
