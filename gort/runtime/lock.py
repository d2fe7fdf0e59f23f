"""Runtime locks and notes: lock(&l) / unlock(&l), notesleep / notewakeup.

Go's runtime has its own mutex (lock_spinbit.go) and one-shot notifications
(`note`, lock_futex.go) built on futexes. gort's mutex is Go's futex mutex
with its key an attribute (see `mutex`); its sleepers and gort's notes wait
on the host's thread primitives, which block the calling OS thread for real,
so an M that sleeps in `lock2` or `notesleep` frees its CPU exactly as Go's
does.

Structures:
  * `mutex`: `key` (0 unlocked, 1 locked, 2 locked with possible sleepers),
    `_sema` (the host lock its sleepers wait on), `_l` (a host lock used
    instead of the key where there is no GIL), and `name`, the lock's rank
    in Go's lock ranking (lockrank.go), kept for debugging.
  * `note` wraps a `threading.Event` plus `_woken`, the "key" of Go's note:
    set once by notewakeup, cleared by noteclear.

Invariants:
  * A `mutex` is held by at most one M; unlocking an unlocked mutex throws
    "unlock of unlocked lock", as Go does.
  * Under the GIL, `key` changes only in call-free compare-and-swap or swap
    steps (docs/design/0009); an M that sets it to 2 wakes after the next
    unlock.
  * A `note` is woken at most once between clears; a second `notewakeup`
    throws "notewakeup - double wakeup".
  * notesleep runs on g0 (an M that has no G to run); notetsleepg is the
    form a user G uses: it enters a system call around the sleep so that
    its P can be handed off (lock_futex.go).

Differences from Go:
  * The mutex is the three-state futex mutex of lock_futex.go as it stood
    until Go 1.23, not Go 1.27's lock_spinbit.go (which keeps a stack of
    the sleeping Ms in the key, and a spinning bit). The fast paths are the
    same: one swap to lock, one to unlock.
  * No active spinning: under the GIL the holder cannot run while a waiter
    spins, so lock2 only yields the thread (passive_spin) before it sleeps.
  * Without a GIL the mutex is a host lock (see `mutex`).
  * No lock ranking. Nothing records the owner: Go's runtime mutex does not
    either (only its lock-rank checker).
"""

from __future__ import annotations

import threading
import time as _time

from gort.runtime import atomic as _atomic
from gort.runtime.panic import throw

# The states of a mutex's key (Go's lock_futex.go).
mutex_unlocked = 0
mutex_locked = 1
mutex_sleeping = 2  # locked, and an M may be asleep waiting for it

passive_spin = 1  # times lock2 yields the thread before it goes to sleep

# The key of a mutex whose Ms wait on a host lock instead (no GIL: see
# `mutex`). Never 0 or 1, so lock's and unlock's fast paths always miss.
_hostLocked = -1


class mutex:
    """A runtime lock: Go's futex-based mutex, its key an attribute.

    `key` is 0 (unlocked), 1 (locked) or 2 (locked, and some M may be asleep
    waiting). Under the GIL, lock's compare-and-swap of the key from 0 to 1
    and unlock's swap back are each a load and a store with no call between
    them, which no other thread can interrupt (docs/design/0005): the
    uncontended lock and unlock cost two attribute accesses, where a host
    lock costs two C calls. An M that finds the lock held yields once and
    then sleeps on `_sema`, a host lock used as the futex word's wait queue;
    unlock wakes one sleeper when the key says there may be one.

    Without a GIL the key's compare-and-swap is not atomic: the key is then
    `_hostLocked` for good and every lock and unlock takes the host lock
    `_l` (what atomic.gilAtomic says when the mutex is made).

    Code that reads `key == 0` under the GIL, with no call before it acts,
    knows that no M is inside the lock's critical sections (a buffered
    channel's fast paths: chan.py, docs/design/0008). `name` is the lock's
    rank in Go's lock ranking (lockrank.go), kept for debugging.
    """

    __slots__ = ("key", "_sema", "_l", "name")

    def __init__(self, name: str = "") -> None:
        if _atomic.gilAtomic:
            self.key = mutex_unlocked
            self._l: threading.Lock | None = None
        else:
            self.key = _hostLocked
            self._l = threading.Lock()
        self._sema: threading.Lock | None = None  # made on the first contention (semacreate)
        self.name = name  # lock rank name (lockrank.go); set once

    def locked(self) -> bool:
        """Whether some M holds the lock (racy, for checks and debugging)."""
        if self._l is not None:
            return self._l.locked()
        return self.key != mutex_unlocked

    def __repr__(self) -> str:
        return f"<mutex {self.name} {'locked' if self.locked() else 'unlocked'}>"


