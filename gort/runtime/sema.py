"""Semaphores for package sync, and sync.Cond's notify lists (sema.go).

A semaphore is a uint32 in Go memory (sync.Mutex.sema, WaitGroup's, ...).
semacquire decrements it if it is positive, or parks the goroutine until a
semrelease; semrelease increments it and wakes one waiter. This is the
sleep/wakeup primitive under sync.Mutex (with its starvation mode, which
asks for LIFO queueing and direct handoff), RWMutex, WaitGroup and
poll.fdMutex.

Structures:
  * `semtable`: 251 `semaRoot`s; the root of address a is
    semtable[(a >> 3) % 251]. Many semaphores share a root.
  * `semaRoot`: a lock, `nwait` (waiters, read without the lock so that a
    release with nobody waiting stays cheap), and `treap`: a balanced tree
    (a treap: binary search tree by semaphore address, heap by a random
    ticket) of sudogs, one node per distinct address; the other waiters on
    the same address hang off that node's `waitlink` list (with
    `waittail`). The sudogs are in Go memory (proc.acquireSudog).
  * `notifyList` (sync.Cond), in Go memory: wait and notify ticket
    counters, a lock and a FIFO list of sudogs, each holding its ticket.

The algorithm:
  semacquire1: cansemacquire (CAS loop decrementing a positive count); else
    take a sudog, and loop: lock the root, nwait++, try once more, else
    queue (FIFO, or LIFO at the front for a starving Mutex) and park with
    goparkunlock. On wake-up: done if the releaser handed the semaphore
    over (s.ticket == 1) or it can be acquired; else queue again.
  semrelease1: count++; return if nwait == 0; else lock, dequeue the first
    waiter for this address, nwait--, unlock, and ready it. With handoff
    (starving Mutex) take the count for the waiter first (ticket = 1) and
    yield our P to it right away (goyield).

Invariants: every sudog in a root's tree or lists waits on a semaphore
whose root it is; a tree node's address is unique in its root; tickets of
tree nodes obey the heap order (parent ticket ≤ child ticket).

Differences from Go: a root's lock is a runtime mutex object, not a word
beside the treap, and a notifyList's lock (a uintptr in sync's struct)
maps to a runtime mutex by the list's address (`notifyLocks`). No block or
mutex profiling (releasetime/acquiretime stay 0).
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from gort.runtime import atomic, proc
from gort.runtime.atomic import Int
from gort.runtime.lock import lock, mutex, unlock
from gort.runtime.panic import _write2, throw
from gort.runtime.runtime2 import (
    gByAddr,
    sudog_acquiretime,
    sudog_elem,
    sudog_elem_vu,
    sudog_g,
    sudog_next,
    sudog_parent,
    sudog_prev,
    sudog_releasetime,
    sudog_ticket,
    sudog_waiters,
    sudog_waitlink,
    sudog_waittail,
    waitReasonSemacquire,
    waitReasonSyncCondWait,
    waitReasonSyncMutexLock,
    waitReasonSyncRWMutexLock,
    waitReasonSyncRWMutexRLock,
    waitReasonSyncWaitGroupWait,
)
from gort.runtime.stubs import _tls
from gort.runtime.unsafe import U16, U32, U64

semTabSize = 251


class semaRoot:
    """The waiters of the semaphores that hash to one semtable slot (sema.go semaRoot)."""

    __slots__ = ("lock", "treap", "nwait")

    def __init__(self) -> None:
        self.lock = mutex("root")  # protects treap and the sudogs in it
        self.treap = 0  # root of balanced tree of unique waiters (sudog address)
        self.nwait = Int()  # number of waiters; read without the lock

    # go: runtime/sema.go semaRoot.queue
    def queue(self, addr: int, s: int, lifo: bool) -> None:
        """root.lock held: add sudog s (of the current G) to the waiters of addr."""
        gp = _tls.g
        U64[(s + sudog_g) >> 3] = gp.addr
        U64[(s + sudog_elem) >> 3] = addr
        U64[(s + sudog_elem_vu) >> 3] = addr
        gp.waiting = s
        U64[(s + sudog_next) >> 3] = 0
        U64[(s + sudog_prev) >> 3] = 0
        U16[(s + sudog_waiters) >> 1] = 0

        last = 0
        pt = _Ptr(self)  # &root.treap
        t = pt.get()
        while t != 0:
            if U64[(t + sudog_elem_vu) >> 3] == addr:
                # Already have addr in list.
                if lifo:
                    # Substitute s in t's place in treap.
                    pt.set(s)
                    U32[(s + sudog_ticket) >> 2] = U32[(t + sudog_ticket) >> 2]
                    U64[(s + sudog_acquiretime) >> 3] = U64[(t + sudog_acquiretime) >> 3]
                    U64[(s + sudog_parent) >> 3] = U64[(t + sudog_parent) >> 3]
                    sprev = U64[(t + sudog_prev) >> 3]
                    snext = U64[(t + sudog_next) >> 3]
                    U64[(s + sudog_prev) >> 3] = sprev
                    U64[(s + sudog_next) >> 3] = snext
                    if sprev != 0:
                        U64[(sprev + sudog_parent) >> 3] = s
                    if snext != 0:
                        U64[(snext + sudog_parent) >> 3] = s
                    # Add t first in s's wait list.
                    U64[(s + sudog_waitlink) >> 3] = t
                    tail = U64[(t + sudog_waittail) >> 3]
                    U64[(s + sudog_waittail) >> 3] = tail if tail != 0 else t
                    w = U16[(t + sudog_waiters) >> 1]
                    U16[(s + sudog_waiters) >> 1] = w + 1 if w + 1 <= 0xFFFF else w
                    U64[(t + sudog_parent) >> 3] = 0
                    U64[(t + sudog_prev) >> 3] = 0
                    U64[(t + sudog_next) >> 3] = 0
                    U64[(t + sudog_waittail) >> 3] = 0
                else:
                    # Add s to end of t's wait list.
                    tail = U64[(t + sudog_waittail) >> 3]
                    if tail == 0:
                        U64[(t + sudog_waitlink) >> 3] = s
                    else:
                        U64[(tail + sudog_waitlink) >> 3] = s
                    U64[(t + sudog_waittail) >> 3] = s
                    U64[(s + sudog_waitlink) >> 3] = 0
                    w = U16[(t + sudog_waiters) >> 1]
                    if w + 1 <= 0xFFFF:
                        U16[(t + sudog_waiters) >> 1] = w + 1
                return
            last = t
            if addr < U64[(t + sudog_elem_vu) >> 3]:
                pt = _Ptr(None, t + sudog_prev)
            else:
                pt = _Ptr(None, t + sudog_next)
            t = pt.get()

        # Add s as new leaf in tree of unique addrs. The balanced tree is a
        # treap using ticket as the random heap priority. That is, it is a
        # binary tree ordered according to the elem addresses, but then
        # among the space of possible binary trees respecting those
        # addresses, it is kept balanced on average by maintaining a heap
        # ordering on the ticket: s.ticket <= both s.prev.ticket and
        # s.next.ticket.
        U32[(s + sudog_ticket) >> 2] = proc.cheaprand() | 1
        U64[(s + sudog_parent) >> 3] = last
        pt.set(s)

        # Rotate up into tree according to ticket (priority).
        while True:
            par = U64[(s + sudog_parent) >> 3]
            if par == 0 or U32[(par + sudog_ticket) >> 2] <= U32[(s + sudog_ticket) >> 2]:
                break
            if U64[(par + sudog_prev) >> 3] == s:
                self.rotateRight(par)
            else:
                if U64[(par + sudog_next) >> 3] != s:
                    throw("semaRoot queue")
                self.rotateLeft(par)

    # go: runtime/sema.go semaRoot.dequeue
    def dequeue(self, addr: int) -> int:
        """root.lock held: remove and return the first waiter of addr (0 if none)."""
        ps = _Ptr(self)
        s = ps.get()
        while s != 0:
            e = U64[(s + sudog_elem_vu) >> 3]
            if e == addr:
                break
            if addr < e:
                ps = _Ptr(None, s + sudog_prev)
            else:
                ps = _Ptr(None, s + sudog_next)
            s = ps.get()
        if s == 0:
            return 0
        # Found
        t = U64[(s + sudog_waitlink) >> 3]
        if t != 0:
            # Substitute t, also waiting on addr, for s in root tree of unique addrs.
            ps.set(t)
            U32[(t + sudog_ticket) >> 2] = U32[(s + sudog_ticket) >> 2]
            U64[(t + sudog_parent) >> 3] = U64[(s + sudog_parent) >> 3]
            tprev = U64[(s + sudog_prev) >> 3]
            U64[(t + sudog_prev) >> 3] = tprev
            if tprev != 0:
                U64[(tprev + sudog_parent) >> 3] = t
            tnext = U64[(s + sudog_next) >> 3]
            U64[(t + sudog_next) >> 3] = tnext
            if tnext != 0:
                U64[(tnext + sudog_parent) >> 3] = t
            if U64[(t + sudog_waitlink) >> 3] != 0:
                U64[(t + sudog_waittail) >> 3] = U64[(s + sudog_waittail) >> 3]
            else:
                U64[(t + sudog_waittail) >> 3] = 0
            w = U16[(s + sudog_waiters) >> 1]
            U16[(t + sudog_waiters) >> 1] = w - 1 if w > 1 else w
            U64[(s + sudog_waitlink) >> 3] = 0
            U64[(s + sudog_waittail) >> 3] = 0
        else:
            # Rotate s down to be leaf of tree for removal, respecting priorities.
            while U64[(s + sudog_next) >> 3] != 0 or U64[(s + sudog_prev) >> 3] != 0:
                sn = U64[(s + sudog_next) >> 3]
                sp = U64[(s + sudog_prev) >> 3]
                if sn == 0 or (sp != 0 and U32[(sp + sudog_ticket) >> 2] < U32[(sn + sudog_ticket) >> 2]):
                    self.rotateRight(s)
                else:
                    self.rotateLeft(s)
            # Remove s, now a leaf.
            par = U64[(s + sudog_parent) >> 3]
            if par != 0:
                if U64[(par + sudog_prev) >> 3] == s:
                    U64[(par + sudog_prev) >> 3] = 0
                else:
                    U64[(par + sudog_next) >> 3] = 0
            else:
                self.treap = 0
        gp = gByAddr[U64[(s + sudog_g) >> 3]]
        gp.waiting = 0
        U64[(s + sudog_parent) >> 3] = 0
        U64[(s + sudog_elem) >> 3] = 0
        U64[(s + sudog_elem_vu) >> 3] = 0
        U64[(s + sudog_next) >> 3] = 0
        U64[(s + sudog_prev) >> 3] = 0
        U32[(s + sudog_ticket) >> 2] = 0
        return s

    # go: runtime/sema.go semaRoot.rotateLeft
    def rotateLeft(self, x: int) -> None:
        """Rotate the tree rooted at node x: (x a (y b c)) becomes (y (x a b) c)."""
        p = U64[(x + sudog_parent) >> 3]
        y = U64[(x + sudog_next) >> 3]
        b = U64[(y + sudog_prev) >> 3]
        U64[(y + sudog_prev) >> 3] = x
        U64[(x + sudog_parent) >> 3] = y
        U64[(x + sudog_next) >> 3] = b
        if b != 0:
            U64[(b + sudog_parent) >> 3] = x
        U64[(y + sudog_parent) >> 3] = p
        if p == 0:
            self.treap = y
        elif U64[(p + sudog_prev) >> 3] == x:
            U64[(p + sudog_prev) >> 3] = y
        else:
            if U64[(p + sudog_next) >> 3] != x:
                throw("semaRoot rotateLeft")
            U64[(p + sudog_next) >> 3] = y

    # go: runtime/sema.go semaRoot.rotateRight
    def rotateRight(self, y: int) -> None:
        """Rotate the tree rooted at node y: (y (x a b) c) becomes (x a (y b c))."""
        p = U64[(y + sudog_parent) >> 3]
        x = U64[(y + sudog_prev) >> 3]
        b = U64[(x + sudog_next) >> 3]
        U64[(x + sudog_next) >> 3] = y
        U64[(y + sudog_parent) >> 3] = x
        U64[(y + sudog_prev) >> 3] = b
        if b != 0:
            U64[(b + sudog_parent) >> 3] = y
        U64[(x + sudog_parent) >> 3] = p
        if p == 0:
            self.treap = x
        elif U64[(p + sudog_prev) >> 3] == y:
            U64[(p + sudog_prev) >> 3] = x
        else:
            if U64[(p + sudog_next) >> 3] != y:
                throw("semaRoot rotateRight")
            U64[(p + sudog_next) >> 3] = x


class _Ptr:
    """A **sudog: either a root's treap field or a word of Go memory."""

    __slots__ = ("root", "addr")

    def __init__(self, root: semaRoot | None, addr: int = 0) -> None:
        self.root = root  # the root whose treap field this points to, or None
        self.addr = addr  # else: the address of the word

    def get(self) -> int:
        if self.root is not None:
            return self.root.treap
        return int(U64[self.addr >> 3])

    def set(self, v: int) -> None:
        if self.root is not None:
            self.root.treap = v
        else:
            U64[self.addr >> 3] = v


