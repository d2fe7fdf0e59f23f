"""Natives of internal/runtime/syscall/linux: the raw system call.

Syscall6 is gc's assembly (SYSCALL with six arguments); gort calls the C
library's syscall(2) wrapper through ctypes, with the same result
convention: on error r1 = ^uintptr(0) and errno is the error number. The
arguments are Go values — addresses into Go memory are real addresses, so
the kernel reads and writes Go memory directly.
"""

from __future__ import annotations

import ctypes
from typing import Any

_libc = ctypes.CDLL(None, use_errno=True)
_syscall = _libc.syscall
_syscall.restype = ctypes.c_long
_M64 = 0xFFFFFFFFFFFFFFFF


def rawsyscall(num: int, a1: int = 0, a2: int = 0, a3: int = 0, a4: int = 0, a5: int = 0, a6: int = 0) -> tuple[int, int, int]:
    args = [ctypes.c_long(((a + (1 << 63)) & _M64) - (1 << 63)) for a in (a1, a2, a3, a4, a5, a6)]
    ctypes.set_errno(0)
    r = _syscall(ctypes.c_long(num), *args)
    if r == -1:
        e = ctypes.get_errno()
        if e:
            return _M64, 0, e
    return r & _M64, 0, 0


def F_Syscall6(gp: Any, num: int, a1: int, a2: int, a3: int, a4: int, a5: int, a6: int) -> tuple[int, int, int]:
    return rawsyscall(num, a1, a2, a3, a4, a5, a6)