# go: runtime/lock_spinbit.go lock
def lock(l: mutex) -> None:
    """Acquire l, blocking the OS thread. Must not be held by this M.

    Hot paths write the fast path out where they take a lock:
    `if l.key == 0: l.key = 1` else `lock2(l)`."""
    # Speculative grab: CAS(key, unlocked, locked), one step under the GIL.
    if l.key == mutex_unlocked:
        l.key = mutex_locked
        return
    lock2(l)


# go: runtime/lock_futex.go lock2 (Go 1.23)
def lock2(l: mutex) -> None:
    """lock's slow path: the key was not 0 when lock looked."""
    if l._l is not None:
        l._l.acquire()
        return
    # Swap in "locked": if the holder let go since lock looked, that is ours.
    v = l.key
    l.key = mutex_locked
    if v == mutex_unlocked:
        return
    # What to put back if the key is found unlocked: a sleeper may still be
    # waiting (v == 2), and it must get its wake-up when this M unlocks.
    wait = v
    while True:
        # Try for the lock, letting another thread run between tries.
        for _ in range(passive_spin):
            if l.key == mutex_unlocked:  # CAS(key, unlocked, wait), one step
                l.key = wait
                return
            _osyield()
        # Sleep, announcing it: the unlock that follows wakes a sleeper.
        v = l.key
        l.key = mutex_sleeping
        if v == mutex_unlocked:
            return
        wait = mutex_sleeping
        futexsleep(l)


# go: runtime/lock_spinbit.go unlock
def unlock(l: mutex) -> None:
    """Release l, which this M holds.

    Hot paths write the fast path out: `if l.key == 1: l.key = 0` else
    `unlock2(l)`."""
    # CAS(key, locked, unlocked), one step under the GIL: nobody sleeps.
    if l.key == mutex_locked:
        l.key = mutex_unlocked
        return
    unlock2(l)


# go: runtime/lock_futex.go unlock2 (Go 1.23)
def unlock2(l: mutex) -> None:
    """unlock's slow path: wake a sleeper, or throw if l was not locked."""
    if l._l is not None:
        try:
            l._l.release()
        except RuntimeError:
            throw("unlock of unlocked lock")
        return
    v = l.key  # Xchg(key, unlocked), one step
    l.key = mutex_unlocked
    if v == mutex_unlocked:
        throw("unlock of unlocked lock")
    if v == mutex_sleeping:
        futexwakeup(l)


def trylock(l: mutex) -> bool:
    """Acquire l if nobody holds it; report whether this M now does."""
    if l._l is not None:
        return l._l.acquire(blocking=False)
    if l.key == mutex_unlocked:  # CAS(key, unlocked, locked), one step
        l.key = mutex_locked
        return True
    return False


def _semaOf(l: mutex) -> threading.Lock:
    """l's wait queue, made at first use: a host lock held while no wake-up
    is pending (semacreate)."""
    s = l._sema
    if s is None:
        s = threading.Lock()
        s.acquire()
        if l._sema is None:  # publish it unless another M did (one step)
            l._sema = s
        s = l._sema
    return s


# go: runtime/os_linux.go futexsleep
def futexsleep(l: mutex) -> None:
    """Sleep while l's key is mutex_sleeping, until a futexwakeup. May wake
    spuriously (a wake-up meant for an M that did not sleep yet): lock2
    looks at the key again."""
    s = _semaOf(l)
    if l.key != mutex_sleeping:
        return
    s.acquire()  # the GIL is released while the thread waits


# go: runtime/os_linux.go futexwakeup
def futexwakeup(l: mutex) -> None:
    """Wake one M sleeping on l (or the next one to sleep)."""
    s = _semaOf(l)
    try:
        s.release()
    except RuntimeError:
        pass  # a wake-up is pending already: one sleeper is enough


def _osyield() -> None:
    """Let another thread run (sched_yield), releasing the GIL."""
    _time.sleep(0)


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