semtable = [semaRoot() for _ in range(semTabSize)]


def rootFor(addr: int) -> semaRoot:
    return semtable[(addr >> 3) % semTabSize]


# go: runtime/sema.go cansemacquire
def cansemacquire(addr: int) -> bool:
    """Decrement the semaphore at addr if it is positive."""
    while True:
        v = atomic.Load32(addr)
        if v == 0:
            return False
        if atomic.Cas32(addr, v, v - 1):
            return True


# go: runtime/sema.go semacquire
def semacquire(addr: int) -> Generator[Any, Any, None]:
    """Called from runtime: wait until *addr > 0, then decrement it."""
    yield from semacquire1(addr, False, 0, 0, waitReasonSemacquire)


# go: runtime/sema.go semacquire1
def semacquire1(addr: int, lifo: bool, profile: int, skipframes: int, reason: int) -> Generator[Any, Any, None]:
    """Wait until *addr > 0 and decrement it; lifo queues at the front (a starving Mutex)."""
    gp = _tls.g
    if gp is not gp.m.curg:
        throw("semacquire not on the G stack")
    # Easy case.
    if cansemacquire(addr):
        return
    # Harder case: increment waiter count; try cansemacquire one more time,
    # return if succeeded; enqueue itself as a waiter; sleep; (waiter
    # descriptor is dequeued by signaler).
    s = proc.acquireSudog()
    root = rootFor(addr)
    U64[(s + sudog_releasetime) >> 3] = 0
    U64[(s + sudog_acquiretime) >> 3] = 0
    U32[(s + sudog_ticket) >> 2] = 0
    while True:
        lock(root.lock)
        # Add ourselves to nwait to disable "easy case" in semrelease.
        root.nwait.Add(1)
        # Check cansemacquire to avoid missed wakeup.
        if cansemacquire(addr):
            root.nwait.Add(-1)
            unlock(root.lock)
            break
        # Any semrelease after the cansemacquire knows we're waiting
        # (we set nwait above), so go to sleep.
        root.queue(addr, s, lifo)
        yield proc.goparkunlock(root.lock, reason, 0, 4 + skipframes)
        if U32[(s + sudog_ticket) >> 2] != 0 or cansemacquire(addr):
            break
    proc.releaseSudog(s)


