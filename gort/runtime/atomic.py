"""Atomic operations on runtime fields and on Go memory words.

Go's runtime/internal/atomic compiles to single instructions (LOCK CMPXCHG,
XADD). Python has no such instructions, so gort does what Go does on
platforms whose hardware lacks an atomic of the needed width: it guards the
read-modify-write with a spinlock chosen from a small table by the address
of the word (internal/runtime/atomic's lock table on 32-bit ARM, for
64-bit operations).

Two families:
  * on attributes of runtime objects: `Cas(obj, "runqhead", old, new)`,
    `Xadd(obj, "nmspinning", -1)`, `Xchg`, `Load`, `Store`;
  * on words of Go memory: `Cas64(addr, old, new)`, `Xadd64`, `Load64`,
    `Store64`, `Cas32`, `Xadd32`, `Load32`, `Store32`.

Plain loads and stores of one attribute or one memory word are single
operations for the interpreter, so `Load`/`Store` take no lock.

Invariants: every read-modify-write of a field that another M may modify at
the same time goes through this module.
"""

from __future__ import annotations

import threading
from typing import Any

from gort.runtime.unsafe import U32, U64

_NLOCKS = 64
_locks = [threading.Lock() for _ in range(_NLOCKS)]


def _lockfor(key: int) -> threading.Lock:
    return _locks[(key >> 4) & (_NLOCKS - 1)]


def Load(obj: Any, name: str) -> Any:
    return getattr(obj, name)


def Store(obj: Any, name: str, v: Any) -> None:
    setattr(obj, name, v)


def Cas(obj: Any, name: str, old: Any, new: Any) -> bool:
    """If obj.name is old (identity for objects, equality for ints), set it to new."""
    with _lockfor(id(obj)):
        cur = getattr(obj, name)
        if cur is old or (type(cur) is int and cur == old):
            setattr(obj, name, new)
            return True
        return False


def Xadd(obj: Any, name: str, delta: int) -> int:
    """obj.name += delta; returns the new value."""
    with _lockfor(id(obj)):
        v: int = getattr(obj, name) + delta
        setattr(obj, name, v)
        return v


def Xchg(obj: Any, name: str, new: Any) -> Any:
    with _lockfor(id(obj)):
        old = getattr(obj, name)
        setattr(obj, name, new)
        return old


def Load64(addr: int) -> int:
    return U64[addr >> 3]


def Store64(addr: int, v: int) -> None:
    U64[addr >> 3] = v


def Cas64(addr: int, old: int, new: int) -> bool:
    with _lockfor(addr):
        if U64[addr >> 3] == old:
            U64[addr >> 3] = new
            return True
        return False


def Xadd64(addr: int, delta: int) -> int:
    with _lockfor(addr):
        v = (U64[addr >> 3] + delta) & 0xFFFFFFFFFFFFFFFF
        U64[addr >> 3] = v
        return v


def Xchg64(addr: int, new: int) -> int:
    with _lockfor(addr):
        old = U64[addr >> 3]
        U64[addr >> 3] = new
        return old


def Load32(addr: int) -> int:
    return U32[addr >> 2]


def Store32(addr: int, v: int) -> None:
    U32[addr >> 2] = v


def Cas32(addr: int, old: int, new: int) -> bool:
    with _lockfor(addr):
        if U32[addr >> 2] == old:
            U32[addr >> 2] = new
            return True
        return False


def Xadd32(addr: int, delta: int) -> int:
    with _lockfor(addr):
        v = (U32[addr >> 2] + delta) & 0xFFFFFFFF
        U32[addr >> 2] = v
        return v


def Xchg32(addr: int, new: int) -> int:
    with _lockfor(addr):
        old = U32[addr >> 2]
        U32[addr >> 2] = new
        return old
