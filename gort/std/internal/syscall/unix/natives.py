"""Natives of internal/syscall/unix: what it takes from package runtime.

fcntl is runtime.fcntl in Go (a raw system call returning the value and the
errno separately); vgetrandom is the vDSO getrandom, which gort does not
use, so it reports itself unsupported and the package falls back to the
getrandom(2) system call.

Differences from Go: the socket helpers linked from package syscall
(RecvfromInet4 and friends, used only by package net) are not provided.
"""

from __future__ import annotations

from typing import Any

from gort.std.internal.runtime.syscall.linux.natives import rawsyscall

SYS_FCNTL = 72


def F_fcntl(gp: Any, fd: int, cmd: int, arg: int) -> tuple[int, int]:
    r, _, e = rawsyscall(SYS_FCNTL, fd, cmd, arg)
    if e:
        return -1, e
    return r, 0


def F_vgetrandom(gp: Any, p: tuple[int, int, int], flags: int) -> tuple[int, bool]:
    return -1, False
