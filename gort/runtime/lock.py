"""Runtime locks and notes: lock(&l) / unlock(&l), notesleep / notewakeup.

Go's runtime has its own mutex (lock_spinbit.go) and one-shot notifications
(`note`, lock_futex.go) built on futexes. gort builds them on the host's
thread primitives, which block the calling OS thread for real, so an M that
sleeps in `notesleep` frees its CPU exactly as Go's does.

Structures:
  * `mutex` wraps a `threading.Lock` (`_l`), or a `countedLock` that also
    counts its holders and waiters; `name` is the lock's rank in Go's
    lock ranking (lockrank.go), kept for debugging.
  * `note` wraps a `threading.Event` plus `_woken`, the "key" of Go's note:
    set once by notewakeup, cleared by noteclear.

Invariants:
  * A `mutex` is held by at most one M; unlocking an unlocked mutex throws
    "unlock of unlocked lock", as Go does.
  * A `note` is woken at most once between clears; a second `notewakeup`
    throws "notewakeup - double wakeup".
  * notesleep runs on g0 (an M that has no G to run); notetsleepg is the
    form a user G uses: it enters a system call around the sleep so that
    its P can be handed off (lock_futex.go).

Differences from Go: no spinning phase and no lock ranking; the waiting is
done by the host (a futex underneath, via threading.Lock). Nothing records
the owner: Go's runtime mutex does not either (only its lock-rank checker).
"""

from __future__ import annotations

import threading

from gort.runtime.panic import throw


class countedLock:
    """A threading.Lock that counts the Ms holding it or waiting for it.

    While `n` is 0 nobody is inside the critical sections it guards, nor
    about to enter one; a reader of `n` under the GIL can then run a
    sequence free of calls as if it held the lock (a buffered channel's
    fast paths: chan.py, docs/design/0008-gil-atomic-buffered-channels.md).
    `n` is raised before the lock is taken and lowered before it is
    released, each with no switch point between it and the critical
    section."""

    __slots__ = ("_l", "n")

    def __init__(self) -> None:
        self._l = threading.Lock()
        self.n = 0

    def acquire(self, blocking: bool = True) -> bool:
        self.n += 1
        if self._l.acquire(blocking):
            return True
        self.n -= 1
        return False

    def release(self) -> None:
        self.n -= 1
        self._l.release()

    def locked(self) -> bool:
        return self._l.locked()


class mutex:
    """A runtime lock. `name` is for debugging (the lock rank's name in Go)."""

    __slots__ = ("_l", "name")

    def __init__(self, name: str = "", counted: bool = False) -> None:
        # held while the runtime lock is held; a countedLock for the locks
        # that GIL-atomic fast paths test
        self._l: threading.Lock | countedLock = countedLock() if counted else threading.Lock()
        self.name = name  # lock rank name (lockrank.go); set once

    def __repr__(self) -> str:
        return f"<mutex {self.name} {'locked' if self._l.locked() else 'unlocked'}>"


# go: runtime/lock_spinbit.go lock
def lock(l: mutex) -> None:
    """Acquire l, blocking the OS thread. Must not be held by this M."""
    l._l.acquire()


# go: runtime/lock_spinbit.go unlock
def unlock(l: mutex) -> None:
    """Release l, which this M holds."""
    try:
        l._l.release()
    except RuntimeError:
        throw("unlock of unlocked lock")


def lockInit(l: mutex, rank: str) -> None:
    """Record l's rank (lockrank.go). gort keeps only the name."""
    l.name = rank


class note:
    """A one-shot wakeup (runtime note): one sleeper, one waker."""

    __slots__ = ("_ev", "_woken")

    def __init__(self) -> None:
        self._ev = threading.Event()  # the futex word: set by notewakeup
        self._woken = False  # key != 0: woken since the last clear


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


# go: runtime/lock_futex.go notetsleepg
def notetsleepg(n: note, ns: int) -> bool:
    """notetsleep for a user goroutine: its P may be handed off meanwhile."""
    from gort.runtime.proc import entersyscallblock, exitsyscall

    entersyscallblock()
    ok = notetsleep(n, ns)
    exitsyscall()
    return ok
