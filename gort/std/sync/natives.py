"""Natives of Go package sync: its body-less functions (runtime.go, pool.go, cond.go).

In gc these are runtime functions linknamed into sync: the semaphores and
notify lists of runtime/sema.go (gort/runtime/sema.py), the pool hooks of
runtime/mgc.go and proc.go. Natives take the running goroutine `gp` first;
pointers are int addresses, strings (ptr, len) tuples. The ones that may
park are generators. sync.Mutex itself lives in internal/sync (Go 1.24+).
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from gort.runtime import proc, sema
from gort.runtime.panic import fatal, throw
from gort.runtime.string import gostring

# The sync.Pool cleanup function (a funcval), run by the GC before each
# cycle (mgc.go clearpools); set once by package sync's init.
poolcleanup = 0


# go: runtime/sema.go sync_runtime_Semacquire
def F_runtime_Semacquire(gp: Any, s: int) -> Generator[Any, Any, None]:
    """func runtime_Semacquire(s *uint32)"""
    yield from sema.sync_runtime_Semacquire(s)


# go: runtime/sema.go sync_runtime_SemacquireWaitGroup
def F_runtime_SemacquireWaitGroup(gp: Any, s: int, synctestDurable: bool) -> Generator[Any, Any, None]:
    """func runtime_SemacquireWaitGroup(s *uint32, synctestDurable bool)"""
    yield from sema.sync_runtime_SemacquireWaitGroup(s, synctestDurable)


# go: runtime/sema.go sync_runtime_SemacquireRWMutexR
def F_runtime_SemacquireRWMutexR(gp: Any, s: int, lifo: bool, skipframes: int) -> Generator[Any, Any, None]:
    yield from sema.sync_runtime_SemacquireRWMutexR(s, lifo, skipframes)


# go: runtime/sema.go sync_runtime_SemacquireRWMutex
def F_runtime_SemacquireRWMutex(gp: Any, s: int, lifo: bool, skipframes: int) -> Generator[Any, Any, None]:
    yield from sema.sync_runtime_SemacquireRWMutex(s, lifo, skipframes)


# go: runtime/sema.go sync_runtime_Semrelease
def F_runtime_Semrelease(gp: Any, s: int, handoff: bool, skipframes: int) -> Generator[Any, Any, None]:
    """func runtime_Semrelease(s *uint32, handoff bool, skipframes int): may yield (handoff)."""
    yield from sema.sync_runtime_Semrelease(s, handoff, skipframes)


# go: runtime/sema.go notifyListAdd
def F_runtime_notifyListAdd(gp: Any, l: int) -> int:
    return sema.notifyListAdd(l)


# go: runtime/sema.go notifyListWait
def F_runtime_notifyListWait(gp: Any, l: int, t: int) -> Generator[Any, Any, None]:
    yield from sema.notifyListWait(l, t)


# go: runtime/sema.go notifyListNotifyAll
def F_runtime_notifyListNotifyAll(gp: Any, l: int) -> None:
    sema.notifyListNotifyAll(l)


# go: runtime/sema.go notifyListNotifyOne
def F_runtime_notifyListNotifyOne(gp: Any, l: int) -> None:
    sema.notifyListNotifyOne(l)


# go: runtime/sema.go notifyListCheck
def F_runtime_notifyListCheck(gp: Any, size: int) -> None:
    sema.notifyListCheck(size)


# go: runtime/panic.go sync_throw
def F_throw(gp: Any, s: tuple[int, int]) -> None:
    throw(gostring(s))


# go: runtime/panic.go sync_fatal
def F_fatal(gp: Any, s: tuple[int, int]) -> None:
    fatal(gostring(s))


# go: runtime/rand.go sync_runtime_randn
def F_runtime_randn(gp: Any, n: int) -> int:
    return proc.cheaprandn(n)


# go: runtime/mgc.go sync_runtime_registerPoolCleanup
def F_runtime_registerPoolCleanup(gp: Any, cleanup: int) -> None:
    global poolcleanup
    poolcleanup = cleanup


# go: runtime/proc.go sync_runtime_procPin
def F_runtime_procPin(gp: Any) -> int:
    """Pin the goroutine to its P (no preemption) and return the P's id."""
    mp = gp.m
    mp.locks += 1
    return int(mp.p.id)


# go: runtime/proc.go sync_runtime_procUnpin
def F_runtime_procUnpin(gp: Any) -> None:
    gp.m.locks -= 1