# go: runtime/sema.go semrelease
def semrelease(addr: int) -> Generator[Any, Any, None]:
    yield from semrelease1(addr, False, 0)


# go: runtime/sema.go semrelease1
def semrelease1(addr: int, handoff: bool, skipframes: int) -> Generator[Any, Any, None]:
    """Increment *addr and wake a waiter; with handoff, give it our P at once."""
    root = rootFor(addr)
    atomic.Xadd32(addr, 1)
    # Easy case: no waiters? This check must happen after the xadd, to
    # avoid a missed wakeup (see loop in semacquire).
    if root.nwait.v == 0:
        return
    # Harder case: search for a waiter and wake it.
    lock(root.lock)
    if root.nwait.v == 0:
        # The count is already consumed by another goroutine, so no need
        # to wake up another goroutine.
        unlock(root.lock)
        return
    s = root.dequeue(addr)
    if s != 0:
        root.nwait.Add(-1)
    unlock(root.lock)
    if s != 0:  # May be slow or even yield, so unlock first
        if U32[(s + sudog_ticket) >> 2] != 0:
            throw("corrupted semaphore ticket")
        if handoff and cansemacquire(addr):
            U32[(s + sudog_ticket) >> 2] = 1
        readyWithTime(s, 5 + skipframes)
        gp = _tls.g
        if U32[(s + sudog_ticket) >> 2] == 1 and gp.m.locks == 0 and gp is not gp.m.g0:
            # Direct G handoff: readyWithTime has added the waiter G as
            # runnext in the current P; we now call the scheduler so that
            # we start running the waiter G immediately.
            yield from proc.goyield()


