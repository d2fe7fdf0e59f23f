"""Natives of package iter: the runtime's coroutines (gort/runtime/coro.py)."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from gort.runtime import coro


def F_newcoro(gp: Any, f: int) -> int:
    return coro.newcoro(f)


def F_coroswitch(gp: Any, c: int) -> Generator[Any, Any, None]:
    yield from coro.coroswitch(gp, c)
