"""Runtime locks and notes: lock(&l) / unlock(&l), notesleep / notewakeup.

Go's runtime has its own mutex (lock_spinbit.go) and one-shot notifications
(`note`, lock_futex.go) built on futexes. gort builds them on the host's
thread primitives, which block the calling OS thread for real, so an M that
sleeps in `notesleep` frees its CPU exactly as Go's does.

Invariants:
  * A `mutex` is held by at most one M; unlocking an unlocked mutex throws
    "unlock of unlocked lock", as Go does.
  * A `note` is woken at most once between clears; a second `notewakeup`
    throws "notewakeup - double wakeup".

Differences from Go: no spinning phase and no lock ranking; the waiting is
done by the host (a futex underneath, via threading.Lock).
"""

from __future__ import annotations

import threading

from gort.runtime.panic import throw


class mutex:
    """A runtime lock. `name` is for debugging (the lock rank's name in Go)."""

    __slots__ = ("_l", "name", "owner")

    def __init__(self, name: str = "") -> None:
        self._l = threading.Lock()
        self.name = name
        self.owner = 0  # thread ident of the holder, 0 if free (debugging only)


# go: runtime/lock_spinbit.go lock
def lock(l: mutex) -> None:
    """Acquire l, blocking the OS thread. Must not be held by this M."""
    l._l.acquire()
    l.owner = threading.get_ident()


# go: runtime/lock_spinbit.go unlock
def unlock(l: mutex) -> None:
    """Release l, which this M holds."""
    if not l._l.locked():
        throw("unlock of unlocked lock")
    l.owner = 0
    l._l.release()


def lockInit(l: mutex, rank: str) -> None:
    """Record l's rank (lockrank.go). gort keeps only the name."""
    l.name = rank


class note:
    """A one-shot wakeup (runtime note): one sleeper, one waker."""

    __slots__ = ("_ev", "_woken")

    def __init__(self) -> None:
        self._ev = threading.Event()
        self._woken = False


# go: runtime/lock_futex.go noteclear
def noteclear(n: note) -> None:
    n._woken = False
    n._ev.clear()


# go: runtime/lock_futex.go notewakeup
def notewakeup(n: note) -> None:
    if n._woken:
        throw("notewakeup - double wakeup")
    n._woken = True
    n._ev.set()


# go: runtime/lock_futex.go notesleep
def notesleep(n: note) -> None:
    """Block the OS thread until notewakeup(n). Runs on g0 (an M with no G)."""
    n._ev.wait()


# go: runtime/lock_futex.go notetsleep
def notetsleep(n: note, ns: int) -> bool:
    """Sleep until woken or ns nanoseconds pass (ns < 0: forever). Reports woken."""
    if ns < 0:
        n._ev.wait()
        return True
    return n._ev.wait(ns / 1e9)