# go: runtime/sema.go readyWithTime
def readyWithTime(s: int, traceskip: int) -> None:
    proc.goready(gByAddr[U64[(s + sudog_g) >> 3]], traceskip)


# --- the entry points of package sync and internal/poll (linknamed in Go) ---------------


# go: runtime/sema.go sync_runtime_Semacquire
def sync_runtime_Semacquire(addr: int) -> Generator[Any, Any, None]:
    yield from semacquire1(addr, False, 0, 0, waitReasonSemacquire)


# go: runtime/sema.go poll_runtime_Semacquire
def poll_runtime_Semacquire(addr: int) -> Generator[Any, Any, None]:
    yield from semacquire1(addr, False, 0, 0, waitReasonSemacquire)


# go: runtime/sema.go sync_runtime_Semrelease
def sync_runtime_Semrelease(addr: int, handoff: bool, skipframes: int) -> Generator[Any, Any, None]:
    yield from semrelease1(addr, handoff, skipframes)


# go: runtime/sema.go internal_sync_runtime_SemacquireMutex
def internal_sync_runtime_SemacquireMutex(addr: int, lifo: bool, skipframes: int) -> Generator[Any, Any, None]:
    yield from semacquire1(addr, lifo, 0, skipframes, waitReasonSyncMutexLock)


