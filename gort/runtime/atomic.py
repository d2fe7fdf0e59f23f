"""Atomic operations on runtime fields and on Go memory words.

Go's runtime/internal/atomic compiles to single instructions (LOCK CMPXCHG,
XADD). Python has no such instructions, so gort does what Go does on
platforms whose hardware lacks an atomic of the needed width: it guards the
read-modify-write with a spinlock chosen from a small table by the address
of the word (internal/runtime/atomic's lock table on 32-bit ARM, for
64-bit operations).

Three families:
  * typed atomic values, as Go 1.19's atomic.Int32/Int64/Uint32/Bool:
    `sched.nmspinning.Add(1)`, `.Load()`, `.Store(v)`,
    `.CompareAndSwap(old, new)`, `.Swap(new)`. Each value carries its own
    lock, so the hot scheduler counters never share one (this is the
    fastest form: ~90 ns for a compare-and-swap, against ~250 ns for the
    lock table);
  * on attributes of runtime objects: `Cas(obj, "runqhead", old, new)`,
    `Xadd(obj, "nmspinning", -1)`, `Xchg`, `Load`, `Store`;
  * on words of Go memory: `Cas64(addr, old, new)`, `Xadd64`, `Load64`,
    `Store64`, `Cas32`, `Xadd32`, `Load32`, `Store32`, `And32`, `Or32`...
    (what compiled sync/atomic and internal/runtime/atomic call).

Plain loads and stores of one attribute or one memory word are single
operations for the interpreter, so `Load`/`Store` take no lock.

Under CPython's global interpreter lock (see `gilAtomic`) the word
operations take no lock either: each is a load, an operation and a store
with no call between them, which no other thread can interrupt. The
scheduler's hottest compare-and-swaps (a G's status, a P's runnext and
queue head) are written out the same way where they are used. Without a
GIL, `useLocks` puts the word operations under the lock table, and the
scheduler takes its locked paths.

Invariants: every read-modify-write of a field that another M may modify at
the same time goes through this module, or is a `gilAtomic` sequence.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from gort.runtime.unsafe import U8, U32, U64

# Whether Python code runs under a global interpreter lock. CPython then
# hands the lock to another thread only where the interpreter checks for a
# pending switch — function entries and calls, backward jumps — or in C code
# that blocks. So a load, compare and store of __slots__ attributes holding
# small ints or object references, with no call and no loop between them,
# runs without another thread in between: it is atomic, as the CAS
# instruction Go uses is, and needs no lock. The runtime's hottest CASes
# take this path when gilAtomic is set (docs/design/0005-gil-atomic-cas.md);
# every other writer of the same fields holds the field's lock across a
# sequence equally free of calls, so the two kinds never interleave.
# Free-threaded CPython has no such lock: there every CAS takes its lock.
gilAtomic: bool = bool(getattr(sys, "_is_gil_enabled", lambda: True)())

_NLOCKS = 64
_LOCKMASK = _NLOCKS - 1
_locks = [threading.Lock() for _ in range(_NLOCKS)]


def _lockfor(key: int) -> threading.Lock:
    """The lock of the table that guards key (the locked word operations
    index the table themselves, and hold it with acquire/release rather
    than `with`, which costs half as much again)."""
    return _locks[(key >> 4) & _LOCKMASK]


class Int:
    """An atomic integer (atomic.Int32, Int64, Uint32, Uint64 in Go).

    `v` is the value: read it directly or with Load; every
    read-modify-write holds `_l`. The value is not wrapped to a width: the
    runtime's counters stay far inside int32.
    """

    __slots__ = ("v", "_l")

    def __init__(self, v: int = 0) -> None:
        self.v = v  # the value; written under _l (or by Store)
        self._l = threading.Lock()  # serialises read-modify-write

    def Load(self) -> int:
        return self.v

    def Store(self, v: int) -> None:
        self.v = v

    def Add(self, delta: int) -> int:
        """Add delta; return the new value."""
        l = self._l
        l.acquire()
        v = self.v + delta
        self.v = v
        l.release()
        return v

    def CompareAndSwap(self, old: int, new: int) -> bool:
        l = self._l
        l.acquire()
        if self.v == old:
            self.v = new
            l.release()
            return True
        l.release()
        return False

    def Swap(self, new: int) -> int:
        l = self._l
        l.acquire()
        old = self.v
        self.v = new
        l.release()
        return old

    def __repr__(self) -> str:
        return f"atomic({self.v})"


Int32 = Int64 = Uint32 = Uint64 = Int


class Bool:
    """An atomic boolean (atomic.Bool)."""

    __slots__ = ("v", "_l")

    def __init__(self, v: bool = False) -> None:
        self.v = v  # the value; written under _l (or by Store)
        self._l = threading.Lock()

    def Load(self) -> bool:
        return self.v

    def Store(self, v: bool) -> None:
        self.v = v

    def CompareAndSwap(self, old: bool, new: bool) -> bool:
        l = self._l
        l.acquire()
        if self.v == old:
            self.v = new
            l.release()
            return True
        l.release()
        return False

    def Swap(self, new: bool) -> bool:
        l = self._l
        l.acquire()
        old = self.v
        self.v = new
        l.release()
        return old

    def __repr__(self) -> str:
        return f"atomic({self.v})"


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


# Read-modify-writes of Go memory words. Each body is a load, an operation
# and a store with no call and no loop between them: under the GIL that is
# atomic as it stands (see gilAtomic). Without a GIL, useLocks wraps each in
# the lock of the table that guards its address.


def Cas64(addr: int, old: int, new: int) -> bool:
    w = addr >> 3
    if U64[w] == old:
        U64[w] = new
        return True
    return False


def Xadd64(addr: int, delta: int) -> int:
    w = addr >> 3
    v = (U64[w] + delta) & 0xFFFFFFFFFFFFFFFF
    U64[w] = v
    return v


def Xchg64(addr: int, new: int) -> int:
    w = addr >> 3
    old = U64[w]
    U64[w] = new
    return old


def Load32(addr: int) -> int:
    return U32[addr >> 2]


def Store32(addr: int, v: int) -> None:
    U32[addr >> 2] = v


def Cas32(addr: int, old: int, new: int) -> bool:
    w = addr >> 2
    if U32[w] == old:
        U32[w] = new
        return True
    return False


def Xadd32(addr: int, delta: int) -> int:
    w = addr >> 2
    v = (U32[w] + delta) & 0xFFFFFFFF
    U32[w] = v
    return v


def Xchg32(addr: int, new: int) -> int:
    w = addr >> 2
    old = U32[w]
    U32[w] = new
    return old


def And32(addr: int, mask: int) -> int:
    """*addr &= mask; returns the old value."""
    w = addr >> 2
    old = U32[w]
    U32[w] = old & mask
    return old


def Or32(addr: int, mask: int) -> int:
    """*addr |= mask; returns the old value."""
    w = addr >> 2
    old = U32[w]
    U32[w] = old | mask
    return old


def And64(addr: int, mask: int) -> int:
    w = addr >> 3
    old = U64[w]
    U64[w] = old & mask
    return old


def Or64(addr: int, mask: int) -> int:
    w = addr >> 3
    old = U64[w]
    U64[w] = old | mask
    return old


def Xchg8(addr: int, new: int) -> int:
    old = U8[addr]
    U8[addr] = new
    return old


def And8(addr: int, mask: int) -> int:
    old = U8[addr]
    U8[addr] = old & mask
    return old


def Or8(addr: int, mask: int) -> int:
    old = U8[addr]
    U8[addr] = old | mask
    return old


_wordOps = ("Cas64", "Xadd64", "Xchg64", "Cas32", "Xadd32", "Xchg32", "And32", "Or32", "And64", "Or64", "Xchg8", "And8", "Or8")

# The operations as written above, which useLocks wraps.
_plainOps: dict[str, Callable[..., Any]] = {name: globals()[name] for name in _wordOps}


def _locked(op: Callable[..., Any]) -> Callable[..., Any]:
    """op(addr, ...) under the lock of the table that guards addr."""

    def locked(addr: int, *args: int) -> Any:
        l = _locks[(addr >> 4) & _LOCKMASK]
        l.acquire()
        try:
            return op(addr, *args)
        finally:
            l.release()

    locked.__name__ = locked.__qualname__ = op.__name__
    return locked


def useLocks() -> None:
    """Give up the GIL's atomicity: every CAS of the scheduler and every word
    operation above takes its lock, as free-threaded Python needs. Import
    runs it there; tests run it to exercise that path under a GIL (before
    gort.runtime.proc is imported, which reads gilAtomic once)."""
    global gilAtomic
    gilAtomic = False
    g = globals()
    for name, op in _plainOps.items():
        g[name] = _locked(op)


if not gilAtomic:
    useLocks()
