"""Natives of internal/synctest: the bubbles of testing/synctest.

gort has no synctest bubbles yet: no goroutine is ever in one, so every
query answers "not in a bubble" and association is a no-op, which is what
the packages that call these (sync, time) expect outside tests. Run and
Wait, which would create and wait on a bubble, are fatal errors.
"""

from __future__ import annotations

from typing import Any

from gort.runtime.panic import fatal


def F_Run(gp: Any, f: int) -> None:
    fatal("synctest.Run: bubbles are not supported by gort yet")


def F_Wait(gp: Any) -> None:
    fatal("synctest.Wait: bubbles are not supported by gort yet")


def F_IsInBubble(gp: Any) -> bool:
    return False


def F_associate(gp: Any, p: int) -> int:
    return 0  # Unbubbled


def F_disassociate(gp: Any, b: int) -> None:
    return None


def F_isAssociated(gp: Any, p: int) -> bool:
    return False


def F_acquire(gp: Any) -> tuple[int, int]:
    return (0, 0)


def F_release(gp: Any, b: tuple[int, int]) -> None:
    return None


def F_inBubble(gp: Any, b: tuple[int, int], f: int) -> Any:
    from gort.runtime.symtab import FUNCTAB
    from gort.runtime.unsafe import U64

    r = FUNCTAB[U64[f >> 3]](gp, f)  # type: ignore[misc]
    if r is not None and hasattr(r, "send"):
        yield from r