# go: runtime/sema.go sync_runtime_SemacquireRWMutexR
def sync_runtime_SemacquireRWMutexR(addr: int, lifo: bool, skipframes: int) -> Generator[Any, Any, None]:
    yield from semacquire1(addr, lifo, 0, skipframes, waitReasonSyncRWMutexRLock)


# go: runtime/sema.go sync_runtime_SemacquireRWMutex
def sync_runtime_SemacquireRWMutex(addr: int, lifo: bool, skipframes: int) -> Generator[Any, Any, None]:
    yield from semacquire1(addr, lifo, 0, skipframes, waitReasonSyncRWMutexLock)


# go: runtime/sema.go sync_runtime_SemacquireWaitGroup
def sync_runtime_SemacquireWaitGroup(addr: int, synctestDurable: bool) -> Generator[Any, Any, None]:
    yield from semacquire1(addr, False, 0, 0, waitReasonSyncWaitGroupWait)


# go: runtime/sema.go poll_runtime_Semrelease
def poll_runtime_Semrelease(addr: int) -> Generator[Any, Any, None]:
    yield from semrelease(addr)


# go: runtime/sema.go internal_sync_runtime_Semrelease
def internal_sync_runtime_Semrelease(addr: int, handoff: bool, skipframes: int) -> Generator[Any, Any, None]:
    yield from semrelease1(addr, handoff, skipframes)


# --- notifyList (sync.Cond) -----------------------------------------------------------

# sync.notifyList in Go memory: wait uint32 (atomic), notify uint32,
# lock uintptr, head, tail *sudog.
nl_wait = 0
nl_notify = 4
nl_lock = 8
nl_head = 16
nl_tail = 24
sizeof_notifyList = 32

notifyLocks: dict[int, mutex] = {}  # notifyList address → its runtime lock
_notifyLocksLock = mutex("notifyLocks")


def _nlLock(l: int) -> mutex:
    m_ = notifyLocks.get(l)
    if m_ is None:
        lock(_notifyLocksLock)
        m_ = notifyLocks.get(l)
        if m_ is None:
            m_ = mutex("notifyList")
            notifyLocks[l] = m_
        unlock(_notifyLocksLock)
    return m_


def less(a: int, b: int) -> bool:
    """a < b for tickets that wrap (int32(a-b) < 0)."""
    d = (a - b) & 0xFFFFFFFF
    return d >= 0x80000000


# go: runtime/sema.go notifyListAdd
def notifyListAdd(l: int) -> int:
    """Take a ticket: the caller will wait for it with notifyListWait."""
    # This may be called concurrently, for example, when called from
    # sync.Cond.Wait while holding a RWMutex in read mode.
    return (atomic.Xadd32(l + nl_wait, 1) - 1) & 0xFFFFFFFF


