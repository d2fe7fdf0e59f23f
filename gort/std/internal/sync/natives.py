"""Natives of Go package internal/sync (Mutex since Go 1.24; runtime.go, hashtriemap.go).

The semaphore that a contended Mutex sleeps on (runtime/sema.go), the
active-spinning policy (proc.go sync_runtime_canSpin/doSpin), nanotime and
throw/fatal. Natives take the running goroutine `gp` first.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from gort.runtime import proc, sema
from gort.runtime.panic import fatal, throw
from gort.runtime.runtime2 import sched
from gort.runtime.string import gostring

active_spin = 4  # lock_spinbit.go: spins of a Mutex before it parks
active_spin_cnt = 30  # procyield iterations per spin


# go: runtime/sema.go internal_sync_runtime_SemacquireMutex
def F_runtime_SemacquireMutex(gp: Any, s: int, lifo: bool, skipframes: int) -> Generator[Any, Any, None]:
    """func runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int)"""
    yield from sema.internal_sync_runtime_SemacquireMutex(s, lifo, skipframes)


# go: runtime/sema.go internal_sync_runtime_Semrelease
def F_runtime_Semrelease(gp: Any, s: int, handoff: bool, skipframes: int) -> Generator[Any, Any, None]:
    """func runtime_Semrelease(s *uint32, handoff bool, skipframes int): may yield (handoff)."""
    yield from sema.internal_sync_runtime_Semrelease(s, handoff, skipframes)


# go: runtime/proc.go internal_sync_runtime_canSpin
def F_runtime_canSpin(gp: Any, i: int) -> bool:
    """Whether a Mutex may spin: few spins so far, a multicore machine, another
    P running that could release the lock, and nothing waiting on our P."""
    # sync.Mutex is cooperative, so we are conservative with spinning. Spin
    # only few times and only if running on a multicore machine and
    # GOMAXPROCS>1 and there is at least one other running P and local runq
    # is empty.
    if i >= active_spin or proc.ncpu <= 1 or proc.gomaxprocs <= sched.npidle.v + sched.nmspinning.v + 1:
        return False
    pp = gp.m.p
    if pp is not None and not proc.runqempty(pp):
        return False
    return True


# go: runtime/proc.go internal_sync_runtime_doSpin
def F_runtime_doSpin(gp: Any) -> None:
    """procyield(active_spin_cnt): a short busy wait."""
    for _ in range(active_spin_cnt):
        pass


# go: runtime/time.go internal_sync_nanotime
def F_runtime_nanotime(gp: Any) -> int:
    return proc.nanotime()


# go: runtime/panic.go internal_sync_throw
def F_throw(gp: Any, s: tuple[int, int]) -> None:
    throw(gostring(s))


# go: runtime/panic.go internal_sync_fatal
def F_fatal(gp: Any, s: tuple[int, int]) -> None:
    fatal(gostring(s))


# go: runtime/rand.go rand (internal/sync.runtime_rand)
def F_runtime_rand(gp: Any) -> int:
    return proc.rand()
