"""Primitives Go writes in assembly: getg, memmove, memclr, memequal.

`getg()` returns the g running on this OS thread: the M's g0 while the
scheduler runs, or the user G it executes. Go keeps it in a register (R14 /
TLS); gort keeps it in thread-local storage, set by `setg` whenever an M
switches (gogo, mcall's return to g0). Compiled Go code does not call getg:
it receives `gp` as its first argument (docs/design/0001).

memmove / memclrNoHeapPointers / memequal work on raw addresses. Small sizes
go through the typed views (cheaper than a foreign call); large ones through
libc via ctypes.
"""

from __future__ import annotations

import ctypes
import threading
from typing import Any

from gort.runtime.unsafe import U8, U64

_tls = threading.local()


# go: runtime/stubs.go getg
def getg() -> Any:
    """The current g of this thread (g0 when on the scheduler)."""
    return _tls.g


def setg(gp: Any) -> None:
    """Make gp the current g of this thread (asm_amd64.s: set g in TLS), and
    the thread's TLS its M's m.tls (the thread's dict of _tls, where later
    switches store g directly)."""
    _tls.g = gp
    mp = getattr(gp, "m", None)
    if mp is not None:
        mp.tls = _tls.__dict__


# C's memmove and memset, called without releasing the GIL: they are quick,
# and giving the lock up to another busy M costs far more than the copy
# (ctypes.memmove/memset release it).
_memmove = ctypes.PYFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t)(
    ctypes._memmove_addr  # type: ignore[attr-defined]
)
_memset = ctypes.PYFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_size_t)(
    ctypes._memset_addr  # type: ignore[attr-defined]
)


# go: runtime/memmove_amd64.s memmove
def memmove(to: int, frm: int, n: int) -> None:
    """Copy n bytes from frm to to; the ranges may overlap."""
    if n <= 64 and not ((to | frm | n) & 7):
        if to <= frm or to >= frm + n:
            for i in range(0, n, 8):
                U64[(to + i) >> 3] = U64[(frm + i) >> 3]
        else:
            for i in range(n - 8, -8, -8):
                U64[(to + i) >> 3] = U64[(frm + i) >> 3]
        return
    if n:
        _memmove(to, frm, n)


# go: runtime/memclr_amd64.s memclrNoHeapPointers
def memclrNoHeapPointers(ptr: int, n: int) -> None:
    """Zero n bytes at ptr."""
    if n <= 64 and not ((ptr | n) & 7):
        for i in range(ptr >> 3, (ptr + n) >> 3):
            U64[i] = 0
        return
    if n:
        _memset(ptr, 0, n)


# go: internal/bytealg/equal_amd64.s memequal
def memequal(a: int, b: int, n: int) -> bool:
    """Report whether the n bytes at a and b are equal."""
    if a == b:
        return True
    return U8[a : a + n] == U8[b : b + n]


# go: runtime/asm_amd64.s systemstack
def systemstack(fn: Any, *args: Any) -> Any:
    """Run fn(*args) on the M's g0 and return its result.

    Go switches to the g0 stack; gort switches what getg() returns, so
    runtime code that must run on g0 (stackalloc, newproc1) sees g0. (Under
    --trace-runtime, calltrace carries the call depth over to g0.)
    """
    gp = _tls.g
    mp = gp.m
    g0 = mp.g0
    if gp is g0 or gp is mp.gsignal:
        return fn(*args)
    tls = mp.tls  # this thread's TLS (setg)
    tls["g"] = g0
    try:
        return fn(*args)
    finally:
        tls["g"] = gp