# go: runtime/sema.go notifyListWait
def notifyListWait(l: int, t: int) -> Generator[Any, Any, None]:
    """Wait for a notification of ticket t (unless it already came)."""
    lk = _nlLock(l)
    lock(lk)
    # Return right away if this ticket has already been notified.
    if less(t, U32[(l + nl_notify) >> 2]):
        unlock(lk)
        return
    # Enqueue itself.
    s = proc.acquireSudog()
    gp = _tls.g
    U64[(s + sudog_g) >> 3] = gp.addr
    U64[(s + sudog_elem) >> 3] = l
    U64[(s + sudog_elem_vu) >> 3] = l
    gp.waiting = s
    U32[(s + sudog_ticket) >> 2] = t
    U64[(s + sudog_releasetime) >> 3] = 0
    tail = U64[(l + nl_tail) >> 3]
    if tail == 0:
        U64[(l + nl_head) >> 3] = s
    else:
        U64[(tail + sudog_next) >> 3] = s
    U64[(l + nl_tail) >> 3] = s
    yield proc.goparkunlock(lk, waitReasonSyncCondWait, 0, 3)
    gp.waiting = 0
    U64[(s + sudog_elem) >> 3] = 0
    U64[(s + sudog_elem_vu) >> 3] = 0
    proc.releaseSudog(s)


# go: runtime/sema.go notifyListNotifyAll
def notifyListNotifyAll(l: int) -> None:
    """Wake every goroutine waiting on l (Cond.Broadcast)."""
    # Fast-path: if there are no new waiters since the last notification
    # we don't need to acquire the lock.
    if U32[(l + nl_wait) >> 2] == atomic.Load32(l + nl_notify):
        return
    # Pull the list out into a local variable, waiters will be readied
    # outside the lock.
    lk = _nlLock(l)
    lock(lk)
    s = U64[(l + nl_head) >> 3]
    U64[(l + nl_head) >> 3] = 0
    U64[(l + nl_tail) >> 3] = 0
    # Update the next ticket to be notified. We can set it to the current
    # value of wait because any previous waiters are already in the list or
    # will notice that they have already been notified when trying to add
    # themselves to the list.
    atomic.Store32(l + nl_notify, U32[(l + nl_wait) >> 2])
    unlock(lk)
    # Go through the local list and ready all waiters.
    while s != 0:
        nxt = U64[(s + sudog_next) >> 3]
        U64[(s + sudog_next) >> 3] = 0
        readyWithTime(s, 4)
        s = nxt


# go: runtime/sema.go notifyListNotifyOne
def notifyListNotifyOne(l: int) -> None:
    """Wake the goroutine with the oldest unnotified ticket (Cond.Signal)."""
    # Fast-path: if there are no new waiters since the last notification
    # we don't need to acquire the lock at all.
    if U32[(l + nl_wait) >> 2] == atomic.Load32(l + nl_notify):
        return
    lk = _nlLock(l)
    lock(lk)
    # Re-check under the lock if we need to do anything.
    t = U32[(l + nl_notify) >> 2]
    if t == U32[(l + nl_wait) >> 2]:
        unlock(lk)
        return
    # Update the next notify ticket number.
    atomic.Store32(l + nl_notify, (t + 1) & 0xFFFFFFFF)
    # Try to find the g that needs to be notified. If it hasn't made it to
    # the list yet we won't find it, but it won't park itself once it sees
    # the new notify number.
    p = 0
    s = U64[(l + nl_head) >> 3]
    while s != 0:
        if U32[(s + sudog_ticket) >> 2] == t:
            n = U64[(s + sudog_next) >> 3]
            if p != 0:
                U64[(p + sudog_next) >> 3] = n
            else:
                U64[(l + nl_head) >> 3] = n
            if n == 0:
                U64[(l + nl_tail) >> 3] = p
            unlock(lk)
            U64[(s + sudog_next) >> 3] = 0
            readyWithTime(s, 4)
            return
        p = s
        s = U64[(s + sudog_next) >> 3]
    unlock(lk)


# go: runtime/sema.go notifyListCheck
def notifyListCheck(sz: int) -> None:
    if sz != sizeof_notifyList:
        _write2(f"runtime: bad notifyList size - sync={sz} runtime={sizeof_notifyList}\n")
        throw("bad notifyList size")
