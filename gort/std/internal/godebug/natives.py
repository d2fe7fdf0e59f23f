"""Natives of internal/godebug: its links into package runtime.

setUpdate hands the runtime the function to call with the GODEBUG
defaults and environment (at once, and again when the environment
changes: syscall's runtimeSetenv calls `godebugEnvChanged`);
registerMetric and setNewIncNonDefault feed runtime/metrics, which gort
does not have, so they only keep what they are given.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import Any

_update = 0  # the func(string, string) from setUpdate
_newIncNonDefault = 0
metrics: dict[str, int] = {}  # name -> func() uint64


def _call(gp: Any, fv: int, *args: Any) -> Generator[Any, Any, Any]:
    from gort.runtime.symtab import FUNCTAB
    from gort.runtime.unsafe import U64

    r = FUNCTAB[U64[fv >> 3]](gp, fv, *args)  # type: ignore[misc]
    if r is not None and hasattr(r, "send"):
        r = yield from r
    return r


def F_setUpdate(gp: Any, update: int) -> Generator[Any, Any, None]:
    global _update
    from gort.runtime.string import makestring

    _update = update
    yield from _call(gp, update, makestring(""), makestring(os.environ.get("GODEBUG", "")))


def godebugEnvChanged(gp: Any) -> Generator[Any, Any, None]:
    """The runtime's godebugNotify: GODEBUG changed through os.Setenv."""
    from gort.runtime.string import makestring

    if _update:
        yield from _call(gp, _update, makestring(""), makestring(os.environ.get("GODEBUG", "")))


def F_registerMetric(gp: Any, name: tuple[int, int], read: int) -> None:
    from gort.runtime.string import gostring

    metrics[gostring(name)] = read


def F_setNewIncNonDefault(gp: Any, newIncNonDefault: int) -> None:
    global _newIncNonDefault
    _newIncNonDefault = newIncNonDefault


def F_write(gp: Any, fd: int, p: int, n: int) -> int:
    from gort.runtime.unsafe import U8

    return os.write(fd, bytes(U8[p : p + n]))
