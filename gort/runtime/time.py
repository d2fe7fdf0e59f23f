"""Runtime timers: time.Sleep, time.Timer, time.Ticker, AfterFunc (time.go).

Every P owns a `timers` set: a 4-ary heap of (when, timer) entries under
its lock. A timer is a runtime object: when it is due, the P that finds it
(in findRunnable's `timers.check`, or a thief in stealWork) calls
`t.f(t.arg, t.seq, delay)` on g0. f must not block: the runtime's own fs
are goroutineReady (time.Sleep), the netpoller's deadline functions, and
package time's sendTime (a non-blocking send on the timer's channel) and
goFunc (`go f()` for AfterFunc), which arrive as Go funcvals.

The structures:
  * `timer`: when/period (ns, nanotime clock), f/arg/seq, `state` bits
    (timerHeaped, timerModified, timerZombie) under `mu`, and `astate`, a
    copy published at unlock for lock-free fast paths; `ts`, the timers set
    whose heap holds it. A channel timer (`isChan`, time.NewTimer/Ticker)
    also has `sendLock`, `isSending`, `blocked` (goroutines blocked on its
    channel).
  * `timers`: `heap` of `timerWhen` [when, timer] lists, `len` and
    `zombies` counts, `minWhenHeap` (heap[0].when) and `minWhenModified`
    (a lower bound of the when of the modified timers) for `wakeTime`.

The algorithm:
  1. modify/reset/stop change a timer under its own lock only; a timer
     already in some heap is marked timerModified (its heap entry is stale)
     or timerZombie (stopped), and the heap's owner fixes the heap later
     (`cleanHead`, `adjust`, `updateHeap`). A timer not in a heap is added
     to the current P's heap (`maybeAdd`).
  2. Channel timers are lazy (Go 1.23): they sit in a heap only while a
     goroutine is blocked on the channel (`blockTimerChan`); otherwise a
     receive runs an expired timer on the spot (`maybeRunChan`). Stop and
     Reset bump `seq` and drain the channel buffer (`timerchandrain`), so
     no stale value is ever received; the channel reports len and cap 0.
  3. `check(now)` runs every due timer of the heap (`run` → `unlockAndRun`,
     which re-arms periodic timers) and reports the next wake time, which
     findRunnable uses as its netpoll timeout: an M with nothing to do
     sleeps in epoll_wait until the earliest timer of any P.

Invariants: a timer is in at most one heap (t.ts); timerModified and
timerZombie are set only with timerHeaped; `zombies` counts the zombies of
the heap; heap[0].when == minWhenHeap whenever ts is unlocked.

Differences from Go: timers are Python objects, and a time.Timer's Go
memory (timeTimer: C, initTimer, then the runtime timer's words) maps to
its object through `timerByAddr`; the runtime timer fields are mirrored into
Go memory only where the GC must see them (f and arg). No synctest fake
time. The module is gort/runtime/time.py, never on sys.path, so it does
not hide the standard library's `time`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from typing import Any

from gort.runtime import param, proc
from gort.runtime.atomic import Int
from gort.runtime.lock import lock, mutex, unlock
from gort.runtime.panic import throw
from gort.runtime.runtime2 import allp, waitReasonSleep
from gort.runtime.stubs import _tls, getg
from gort.runtime.type import Struct, _type
from gort.runtime.unsafe import U8, U64

# Timer state field.
timerHeaped = 1  # the timer is stored in some P's heap
timerModified = 2  # t.when changed; the heap entry still needs updating
timerZombie = 4  # stopped but still in some P's heap

maxWhen = (1 << 63) - 1  # the maximum value for a timer's when field
timerHeapN = 4  # the heap is 4-ary

# A timer's callback: f(arg, seq, delay ns).
TimerFunc = Callable[[Any, int, int], None]


class timer:
    """A runtime timer. Fields under mu unless marked (time.go timer)."""

    __slots__ = (
        "mu",
        "astate",
        "state",
        "isChan",
        "blocked",
        "when",
        "period",
        "f",
        "arg",
        "seq",
        "ts",
        "sendLock",
        "isSending",
        "addr",
        "chan",
    )

    def __init__(self, f: TimerFunc | None = None, arg: Any = None) -> None:
        self.mu = threading.Lock()  # protects the fields below unless marked
        self.astate = 0  # atomic copy of state at the last unlock; read without mu
        self.state = 0  # timerHeaped | timerModified | timerZombie
        self.isChan = False  # has a channel (time.Timer/Ticker); immutable
        self.blocked = 0  # goroutines blocked on the timer's channel
        self.when = 0  # nanotime when it fires; 0 when inactive
        self.period = 0  # ns between firings of a ticker, 0 for one-shot
        self.f: TimerFunc | None = f  # called as f(arg, seq, delay) on g0
        self.arg: Any = arg  # f's first argument (a Go interface for package time)
        self.seq = 0  # f's second; for channel timers, bumped to squelch stale sends
        self.ts: timers | None = None  # the timers set whose heap holds this timer
        self.sendLock = threading.Lock()  # protects sends on the channel (isChan)
        self.isSending = Int()  # firings about to send on the channel (isChan, one-shot)
        self.addr = 0  # address of the runtime timer in Go memory (package time's), 0 if none
        self.chan = 0  # the hchan of a channel timer (its address); immutable

    # go: runtime/time.go timer.lock
    def lock(self) -> None:
        self.mu.acquire()

    # go: runtime/time.go timer.unlock
    def unlock(self) -> None:
        """Publish the state for the heap fast paths and unlock."""
        self.astate = self.state
        self.mu.release()

    # go: runtime/time.go timer.updateHeap
    def updateHeap(self) -> bool:
        """t.mu and t.ts.mu held, t is t.ts.heap[0]: apply the state to the heap."""
        ts = self.ts
        if ts is None or self is not ts.heap[0][1]:
            badTimer()
        if self.state & timerZombie:
            # Take timer out of heap.
            self.state &= ~(timerHeaped | timerZombie | timerModified)
            ts.zombies.Add(-1)  # type: ignore[union-attr]
            ts.deleteMin()  # type: ignore[union-attr]
            return True
        if self.state & timerModified:
            # Update ts.heap[0].when and move within heap.
            self.state &= ~timerModified
            ts.heap[0][0] = self.when  # type: ignore[union-attr]
            ts.siftDown(0)  # type: ignore[union-attr]
            ts.updateMinWhenHeap()  # type: ignore[union-attr]
            return True
        return False

    # go: runtime/time.go timer.stop
    def stop(self) -> bool:
        """Stop the timer. Reports whether it was stopped before it ran."""
        if self.isChan:
            self.sendLock.acquire()
        self.lock()
        if self.state & timerHeaped:
            self.state |= timerModified
            if self.state & timerZombie == 0:
                self.state |= timerZombie
                self.ts.zombies.Add(1)  # type: ignore[union-attr]
        pending = self.when > 0
        self.when = 0
        if self.isChan:
            # Prevent any send still in flight from reaching the channel.
            self.seq += 1
            # If there is currently a send in progress, incrementing seq is
            # going to prevent that send from actually happening. That
            # means that we should return true: the timer was stopped, even
            # though t.when may be zero.
            if self.period == 0 and self.isSending.v > 0:
                pending = True
        self.unlock()
        if self.isChan:
            self.sendLock.release()
            if timerchandrain(self.chan):
                pending = True
        return pending

    # go: runtime/time.go timer.modify
    def modify(self, when: int, period: int, f: TimerFunc | None, arg: Any, seq: int) -> bool:
        """Set when/period (and f/arg/seq if f is given). Reports whether it was pending."""
        if when <= 0:
            throw("timer when must be positive")
        if period < 0:
            throw("timer period must be non-negative")
        if self.isChan:
            self.sendLock.acquire()
        self.lock()
        oldPeriod = self.period
        self.period = period
        if f is not None:
            self.f = f
            self.arg = arg
            self.seq = seq
        wake = False
        pending = self.when > 0
        self.when = when
        if self.state & timerHeaped:
            self.state |= timerModified
            if self.state & timerZombie:
                # In the heap but marked for removal (by a Stop). Unmark it,
                # since it has been Reset and will be running again.
                self.ts.zombies.Add(-1)  # type: ignore[union-attr]
                self.state &= ~timerZombie
            # The corresponding heap[i].when is updated later. See
            # comment in type timers. If the timer is now earlier than the
            # heap's minimum, tell the owner.
            mn = self.ts.minWhenModified.v  # type: ignore[union-attr]
            if mn == 0 or when < mn:
                wake = True
                # Force timerModified bit out to t.astate before updating
                # t.minWhenModified, to synchronize with t.ts.adjust.
                self.astate = self.state
                self.ts.updateMinWhenModified(when)  # type: ignore[union-attr]
        add = self.needsAdd()
        if self.isChan:
            # Increment seq so that any send already in flight is squelched.
            self.seq += 1
            if oldPeriod == 0 and self.isSending.v > 0:
                pending = True
        self.unlock()
        if self.isChan:
            if timerchandrain(self.chan):
                pending = True
            self.sendLock.release()
        if add:
            self.maybeAdd()
        if wake:
            proc.wakeNetPoller(when)
        return pending

    # go: runtime/time.go timer.needsAdd
    def needsAdd(self) -> bool:
        """t.mu held: should the timer go into a heap? (lazy for channel timers)"""
        return self.state & timerHeaped == 0 and self.when > 0 and (not self.isChan or self.blocked > 0)

    # go: runtime/time.go timer.maybeAdd
    def maybeAdd(self) -> None:
        """Add the timer to the current P's heap if it still needs it."""
        mp = proc.acquirem()
        ts = mp.p.timers  # type: ignore[union-attr]
        ts.lock()
        ts.cleanHead()
        self.lock()
        when = 0
        wake = False
        if self.needsAdd():
            self.state |= timerHeaped
            when = self.when
            wakeTime = ts.wakeTime()
            wake = wakeTime == 0 or when < wakeTime
            ts.addHeap(self)
        self.unlock()
        ts.unlock()
        proc.releasem(mp)
        if wake:
            proc.wakeNetPoller(when)

    # go: runtime/time.go timer.reset
    def reset(self, when: int, period: int) -> bool:
        return self.modify(when, period, None, None, 0)

    # go: runtime/time.go timer.unlockAndRun
    def unlockAndRun(self, now: int) -> None:
        """t.mu held (and t.ts.mu if t.ts): run the timer's function, then relock t.ts."""
        if self.state & (timerModified | timerZombie):
            badTimer()
        f = self.f
        arg = self.arg
        seq = self.seq
        delay = now - self.when
        if self.period > 0:
            # Leave in heap but adjust next time to fire.
            nxt = self.when + self.period * (1 + delay // self.period)
            if nxt < 0:  # check for overflow.
                nxt = maxWhen
        else:
            nxt = 0
        ts = self.ts
        self.when = nxt
        if self.state & timerHeaped:
            self.state |= timerModified
            if nxt == 0:
                self.state |= timerZombie
                self.ts.zombies.Add(1)  # type: ignore[union-attr]
            self.updateHeap()
        if self.isChan and self.period == 0:
            # Tell Stop/Reset that we are sending a value.
            if self.isSending.Add(1) < 0:
                throw("too many concurrent timer firings")
        self.unlock()
        if ts is not None:
            ts.unlock()
        if self.isChan:
            # We are committed to possibly sending a value based on seq,
            # but we have not yet sent it; take sendLock so Stop/Reset wait.
            self.sendLock.acquire()
            if self.period == 0:
                # We are committed to sending a value. Stop/Reset may
                # proceed and may now decide we stopped it.
                if self.isSending.Add(-1) < 0:
                    throw("mismatched isSending updates")
            if self.seq != seq:
                f = None  # stale: the timer changed since we decided to fire
        if f is not None:
            f(arg, seq, delay)
        if self.isChan:
            self.sendLock.release()
        if ts is not None:
            ts.lock()

    # go: runtime/time.go timer.maybeRunChan
    def maybeRunChan(self) -> None:
        """A channel timer not in any heap: if it is due, run it now (lazy timers)."""
        if self.astate & timerHeaped:
            # If the timer is in the heap, the ordinary timer code is in
            # charge of sending when appropriate.
            return
        self.lock()
        now = proc.nanotime()
        if self.state & timerHeaped or self.when == 0 or self.when > now:
            self.unlock()
            return
        self.unlockAndRun(now)


class timers:
    """A per-P set of timers: a 4-ary heap by when (time.go timers)."""

    __slots__ = ("mu", "heap", "len", "zombies", "minWhenHeap", "minWhenModified", "pp")

    def __init__(self, pp: Any = None) -> None:
        self.mu = mutex("timers")  # protects heap; the scheduler may lock another P's timers
        self.heap: list[list[Any]] = []  # [when, timer] entries, heap-ordered by when
        self.len = Int()  # atomic copy of len(heap), updated at unlock
        self.zombies = Int()  # timers in the heap marked for removal
        self.minWhenHeap = Int()  # heap[0].when, or 0 if the heap is empty
        self.minWhenModified = Int()  # lower bound of when over timerModified timers, 0 if none
        self.pp = pp  # the P owning this set; set once

    def lock(self) -> None:
        lock(self.mu)

    def unlock(self) -> None:
        """Publish len(heap) and unlock."""
        self.len.v = len(self.heap)
        unlock(self.mu)

    def heapLen(self) -> int:
        return len(self.heap)

    # go: runtime/time.go timers.addHeap
    def addHeap(self, t: timer) -> None:
        """ts.mu held (or the world stopped): add t, which belongs in the heap."""
        from gort.runtime import netpoll

        # Timers rely on the network poller, so make sure the poller has started.
        if not netpoll.netpollinited():
            netpoll.netpollGenericInit()
        if t.ts is not None:
            throw("ts set in timer")
        t.ts = self
        self.heap.append([t.when, t])
        self.siftUp(len(self.heap) - 1)
        if t is self.heap[0][1]:
            self.updateMinWhenHeap()

    # go: runtime/time.go timers.deleteMin
    def deleteMin(self) -> None:
        """ts.mu held: remove heap[0]."""
        t = self.heap[0][1]
        if t.ts is not self:
            throw("wrong timers")
        t.ts = None
        last = len(self.heap) - 1
        if last > 0:
            self.heap[0] = self.heap[last]
        self.heap.pop()
        if last > 0:
            self.siftDown(0)
        self.updateMinWhenHeap()
        if last == 0:
            # If there are no timers, then clearly there are no timerModified timers.
            self.minWhenModified.Store(0)

    # go: runtime/time.go timers.cleanHead
    def cleanHead(self) -> None:
        """ts.mu held: drop zombies and fix modified timers at the head of the heap."""
        gp = getg()
        while True:
            if not self.heap:
                return
            # This loop can theoretically run for a while, and because it
            # is holding ts.mu it does not get preempted; stop if asked to.
            if gp.preemptStop:
                return
            # Delete zombies from tail of heap. It requires no heap
            # adjustments at all, and doing so increases the chances that
            # when we swap out a zombie in heap[0] for the tail of the heap,
            # we'll get a non-zombie timer, shortening this loop.
            n = len(self.heap)
            t = self.heap[n - 1][1]
            if t.astate & timerZombie:
                t.lock()
                if t.state & timerZombie:
                    t.state &= ~(timerHeaped | timerZombie | timerModified)
                    t.ts = None
                    self.zombies.Add(-1)
                    self.heap.pop()
                t.unlock()
                continue
            t = self.heap[0][1]
            if t.ts is not self:
                throw("bad ts")
            if t.astate & (timerModified | timerZombie) == 0:
                # Fast path: head of timers does not need adjustment.
                return
            t.lock()
            updated = t.updateHeap()
            t.unlock()
            if not updated:
                # Head of timers does not need adjustment.
                return

    # go: runtime/time.go timers.take
    def take(self, src: timers) -> None:
        """World stopped: move src's timers (of a P being destroyed) into ts."""
        if src.heap:
            for tw in src.heap:
                t = tw[1]
                t.ts = None
                if t.state & timerZombie:
                    t.state &= ~(timerHeaped | timerZombie | timerModified)
                else:
                    t.state &= ~timerModified
                    self.addHeap(t)
            src.heap = []
            src.zombies.Store(0)
            src.minWhenHeap.Store(0)
            src.minWhenModified.Store(0)
            src.len.Store(0)
            self.len.Store(len(self.heap))

    # go: runtime/time.go timers.adjust
    def adjust(self, now: int, force: bool) -> None:
        """ts.mu held: apply the modifications of timers due by now (all if force)."""
        if not force:
            first = self.minWhenModified.v
            if first == 0 or first > now:
                return
        # We are going to clear all timerModified bits; reset
        # minWhenModified, and recompute minWhenHeap from the heap.
        self.minWhenHeap.Store(self.wakeTime())
        self.minWhenModified.Store(0)
        changed = False
        heap = self.heap
        i = 0
        while i < len(heap):
            tw = heap[i]
            t = tw[1]
            if t.ts is not self:
                throw("bad ts")
            if t.astate & (timerModified | timerZombie) == 0:
                # Does not need adjustment.
                i += 1
                continue
            t.lock()
            if t.state & timerHeaped == 0:
                badTimer()
            elif t.state & timerZombie:
                self.zombies.Add(-1)
                t.state &= ~(timerHeaped | timerZombie | timerModified)
                heap[i] = heap[-1]
                heap.pop()
                t.ts = None
                i -= 1
                changed = True
            elif t.state & timerModified:
                tw[0] = t.when
                t.state &= ~timerModified
                changed = True
            t.unlock()
            i += 1
        if changed:
            self.initHeap()
        self.updateMinWhenHeap()

    # go: runtime/time.go timers.wakeTime
    def wakeTime(self) -> int:
        """When the next timer should fire (ns), 0 if there are none. No lock needed."""
        nextWhen = self.minWhenModified.v
        when = self.minWhenHeap.v
        if when == 0 or (nextWhen != 0 and nextWhen < when):
            when = nextWhen
        return when

    # go: runtime/time.go timers.check
    def check(self, now: int) -> tuple[int, int, bool]:
        """Run every due timer. Returns (now, the next timer's when or 0, whether any ran)."""
        # If it's not yet time for the first timer, or the first adjusted
        # timer, then there is nothing to do.
        nxt = self.wakeTime()
        if nxt == 0:
            # No timers to run or adjust.
            return now, 0, False
        if now == 0:
            now = proc.nanotime()
        # If this is the local P, and there are a lot of deleted timers,
        # clear them out. We only do this for the local P to reduce lock
        # contention on timers.
        zombies = self.zombies.v
        if zombies < 0:
            badTimer()
        mp = _tls.g.m
        local = mp.p is not None and mp.p.timers is self
        force = local and zombies > self.len.v // 4
        if now < nxt and not force:
            # Next timer is not ready to run, and we don't need to clear deleted timers.
            return now, nxt, False
        pollUntil = 0
        ran = False
        self.lock()
        if self.heap:
            self.adjust(now, False)
            while self.heap:
                # Note that runtimer may temporarily unlock ts.
                tw = self.run(now)
                if tw != 0:
                    if tw > 0:
                        pollUntil = tw
                    break
                ran = True
            # Note: Delaying the forced adjustment until after the ts.run
            # (as opposed to calling ts.adjust(now, force) above) is
            # significantly faster under contention.
            force = local and self.zombies.v > self.len.v // 4
            if force:
                self.adjust(now, True)
        self.unlock()
        return now, pollUntil, ran

    # go: runtime/time.go timers.run
    def run(self, now: int) -> int:
        """ts.mu held: run heap[0] if due. Returns 0 if ran, its when if not due, -1 if empty."""
        while True:  # Redo
            if not self.heap:
                return -1
            tw = self.heap[0]
            t = tw[1]
            if t.ts is not self:
                throw("bad ts")
            if t.astate & (timerModified | timerZombie) == 0 and tw[0] > now:
                # Fast path: not ready to run.
                return int(tw[0])
            t.lock()
            if t.updateHeap():
                t.unlock()
                continue
            if t.state & timerHeaped == 0 or t.state & timerModified:
                badTimer()
            if t.when > now:
                # Not ready to run.
                t.unlock()
                return int(t.when)
            t.unlockAndRun(now)
            return 0

    # go: runtime/time.go timers.updateMinWhenHeap
    def updateMinWhenHeap(self) -> None:
        self.minWhenHeap.Store(self.heap[0][0] if self.heap else 0)

    # go: runtime/time.go timers.updateMinWhenModified
    def updateMinWhenModified(self, when: int) -> None:
        while True:
            old = self.minWhenModified.v
            if old != 0 and old < when:
                return
            if self.minWhenModified.CompareAndSwap(old, when):
                return

    # go: runtime/time.go timers.siftUp
    def siftUp(self, i: int) -> None:
        heap = self.heap
        if i >= len(heap):
            badTimer()
        tw = heap[i]
        when = tw[0]
        if when <= 0:
            badTimer()
        while i > 0:
            p = (i - 1) // timerHeapN  # parent
            if not when < heap[p][0]:
                break
            heap[i] = heap[p]
            i = p
        heap[i] = tw

    # go: runtime/time.go timers.siftDown
    def siftDown(self, i: int) -> None:
        heap = self.heap
        n = len(heap)
        if i >= n:
            badTimer()
        if i * timerHeapN + 1 >= n:
            return
        tw = heap[i]
        when = tw[0]
        if when <= 0:
            badTimer()
        while True:
            leftChild = i * timerHeapN + 1
            if leftChild >= n:
                break
            w = when
            c = -1
            for j in range(leftChild, min(leftChild + timerHeapN, n)):
                if heap[j][0] < w:
                    w = heap[j][0]
                    c = j
            if c < 0:
                break
            heap[i] = heap[c]
            i = c
        heap[i] = tw

    # go: runtime/time.go timers.initHeap
    def initHeap(self) -> None:
        if len(self.heap) <= 1:
            return
        for i in range((len(self.heap) - 2) // timerHeapN, -1, -1):
            self.siftDown(i)


# go: runtime/time.go badTimer
def badTimer() -> None:
    throw("timer data corruption")


# go: runtime/time.go timeSleepUntil
def timeSleepUntil() -> int:
    """The earliest wake time of any P's timers (maxWhen if none)."""
    nxt = maxWhen
    lock(proc.allpLock)
    for pp in allp:
        if pp is None or pp.timers is None:
            continue
        w = pp.timers.wakeTime()
        if w != 0:
            nxt = min(nxt, w)
    unlock(proc.allpLock)
    return nxt


# --- time.Sleep ------------------------------------------------------------------------


# go: runtime/time.go timeSleep
def timeSleep(ns: int) -> Generator[Any, Any, None]:
    """time.Sleep(ns): park the current goroutine for at least ns nanoseconds."""
    if ns <= 0:
        return
    gp = _tls.g
    t = gp.timer
    if t is None:
        t = timer(goroutineReady, gp)
        gp.timer = t
    when = proc.nanotime() + ns
    if when < 0:  # check for overflow.
        when = maxWhen
    gp.sleepWhen = when
    yield proc.gopark(resetForSleep, None, waitReasonSleep)


# go: runtime/time.go resetForSleep
def resetForSleep(gp: Any, _: Any) -> bool:
    """After the G parked for timeSleep: arm its timer. (Arming it before the
    park could let a short timer ready the G before it has parked.)"""
    gp.timer.reset(gp.sleepWhen, 0)
    return True


# go: runtime/time.go goroutineReady
def goroutineReady(arg: Any, seq: int, delay: int) -> None:
    """Ready the goroutine arg (a sleeping G)."""
    proc.goready(arg, 0)


# --- package time's timers (time.Timer, time.Ticker, AfterFunc) ------------------------

# A timeTimer in Go memory: {c unsafe.Pointer; init bool; timer}. Package
# time sees the first two words as Timer{C, initTimer}. The runtime timer's
# Go layout follows at +16 (96 bytes: mu, astate, state, isChan, isFake,
# blocked, rand, when, period, f, arg, seq, ts, sendLock, isSending).
timeTimer_c = 0
timeTimer_init = 8
timeTimer_timer = 16
timer_f = 40  # offset of f within the runtime timer
timer_arg = 48  # offset of arg (eface: type, data)
sizeof_timeTimer = 16 + 96

# Pointer words of timeTimer: c, timer.f, timer.arg's type and data, timer.ts.
timeTimerType = _type(Struct, size=sizeof_timeTimer, align=8, ptrdata=96, gcdata=b"\x81\x0b", s="runtime.timeTimer")

# Runtime timer address (timeTimer + 16) -> its timer object.
timerByAddr: dict[int, timer] = {}


def goTimerFunc(fv: int) -> TimerFunc:
    """Wrap a Go funcval f(arg any, seq uintptr, delay int64) as a timer function.

    It runs on g0 like any timer function and must not block: package
    time's sendTime and goFunc never do. Compiled function values are
    called as FUNCTAB[fv's index](gp, fv, args...) and may be generators
    (docs/design/0001); a generator is run to completion here."""
    from gort.runtime import symtab

    def f(arg: Any, seq: int, delay: int) -> None:
        gp = _tls.g
        r = symtab.FUNCTAB[U64[fv >> 3]](gp, fv, arg, seq, delay)  # type: ignore[misc]
        if r is not None and hasattr(r, "send"):
            for _ in r:
                throw("timer function blocked")

    return f


# go: runtime/time.go newTimer
def newTimer(when: int, period: int, f: int | TimerFunc, arg: Any, c: int) -> int:
    """time.newTimer: a new time.Timer/Ticker (its address) firing at when (ns)."""
    from gort.runtime import chan
    from gort.runtime.malloc import mallocgc

    addr = mallocgc(sizeof_timeTimer, timeTimerType, True)
    t = timer()
    t.addr = addr + timeTimer_timer
    timerByAddr[t.addr] = t
    if c != 0:
        t.isChan = True
        t.chan = c
        chan.setTimer(c, t.addr)
        if U64[(c + chan.c_dataqsiz) >> 3] == 0:
            throw("invalid timer channel: no capacity")
    tf = goTimerFunc(f) if isinstance(f, int) else f
    if isinstance(f, int):
        U64[(t.addr + timer_f) >> 3] = f  # keep the funcval and arg visible to the GC
    if isinstance(arg, tuple) and len(arg) == 2:
        U64[(t.addr + timer_arg) >> 3] = arg[0]
        U64[(t.addr + timer_arg + 8) >> 3] = arg[1]
    t.modify(when, period, tf, arg, 0)
    U8[addr + timeTimer_init] = 1
    return addr


def timerOf(tt: int) -> timer:
    """The runtime timer of the time.Timer at tt."""
    t = timerByAddr.get(tt + timeTimer_timer)
    if t is None:
        throw("time: timer not made by newTimer")
    return t


# go: runtime/time.go stopTimer
def stopTimer(tt: int) -> bool:
    """time.stopTimer: reports whether the timer was stopped before it ran."""
    return timerOf(tt).stop()


# go: runtime/time.go resetTimer
def resetTimer(tt: int, when: int, period: int) -> bool:
    """time.resetTimer: reports whether the timer was active before the reset."""
    return timerOf(tt).reset(when, period)


# --- channel timers (chan.go's hooks) --------------------------------------------------


def chanTimer(c: int) -> timer | None:
    """The timer feeding channel c, if any (hchan.timer)."""
    from gort.runtime import chan

    a = U64[(c + chan.c_timer) >> 3]
    return timerByAddr[a] if a else None


# go: runtime/time.go blockTimerChan
def blockTimerChan(c: int) -> None:
    """A goroutine is about to block on timer channel c: the timer must be in a heap."""
    t = chanTimer(c)
    if t is None:
        return
    t.lock()
    if not t.isChan:
        badTimer()
    t.blocked += 1
    # If this is the first enqueue after a recent dequeue, the timer may
    # still be in the heap but marked as a zombie. Unmark it in this case,
    # if the timer is still pending.
    if t.state & timerHeaped and t.state & timerZombie and t.when > 0:
        t.state &= ~timerZombie
        t.ts.zombies.Add(-1)  # type: ignore[union-attr]
    # t.maybeAdd must be called with t unlocked, because it needs to lock
    # mp.p.timers first; we can drop t's lock here, since only us can add.
    add = t.needsAdd()
    t.unlock()
    if add:
        t.maybeAdd()


# go: runtime/time.go unblockTimerChan
def unblockTimerChan(c: int) -> None:
    """A goroutine stopped blocking on timer channel c."""
    t = chanTimer(c)
    if t is None:
        return
    t.lock()
    if not t.isChan or t.blocked == 0:
        badTimer()
    t.blocked -= 1
    if t.blocked == 0 and t.state & timerHeaped and t.state & timerZombie == 0:
        # Last goroutine that was blocked on this timer. Mark for removal
        # from heap but retain t.when so that later a Reset can find it.
        t.state |= timerZombie
        t.ts.zombies.Add(1)  # type: ignore[union-attr]
    t.unlock()


# go: runtime/chan.go timerchandrain
def timerchandrain(c: int) -> bool:
    """Empty timer channel c's buffer. Reports whether anything was removed."""
    from gort.runtime import chan

    if c == 0 or U64[(c + chan.c_qcount) >> 3] == 0:
        return False
    l = chan._chanlock(c)
    lock(l)
    anything = False
    et = chan.elemtypeOf(c)
    from gort.runtime.mbarrier import typedmemclr

    while U64[(c + chan.c_qcount) >> 3] > 0:
        anything = True
        recvx = U64[(c + chan.c_recvx) >> 3]
        typedmemclr(et, chan.chanbuf(c, recvx))
        recvx += 1
        if recvx == U64[(c + chan.c_dataqsiz) >> 3]:
            recvx = 0
        U64[(c + chan.c_recvx) >> 3] = recvx
        U64[(c + chan.c_qcount) >> 3] -= 1
    unlock(l)
    return anything


_ = param
