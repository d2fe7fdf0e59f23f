"""The scheduler: goroutines (G) run by threads (M) holding processors (P).

This is proc.go. The seed article walks it from `schedinit` to `exit(0)`;
the names, the order of the steps and the invariants are Go's (1.27).

Data structures (runtime2.py): `sched` (global run queue, idle Ms and Ps,
free Gs), `allp` (the GOMAXPROCS Ps, each with a 256-slot local run queue,
`runnext`, a timer heap and caches), `allm` (every M), `allgs` (every G).

The life of a goroutine:
  1. `go f()` → `newproc(fv)` → `newproc1` takes a dead G from the P's free
     list (`gfget`) or makes one (`malg`: a g plus a 2 KiB stack from
     `stackalloc`), gives it a goid, sets it up to start at f and return
     into `goexit`, and puts it in the P's `runnext` (`runqput`); once
     runtime.main has started, `wakep` wakes an idle P.
  2. An M in `schedule` → `findRunnable` (timers; every 61st tick one G of
     the global queue; runnext and the local queue; a batch of the global
     queue; a non-blocking netpoll; stealing from the other Ps in random
     order, timers and runnext on the last round; then give up the P and
     block in netpoll or `stopm`) → `execute` → `gogo`: the G runs until
     it parks, yields, is preempted or exits.
  3. `gopark` stores the unlock callback on the M and does mcall(park_m):
     the G becomes `_Gwaiting`, leaves its M, runs the callback on g0, and
     the M schedules another G. `goready` makes it `_Grunnable` again and
     queues it in `runnext` of the readying P, waking an idle P if there
     is one (`wakep`).
  4. When f returns, the G goes through `goexit1` → mcall(`goexit0`): it is
     `_Gdead` and back on a free list (`gfput`). A G that exits while
     locked to its thread takes the thread with it (`mexit`).

Ms: an M with nothing to run releases its P, puts itself on `sched.midle`
and sleeps on its note (`stopm`): its OS thread really blocks. `startm`
and `wakep` wake one, or create one (`newm` → a new OS thread). An M
locked to a G (`LockOSThread`) runs only that G: when the G blocks, the M
hands its P off and sleeps (`stoplockedm`); whoever schedules the G hands
its own P to the locked M (`startlockedm`).

System calls (`entersyscall` / `exitsyscall`) follow Go 1.27: the G is
`_Gsyscall` and its P stays wired to the M; sysmon (`retake`) takes the P
away after one sysmon tick (≥ 20 µs) if there is other work, holding the
G's scan bit so the G cannot leave the syscall meanwhile
(`setBlockOnExitSyscall`). The G gets its P back on the fast path, an idle
P, or queues itself and waits (`exitsyscallNoP`).

sysmon runs on its own M without a P: it retakes Ps from syscalls, asks Gs
that ran over 10 ms to yield (`preemptone`; generated code polls
`gp.preempt` at function entry and loop back-edges, see preempt.py and
docs/design/0002-preemption.md), polls the network if nobody did for 10
ms, and wakes the forced-GC helper every 2 minutes.

How gort switches goroutines (see docs/design/0001): a goroutine is a
Python generator. `gogo(gp)` resumes it with `send`; `mcall(fn)` is
`yield fn` from inside the G, which returns control to `gogo`; the M's g0
then runs `fn(gp)`. Go's `fn` never returns — it calls `schedule()`, and
`gogo` jumps away. In gort the g0 code returns instead: `schedule()` runs a
G until it mcalls, and returns the request `fn`; asm.mstart1 loops, running
each requested fn on the M's curg (the G that asked: nothing has dropped it
yet) at the base of g0, exactly where Go's `mcall` would restart g0's
stack.

Invariants:
  * A G is `_Grunning` only while an M executes it, with `gp.m.curg is gp`.
  * A P is `_Prunning` exactly when an M holds it (`pp.m.p is pp`), or
    while that M's G is in a system call and sysmon has not taken it.
  * A G is in at most one run queue; `runnext` counts as the queue.
  * `sched.npidle` is the length of `sched.pidle`; `sched.nmidle` of `midle`.
  * A G with `lockedm` set only ever runs on that M.

Differences from Go:
  * Lazy wakeups (docs/design/0003-lazy-wakeups.md): making a G runnable
    does not start an idle P's M; sysmon does, once a G has waited a tick,
    and thieves steal only such waiting Gs. Under the GIL a second M could
    only take turns with the first.
  * mcall's continuation returns to the loop in asm.mstart1 instead of
    abandoning g0's stack (there is no stack to abandon).
  * `systemstack(f)` calls f with getg() switched to g0: g0 and the user G
    share the Python thread stack.
  * Compare-and-swap on a G's status, a P's runq head and runnext, and the
    scheduler counters holds a small per-object lock (atomic.py): Python
    has no CAS instruction.
  * A plain (non-generator) function cannot yield: at a safepoint it parks
    its thread instead, as a locked M does (preempt.py, `plainPark`; see
    docs/design/0002-preemption.md).
  * acquirem/releasem (m.locks) bracket only what can reach a safepoint;
    the hot paths (gopark, goready, the sudog cache, newproc1) skip them,
    since runtime code has no safepoints in gort.
  * wakep returns at once when GOMAXPROCS is 1 (the caller holds the only
    P; Go would only set needspinning).
  * casgstatus throws "casgstatus: bad status" where Go would spin forever
    on a status that is neither the expected one nor its scan form.
  * stealOrder draws a fresh random start and coprime stride per round
    rather than from one random word.
  * Go's loops that move Gs between lists one pop and one push at a time
    (gfput, gfget, runqputbatch, globrunqgetbatch) are written over the
    schedlink links, with the counts and ends set once: the same Gs move,
    in the same order, for a few bytecodes a G instead of two calls.
  * No async preemption by signal, no GC assist or mark workers yet, no
    tracer events, no synctest bubbles, no cgo, no template thread.
"""

from __future__ import annotations

import os
import random
import struct as _pystruct
import sys
import threading
import time as _time
from collections.abc import Callable, Generator
from types import GeneratorType
from typing import Any

from gort.runtime import debug as dbg
from gort.runtime import mcache as mcache_mod
from gort.runtime import param, symtab
from gort.runtime.atomic import gilAtomic
from gort.runtime.lock import (
    lock,
    lockInit,
    mutex,
    noteclear,
    notesleep,
    notetsleep,
    notewakeup,
    trylock,
    unlock,
)
from gort.runtime.malloc import mallocgc
from gort.runtime.panic import GoexitUnwind, GoPanic, _write2, fatal, fatalpanic, panicPlain, throw
from gort.runtime.runtime2 import (
    _Gdead,
    _Gidle,
    _Gpreempted,
    _Grunnable,
    _Grunning,
    _Gscan,
    _Gsyscall,
    _Gwaiting,
    _Pdead,
    _Pgcstop,
    _Pidle,
    _Prunning,
    allgs,
    allp,
    freeMStack,
    freeMWait,
    g,
    g0,
    gByAddr,
    gList,
    gQueue,
    m,
    m0,
    p,
    sched,
    sudogViews,
    waitReasonPanicWait,
    waitReasonStoppingTheWorld,
    waitReasonString,
    waitReasonZero,
)
from gort.runtime.stack import round2, stackalloc, stackfree
from gort.runtime.stubs import _tls, getg, setg, systemstack
from gort.runtime.unsafe import U8, U64

# --- scheduler globals (proc.go / runtime2.go) --------------------------------

gomaxprocs = 0  # len(allp); changed only with the world stopped
newprocs = 0  # GOMAXPROCS to install at the next startTheWorld, 0 if unchanged
ncpu = 0  # CPUs the process may run on (osinit: numCPUStartup)
mainStarted = False  # set by runtime.main; after it newproc wakes idle Ps
allm: m | None = None  # newest M first; sched.lock
runtimeInitTime = 0  # nanotime when runtime.main started
startingStackSize = param.fixedStack  # adaptive since 1.19; 2 KiB until a GC measures
allglock = mutex("allg")
allpLock = mutex("allp")
paniclk = mutex("panic")  # held while a fatal panic or throw prints
panicking = 0  # goroutines that are printing a fatal panic or throw (atomic in Go)
runningPanicDefers = 0  # goroutines running deferred calls of an unrecovered panic
main_main: Callable[..., Any] | None = None  # set by the linker: the program's main.main
exitHook: Callable[[int], None] | None = None  # set by `gort run` (prints "exit status N")
haveSysmon = True  # start sysmon in runtime.main (tests may turn it off)
worldsema = mutex("worldsema")  # one stop-the-world at a time (a semaphore in Go)
gcsema = mutex("gcsema")  # held across a GC's (or GOMAXPROCS's) stop-the-world


def _seed() -> int:
    s = os.environ.get("GORT_SCHED_SEED", "")
    return int(s) if s.isdigit() else int.from_bytes(os.urandom(8), "little")


# Every scheduling choice draws from this one source (steal order, select
# order, sema tickets); GORT_SCHED_SEED fixes it, so a single-M run replays.
_rand = random.Random(_seed())
_randbits = _rand.getrandbits


def nanotime() -> int:
    """Monotonic time in ns (CLOCK_MONOTONIC, as Go's nanotime)."""
    return _time.monotonic_ns()


# go: runtime/rand.go rand
def rand() -> int:
    """A random uint64: what packages reach as runtime.rand (math/rand, os, net, unique, ...)."""
    return _randbits(64)


def cheaprand() -> int:
    """A random uint32 (proc.go cheaprand)."""
    return _randbits(32)


def cheaprandn(n: int) -> int:
    """A random number in [0, n) (proc.go cheaprandn)."""
    return (_randbits(32) * n) >> 32


def usleep(usec: int) -> None:
    """Block the OS thread for usec microseconds."""
    _time.sleep(usec / 1e6)


def osyield() -> None:
    """Let another thread run (sched_yield)."""
    _time.sleep(0)


# --- goroutine status ------------------------------------------------------------------


def readgstatus(gp: g) -> int:
    return gp.atomicstatus


# go: runtime/proc.go casgstatus
def casgstatus(gp: g, oldval: int, newval: int) -> None:
    """Move gp from oldval to newval. Spins while the GC or sysmon holds a _Gscan bit."""
    if (oldval | newval) & _Gscan or oldval == newval:
        _write2(f"runtime: casgstatus: oldval={gStatusName(oldval)} newval={gStatusName(newval)}\n")
        throw("casgstatus: bad incoming values")
    if gilAtomic and gp.atomicstatus == oldval:  # (atomic.gilAtomic)
        gp.atomicstatus = newval
        return
    l = gp.statusLock
    l.acquire()
    if gp.atomicstatus == oldval:
        gp.atomicstatus = newval
        l.release()
        return
    l.release()
    # Slow path: wait for the scan bit to go away (a scan or a sysmon retake).
    nextYield = 0
    i = 0
    while True:
        l.acquire()
        if gp.atomicstatus == oldval:
            gp.atomicstatus = newval
            l.release()
            return
        cur = gp.atomicstatus
        l.release()
        if oldval == _Gwaiting and cur == _Grunnable:
            throw("casgstatus: waiting for Gwaiting but is Grunnable")
        if cur & ~_Gscan != oldval:
            _write2(f"runtime: casgstatus {gStatusName(oldval)}->{gStatusName(newval)} gp.status={gStatusName(cur)}\n")
            throw("casgstatus: bad status")
        if i == 0:
            nextYield = nanotime() + param.yieldDelay
        if nanotime() < nextYield:
            i += 1
        else:
            osyield()
            nextYield = nanotime() + param.yieldDelay // 2


def gStatusName(s: int) -> str:
    from gort.runtime.runtime2 import gStatusStrings

    name = gStatusStrings.get(s & ~_Gscan, str(s & ~_Gscan))
    return ("scan" if s & _Gscan else "") + name


# go: runtime/proc.go castogscanstatus
def castogscanstatus(gp: g, oldval: int, newval: int) -> bool:
    """Set the _Gscan bit: oldval → oldval|_Gscan. Reports success."""
    if newval != oldval | _Gscan:
        throw("castogscanstatus")
    l = gp.statusLock
    l.acquire()
    if gp.atomicstatus == oldval:
        gp.atomicstatus = newval
        l.release()
        return True
    l.release()
    return False


# go: runtime/proc.go casfrom_Gscanstatus
def casfrom_Gscanstatus(gp: g, oldval: int, newval: int) -> None:
    """Clear the _Gscan bit: oldval (with _Gscan) → newval."""
    l = gp.statusLock
    l.acquire()
    ok = oldval == newval | _Gscan and gp.atomicstatus == oldval
    if ok:
        gp.atomicstatus = newval
    l.release()
    if not ok:
        _write2(f"runtime: casfrom_Gscanstatus bad oldval gp={gp.goid} oldval={oldval:#x} newval={newval:#x}\n")
        throw("casfrom_Gscanstatus: gp->status is not in scan state")


# go: runtime/proc.go casGToWaiting
def casGToWaiting(gp: g, old: int, reason: int) -> None:
    gp.waitreason = reason
    casgstatus(gp, old, _Gwaiting)


# --- Ms and Ps ---------------------------------------------------------------------


def acquirem() -> m:
    mp: m = _tls.g.m
    mp.locks += 1
    return mp


def releasem(mp: m) -> None:
    mp.locks -= 1


# go: runtime/proc.go mcount
def mcount() -> int:
    return sched.mnext - sched.nmfreed


# go: runtime/proc.go checkmcount
def checkmcount() -> None:
    """sched.lock held."""
    count = mcount() - sched.nmsys
    if count > sched.maxmcount:
        _write2(f"runtime: program exceeds {sched.maxmcount}-thread limit\n")
        throw("thread exhaustion")


# go: runtime/proc.go mReserveID
def mReserveID() -> int:
    """sched.lock held. Reserve the id of a new M."""
    id = sched.mnext
    sched.mnext += 1
    checkmcount()
    return id


# go: runtime/proc.go mcommoninit
def mcommoninit(mp: m, id: int) -> None:
    """Shared setup of an M: id, randomness, gsignal, link into allm."""
    global allm
    from gort.runtime.os_linux import mpreinit

    lock(sched.lock)
    if id >= 0:
        mp.id = id
    else:
        mp.id = mReserveID()
    mp.cheaprand = cheaprand() | 1
    mpreinit(mp)
    if mp.gsignal is not None:
        mp.gsignal.stackguard1 = mp.gsignal.stack.lo + param.stackGuard
    # Add to allm so garbage collector doesn't free g->m when it is just in
    # a register or thread-local storage.
    mp.alllink = allm
    allm = mp
    unlock(sched.lock)


# go: runtime/proc.go (*p).init
def pinit(pp: p, id: int) -> None:
    """Set up a new P (or revive a dead one) with the given id; status _Pgcstop."""
    pp.id = id
    pp.status = _Pgcstop
    pp.sudogcache = []
    pp.deferpool = []
    if pp.mcache is None:
        if id == 0:
            c0 = mcache_mod.mcache0
            if c0 is None:
                throw("missing mcache?")
            # Use the bootstrap mcache0; only one P will get it.
            pp.mcache = c0
        else:
            pp.mcache = mcache_mod.allocmcache()
    if pp.timers is None:
        pp.timers = rtime.timers(pp)


# go: runtime/proc.go (*p).destroy
def pdestroy(pp: p) -> None:
    """sched.lock held, world stopped. Move pp's work elsewhere; status _Pdead."""
    # Move all runnable goroutines to the global queue.
    while pp.runqhead != pp.runqtail:
        # Pop from the tail of the local queue.
        pp.runqtail -= 1
        gp = pp.runq[pp.runqtail % len(pp.runq)]
        if gp is None:
            throw("(*p).destroy: nil g in runq")
        # Push onto the head of the global queue.
        globrunqputhead(gp)
    if pp.runnext is not None:
        globrunqputhead(pp.runnext)
        pp.runnext = None
    # Move this P's timers to the current P (the world is stopped).
    mp = getg().m
    if mp.p is not None and pp.timers is not None:
        mp.p.timers.take(pp.timers)
    pp.sudogcache = []
    pp.deferpool = []
    mcache_mod.freemcache(pp.mcache)
    pp.mcache = None
    gfpurge(pp)
    pp.gcStopTime = 0
    pp.status = _Pdead


# go: runtime/proc.go procresize
def procresize(nprocs: int) -> p | None:
    """sched.lock held, world stopped. Returns the Ps with local work, linked by p.link."""
    global gomaxprocs
    old = gomaxprocs
    if old < 0 or nprocs <= 0:
        throw("procresize: invalid arg")
    now = nanotime()
    if sched.procresizetime != 0:
        sched.totaltime += old * (now - sched.procresizetime)
    sched.procresizetime = now

    # Grow allp if necessary.
    if nprocs > len(allp):
        lock(allpLock)
        while len(allp) < nprocs:
            allp.append(None)  # type: ignore[arg-type]
        unlock(allpLock)

    # Initialize new Ps.
    for i in range(old, nprocs):
        pp = allp[i]
        if pp is None:
            pp = newP()
        pinit(pp, i)
        allp[i] = pp

    gp = getg()
    if gp.m.p is not None and gp.m.p.id < nprocs:
        # Continue to use the current P.
        gp.m.p.status = _Prunning
        gp.m.p.mcache.prepareForSweep()
    else:
        # Release the current P and acquire allp[0]. We must do this before
        # destroying our current P because (*p).destroy moves timers to it.
        if gp.m.p is not None:
            gp.m.p.m = None
        gp.m.p = None
        pp = allp[0]
        pp.m = None
        pp.status = _Pidle
        acquirep(pp)

    # mcache0 is only for bootstrap: P 0 owns it now.
    mcache_mod.mcache0 = None

    # Release resources from unused Ps.
    for i in range(nprocs, old):
        pdestroy(allp[i])

    # Trim allp.
    if len(allp) != nprocs:
        lock(allpLock)
        del allp[nprocs:]
        unlock(allpLock)

    # Sort the Ps into idle ones and ones with work; a P with work gets an
    # M, its last one if that M is idle.
    runnablePs: p | None = None
    runnablePsNeedM: p | None = None
    idlePs: p | None = None
    for i in range(nprocs - 1, -1, -1):
        pp = allp[i]
        if gp.m.p is pp:
            continue
        pp.status = _Pidle
        if runqempty(pp):
            pp.link = idlePs
            idlePs = pp
            continue
        mp: m | None = None
        if pp.oldm is not None:
            mp = mgetSpecific(pp.oldm)
        if mp is None:
            pp.link = runnablePsNeedM
            runnablePsNeedM = pp
            continue
        pp.m = mp
        pp.link = runnablePs
        runnablePs = pp
    while runnablePsNeedM is not None:
        pp = runnablePsNeedM
        runnablePsNeedM = pp.link
        pp.m = mget()
        pp.link = runnablePs
        runnablePs = pp
    while idlePs is not None:
        pp = idlePs
        idlePs = pp.link
        pidleput(pp, now)

    gomaxprocs = nprocs
    return runnablePs


def newP() -> p:
    """new(p): the P struct also gets its real size in Go memory."""
    pp: p = p()
    pp.addr = mallocgc(param.sizeof_p, None, True)
    return pp


# go: runtime/proc.go acquirep
def acquirep(pp: p) -> None:
    """Associate pp with the current M (which has no P)."""
    wirep(pp)
    # Have p; write barriers now allowed. Do the delayed mcache flush (the
    # P may have missed a sweep) and remember the M for procresize.
    pp.oldm = pp.m
    pp.mcache.prepareForSweep()


# go: runtime/proc.go wirep
def wirep(pp: p) -> None:
    gp = getg()
    if gp.m.p is not None:
        throw("wirep: already in go")
    if pp.m is not None or pp.status != _Pidle:
        mid = pp.m.id if pp.m is not None else 0
        _write2(f"wirep: p->m={mid} p->status={pp.status}\n")
        throw("wirep: invalid p state")
    gp.m.p = pp
    gp.m.mcache = pp.mcache  # the seed's m.mcache mirrors the P's
    pp.m = gp.m
    pp.status = _Prunning


# go: runtime/proc.go releasep
def releasep() -> p:
    """Disassociate the current M from its P, which becomes _Pidle."""
    mp: m = getg().m
    pp: p = mp.p
    if pp is None:
        throw("releasep: invalid arg")
    if pp.m is not mp or pp.status != _Prunning:
        _write2(f"releasep: m={mp} m->p={pp} p->m={pp.m} p->status={pp.status}\n")
        throw("releasep: invalid p state")
    mp.p = None  # type: ignore[assignment]
    mp.mcache = None
    pp.m = None
    pp.status = _Pidle
    return pp


# go: runtime/proc.go pidleput
def pidleput(pp: p, now: int) -> int:
    """sched.lock held. Put pp on the idle list. Returns now (maybe updated)."""
    if not runqempty(pp):
        throw("pidleput: P has non-empty run queue")
    if now == 0:
        now = nanotime()
    pp.link = sched.pidle
    sched.pidle = pp
    sched.npidle.Add(1)
    return now


# go: runtime/proc.go pidleget
def pidleget(now: int) -> tuple[p | None, int]:
    """sched.lock held. Take a P from the idle list (LIFO)."""
    pp = sched.pidle
    if pp is not None:
        if now == 0:
            now = nanotime()
        sched.pidle = pp.link
        sched.npidle.Add(-1)
    return pp, now


# go: runtime/proc.go pidlegetSpinning
def pidlegetSpinning(now: int) -> tuple[p | None, int]:
    """sched.lock held. pidleget for an M about to spin: remembers it was wanted."""
    pp, now = pidleget(now)
    if pp is None:
        # See "Delicate dance" in findRunnable: a spinning M must start.
        sched.needspinning.Store(1)
        return None, now
    return pp, now


# go: runtime/proc.go mput
def mput(mp: m) -> None:
    """sched.lock held. Put mp on the idle M list."""
    mp.schedlink = sched.midle
    sched.midle = mp
    sched.nmidle += 1
    checkdead()


# go: runtime/proc.go mget
def mget() -> m | None:
    """sched.lock held. Take an idle M."""
    mp = sched.midle
    if mp is not None:
        sched.midle = mp.schedlink
        sched.nmidle -= 1
    return mp


# go: runtime/proc.go mgetSpecific
def mgetSpecific(mp: m) -> m | None:
    """sched.lock held. Take mp off the idle list if it is on it."""
    prev: m | None = None
    cur = sched.midle
    while cur is not None:
        if cur is mp:
            if prev is None:
                sched.midle = cur.schedlink
            else:
                prev.schedlink = cur.schedlink
            sched.nmidle -= 1
            cur.schedlink = None
            return cur
        prev = cur
        cur = cur.schedlink
    return None


# go: runtime/proc.go allocm
def allocm(pp: p | None, fn: Callable[[], Any] | None, id: int) -> m:
    """Allocate an m (not yet a thread). Borrows pp for the allocations if needed."""
    gp = getg()
    acquirem()
    borrowed = False
    if gp.m.p is None:
        if pp is None:
            throw("allocm: no P to allocate with")
        acquirep(pp)  # temporarily borrow p for mallocs in this function
        borrowed = True

    # Release the free M list. We need to do this somewhere and this may
    # free up a stack we can use.
    if sched.freem is not None:
        lock(sched.lock)
        newList: m | None = None
        freem: m | None = sched.freem
        while freem is not None:
            wait = freem.freeWait
            if wait == freeMWait:
                nxt = freem.freelink
                freem.freelink = newList
                newList = freem
                freem = nxt
                continue
            if wait == freeMStack and freem.g0 is not None:
                systemstack(stackfree, freem.g0.stack)
            freem = freem.freelink
        sched.freem = newList
        unlock(sched.lock)

    mp = m()
    mp.addr = mallocgc(param.sizeof_mPadded, None, True)  # new(mPadded)
    mp.mstartfn = fn
    mcommoninit(mp, id)
    mp.g0 = systemstack(malg, param.mg0StackSize)
    mp.g0.m = mp
    if borrowed:
        releasep()
    releasem(gp.m)
    return mp


# go: runtime/proc.go newm
def newm(fn: Callable[[], Any] | None, pp: p | None, id: int) -> None:
    """Create a new M that starts with fn (or the scheduler) and P pp."""
    acquirem()
    mp = allocm(pp, fn, id)
    mp.nextp = pp
    newm1(mp)
    releasem(getg().m)


# go: runtime/proc.go newm1
def newm1(mp: m) -> None:
    from gort.runtime.os_linux import newosproc

    newosproc(mp)


# go: runtime/proc.go mexit
def mexit() -> None:
    """Tear down the current M, whose locked G exited; its thread ends after this."""
    global allm
    mp = getg().m
    if mp is m0:
        # The main thread cannot exit (that would end the process): wedge it.
        handoffp(releasep())
        lock(sched.lock)
        sched.nmfreed += 1
        checkdead()
        unlock(sched.lock)
        mPark()
        throw("locked m0 woke up")

    if mp.gsignal is not None:
        stackfree(mp.gsignal.stack)
        mp.gsignal = None

    # Remove m from allm.
    lock(sched.lock)
    pprev: m | None = None
    cur = allm
    while cur is not None and cur is not mp:
        pprev = cur
        cur = cur.alllink
    if cur is None:
        throw("m not found in allm")
    if pprev is None:
        allm = mp.alllink
    else:
        pprev.alllink = mp.alllink
    # Delay reaping m until it's done with the stack.
    mp.freeWait = freeMWait
    mp.freelink = sched.freem
    sched.freem = mp
    unlock(sched.lock)

    # Release the P.
    handoffp(releasep())
    lock(sched.lock)
    sched.nmfreed += 1
    checkdead()
    unlock(sched.lock)
    mp.exiting = True


# go: runtime/proc.go startm
def startm(pp: p | None, spinning: bool, lockheld: bool) -> None:
    """Schedule some M to run pp (or an idle P if pp is None)."""
    mp = acquirem()
    if not lockheld:
        lock(sched.lock)
    if pp is None:
        if spinning:
            throw("startm: P required for spinning=true")
        pp, _ = pidleget(0)
        if pp is None:
            if not lockheld:
                unlock(sched.lock)
            releasem(mp)
            return
    nmp = mget()
    if nmp is None:
        # No M is available: make one. The id is reserved under sched.lock
        # so checkdead sees the M as running before it exists.
        id = mReserveID()
        unlock(sched.lock)
        fn = mspinning if spinning else None
        systemstack(newm, fn, pp, id)
        if lockheld:
            lock(sched.lock)
        releasem(mp)
        return
    if not lockheld:
        unlock(sched.lock)
    if nmp.spinning:
        throw("startm: m is spinning")
    if nmp.nextp is not None:
        throw("startm: m has p")
    if spinning and not runqempty(pp):
        throw("startm: p has runnable gs")
    # The caller incremented nmspinning, so set m.spinning in the new M.
    nmp.spinning = spinning
    nmp.nextp = pp
    notewakeup(nmp.park)  # type: ignore[arg-type]
    releasem(mp)


# go: runtime/proc.go mspinning
def mspinning() -> None:
    """mstartfn of an M started to spin (startm's caller counted it)."""
    getg().m.spinning = True


# go: runtime/proc.go stopm
def stopm() -> None:
    """Stop the current M until new work is available (it holds no P)."""
    gp = getg()
    mp = gp.m
    if mp.locks != 0:
        throw("stopm holding locks")
    if mp.p is not None:
        throw("stopm holding p")
    if mp.spinning:
        throw("stopm spinning")
    lock(sched.lock)
    mput(mp)
    unlock(sched.lock)
    mPark()
    acquirep(mp.nextp)  # type: ignore[arg-type]
    mp.nextp = None


# go: runtime/proc.go mPark
def mPark() -> None:
    """Park the current M until notewakeup(m.park)."""
    mp = getg().m
    notesleep(mp.park)  # type: ignore[arg-type]
    noteclear(mp.park)  # type: ignore[arg-type]


# go: runtime/proc.go handoffp
def handoffp(pp: p) -> None:
    """Hand off pp from a syscall or locked M: start an M for it, or idle it."""
    # If it has local work or there is global work, start it straight away.
    if not runqempty(pp) or sched.runq.size != 0:
        startm(pp, False, False)
        return
    # No local work: if nobody spins and no P is idle, be the spinner.
    if sched.nmspinning.v + sched.npidle.v == 0 and sched.nmspinning.CompareAndSwap(0, 1):
        sched.needspinning.Store(0)
        startm(pp, True, False)
        return
    lock(sched.lock)
    if sched.gcwaiting.v:
        pp.status = _Pgcstop
        pp.gcStopTime = nanotime()
        sched.stopwait -= 1
        if sched.stopwait == 0:
            notewakeup(sched.stopnote)  # type: ignore[arg-type]
        unlock(sched.lock)
        return
    if pp.runSafePointFn != 0:
        pp.runSafePointFn = 0
        sched.safePointFn(pp)
        sched.safePointWait -= 1
        if sched.safePointWait == 0:
            notewakeup(sched.safePointNote)  # type: ignore[arg-type]
    if sched.runq.size != 0:
        unlock(sched.lock)
        startm(pp, False, False)
        return
    # If this is the last running P and nobody is polling the network, we
    # need to wake up another M to poll it.
    if sched.npidle.v == gomaxprocs - 1 and sched.lastpoll.v != 0:
        unlock(sched.lock)
        startm(pp, False, False)
        return
    # The scheduler lock cannot be held when calling wakeNetPoller below
    # because wakeNetPoller may call wakep which may call startm.
    when = pp.timers.wakeTime() if pp.timers is not None else 0
    pidleput(pp, 0)
    unlock(sched.lock)
    if when != 0:
        wakeNetPoller(when)


# Under the GIL a second M cannot run Go code beside the first, only take
# turns with it, so waking an idle P for every new runnable G (Go's eager
# policy) buys no parallelism and costs a thread wakeup and a GIL handoff
# each time. With lazyWake, ready, newproc, Gosched and resetspinning do
# not call wakep; sysmon does, once work has waited behind a running G for
# a tick while a P is idle (retake), and thieves steal only such waiting
# Gs (stealWork). docs/design/0003-lazy-wakeups.md.
lazyWake = True


def starving(pp: p) -> bool:
    """A G has waited in pp's queue or runnext since sysmon last looked at pp."""
    pd = pp.sysmontick
    head = pp.runqhead
    if head == pd.runqhead and pp.runqtail != head:
        return True
    nxt = pp.runnext
    return nxt is not None and nxt is pd.runnext


# go: runtime/proc.go wakep
def wakep() -> None:
    """Try to add one more P to execute Gs, if there is an idle P and no spinning M."""
    # With one P there is no other P to wake (the caller holds it): gort
    # skips the dance below, whose only effect would be needspinning.
    if gomaxprocs == 1:
        return
    # Be conservative about spinning threads, only start one if none exist already.
    nms = sched.nmspinning
    if nms.v != 0 or not nms.CompareAndSwap(0, 1):
        return
    mp = acquirem()
    lock(sched.lock)
    pp, _ = pidlegetSpinning(0)
    if pp is None:
        if nms.Add(-1) < 0:
            throw("wakep: negative nmspinning")
        unlock(sched.lock)
        releasem(mp)
        return
    # Since we always have a P, the race in the "No M is available" comment
    # in startm doesn't apply during the small window between the unlock
    # here and lock in startm.
    unlock(sched.lock)
    startm(pp, True, False)
    releasem(mp)


# go: runtime/proc.go stoplockedm
def stoplockedm() -> None:
    """Stop the current M, locked to a G that is not runnable, until the G is ready."""
    mp = getg().m
    if mp.lockedg is None or mp.lockedg.lockedm is not mp:
        throw("stoplockedm: inconsistent locking")
    if mp.p is not None:
        # Schedule another M to run this P.
        pp = releasep()
        handoffp(pp)
    incidlelocked(1)
    # Wait until another thread schedules lockedg again.
    mPark()
    status = readgstatus(mp.lockedg)
    if status & ~_Gscan != _Grunnable:
        _write2(f"runtime:stoplockedm: lockedg (atomicstatus={status}) is not Grunnable or Gscanrunnable\n")
        throw("stoplockedm: not runnable")
    acquirep(mp.nextp)  # type: ignore[arg-type]
    mp.nextp = None


# go: runtime/proc.go startlockedm
def startlockedm(gp: g) -> None:
    """Hand our P to gp's locked M, wake it, and stop ourselves."""
    mp = gp.lockedm
    if mp is None or mp is getg().m:
        throw("startlockedm: locked to me")
    if mp.nextp is not None:
        throw("startlockedm: m has p")
    # Directly hand off the current P to the locked m.
    incidlelocked(-1)
    pp = releasep()
    mp.nextp = pp
    notewakeup(mp.park)  # type: ignore[arg-type]
    stopm()


# go: runtime/proc.go gcstopm
def gcstopm() -> None:
    """Stop the current M for stop-the-world and park until the world starts."""
    mp = getg().m
    if not sched.gcwaiting.v:
        throw("gcstopm: not waiting for gc")
    if mp.spinning:
        mp.spinning = False
        # OK to just drop nmspinning here, startTheWorld will unpark
        # threads as needed.
        if sched.nmspinning.Add(-1) < 0:
            throw("gcstopm: negative nmspinning")
    pp = releasep()
    lock(sched.lock)
    pp.status = _Pgcstop
    pp.gcStopTime = nanotime()
    sched.stopwait -= 1
    if sched.stopwait == 0:
        notewakeup(sched.stopnote)  # type: ignore[arg-type]
    unlock(sched.lock)
    stopm()


# go: runtime/proc.go incidlelocked
def incidlelocked(v: int) -> None:
    lock(sched.lock)
    sched.nmidlelocked += v
    if v > 0:
        checkdead()
    unlock(sched.lock)


# go: runtime/proc.go (*m).becomeSpinning
def becomeSpinning(mp: m) -> None:
    mp.spinning = True
    sched.nmspinning.Add(1)
    sched.needspinning.Store(0)


# go: runtime/proc.go resetspinning
def resetspinning() -> None:
    mp = getg().m
    if not mp.spinning:
        throw("resetspinning: not a spinning m")
    mp.spinning = False
    nmspinning = sched.nmspinning.Add(-1)
    if nmspinning < 0:
        throw("findRunnable: negative nmspinning")
    # M wakeup policy is deliberately somewhat conservative, so check if we
    # need to wakeup another P here. See "Worker thread parking/unparking"
    # comment at the top of proc.go for details.
    if not lazyWake:
        wakep()


# --- goroutine creation and exit ---------------------------------------------------


# go: runtime/proc.go malg
def malg(stacksize: int) -> g:
    """Allocate a g, with a stack big enough for stacksize bytes (none if < 0)."""
    newg = g()
    newg.addr = mallocgc(param.sizeof_g, None, True)  # new(g)
    if stacksize >= 0:
        stacksize = round2(param.stackSystem + stacksize)
        newg.stack = systemstack(stackalloc, stacksize)
        newg.stackguard0 = newg.stack.lo + param.stackGuard
        newg.stackguard1 = 0xFFFFFFFFFFFFFFFF
        U64[newg.stack.lo >> 3] = 0
        newg.sp = newg.stack.hi
    return newg


# go: runtime/proc.go allgadd
def allgadd(gp: g) -> None:
    if readgstatus(gp) == _Gidle:
        throw("allgadd: bad status Gidle")
    lock(allglock)
    allgs.append(gp)
    gByAddr[gp.addr] = gp
    unlock(allglock)


# go: runtime/proc.go newproc
def newproc(fn: int, pc: int = 0, line: int = 0, gp: g | None = None) -> None:
    """The go statement: create a G running the funcval fn, queue it in runnext.

    Compiled code passes the go statement's function (its index, the "pc"),
    its Go line, and its g (getg()); other callers leave them out, and the
    caller's frame says where the statement is (the Go line is looked up
    only if a traceback prints it: symtab.goline)."""
    if gp is None:
        gp = _tls.g
    pos: tuple[Any, int] | int | None = line
    if not pc:
        pc, pos = callerpc(sys._getframe(1))
    systemstack(_newproc_m, fn, gp, pc, pos)


def _newproc_m(fn: int, gp: g, pc: int, pos: tuple[Any, int] | int | None) -> None:
    """newproc's closure, run on g0."""
    newg = newproc1(fn, gp, pc, False, waitReasonZero)
    newg.gopcpos = pos
    pp = gp.m.p  # getg().m.p: this is gp's M (getg() is its g0)
    runqput(pp, newg, True)
    if not lazyWake and mainStarted:
        wakep()


def callerpc(frame: Any) -> tuple[int, tuple[Any, int] | None]:
    """(function index, (code, f_lasti)) of the first compiled or runtime
    function from frame outwards: the pc of a call in it."""
    byCode = symtab.byCode
    while frame is not None:
        code = frame.f_code
        try:
            f = byCode[code]  # (a go statement's own frame: the first one, as a rule)
        except KeyError:
            frame = frame.f_back
            continue
        return f.entry, (code, frame.f_lasti)
    return 0, None


def peekgoid() -> int:
    """The goid newproc1 would assign next on this P (for tracing only)."""
    pp = getg().m.p
    if pp is not None and pp.goidcache != pp.goidcacheend:
        return int(pp.goidcache)
    return int(sched.goidgen.v + 1)


# go: runtime/proc.go newproc1
def newproc1(fn: int, callergp: g, callerpc: int, parked: bool, waitreason: int) -> g:
    """Create a new G in state _Grunnable (or _Gwaiting if parked) starting at fn. On g0."""
    if not fn:
        fatal("go of nil func value")
    # (Go holds acquirem here, against preemption while M and P sit in
    # locals; newproc1 runs on g0 and gort's runtime code has no safepoints.)
    mp: m = callergp.m  # getg().m: the caller runs on this M (getg() is its g0)
    pp = mp.p
    newg = gfget(pp)
    if newg is None:
        newg = malg(param.stackMin)
        casgstatus(newg, _Gidle, _Gdead)
        allgadd(newg)  # publishes with a g->status of Gdead
    if not newg.stack.hi:
        throw("newproc1: newg missing stack")
    if newg.atomicstatus != _Gdead:  # readgstatus
        throw("newproc1: new g is not Gdead")

    # Room at the top of the stack for goexit's frame, as Go leaves.
    sp = newg.stack.hi - _goexitFrameSize
    newg.sp = sp
    sched_ = newg.sched
    sched_.sp = sp
    sched_.g = newg
    sched_.ctxt = fn
    fnidx = U64[fn >> 3]
    sched_.pc = fnidx
    # gostartcallfn: the G begins at fn and returns into goexit.
    sched_.coro = goentry(newg, fn)
    newg.parentGoid = callergp.goid
    newg.gopc = callerpc
    newg.startpc = fnidx
    if isSystemGoroutine(newg):
        sched.ngsys.Add(1)
    elif mp.curg is not None:
        newg.labels = mp.curg.labels
    newg.trackingSeq = _randbits(8)

    status = _Grunnable
    if parked:
        status = _Gwaiting
        newg.waitreason = waitreason
    if pp.goidcache == pp.goidcacheend:
        # sched.goidgen is the last allocated id; this batch must be
        # [sched.goidgen+1, sched.goidgen+GoidCacheBatch].
        pp.goidcache = sched.goidgen.Add(param.GoidCacheBatch)
        pp.goidcache -= param.GoidCacheBatch - 1
        pp.goidcacheend = pp.goidcache + param.GoidCacheBatch
    newg.goid = pp.goidcache
    # casgstatus(newg, _Gdead, status), its gilAtomic fast path inline
    if gilAtomic and newg.atomicstatus == _Gdead:
        newg.atomicstatus = status
    else:
        casgstatus(newg, _Gdead, status)
    pp.goidcache += 1
    # fips140 bubble: crypto/fips140.WithoutEnforcement carries over to the
    # goroutines it starts.
    newg.fipsOnlyBypass = callergp.fipsOnlyBypass
    return newg


# newproc1's room for goexit's frame: 4 words and the minimum frame, alignUp(…, StackAlign).
_goexitFrameSize = (4 * param.PtrSize + param.MinFrameSize + 15) & ~15

# Functions whose goroutines are the runtime's own (isSystemGoroutine).
systemGoroutineNames = {
    "runtime.forcegchelper",
    "runtime.bgsweep",
    "runtime.bgscavenge",
    "runtime.runFinalizers",
    "runtime.updateMaxProcsGoroutine",
    "runtime.timerproc",
}


# go: runtime/traceback.go isSystemGoroutine
def isSystemGoroutine(gp: g) -> bool:
    """Whether gp is the runtime's (hidden from dumps and deadlock detection)."""
    try:
        return _systemPC[gp.startpc]  # (a miss is once per function)
    except KeyError:
        pc = gp.startpc
        f = symtab.findfunc(pc)
        r = f is not None and f.name != "runtime.main" and f.name in systemGoroutineNames
        _systemPC[pc] = r
        return r


_systemPC: dict[int, bool] = {}  # startpc → isSystemGoroutine (functions never change)


# go: runtime/proc.go gfput
def gfput(pp: p, gp: g) -> None:
    """Put a dead G on pp's free list, spilling to the global lists at 64."""
    if gp.atomicstatus != _Gdead:  # readgstatus
        throw("gfput: bad status (not Gdead)")
    stack_ = gp.stack
    if stack_.hi - stack_.lo != startingStackSize:
        # Non-standard stack size: free it.
        stackfree(stack_)
        stack_.lo = 0
        stack_.hi = 0
        gp.stackguard0 = 0
    gFree = pp.gFree
    gp.schedlink = gFree.head  # gFree.push(gp), written out
    gFree.head = gp
    size = gFree.size + 1
    gFree.size = size
    if size >= param.gfreeLocalMax:
        # Move half of the free Gs to the global lists, each kind as one
        # queue that pushAll links in at once.
        stackQ = gQueue()
        noStackQ = gQueue()
        # Go pops Gs off gFree while it holds gfreeLocalKeep or more and
        # pushes each on its kind's queue: here the n it pops are counted
        # first and read off gFree's links, and stackQ.push is written out.
        n = size - param.gfreeLocalKeep + 1
        g1: g | None = gFree.head
        head = tail = None  # stackQ's
        for _ in range(n):
            nxt = g1.schedlink  # type: ignore[union-attr]
            if g1.stack.lo == 0:  # type: ignore[union-attr]
                noStackQ.push(g1)  # type: ignore[arg-type]
            else:
                if head is None:
                    tail = g1
                g1.schedlink = head  # type: ignore[union-attr]
                head = g1
            g1 = nxt
        gFree.head = g1
        gFree.size -= n
        stackQ.head = head
        stackQ.tail = tail
        stackQ.size = n - noStackQ.size
        lock(sched.gFreeLock)  # type: ignore[arg-type]
        sched.gFreeNoStack.pushAll(noStackQ)
        sched.gFreeStack.pushAll(stackQ)
        unlock(sched.gFreeLock)  # type: ignore[arg-type]


# go: runtime/proc.go gfget
def gfget(pp: p) -> g | None:
    """Take a dead G from pp's free list, refilling up to 32 from the global lists. On g0."""
    gFree = pp.gFree
    while True:  # retry
        if gFree.head is None and (sched.gFreeStack.head is not None or sched.gFreeNoStack.head is not None):
            lock(sched.gFreeLock)  # type: ignore[arg-type]
            # Move a batch of free Gs to the P. Go pops them one at a time
            # off the global lists, preferring Gs with stacks, and pushes
            # each on gFree: here the pops and pushes are written out over
            # the links, a list at a time (gFree ends up in reverse order).
            head = gFree.head
            for L in (sched.gFreeStack, sched.gFreeNoStack):
                n = min(param.gfreeLocalKeep - gFree.size, L.size)
                gp = L.head
                for _ in range(n):
                    nxt = gp.schedlink  # type: ignore[union-attr]
                    gp.schedlink = head  # type: ignore[union-attr]
                    head = gp
                    gp = nxt
                L.head = gp
                L.size -= n
                gFree.head = head
                gFree.size += n
            unlock(sched.gFreeLock)  # type: ignore[arg-type]
            continue
        break
    gp = gFree.head  # gFree.pop(), written out
    if gp is None:
        return None
    gFree.head = gp.schedlink
    gFree.size -= 1
    stack_ = gp.stack
    if stack_.lo and stack_.hi - stack_.lo != startingStackSize:
        # Deallocate old stack. We kept it in gfput because it was the
        # right size when the goroutine was put on the free list, but the
        # right size has changed since then.
        systemstack(stackfree, stack_)
        stack_.lo = 0
        stack_.hi = 0
        gp.stackguard0 = 0
    if not stack_.lo:
        # Stack was deallocated in gfput or just above. Allocate a new one.
        gp.stack = systemstack(stackalloc, startingStackSize)
        gp.stackguard0 = gp.stack.lo + param.stackGuard
    return gp


# go: runtime/proc.go gfpurge
def gfpurge(pp: p) -> None:
    """Move all of pp's free Gs to the global lists."""
    stackQ = gQueue()
    noStackQ = gQueue()
    while not pp.gFree.empty():
        gp = pp.gFree.pop()
        if gp is None:
            break
        if gp.stack.lo == 0:
            noStackQ.push(gp)
        else:
            stackQ.push(gp)
    lock(sched.gFreeLock)  # type: ignore[arg-type]
    sched.gFreeNoStack.pushAll(noStackQ)
    sched.gFreeStack.pushAll(stackQ)
    unlock(sched.gFreeLock)  # type: ignore[arg-type]


def goentry(gp: g, fv: int) -> Generator[Any, Any, None]:
    """The bottom of every goroutine: call the funcval fv, then goexit.

    Go's newproc1 makes fn return into goexit; here goexit is what follows
    the call. A panic nobody recovered ends the program here (fatalpanic);
    runtime.Goexit unwinds to here. Nothing follows the mcall(goexit0):
    gdestroy resumes the generator once more so that it returns.
    """
    try:
        r = symtab.FUNCTAB[gp.startpc](gp, fv)  # type: ignore[misc]  # fv's fn (newproc1)
        # A compiled function returns a generator (tested by its class, with
        # no call); a native may return a plain value or another iterator.
        if r.__class__ is GeneratorType or (r is not None and hasattr(r, "send")):
            yield from r
    except GoPanic as e:
        yield from fatalpanic(gp, e)
    except GoexitUnwind:
        pass
    yield goexit0  # goexit1: mcall(goexit0)


# go: runtime/proc.go goexit1
def goexit1() -> Generator[Any, Any, None]:
    """Finish the current goroutine (compiled code never calls this; goentry does)."""
    yield goexit0


# go: runtime/proc.go goexit0
def goexit0(gp: g) -> Mcall | None:
    """The g0 half of goexit: gp is dead and goes back to a free list.

    Returns None when the M must exit because gp was locked to it (mexit).
    """
    locked = gdestroy(gp)
    if locked:
        # The goroutine may have locked this thread because it put it in an
        # unusual kernel state. Kill it rather than returning it to the
        # thread pool: return to mstart, which releases the P and exits.
        return None
    return schedule()


# go: runtime/proc.go gdestroy
def gdestroy(gp: g) -> bool:
    """Clear gp and free it. Reports whether it was locked to its M (which must exit)."""
    mp = gp.m  # getg().m: gp has just run on this M
    pp = mp.p
    # casgstatus(gp, _Grunning, _Gdead), its gilAtomic fast path inline
    if gilAtomic and gp.atomicstatus == _Grunning:
        gp.atomicstatus = _Gdead
    else:
        casgstatus(gp, _Grunning, _Gdead)
    if isSystemGoroutine(gp):
        sched.ngsys.Add(-1)
    gp.m = None  # type: ignore[assignment]
    locked = gp.lockedm is not None and not gp.plainLocked
    gp.lockedm = None
    gp.plainLocked = False
    mp.lockedg = None
    gp.preemptStop = False
    gp.paniconfault = False
    gp._defer = None
    gp._panic = None
    gp.writebuf = None
    gp.waitreason = waitReasonZero
    gp.param = None
    gp.labels = None
    gp.timer = None
    gp.fipsOnlyBypass = False
    # The G's coroutine waits at goentry's last yield (mcall(goexit0)), or
    # coroexit's for a coroutine's G (coro.py), which nothing follows:
    # resumed, it returns. CPython closes a generator that is dropped while
    # suspended by throwing GeneratorExit into it, which costs about as
    # much again as letting it return.
    sched_ = gp.sched
    coro = sched_.coro
    sched_.coro = None
    if coro is not None:
        next(coro, None)
    gp.traceDepth = 0
    gp.pyframes = None
    mp.curg = None  # type: ignore[assignment]  # dropg(): gp is mp.curg, and gp.m is nil already
    if locked and mp.lockedInt != 0:
        _write2(f"runtime: mp.lockedInt = {mp.lockedInt}\n")
        throw("exited a goroutine internally locked to the OS thread")
    gfput(pp, gp)  # type: ignore[arg-type]
    if locked:
        mp.lockedExt = 0
    return locked


# go: runtime/panic.go Goexit
def Goexit(gp: g) -> None:
    """runtime.Goexit: run the deferred calls of gp and end it (unwinds to goentry)."""
    raise GoexitUnwind()


# --- run queues --------------------------------------------------------------------


# go: runtime/proc.go runqempty
def runqempty(pp: p) -> bool:
    """Whether pp has no Gs on its local queue (runnext included). Lock-free."""
    # Defend against a race where 1) pp has G1 in runqnext but runqhead ==
    # runqtail, 2) runqput on pp kicks G1 to the runq, 3) runqget on pp
    # empties runqnext: re-read the tail after runnext.
    while True:
        head = pp.runqhead
        tail = pp.runqtail
        runnext = pp.runnext
        if tail == pp.runqtail:
            return head == tail and runnext is None


# go: runtime/proc.go runqput
def runqput(pp: p, gp: g, next: bool) -> None:
    """Put gp on pp's local queue: in runnext if next, else at the tail. Owner P only."""
    if next:
        if gilAtomic:  # swap runnext (atomic.gilAtomic)
            oldnext = pp.runnext
            pp.runnext = gp
        else:
            l = pp.runqLock
            l.acquire()
            oldnext = pp.runnext
            pp.runnext = gp
            l.release()
        if oldnext is None:
            return
        # Kick the old runnext out to the regular run queue.
        gp = oldnext
    runq = pp.runq
    while True:
        h = pp.runqhead  # load-acquire, synchronize with consumers
        t = pp.runqtail
        if t - h < 256:
            runq[t & 255] = gp
            pp.runqtail = t + 1  # store-release, makes the item available for consumption
            return
        if runqputslow(pp, gp, h, t):
            return
        # the queue is not full, now the put above must succeed


# go: runtime/proc.go runqputslow
def runqputslow(pp: p, gp: g, h: int, t: int) -> bool:
    """Move gp and half of pp's full local queue to the global queue."""
    n = (t - h) // 2
    runq = pp.runq
    if n != len(runq) // 2:
        throw("runqputslow: queue is not full")
    # First, grab a batch from local queue: the n slots from h, as one or
    # two slices of the ring.
    s = h & 255
    batch = runq[s : s + n]
    if len(batch) < n:
        batch += runq[: n - len(batch)]
    l = pp.runqLock
    l.acquire()
    if pp.runqhead != h:
        l.release()
        return False
    pp.runqhead = h + n  # cas-release, commits consume
    l.release()
    batch.append(gp)
    # Link the goroutines.
    for g1, g2 in zip(batch, batch[1:]):
        g1.schedlink = g2  # type: ignore[union-attr]
    q = gQueue()
    q.head = batch[0]
    q.tail = gp
    q.size = n + 1
    # Now put the batch on global queue.
    lock(sched.lock)
    globrunqputbatch(q)
    unlock(sched.lock)
    return True


# go: runtime/proc.go runqputbatch
def runqputbatch(pp: p, q: gQueue) -> None:
    """Put as many Gs of q as fit on pp's local queue; the rest stay in q. Owner P only."""
    if q.empty():
        return
    h = pp.runqhead
    t = pp.runqtail
    runq = pp.runq
    # Go pops Gs off q into the ring while q is not empty and the ring not
    # full: here the n it takes are counted first and read off q's links.
    n = min(q.size, len(runq) - (t - h))
    gp = q.head
    for _ in range(n):
        runq[t & 255] = gp
        t += 1
        gp = gp.schedlink  # type: ignore[union-attr]
    q.head = gp
    if gp is None:
        q.tail = None
    q.size -= n
    pp.runqtail = t


# go: runtime/proc.go runqget
def runqget(pp: p) -> tuple[g | None, bool]:
    """Get a G from pp's local queue; runnext first (it inherits the time slice). Owner only."""
    # If there's a runnext, it's the next G to run.
    nxt = pp.runnext
    if nxt is not None:
        if gilAtomic:  # the load above and this store: one CAS (atomic.gilAtomic)
            pp.runnext = None
            return nxt, True
        # If the runnext is non-0 and the CAS fails, it could only have
        # been stolen by another P, because other Ps can race to set
        # runnext to 0, but only the current P can set it to non-0.
        l = pp.runqLock
        l.acquire()
        if pp.runnext is nxt:
            pp.runnext = None
            l.release()
            return nxt, True
        l.release()
    while True:
        h = pp.runqhead  # load-acquire, synchronize with other consumers
        t = pp.runqtail
        if t == h:
            return None, False
        gp = pp.runq[h & 255]
        if gilAtomic:  # from the load of runqhead: one CAS (atomic.gilAtomic)
            pp.runqhead = h + 1  # cas-release, commits consume
            return gp, False
        l = pp.runqLock
        l.acquire()
        if pp.runqhead == h:
            pp.runqhead = h + 1  # cas-release, commits consume
            l.release()
            return gp, False
        l.release()


# go: runtime/proc.go runqdrain
def runqdrain(pp: p) -> gQueue:
    """Take every G of pp's local queue, runnext first. Owner only."""
    drainQ = gQueue()
    l = pp.runqLock
    oldNext = pp.runnext
    if oldNext is not None:
        l.acquire()
        if pp.runnext is oldNext:
            pp.runnext = None
            drainQ.pushBack(oldNext)
        l.release()
    while True:
        h = pp.runqhead
        t = pp.runqtail
        qn = t - h
        if qn == 0:
            return drainQ
        if qn > len(pp.runq):  # read inconsistent h and t
            continue
        l.acquire()
        if pp.runqhead != h:
            l.release()
            continue
        pp.runqhead = h + qn
        l.release()
        for i in range(qn):
            gp = pp.runq[(h + i) & 255]
            drainQ.pushBack(gp)  # type: ignore[arg-type]
        return drainQ


# go: runtime/proc.go runqgrab
def runqgrab(pp: p, batch: list[g | None], batchHead: int, stealRunNextG: bool) -> int:
    """Grab half of pp's queue into batch (a ring of 256) at batchHead. Any M."""
    l = pp.runqLock
    while True:
        h = pp.runqhead  # load-acquire, synchronize with other consumers
        t = pp.runqtail  # load-acquire, synchronize with the producer
        n = t - h
        n = n - n // 2
        if n == 0:
            if stealRunNextG:
                # Try to steal from pp.runnext.
                nxt = pp.runnext
                if nxt is not None:
                    if pp.status == _Prunning:
                        # Sleep to ensure that pp isn't about to run the g
                        # we are about to steal. The important use case
                        # here is when the g running on pp ready()s another
                        # g and then almost immediately blocks. Instead of
                        # stealing runnext in this window, back off to give
                        # pp a chance to schedule runnext and pull off the
                        # queue. A Python thread sleeps at least ~50 µs.
                        osyield()
                    l.acquire()
                    if pp.runnext is not nxt:
                        l.release()
                        continue
                    pp.runnext = None
                    l.release()
                    batch[batchHead & 255] = nxt
                    return 1
            return 0
        if n > len(pp.runq) // 2:  # read inconsistent h and t
            continue
        for i in range(n):
            batch[(batchHead + i) & 255] = pp.runq[(h + i) & 255]
        l.acquire()
        if pp.runqhead == h:
            pp.runqhead = h + n  # cas-release, commits consume
            l.release()
            return n
        l.release()


# go: runtime/proc.go runqsteal
def runqsteal(pp: p, p2: p, stealRunNextG: bool) -> g | None:
    """Steal half of p2's queue into pp's; return one of the stolen Gs."""
    t = pp.runqtail
    n = runqgrab(p2, pp.runq, t, stealRunNextG)
    if n == 0:
        return None
    n -= 1
    gp = pp.runq[(t + n) & 255]
    if n == 0:
        return gp
    h = pp.runqhead  # load-acquire, synchronize with consumers
    if t - h + n >= len(pp.runq):
        throw("runqsteal: runq overflow")
    pp.runqtail = t + n  # store-release, makes the item available for consumption
    return gp


# go: runtime/proc.go globrunqput
def globrunqput(gp: g) -> None:
    """sched.lock held. Put gp at the tail of the global queue."""
    sched.runq.pushBack(gp)


# go: runtime/proc.go globrunqputhead
def globrunqputhead(gp: g) -> None:
    """sched.lock held. Put gp at the head of the global queue."""
    sched.runq.push(gp)


# go: runtime/proc.go globrunqputbatch
def globrunqputbatch(batch: gQueue) -> None:
    """sched.lock held. Put a batch of Gs on the global queue; batch is emptied."""
    sched.runq.pushBackAll(batch)
    batch.head = batch.tail = None
    batch.size = 0


# go: runtime/proc.go globrunqget
def globrunqget() -> g | None:
    """sched.lock held. One G from the global queue."""
    if sched.runq.size == 0:
        return None
    return sched.runq.pop()


# go: runtime/proc.go globrunqgetbatch
def globrunqgetbatch(n: int) -> tuple[g | None, gQueue]:
    """sched.lock held. A G plus a fair batch from the global queue."""
    q = gQueue()
    runq = sched.runq
    if runq.size == 0:
        return None, q
    n = min(n, runq.size, runq.size // gomaxprocs + 1)
    gp = runq.pop()
    n -= 1
    if n > 0:
        # Go pops the next n Gs one at a time and pushes each at q's back:
        # q gets them in the order they are linked, so the chain moves at once.
        head = tail = runq.head
        for _ in range(n - 1):
            tail = tail.schedlink  # type: ignore[union-attr]
        runq.head = tail.schedlink  # type: ignore[union-attr]
        if runq.head is None:
            runq.tail = None
        runq.size -= n
        tail.schedlink = None  # type: ignore[union-attr]
        q.head = head
        q.tail = tail
        q.size = n
    return gp, q


# go: runtime/proc.go injectglist
def injectglist(glist: gList) -> None:
    """Mark every G of glist runnable and queue them, starting Ms for idle Ps."""
    if glist.empty():
        return
    # Mark all the goroutines as runnable before we put them on the run queues.
    q = gQueue()
    gp = glist.head
    while gp is not None:
        nxt = gp.schedlink
        casgstatus(gp, _Gwaiting, _Grunnable)
        q.pushBack(gp)
        gp = nxt
    glist.head = None
    glist.size = 0

    def startIdle(n: int) -> None:
        while n > 0:
            mp = acquirem()
            lock(sched.lock)
            pp, _ = pidlegetSpinning(0)
            if pp is None:
                unlock(sched.lock)
                releasem(mp)
                break
            startm(pp, False, True)
            unlock(sched.lock)
            releasem(mp)
            n -= 1

    pp = getg().m.p
    if pp is None:
        n = q.size
        lock(sched.lock)
        globrunqputbatch(q)
        unlock(sched.lock)
        startIdle(n)
        return

    globq = gQueue()
    npidle = sched.npidle.v
    while npidle > 0 and not q.empty():
        g1 = q.pop()
        globq.pushBack(g1)  # type: ignore[arg-type]
        npidle -= 1
    if not globq.empty():
        n = globq.size
        lock(sched.lock)
        globrunqputbatch(globq)
        unlock(sched.lock)
        startIdle(n)
    runqputbatch(pp, q)
    if not q.empty():
        lock(sched.lock)
        globrunqputbatch(q)
        unlock(sched.lock)
    # Some P's might have become idle after we loaded `sched.npidle` but
    # before any goroutines were added to the queue, which could lead to
    # idle P's when there is work available in the global queue.
    wakep()


# --- scheduling --------------------------------------------------------------------

_stackGuard = param.stackGuard
_schedFairnessTicks = param.schedFairnessTicks

# An mcall request: the g0 function to run on the G that asked (the M's
# curg when gogo returns). None asks the M to exit (a G locked to it ended;
# see goexit0).
Mcall = Callable[[g], Any]


# go: runtime/proc.go schedule
def schedule(mp: m | None = None) -> Mcall:
    """One round of the scheduler: find a runnable G and execute it.

    Runs on g0. Returns the G's next mcall request (gort's stand-in for Go's
    never-returning schedule; see the file docstring). mp is getg().m, when
    the caller has it at hand.
    """
    if mp is None:
        mp = _tls.g.m
    if mp.locks:
        throw("schedule: holding locks")
    if mp.lockedg is not None:
        stoplockedm()
        return execute(mp.lockedg, False)  # Never returns.
    while True:  # top
        pp = mp.p
        pp.preempt = False
        # Safety check: if we are spinning, the run queue should be empty.
        if mp.spinning and (pp.runnext is not None or pp.runqhead != pp.runqtail):
            throw("schedule: spinning with local work")
        gp, inheritTime, tryWakeP = findRunnable(mp)  # blocks until work is available
        # This thread is going to run a goroutine and is not spinning
        # anymore, so if it was marked as spinning we need to reset it now
        # and potentially start a new spinning M.
        if mp.spinning:
            resetspinning()
        # If about to schedule a not-normal goroutine (a GCworker or
        # tracereader), wake a P if there is one.
        if tryWakeP:
            wakep()
        if gp.lockedm is not None:
            # Hands off own p to the locked m, then blocks waiting for a new p.
            startlockedm(gp)
            continue
        return execute(gp, inheritTime, mp)


# go: runtime/proc.go findRunnable
def findRunnable(mp: m) -> tuple[g, bool, bool]:
    """Find a runnable goroutine to execute: timers, local and global queues,
    the network, other Ps. Blocks (netpoll or stopm) until one exists. On g0.

    mp is getg().m (schedule, the only caller, has it at hand)."""
    while True:  # top
        mp.allpSnapshot = None
        pp = mp.p
        if sched.gcwaiting.v:
            gcstopm()
            continue
        if pp.runSafePointFn:
            runSafePointFn()

        # now and pollUntil are saved for work stealing so that the
        # stealing P's timers can be checked at the same time.
        ts = pp.timers
        if not ts.minWhenModified.v and not ts.minWhenHeap.v:  # wakeTime() == 0
            now = pollUntil = 0  # no timers: what check would return
        else:
            now, pollUntil, _ = ts.check(0)

        # Check the global runnable queue once in a while to ensure
        # fairness. Otherwise two goroutines can completely occupy the
        # local runqueue by constantly respawning each other.
        if not pp.schedtick % _schedFairnessTicks and sched.runq.size:
            lock(sched.lock)
            gp = globrunqget()
            unlock(sched.lock)
            if gp is not None:
                return gp, False, False

        # local runq: runqget(pp), its runnext fast path written out (the
        # load and the store are one CAS: atomic.gilAtomic)
        gp = pp.runnext
        if gp is not None and gilAtomic:
            pp.runnext = None
            return gp, True, False
        gp, inheritTime = runqget(pp)
        if gp is not None:
            return gp, inheritTime, False

        # global runq
        if sched.runq.size != 0:
            lock(sched.lock)
            gp, q = globrunqgetbatch(len(pp.runq) // 2)
            unlock(sched.lock)
            if gp is not None:
                runqputbatch(pp, q)
                if not q.empty():
                    throw("Couldn't put Gs into empty local runq")
                return gp, False, False

        # Poll network. This netpoll is only an optimization before we
        # resort to stealing.
        if (
            netpoll.netpollinited()
            and netpoll.netpollAnyWaiters()
            and sched.lastpoll.v != 0
            and sched.pollingNet.Swap(1) == 0
        ):
            lst, delta = netpoll.netpoll(0)
            sched.pollingNet.Store(0)
            if not lst.empty():  # non-blocking
                gp = lst.pop()
                injectglist(lst)
                netpoll.netpollAdjustWaiters(delta)
                casgstatus(gp, _Gwaiting, _Grunnable)  # type: ignore[arg-type]
                return gp, False, False  # type: ignore[return-value]

        # Spinning Ms: steal work from other Ps. Limit the number of
        # spinning Ms to half the number of busy Ps.
        if mp.spinning or 2 * sched.nmspinning.v < gomaxprocs - sched.npidle.v:
            if not mp.spinning:
                becomeSpinning(mp)
            gp, inheritTime, tnow, w, newWork = stealWork(now)
            if gp is not None:
                # Successfully stole.
                return gp, inheritTime, False
            if newWork:
                # There may be new timer or GC work; restart to discover.
                continue
            now = tnow
            if w != 0 and (pollUntil == 0 or w < pollUntil):
                # Earlier timer to wait for.
                pollUntil = w

        # We have nothing to do. Before we drop our P, make a snapshot of
        # the allp slice, which can change underfoot once we no longer
        # block safe-points.
        allpSnapshot = list(allp)
        mp.allpSnapshot = allpSnapshot

        # return P and block
        lock(sched.lock)
        if sched.gcwaiting.v or pp.runSafePointFn != 0:
            unlock(sched.lock)
            continue
        if sched.runq.size != 0:
            gp, q = globrunqgetbatch(len(pp.runq) // 2)
            unlock(sched.lock)
            if gp is None:
                throw("global runq empty with non-zero runqsize")
            runqputbatch(pp, q)
            if not q.empty():
                throw("Couldn't put Gs into empty local runq")
            return gp, False, False
        if not mp.spinning and sched.needspinning.v == 1:
            # See "Delicate dance" in Go's comment: a spinning M was wanted.
            becomeSpinning(mp)
            unlock(sched.lock)
            continue
        if releasep() is not pp:
            throw("findRunnable: wrong p")
        now = pidleput(pp, now)
        unlock(sched.lock)

        # Delicate dance: thread transitions from spinning to non-spinning
        # state, potentially concurrently with submission of new work. We
        # must drop nmspinning first and then check all sources again.
        wasSpinning = mp.spinning
        if mp.spinning:
            mp.spinning = False
            if sched.nmspinning.Add(-1) < 0:
                throw("findRunnable: negative nmspinning")
            # Check global and P runqueues again.
            lock(sched.lock)
            if sched.runq.size != 0:
                pp2, _ = pidlegetSpinning(0)
                if pp2 is not None:
                    gp, q = globrunqgetbatch(len(pp2.runq) // 2)
                    unlock(sched.lock)
                    if gp is None:
                        throw("global runq empty with non-zero runqsize")
                    runqputbatch(pp2, q)
                    if not q.empty():
                        throw("Couldn't put Gs into empty local runq")
                    acquirep(pp2)
                    becomeSpinning(mp)
                    return gp, False, False
            unlock(sched.lock)
            pp2 = checkRunqsNoP(allpSnapshot)
            if pp2 is not None:
                acquirep(pp2)
                becomeSpinning(mp)
                continue
            # Finally, check for timer creation or expiry concurrently with
            # transitioning from spinning to non-spinning.
            pollUntil = checkTimersNoP(allpSnapshot, pollUntil)

        # Poll network until next timer.
        if netpoll.netpollinited() and (netpoll.netpollAnyWaiters() or pollUntil != 0) and sched.lastpoll.Swap(0) != 0:
            sched.pollUntil.Store(pollUntil)
            if mp.p is not None:
                throw("findRunnable: netpoll with p")
            if mp.spinning:
                throw("findRunnable: netpoll with spinning")
            delay = -1
            if pollUntil != 0:
                if now == 0:
                    now = nanotime()
                delay = max(pollUntil - now, 0)
            lst, delta = netpoll.netpoll(delay)  # block until new work is available
            # Refresh now again, after potentially blocking.
            now = nanotime()
            sched.pollUntil.Store(0)
            sched.lastpoll.Store(now)
            lock(sched.lock)
            pp2, _ = pidleget(now)
            unlock(sched.lock)
            if pp2 is None:
                injectglist(lst)
                netpoll.netpollAdjustWaiters(delta)
            else:
                acquirep(pp2)
                if not lst.empty():
                    gp = lst.pop()
                    injectglist(lst)
                    netpoll.netpollAdjustWaiters(delta)
                    casgstatus(gp, _Gwaiting, _Grunnable)  # type: ignore[arg-type]
                    return gp, False, False  # type: ignore[return-value]
                if wasSpinning:
                    becomeSpinning(mp)
                continue
        elif pollUntil != 0 and netpoll.netpollinited():
            pollerPollUntil = sched.pollUntil.v
            if pollerPollUntil == 0 or pollerPollUntil > pollUntil:
                netpoll.netpollBreak()
        stopm()


# go: runtime/proc.go pollWork
def pollWork() -> bool:
    """Whether there is work an idle P could do (global or local queue, network)."""
    if sched.runq.size != 0:
        return True
    pp = getg().m.p
    if not runqempty(pp):
        return True
    if netpoll.netpollinited() and netpoll.netpollAnyWaiters() and sched.lastpoll.v != 0:
        lst, delta = netpoll.netpoll(0)
        if not lst.empty():
            injectglist(lst)
            netpoll.netpollAdjustWaiters(delta)
            return True
    return False


# go: runtime/proc.go stealWork
def stealWork(now: int) -> tuple[g | None, bool, int, int, bool]:
    """Steal a G or run timers of other Ps, in random order, stealTries rounds.

    Returns (gp, inheritTime, now, pollUntil, newWork)."""
    pp = _tls.g.m.p
    ranTimer = False
    pollUntil = 0
    n = len(allp)
    for i in range(param.stealTries):
        stealTimersOrRunNextG = i == param.stealTries - 1
        # stealOrder: a random start and a random stride coprime with n.
        start = cheaprandn(n) if n else 0
        inc = _coprimes(n)[cheaprandn(len(_coprimes(n)))] if n > 1 else 1
        pos = start
        for _k in range(n):
            if sched.gcwaiting.v:
                # GC work may be available.
                return None, False, now, pollUntil, True
            p2 = allp[pos]
            pos = (pos + inc) % n
            if pp is p2:
                continue
            # Steal timers from p2. This call to checkTimers is the only
            # place where we might hold a lock on a different P's timers.
            if stealTimersOrRunNextG and p2.timers is not None and p2.timers.len.v > 0:
                tnow, w, ran = p2.timers.check(now)
                now = tnow
                if w != 0 and (pollUntil == 0 or w < pollUntil):
                    pollUntil = w
                if ran:
                    # Running the timers may have made an arbitrary number
                    # of G's ready and added them to this P's local run
                    # queue.
                    gp, inheritTime = runqget(pp)
                    if gp is not None:
                        return gp, inheritTime, now, pollUntil, ranTimer
                    ranTimer = True
            # Don't bother to attempt to steal if p2 is idle. (With lazy
            # wakeups, nor if p2's M is getting through its queue: steal
            # only Gs that have waited there since sysmon's last look.)
            if p2.status != _Pidle and (not lazyWake or starving(p2)):
                gp = runqsteal(pp, p2, stealTimersOrRunNextG)
                if gp is not None:
                    return gp, False, now, pollUntil, ranTimer
    # No goroutines found to steal. Regardless, running a timer may have
    # made some goroutine ready that we missed.
    return None, False, now, pollUntil, ranTimer


_coprimeCache: dict[int, list[int]] = {}


def _coprimes(n: int) -> list[int]:
    """The strides of stealOrder for n Ps: the numbers ≤ n coprime with n (randomOrder.reset)."""
    c = _coprimeCache.get(n)
    if c is None:
        import math

        c = [i for i in range(1, n + 1) if math.gcd(i, n) == 1]
        _coprimeCache[n] = c
    return c


# go: runtime/proc.go checkRunqsNoP
def checkRunqsNoP(allpSnapshot: list[p]) -> p | None:
    """After dropping the P: is there a P with local work we could help with?

    With lazyWake only work a thief may take counts (starving): otherwise an
    M that finds nothing to steal takes an idle P again, fails to steal
    again, and spins against the M that is doing the work."""
    for p2 in allpSnapshot:
        if p2.status != _Pidle and not runqempty(p2) and (not lazyWake or starving(p2)):
            lock(sched.lock)
            pp, _ = pidlegetSpinning(0)
            if pp is None:
                # Can't get a P, don't bother checking remaining Ps.
                unlock(sched.lock)
                return None
            unlock(sched.lock)
            return pp
    # No work available.
    return None


# go: runtime/proc.go checkTimersNoP
def checkTimersNoP(allpSnapshot: list[p], pollUntil: int) -> int:
    """The earliest timer of any P, for the blocked netpoll's timeout."""
    for p2 in allpSnapshot:
        if p2.timers is not None and p2.timers.len.v > 0:
            w = p2.timers.wakeTime()
            if w != 0 and (pollUntil == 0 or w < pollUntil):
                pollUntil = w
    return pollUntil


# go: runtime/proc.go wakeNetPoller
def wakeNetPoller(when: int) -> None:
    """A timer due at when was added: make sure someone wakes up for it."""
    if sched.lastpoll.v == 0:
        # In findRunnable we ensure that when polling the pollUntil field
        # is either zero or the time to which the current poll is expected
        # to run. This can have a spurious wakeup but should never miss a
        # wakeup.
        pollerPollUntil = sched.pollUntil.v
        if pollerPollUntil == 0 or pollerPollUntil > when:
            netpoll.netpollBreak()
    else:
        # There are no threads in the network poller, try to get one there
        # so it can handle new timers.
        wakep()


# go: runtime/proc.go execute
def execute(gp: g, inheritTime: bool, mp: m | None = None) -> Mcall:
    """Run gp on the current M (mp, if the caller has it). Returns gp's next mcall request."""
    if mp is None:
        mp = _tls.g.m
    # Assign gp.m before entering _Grunning so running Gs have an M.
    mp.curg = gp
    gp.m = mp
    # casgstatus(gp, _Grunnable, _Grunning), its gilAtomic fast path inline
    if gilAtomic and gp.atomicstatus == _Grunnable:
        gp.atomicstatus = _Grunning
    else:
        casgstatus(gp, _Grunnable, _Grunning)
    gp.waitsince = 0
    gp.preempt = False
    gp.stackguard0 = gp.stack.lo + _stackGuard
    if not inheritTime:
        mp.p.schedtick += 1
    return gogo(gp)


# go: runtime/asm_amd64.s gogo
def gogo(gp: g) -> Mcall:
    """Switch to gp and run it until it mcalls back to g0. (Under
    --trace-runtime, calltrace sets the M's traceBase first.)"""
    mp = gp.m
    g0_ = mp.g0  # type: ignore[union-attr]
    tls = mp.tls  # type: ignore[union-attr]  # this thread's TLS (setg): tls["g"] is getg()
    tls["g"] = gp
    try:
        fn = gp.sched.coro.send(None)  # type: ignore[union-attr]
    except StopIteration:
        tls["g"] = g0_
        throw("goroutine returned past goexit")
    tls["g"] = g0_
    return fn  # type: ignore[no-any-return]


# go: runtime/proc.go dropg
def dropg() -> None:
    """Break the link between the M and its current G (both directions)."""
    mp = _tls.g.m
    mp.curg.m = None
    mp.curg = None


def dropg_m(mp: m) -> None:
    """dropg for an M the caller already holds."""
    curg = mp.curg
    if curg is not None:
        curg.m = None  # type: ignore[assignment]
    mp.curg = None  # type: ignore[assignment]


# go: runtime/proc.go gopark
def gopark(
    unlockf: Callable[[g, Any], bool] | None,
    lock_: Any,
    reason: int,
    traceReason: int = 0,
    traceskip: int = 1,
    gp: g | None = None,
) -> Callable[[g], Mcall]:
    """Put the current goroutine into a waiting state and schedule another.

    Returns the mcall request for its caller to yield: `yield gopark(...)`
    returns once the G is readied. (Go's gopark makes the mcall itself; a
    Python generator can only yield from its own frame, so in gort the
    caller does, which spares every park a generator of its own.)
    unlockf(gp, lock_) runs on g0 after the G is off its M; if it returns
    False, the G resumes at once (with the rest of its time slice). gp is
    getg(), when the caller has it at hand.
    """
    # (Go brackets this with acquirem/releasem against preemption; gort's
    # runtime code has no safepoints, so there is nothing to hold off.)
    mp = (_tls.g if gp is None else gp).m
    gp = mp.curg
    status = gp.atomicstatus
    if status != _Grunning and status != (_Gscan | _Grunning):
        throw("gopark: bad g status")
    mp.waitlock = lock_
    mp.waitunlockf = unlockf
    gp.waitreason = reason
    mp.waitTraceBlockReason = traceReason
    mp.waitTraceSkip = traceskip
    return park_m  # mcall(park_m): the caller yields it


# go: runtime/proc.go goparkunlock
def goparkunlock(l: mutex, reason: int, traceReason: int = 0, traceskip: int = 1) -> Callable[[g], Mcall]:
    """gopark that unlocks l once the G is off its M (`yield goparkunlock(...)`)."""
    return gopark(parkunlock_c, l, reason, traceReason, traceskip)


# go: runtime/proc.go parkunlock_c
def parkunlock_c(gp: g, l: Any) -> bool:
    unlock(l)
    return True


# go: runtime/proc.go park_m
def park_m(gp: g) -> Mcall:
    """The g0 half of gopark. Runs on g0."""
    mp = gp.m  # getg().m: gp still runs on this M
    # casgstatus(gp, _Grunning, _Gwaiting), its gilAtomic fast path inline
    if gilAtomic and gp.atomicstatus == _Grunning:
        gp.atomicstatus = _Gwaiting
    else:
        casgstatus(gp, _Grunning, _Gwaiting)
    # N.B. The status is _Gwaiting now, so the G may be readied by another
    # M as soon as the unlock function publishes it.
    mp.curg = None  # type: ignore[assignment]
    gp.m = None  # type: ignore[assignment]
    fn = mp.waitunlockf
    if fn is not None:
        ok = fn(gp, mp.waitlock)
        mp.waitunlockf = None
        mp.waitlock = None
        if not ok:
            casgstatus(gp, _Gwaiting, _Grunnable)
            return execute(gp, True, mp)  # Schedule it back, never returns.
    return schedule(mp)


# go: runtime/proc.go goready
def goready(gp: g, traceskip: int = 1, curg: g | None = None) -> None:
    """Make the waiting gp runnable, in the current P's runnext.

    Go runs ready(gp, traceskip, true) on the system stack; it needs nothing
    of g0 here, and it is the hottest path of every wake-up, so gort runs
    ready's body here directly. curg is getg(), when the caller has it at
    hand."""
    status = gp.atomicstatus
    mp = (_tls.g if curg is None else curg).m  # (no acquirem: see gopark)
    if status != _Gwaiting and status & ~_Gscan != _Gwaiting:
        _write2(f"runtime: gp: gp={gp.goid}, goid={gp.goid}, gp->atomicstatus={status}\n")
        throw("bad g->status in ready")
    # casgstatus(gp, _Gwaiting, _Grunnable), its gilAtomic fast path inline
    if gilAtomic and gp.atomicstatus == _Gwaiting:
        gp.atomicstatus = _Grunnable
    else:
        casgstatus(gp, _Gwaiting, _Grunnable)
    # runqput(pp, gp, true), its runnext swap written out (one swap:
    # atomic.gilAtomic); the G it displaces goes to the tail as runqput's.
    pp = mp.p
    if gilAtomic:
        oldnext = pp.runnext
        pp.runnext = gp
        if oldnext is not None:
            runqput(pp, oldnext, False)
    else:
        runqput(pp, gp, True)
    if not lazyWake and gomaxprocs != 1:  # see wakep
        wakep()


# go: runtime/proc.go ready
def ready(gp: g, traceskip: int, next: bool) -> None:
    """Mark gp ready to run and queue it on the current P."""
    status = gp.atomicstatus
    # Mark runnable.
    mp = _tls.g.m
    mp.locks += 1  # disable preemption because it can be holding p in a local var
    if status & ~_Gscan != _Gwaiting:
        _write2(f"runtime: gp: gp={gp.goid}, goid={gp.goid}, gp->atomicstatus={status}\n")
        throw("bad g->status in ready")
    # status is Gwaiting or Gscanwaiting, make Grunnable and put on runq
    # casgstatus(gp, _Gwaiting, _Grunnable), its gilAtomic fast path inline
    if gilAtomic and gp.atomicstatus == _Gwaiting:
        gp.atomicstatus = _Grunnable
    else:
        casgstatus(gp, _Gwaiting, _Grunnable)
    runqput(mp.p, gp, next)
    if not lazyWake and gomaxprocs != 1:  # see wakep
        wakep()
    mp.locks -= 1


# go: runtime/proc.go Gosched
def Gosched() -> Generator[Any, Any, None]:
    """Yield the processor, allowing other goroutines to run (the G goes to the global queue)."""
    yield gosched_m


# go: runtime/proc.go gosched_m
def gosched_m(gp: g) -> Mcall:
    return goschedImpl(gp, False)


# go: runtime/proc.go goschedImpl
def goschedImpl(gp: g, preempted: bool) -> Mcall:
    pp = gp.m.p  # type: ignore[union-attr]
    status = readgstatus(gp)
    if status & ~_Gscan != _Grunning:
        throw("bad g status")
    casgstatus(gp, _Grunning, _Grunnable)
    dropg()
    if preempted and sched.gcwaiting.v:
        # If preempted for STW, keep it on the local runq so it is the first
        # to run when the world restarts.
        runqput(pp, gp, True)  # type: ignore[arg-type]
    else:
        lock(sched.lock)
        globrunqput(gp)
        unlock(sched.lock)
    if not lazyWake and mainStarted:
        wakep()
    return schedule()


# go: runtime/proc.go gopreempt_m
def gopreempt_m(gp: g) -> Mcall:
    """mcall target of a synchronous preemption request (stackPreempt)."""
    return goschedImpl(gp, True)


# go: runtime/proc.go goyield
def goyield() -> Generator[Any, Any, None]:
    """Like Gosched, but the G goes to the local run queue (semrelease handoff)."""
    yield goyield_m


# go: runtime/proc.go goyield_m
def goyield_m(gp: g) -> Mcall:
    pp = gp.m.p  # type: ignore[union-attr]
    casgstatus(gp, _Grunning, _Grunnable)
    dropg()
    runqput(pp, gp, False)  # type: ignore[arg-type]
    return schedule()


def plainPark(gp: g) -> None:
    """The running G, in plain (non-generator) code, waits on its own thread
    until it is scheduled again. Precondition: gp is _Grunning on this M
    (with or without a P); runs on gp's Python stack, never yields.

    This is exitsyscallNoP for a G that cannot leave its thread: the G
    becomes runnable on the global queue, locked to this M for the time
    being, and the M stops as a locked M does (stoplockedm: its P, if any,
    goes to another M). Whoever schedules the G hands its P back to this M
    (startlockedm), which then carries on where the G stopped. See
    docs/design/0002-preemption.md.
    """
    mp = gp.m
    if mp is None or mp.curg is not gp:
        throw("plainPark: not running")
    gp.pyframes = sys._getframe(1)  # where the G stopped, for tracebacks and the GC
    g0_ = mp.g0
    _tls.g = g0_  # the rest runs on g0, as Go's mcall would
    temp = gp.lockedm is None
    if temp:
        gp.lockedm = mp
        mp.lockedg = gp
        gp.plainLocked = True
    casgstatus(gp, _Grunning, _Grunnable)
    dropg_m(mp)
    lock(sched.lock)
    globrunqput(gp)
    unlock(sched.lock)
    mp.plainParked = True
    # Wait until another thread schedules gp and so this M again.
    stoplockedm()
    mp.plainParked = False
    # execute(gp, false) without gogo: the G's frames are right here.
    mp.curg = gp
    gp.m = mp
    casgstatus(gp, _Grunnable, _Grunning)
    gp.waitsince = 0
    gp.preempt = False
    gp.stackguard0 = gp.stack.lo + param.stackGuard
    mp.p.schedtick += 1  # type: ignore[union-attr]
    if temp:
        gp.lockedm = None
        mp.lockedg = None
        gp.plainLocked = False
    gp.pyframes = None
    _tls.g = gp


# --- system calls ------------------------------------------------------------------


# go: runtime/proc.go entersyscall
def entersyscall() -> None:
    """The running G is about to block in a system call; its P may be taken meanwhile.

    For natives: call before the blocking call, and exitsyscall after it;
    touch nothing of the runtime in between (the P is no longer ours)."""
    gp = _tls.g
    mp = gp.m
    # Disable preemption because during this function g is in Gsyscall
    # status, but can have inconsistent g->sched.
    mp.locks += 1
    # Entersyscall must not call any function that might split/grow the
    # stack: catch calls that might, by replacing the stack guard.
    gp.stackguard0 = param.stackPreempt
    gp.throwsplit = True
    pp = mp.p
    # Copy the syscalltick over so we can identify if the P got stolen later.
    mp.syscalltick = pp.syscalltick
    if pp.runSafePointFn != 0:
        systemstack(runSafePointFn)
    mp.oldp = pp
    # Leave SP around for GC and traceback.
    gp.syscallsp = gp.sp
    gp.pyframes = sys._getframe(1)
    if sched.gcwaiting.v:
        # Optimization: If there's a pending STW, do the equivalent of
        # entersyscallblock here at the last minute and immediately give
        # away our P.
        systemstack(entersyscallHandleGCWait)
    # As soon as we switch to _Gsyscall, we are in danger of losing our P.
    # We must not touch it after this point.
    casgstatus(gp, _Grunning, _Gsyscall)
    if sched.sysmonwait.v:
        systemstack(entersyscallWakeSysmon)
    mp.locks -= 1


# go: runtime/proc.go entersyscallWakeSysmon
def entersyscallWakeSysmon() -> None:
    lock(sched.lock)
    if sched.sysmonwait.v:
        sched.sysmonwait.Store(False)
        notewakeup(sched.sysmonnote)  # type: ignore[arg-type]
    unlock(sched.lock)


# go: runtime/proc.go entersyscallHandleGCWait
def entersyscallHandleGCWait() -> None:
    mp = getg().m
    lock(sched.lock)
    if sched.stopwait > 0:
        # Set our P to _Pgcstop so the STW can take it.
        pp = mp.p
        pp.m = None
        mp.p = None
        mp.mcache = None
        pp.status = _Pgcstop
        sched.nGsyscallNoP.Add(1)  # We gave up our P voluntarily.
        pp.gcStopTime = nanotime()
        pp.syscalltick += 1
        sched.stopwait -= 1
        if sched.stopwait == 0:
            notewakeup(sched.stopnote)  # type: ignore[arg-type]
    unlock(sched.lock)


# go: runtime/proc.go entersyscallblock
def entersyscallblock() -> None:
    """entersyscall for a call known to block: hand the P off at once."""
    gp = _tls.g
    mp = gp.m
    mp.locks += 1
    gp.throwsplit = True
    gp.stackguard0 = param.stackPreempt
    mp.syscalltick = mp.p.syscalltick
    mp.p.syscalltick += 1
    sched.nGsyscallNoP.Add(1)  # We're going to give up our P.
    gp.syscallsp = gp.sp
    gp.pyframes = sys._getframe(1)
    # Once we switch to _Gsyscall, we can't safely touch our P anymore, so
    # we need to hand it off beforehand.
    systemstack(_handoffReleasep)
    casgstatus(gp, _Grunning, _Gsyscall)
    mp.locks -= 1


def _handoffReleasep() -> None:
    handoffp(releasep())


# go: runtime/proc.go exitsyscall
def exitsyscall() -> None:
    """The G left its system call: get a P to run on again (blocking the thread if needed)."""
    gp = _tls.g
    mp = gp.m
    mp.locks += 1  # see comment in entersyscall
    gp.waitsince = 0
    # Optimistically assume we're going to keep running, and switch to
    # running. Before this point, our P wiring is not ours.
    casgstatus(gp, _Gsyscall, _Grunning)
    # Grab and clear our old P.
    oldp = mp.oldp
    mp.oldp = None
    # Check if we still have a P, and if not, try to acquire an idle P.
    pp = mp.p
    if pp is None:
        # Slow path: we lost our P. Try to get another one.
        pp2 = systemstack(exitsyscallTryGetP, oldp)
        if pp2 is not None:
            systemstack(acquirep, pp2)
        pp = mp.p
    if pp is not None:
        # Increment the syscalltick for P, since we're exiting a syscall.
        pp.syscalltick += 1
        gp.syscallsp = 0
        gp.pyframes = None
        mp.locks -= 1
        if gp.preempt:
            # Restore the preemption request in case we cleared it in newstack.
            gp.stackguard0 = param.stackPreempt
        else:
            # Otherwise restore the real stackGuard, we clobbered it in entersyscall.
            gp.stackguard0 = gp.stack.lo + param.stackGuard
        gp.throwsplit = False
        return
    # Slowest path: we couldn't get a P, so call into the scheduler. Go
    # does mcall(exitsyscallNoP); a native may be a plain function, which
    # cannot yield, so the G waits on its own thread (plainPark).
    mp.locks -= 1
    sched.nGsyscallNoP.Add(-1)
    plainPark(gp)
    gp.syscallsp = 0
    mp.p.syscalltick += 1  # type: ignore[union-attr]
    gp.throwsplit = False


# go: runtime/proc.go exitsyscallTryGetP
def exitsyscallTryGetP(oldp: p | None) -> p | None:
    """Try to get a P for a G leaving a syscall: its old one, or an idle one. On g0."""
    # Try to steal our old P back.
    if oldp is not None:
        thread = setBlockOnExitSyscall(oldp)
        if thread is not None:
            thread.takeP()
            sched.nGsyscallNoP.Add(-1)  # We got a P for ourselves.
            thread.resume()
            return oldp
    # Try to get an idle P.
    if sched.pidle is not None:
        lock(sched.lock)
        pp, _ = pidleget(0)
        if pp is not None and sched.sysmonwait.v:
            sched.sysmonwait.Store(False)
            notewakeup(sched.sysmonnote)  # type: ignore[arg-type]
        unlock(sched.lock)
        if pp is not None:
            sched.nGsyscallNoP.Add(-1)  # We got a P for ourselves.
            return pp
    return None


class syscallingThread:
    """A thread in a system call that temporarily cannot leave it (proc.go)."""

    __slots__ = ("gp", "mp", "pp", "status")

    def __init__(self, gp: g, mp: m, pp: p, status: int) -> None:
        self.gp = gp  # the G in _Gsyscall, holding our _Gscan bit
        self.mp = mp  # its M
        self.pp = pp  # the P still wired to mp
        self.status = status  # gp's status without the scan bit

    # go: runtime/proc.go syscallingThread.gcstopP
    def gcstopP(self) -> None:
        """sched.lock held, stopping the world: unwire the P into _Pgcstop."""
        self.releaseP(_Pgcstop)
        self.pp.gcStopTime = nanotime()
        sched.stopwait -= 1

    # go: runtime/proc.go syscallingThread.takeP
    def takeP(self) -> None:
        self.releaseP(_Pidle)

    # go: runtime/proc.go syscallingThread.releaseP
    def releaseP(self, state: int) -> None:
        if state != _Pidle and state != _Pgcstop:
            throw("attempted to release P into a bad state")
        self.pp.m = None
        self.mp.p = None  # type: ignore[assignment]
        self.mp.mcache = None
        self.pp.status = state
        sched.nGsyscallNoP.Add(1)
        self.pp.syscalltick += 1

    # go: runtime/proc.go syscallingThread.resume
    def resume(self) -> None:
        """Let the thread leave the syscall (clear the scan bit)."""
        casfrom_Gscanstatus(self.gp, self.status | _Gscan, self.status)


# go: runtime/proc.go setBlockOnExitSyscall
def setBlockOnExitSyscall(pp: p) -> syscallingThread | None:
    """If pp's G is in a syscall, stop it from leaving (its scan bit) and return
    its thread; else None. Racy reads, validated after the scan bit is held."""
    if pp.status != _Prunning:
        return None
    mp = pp.m
    if mp is None:
        return None
    gp = mp.curg
    if gp is None:
        return None
    status = gp.atomicstatus & ~_Gscan
    if status != _Gsyscall:
        return None
    if not castogscanstatus(gp, status, status | _Gscan):
        return None
    if gp.m is not mp or mp.p is not pp:
        # This is not what we originally observed. Nothing to do.
        casfrom_Gscanstatus(gp, status | _Gscan, status)
        return None
    return syscallingThread(gp, mp, pp, status)


# --- LockOSThread ------------------------------------------------------------------


# go: runtime/proc.go dolockOSThread
def dolockOSThread() -> None:
    gp = getg()
    gp.m.lockedg = gp
    gp.lockedm = gp.m
    gp.plainLocked = False


# go: runtime/proc.go LockOSThread
def LockOSThread() -> None:
    """Wire the calling goroutine to its current OS thread."""
    gp = getg()
    gp.m.lockedExt += 1
    if gp.m.lockedExt >= 1 << 32:
        gp.m.lockedExt -= 1
        panicPlain("LockOSThread nesting overflow")
    dolockOSThread()


# go: runtime/proc.go lockOSThread
def lockOSThread() -> None:
    getg().m.lockedInt += 1
    dolockOSThread()


# go: runtime/proc.go dounlockOSThread
def dounlockOSThread() -> None:
    gp = getg()
    if gp.m.lockedInt != 0 or gp.m.lockedExt != 0:
        return
    gp.m.lockedg = None
    gp.lockedm = None


# go: runtime/proc.go UnlockOSThread
def UnlockOSThread() -> None:
    gp = getg()
    if gp.m.lockedExt == 0:
        return
    gp.m.lockedExt -= 1
    dounlockOSThread()


# go: runtime/proc.go unlockOSThread
def unlockOSThread() -> None:
    gp = getg()
    if gp.m.lockedInt == 0:
        throw("runtime: internal error: misuse of lockOSThread/unlockOSThread")
    gp.m.lockedInt -= 1
    dounlockOSThread()


# --- stop the world ----------------------------------------------------------------

stwReasonStrings = {
    "unknown": "unknown",
    "GC mark termination": "GC mark termination",
    "GC sweep termination": "GC sweep termination",
    "read mem stats": "read mem stats",
    "GOMAXPROCS": "GOMAXPROCS",
    "all goroutines stack trace": "all goroutines stack trace",
}


class worldStop:
    """What stopTheWorld returns and startTheWorld takes (proc.go worldStop)."""

    __slots__ = ("reason", "startedStopping", "finishedStopping", "stoppingCPUTime")

    def __init__(self, reason: str, start: int, finish: int, cpu: int) -> None:
        self.reason = reason  # why the world was stopped (stwReason's string)
        self.startedStopping = start  # nanotime when stopping began
        self.finishedStopping = finish  # nanotime when every P had stopped
        self.stoppingCPUTime = cpu  # ∑ over Ps of the time each stood stopped (ns)


def _semacquireWorld(s: mutex) -> None:
    """Acquire worldsema or gcsema from any context, plain code included.

    Go parks on the semaphore. A plain caller cannot park, and must not
    block its thread holding a P that a stop-the-world in progress is
    waiting for: so it polls, and gives its P up at this safepoint if a
    stop-the-world wants it."""
    while not trylock(s):
        gp = getg()
        mp = gp.m
        if sched.gcwaiting.v and gp is mp.curg and mp.p is not None:
            plainPark(gp)
        else:
            usleep(20)


# go: runtime/proc.go stopTheWorld
def stopTheWorld(reason: str = "unknown") -> worldStop:
    """Stop every P but ours at a safepoint. The caller's G keeps running."""
    if gomaxprocs == 0:
        # No scheduler yet (a unit test of the allocator): nothing runs.
        return worldStop(reason, 0, 0, 0)
    _semacquireWorld(worldsema)
    gp = getg()
    gp.m.preemptoff = reason
    w: worldStop = systemstack(stopTheWorldWithSema, reason)
    return w


# go: runtime/proc.go startTheWorld
def startTheWorld(w: worldStop) -> None:
    """Undo stopTheWorld (installing a new GOMAXPROCS if one is pending)."""
    if w.startedStopping == 0:
        return  # stopTheWorld found no scheduler to stop
    systemstack(startTheWorldWithSema, 0, w)
    mp = acquirem()
    mp.preemptoff = ""
    unlock(worldsema)
    releasem(mp)


# go: runtime/proc.go stopTheWorldGC
def stopTheWorldGC(reason: str) -> worldStop:
    _semacquireWorld(gcsema)
    return stopTheWorld(reason)


# go: runtime/proc.go startTheWorldGC
def startTheWorldGC(w: worldStop) -> None:
    startTheWorld(w)
    unlock(gcsema)


# go: runtime/proc.go stopTheWorldWithSema
def stopTheWorldWithSema(reason: str) -> worldStop:
    """Stop every other P (world stopped afterwards). Runs on g0, holding worldsema."""
    gp = getg()
    curg = gp.m.curg
    if curg is not None:
        casGToWaiting(curg, _Grunning, waitReasonStoppingTheWorld)
    # If we hold a lock, then we won't be able to stop another M that is
    # blocked trying to acquire the lock.
    if gp.m.locks > 0:
        throw("stopTheWorld: holding locks")
    lock(sched.lock)
    start = nanotime()  # exclude time waiting for sched.lock from start and total time metrics.
    sched.stopwait = gomaxprocs
    sched.gcwaiting.Store(True)
    preemptall()
    # stop current P
    gp.m.p.status = _Pgcstop  # Pgcstop is only diagnostic.
    gp.m.p.gcStopTime = start
    sched.stopwait -= 1
    # Try to retake all P's in syscalls.
    for pp in allp:
        thread = setBlockOnExitSyscall(pp)
        if thread is not None:
            thread.gcstopP()
            thread.resume()
    # stop idle P's
    now = nanotime()
    while True:
        pp2, _ = pidleget(now)
        if pp2 is None:
            break
        pp2.status = _Pgcstop
        pp2.gcStopTime = nanotime()
        sched.stopwait -= 1
    wait = sched.stopwait > 0
    unlock(sched.lock)

    # wait for remaining P's to stop voluntarily
    if wait:
        while True:
            # wait for 100us, then try to re-preempt in case of any races
            if notetsleep(sched.stopnote, 100 * 1000):  # type: ignore[arg-type]
                noteclear(sched.stopnote)  # type: ignore[arg-type]
                break
            preemptall()

    finish = nanotime()
    stoppingCPUTime = 0
    bad = ""
    if sched.stopwait != 0:
        bad = "stopTheWorld: not stopped (stopwait != 0)"
    else:
        for pp in allp:
            if pp.status != _Pgcstop:
                bad = "stopTheWorld: not stopped (status != _Pgcstop)"
            if pp.gcStopTime == 0 and bad == "":
                bad = "stopTheWorld: broken CPU time accounting"
            stoppingCPUTime += finish - pp.gcStopTime
            pp.gcStopTime = 0
    if bad != "":
        throw(bad)
    if curg is not None:
        casgstatus(curg, _Gwaiting, _Grunning)
    return worldStop(reason, start, finish, stoppingCPUTime)


# go: runtime/proc.go startTheWorldWithSema
def startTheWorldWithSema(now: int, w: worldStop) -> int:
    """Restart the world: resize the Ps if GOMAXPROCS changed and start Ms for Ps with work."""
    global newprocs

    mp = acquirem()  # disable preemption because it can be holding p in a local var
    if netpoll.netpollinited():
        lst, delta = netpoll.netpoll(0)  # non-blocking
        injectglist(lst)
        netpoll.netpollAdjustWaiters(delta)
    lock(sched.lock)
    procs = gomaxprocs
    if newprocs != 0:
        procs = newprocs
        newprocs = 0
    p1 = procresize(procs)
    sched.gcwaiting.Store(False)
    if sched.sysmonwait.v:
        sched.sysmonwait.Store(False)
        notewakeup(sched.sysmonnote)  # type: ignore[arg-type]
    unlock(sched.lock)

    while p1 is not None:
        pp = p1
        p1 = p1.link
        if pp.m is not None:
            mp2 = pp.m
            pp.m = None
            if mp2.nextp is not None:
                throw("startTheWorld: inconsistent mp->nextp")
            mp2.nextp = pp
            notewakeup(mp2.park)  # type: ignore[arg-type]
        else:
            # Start M to run P. Do not start another M below.
            newm(None, pp, -1)
    if now == 0:
        now = nanotime()
    # Wakeup an additional proc in case we have excessive runnable goroutines
    # in local queues or in the global queue.
    wakep()
    releasem(mp)
    return now


# go: runtime/proc.go runSafePointFn
def runSafePointFn() -> None:
    """Run sched.safePointFn on this P if it is still due."""
    pp = getg().m.p
    if pp.runSafePointFn == 0:
        return
    pp.runSafePointFn = 0
    sched.safePointFn(pp)
    lock(sched.lock)
    sched.safePointWait -= 1
    if sched.safePointWait == 0:
        notewakeup(sched.safePointNote)  # type: ignore[arg-type]
    unlock(sched.lock)


# go: runtime/debug.go GOMAXPROCS
def GOMAXPROCS(n: int) -> int:
    """Set the number of Ps to n if n > 0 (stopping the world); return the previous value."""
    global newprocs
    lock(sched.lock)
    ret = gomaxprocs
    if n <= 0:
        unlock(sched.lock)
        return ret
    sched.customGOMAXPROCS = True
    unlock(sched.lock)
    if n == ret:
        return ret
    stw = stopTheWorldGC("GOMAXPROCS")
    # newprocs will be processed by startTheWorld
    newprocs = n
    startTheWorldGC(stw)
    return ret


# --- sysmon ------------------------------------------------------------------------


# go: runtime/proc.go sysmon
def sysmon() -> None:
    """The system monitor: runs on its own M without a P, forever."""
    lock(sched.lock)
    sched.nmsys += 1
    checkdead()
    unlock(sched.lock)

    idle = 0  # how many cycles in succession we had not wokeup somebody
    delay = 0
    lasttrace = 0
    while True:
        if idle == 0:  # start with 20us sleep...
            delay = param.sysmonMinDelay
        elif idle > 50:  # start doubling the sleep after 1ms...
            delay *= 2
        if delay > param.sysmonMaxDelay:  # up to 10ms
            delay = param.sysmonMaxDelay
        usleep(delay)

        # Deep sleep while every P is idle (or the world is stopping):
        # nothing to retake or preempt. Wake for the next timer, or when a
        # G enters a syscall or a P wakes up.
        now = nanotime()
        # (Not while schedtrace is on: its lines must keep coming.)
        if dbg.debug.schedtrace <= 0 and (sched.gcwaiting.v or sched.npidle.v == gomaxprocs):
            lock(sched.lock)
            if sched.gcwaiting.v or sched.npidle.v == gomaxprocs:
                syscallWake = False
                nxt = rtime.timeSleepUntil()
                if nxt > now:
                    sched.sysmonwait.Store(True)
                    unlock(sched.lock)
                    # Make wake-up period small enough for the sampling to be correct.
                    sleep = forcegcperiod // 2
                    if nxt - now < sleep:
                        sleep = nxt - now
                    syscallWake = notetsleep(sched.sysmonnote, sleep)  # type: ignore[arg-type]
                    lock(sched.lock)
                    sched.sysmonwait.Store(False)
                    noteclear(sched.sysmonnote)  # type: ignore[arg-type]
                if syscallWake:
                    idle = 0
                    delay = param.sysmonMinDelay
            unlock(sched.lock)

        lock(sched.sysmonlock)  # type: ignore[arg-type]
        # Update now in case we blocked on sysmonnote or spent a long time
        # blocked on schedlock or sysmonlock above.
        now = nanotime()
        # poll network if not polled for more than 10ms
        lastpoll = sched.lastpoll.v
        if netpoll.netpollinited() and lastpoll != 0 and lastpoll + 10 * 1000 * 1000 < now:
            sched.lastpoll.CompareAndSwap(lastpoll, now)
            lst, delta = netpoll.netpoll(0)  # non-blocking - returns list of goroutines
            if not lst.empty():
                # Need to decrement number of idle locked M's (pretending
                # that one more is running) before injectglist, or a false
                # deadlock may be reported.
                incidlelocked(-1)
                injectglist(lst)
                incidlelocked(1)
                netpoll.netpollAdjustWaiters(delta)
        # retake P's blocked in syscalls and preempt long running G's
        if retake(now) != 0:
            idle = 0
        else:
            idle += 1
        # check if we need to force a GC
        if forcegcTimeTest(now) and forcegc.idle:
            lock(forcegc.lock)
            forcegc.idle = False
            lst = gList()
            lst.push(forcegc.g)  # type: ignore[arg-type]
            injectglist(lst)
            unlock(forcegc.lock)
        if dbg.debug.schedtrace > 0 and lasttrace + dbg.debug.schedtrace * 1000000 <= now:
            lasttrace = now
            schedtrace(dbg.debug.scheddetail > 0)
        unlock(sched.sysmonlock)  # type: ignore[arg-type]


starttime = 0  # nanotime of the first schedtrace


# go: runtime/proc.go schedtrace
def schedtrace(detailed: bool) -> None:
    """Print the scheduler's state (GODEBUG=schedtrace=N, with scheddetail=1 every P, M and G)."""
    global starttime
    now = nanotime()
    if starttime == 0:
        starttime = now
    out: list[str] = []
    lock(sched.lock)
    out.append(f"SCHED {(now - starttime) // 1000000}ms: gomaxprocs={gomaxprocs} idleprocs={sched.npidle.v} "
               f"threads={mcount()} spinningthreads={sched.nmspinning.v} needspinning={int(sched.needspinning.v)} "
               f"idlethreads={sched.nmidle} runqueue={sched.runq.size}")
    if detailed:
        out.append(f" gcwaiting={str(bool(sched.gcwaiting.v)).lower()} nmidlelocked={sched.nmidlelocked} "
                   f"stopwait={sched.stopwait} sysmonwait={str(bool(sched.sysmonwait.v)).lower()}\n")
    for i, pp in enumerate(allp):
        n = pp.runqtail - pp.runqhead
        if detailed:
            mid = pp.m.id if pp.m is not None else "nil"
            out.append(f"  P{i}: status={pp.status} schedtick={pp.schedtick} syscalltick={pp.syscalltick} m={mid} "
                       f"runqsize={n} gfreecnt={pp.gFree.size} timerslen={len(pp.timers.heap)}\n")
        else:
            out.append(f" {'[ ' if i == 0 else ''}{n}{' ]' if i == len(allp) - 1 else ''}")
    if not detailed:
        out.append(" schedticks=[ " + "".join(f"{pp.schedtick} " for pp in allp) + "]\n")
        unlock(sched.lock)
        _write2("".join(out))
        return
    mp = allm
    while mp is not None:
        pp = mp.p
        lg = mp.lockedg
        out.append(f"  M{mp.id}: p={pp.id if pp is not None else 'nil'} "
                   f"curg={mp.curg.goid if mp.curg is not None else 'nil'} mallocing={int(mp.mallocing)} "
                   f"throwing={int(mp.throwing)} preemptoff={mp.preemptoff} locks={mp.locks} dying={mp.dying} "
                   f"spinning={str(bool(mp.spinning)).lower()} blocked={str(bool(mp.blocked)).lower()} "
                   f"lockedg={lg.goid if lg is not None else 'nil'}\n")
        mp = mp.alllink
    for gp in list(allgs):
        gm = gp.m
        lm = gp.lockedm
        out.append(f"  G{gp.goid}: status={gp.atomicstatus}({waitReasonString(gp.waitreason)}) "
                   f"m={gm.id if gm is not None else 'nil'} lockedm={lm.id if lm is not None else 'nil'}\n")
    unlock(sched.lock)
    _write2("".join(out))


forcegcperiod = param.forcegcperiod  # ns between forced GCs (tests may lower it)


def forcegcTimeTest(now: int) -> bool:
    """gcTrigger{kind: gcTriggerTime, now: now}.test(): a forced GC is due."""
    from gort.runtime.mstats import memstats

    if mgc.gcpercent < 0:
        return False
    lastgc = memstats.last_gc_nanotime
    return lastgc != 0 and now - lastgc > forcegcperiod


# go: runtime/proc.go retake
def retake(now: int) -> int:
    """Take Ps from Gs in long syscalls, ask Gs that ran over 10 ms to yield. Sysmon only."""
    n = 0
    waiting = False
    # Prevent allp slice changes.
    lock(allpLock)
    i = 0
    while i < len(allp):
        pp = allp[i]
        i += 1
        if pp is None or pp.status != _Prunning:
            continue
        pd = pp.sysmontick
        sysretake = False
        # Preempt G if it's running on the same schedtick for too long.
        schedt = pp.schedtick
        if lazyWake:
            # A G waits if it has been first in pp's queue, or in its
            # runnext, since the last look.
            if starving(pp):
                waiting = True
            pd.runqhead, pd.runnext = pp.runqhead, pp.runnext
        if pd.schedtick != schedt:
            pd.schedtick = schedt
            pd.schedwhen = now
        elif pd.schedwhen + param.forcePreemptNS <= now:
            preemptone(pp)
            # If pp is in a syscall, preemptone doesn't work: take the P.
            sysretake = True
        # Drop allpLock so we can take sched.lock.
        unlock(allpLock)
        incidlelocked(-1)
        # Try to prevent the P from continuing in the syscall, if it's in one at all.
        thread = setBlockOnExitSyscall(pp)
        if thread is not None:
            syst = pp.syscalltick
            if not sysretake and pd.syscalltick != syst:
                # Retake the P if it's there for more than 1 sysmon tick (at least 20us).
                pd.syscalltick = syst
                pd.syscallwhen = now
                thread.resume()
            elif runqempty(pp) and sched.nmspinning.v + sched.npidle.v > 0 and pd.syscallwhen + 10 * 1000 * 1000 > now:
                # On the one hand we don't want to retake Ps if there is no
                # other work to do, but on the other hand we want to retake
                # them eventually because they can prevent the sysmon thread
                # from deep sleep.
                thread.resume()
            else:
                # Take the P. Because we have the scan bit, the goroutine is
                # at worst stuck spinning in exitsyscall.
                thread.takeP()
                thread.resume()
                n += 1
                # Handoff the P for some other thread to run it.
                handoffp(pp)
        incidlelocked(1)
        lock(allpLock)
    unlock(allpLock)
    if lazyWake and (waiting or sched.runq.size != 0) and sched.npidle.v > 0 and sched.nmspinning.v == 0:
        # Work has waited a sysmon tick with a P idle: start an M for it
        # (docs/design/0003-lazy-wakeups.md).
        wakep()
        n += 1
    return n


# go: runtime/proc.go preemptall
def preemptall() -> bool:
    """Ask every running G to stop (best effort)."""
    res = False
    for pp in allp:
        if pp.status != _Prunning:
            continue
        if preemptone(pp):
            res = True
    return res


# go: runtime/proc.go preemptone
def preemptone(pp: p) -> bool:
    """Ask the G running on pp to enter the scheduler at its next safepoint."""
    mp = pp.m
    if mp is None or mp is getg().m:
        return False
    gp = mp.curg
    if gp is None or gp is mp.g0:
        return False
    if gp.atomicstatus & ~_Gscan == _Gsyscall:
        # Don't bother trying to preempt a goroutine in a syscall.
        return False
    gp.preempt = True
    # Every call in a goroutine checks for stack overflow by comparing the
    # current stack pointer to gp->stackguard0. Setting gp->stackguard0 to
    # StackPreempt folds preemption into the normal stack overflow check.
    gp.stackguard0 = param.stackPreempt
    return True


# --- counts and deadlock -----------------------------------------------------------


# go: runtime/proc.go gcount
def gcount(includeSys: bool) -> int:
    """Goroutines that exist (not dead), without the runtime's own unless includeSys."""
    n = len(allgs) - sched.gFreeStack.size - sched.gFreeNoStack.size
    if not includeSys:
        n -= sched.ngsys.v
    for pp in allp:
        n -= pp.gFree.size
    # All these variables can be changed concurrently, so the result can be
    # inconsistent. But at least the current goroutine is running.
    return max(n, 1)


# go: runtime/proc.go checkdead
def checkdead() -> None:
    """sched.lock held. If no M is running and no G can ever run again: deadlock."""
    if panicking > 0:
        return
    run = mcount() - sched.nmidle - sched.nmidlelocked - sched.nmsys
    if run > 0:
        return
    if run < 0:
        _write2(
            f"runtime: checkdead: nmidle={sched.nmidle} nmidlelocked={sched.nmidlelocked} "
            f"mcount={mcount()} nmsys={sched.nmsys}\n"
        )
        unlock(sched.lock)
        throw("checkdead: inconsistent counts")
    grunning = 0
    for gp in list(allgs):
        if isSystemGoroutine(gp):
            continue
        s = readgstatus(gp)
        st = s & ~_Gscan
        if st in (_Gwaiting, _Gpreempted):
            grunning += 1
        elif st in (_Grunnable, _Grunning, _Gsyscall):
            _write2(f"runtime: checkdead: find g {gp.goid} in status {s}\n")
            unlock(sched.lock)
            throw("checkdead: runnable g")
    if grunning == 0:  # possible if main goroutine calls runtime·Goexit()
        unlock(sched.lock)  # unlock so that GODEBUG=scheddetail=1 doesn't hang
        fatal("no goroutines (main called runtime.Goexit) - deadlock!")
    # There are no goroutines running, so we can look at the P's timers.
    for pp in allp:
        if pp.timers is not None and pp.timers.heapLen() > 0:
            return
    unlock(sched.lock)
    fatal("all goroutines are asleep - deadlock!")


# --- bootstrap ---------------------------------------------------------------------


# go: runtime/proc.go schedinit
def schedinit() -> None:
    """Bootstrap the runtime with the world stopped. Runs on m0's g0."""
    from gort.runtime import runtime1, stack
    from gort.runtime.malloc import mallocinit
    from gort.runtime.os_linux import cpuinit, goenvs, sigsave

    lockInit(sched.lock, "sched")
    lockInit(sched.sysmonlock, "sysmon")
    lockInit(sched.deferlock, "defer")
    lockInit(sched.sudoglock, "sudog")
    lockInit(allglock, "allg")
    lockInit(allpLock, "allp")
    gp = getg()
    sched.maxmcount = param.maxmcount
    runtime1.moduledataverify()
    stack.stackinit()
    mallocinit()
    cpuinit()
    runtime1.alginit()
    mcommoninit(gp.m, -1)
    runtime1.modulesinit()
    runtime1.typelinksinit()
    runtime1.itabsinit()
    sigsave(gp.m)
    runtime1.goargs()
    goenvs()
    runtime1.parsedebugvars()
    mgc.gcinit()

    lock(sched.lock)
    sched.lastpoll.Store(nanotime())
    procs = ncpu
    n = runtime1.atoi32(runtime1.gogetenv("GOMAXPROCS"))
    if n is not None and n > 0:
        procs = n
        sched.customGOMAXPROCS = True
    if procresize(procs) is not None:
        throw("unknown runnable goroutine during bootstrap")
    unlock(sched.lock)


# go: runtime/proc.go main
def main() -> Generator[Any, Any, None]:
    """The main goroutine: finish runtime setup, run inits, call main.main, exit."""
    global mainStarted, runtimeInitTime
    from gort.runtime import runtime1, stack

    mp = getg().m
    stack.maxstacksize = param.maxstacksize_main
    stack.maxstackceiling = param.maxstackceiling_main
    # Allow newproc to start new Ms.
    mainStarted = True
    if haveSysmon:
        systemstack(newm, sysmon, None, -1)
    # Lock the main goroutine onto this, the main OS thread, during
    # initialization. Most programs won't care, but a few do require
    # certain calls to be made by the main thread.
    lockOSThread()
    if mp is not m0:
        throw("runtime.main not on m0")
    runtimeInitTime = nanotime()
    if runtimeInitTime == 0:
        throw("nanotime returning zero")

    yield from runtime1.doInit(runtime1.runtime_inittasks)
    yield from mgc.gcenable()
    yield from runtime1.doInit(symtab.firstmoduledata.inittasks)
    unlockOSThread()

    fn = main_main
    if fn is None:
        throw("runtime.main: no main.main")
    r = fn(getg())
    if r is not None and hasattr(r, "send"):
        yield from r

    # Make racy client program work: if panicking on another goroutine at
    # the same time as main returns, let the other goroutine finish
    # printing the panic trace. Once it does, it will exit.
    if runningPanicDefers != 0:
        for _ in range(1000):
            if runningPanicDefers == 0:
                break
            yield from Gosched()
    if panicking != 0:
        yield gopark(None, None, waitReasonPanicWait)  # forever
    exit(0)


# go: runtime/sys_linux_amd64.s exit
def exit(code: int) -> None:
    """exit_group(code): end the process, every thread. Never returns."""
    if exitHook is not None:
        exitHook(code)
    os._exit(code)


def mainPC() -> int:
    """The funcval of runtime.main (asm_amd64.s: runtime·mainPC)."""
    return symtab.funcval(runtime_main_func)


runtime_main_func = symtab._func("runtime.main", fn=lambda gp, ctx: main())
symtab.addfunc(runtime_main_func)


def newM0() -> None:
    """Wire m0 and g0 as rt0_go does: g0's stack is the OS stack window."""
    m0.g0 = g0
    g0.m = m0

    m0.thread = threading.main_thread()
    setg(g0)


# go: runtime/proc.go forcegchelper
def forcegchelper() -> Generator[Any, Any, None]:
    """Goroutine 2: parked until sysmon asks for a forced GC (every 2 minutes)."""
    from gort.runtime.runtime2 import waitReasonForceGCIdle

    forcegc.g = getg()
    while True:
        lock(forcegc.lock)
        if forcegc.idle:
            throw("forcegc: phase error")
        forcegc.idle = True
        yield goparkunlock(forcegc.lock, waitReasonForceGCIdle)
        # this goroutine is explicitly resumed by sysmon
        yield from mgc.gcStart(mgc.gcTrigger(mgc.gcTriggerTime, now=nanotime()))


class forcegcstate:
    """The forced-GC helper's state (runtime2.go forcegcstate)."""

    __slots__ = ("lock", "g", "idle")

    def __init__(self) -> None:
        self.lock = mutex("forcegc")  # protects idle and g
        self.g: g | None = None  # the helper goroutine; set once
        self.idle = False  # the helper is parked and may be woken (atomic in Go)


forcegc = forcegcstate()
forcegchelper_func = symtab._func("runtime.forcegchelper", fn=lambda gp, ctx: forcegchelper())
symtab.addfunc(forcegchelper_func)


def runtime_init(gp: g) -> None:
    """The runtime package's init (proc.go init): start the forced-GC helper."""
    newproc(symtab.funcval(forcegchelper_func))


def _register_runtime_init() -> None:
    from gort.runtime import runtime1

    runtime1.runtime_inittasks[:] = [runtime_init]


_register_runtime_init()


# --- sudogs (proc.go acquireSudog / releaseSudog) ---------------------------------

# Modules that import this one: bound at the end. mgc is loaded with the
# scheduler so that --trace-runtime finds gcenable.
from gort.runtime import mgc, netpoll  # noqa: E402, F401
from gort.runtime import runtime2 as _r2  # noqa: E402
from gort.runtime import time as rtime  # noqa: E402  (time imports proc)
from gort.runtime.type import Struct as _Struct  # noqa: E402
from gort.runtime.type import _type  # noqa: E402

# runtime.sudog's type: pointer words g, next, prev, elem.vp, parent,
# waitlink, waittail, c.vp.
sudogType = _type(_Struct, size=param.sizeof_sudog, align=8, ptrdata=96, gcdata=b"\x0f\x0f", s="runtime.sudog")

_sg_next = _r2.sudog_next
_sg_elem_vu = _r2.sudog_elem_vu
# Word indexes of sudog fields (s >> 3 based).
_W_NEXT = _r2.sudog_next >> 3
_W_PREV = _r2.sudog_prev >> 3
_W_ELEMVU = _r2.sudog_elem_vu >> 3
_W_WAITLINK = _r2.sudog_waitlink >> 3
_W_ISSELECT = _r2.sudog_isSelect  # a byte offset
_sudogbufSize = param.sudogbufSize


def _sudogFieldsReader(fields: list[tuple[int, str]]) -> Callable[[Any, int], tuple[int, ...]]:
    """struct's unpack_from for the given (offset, format) fields of a sudog, in offset order."""
    fmt, at = "<", 0
    for off, f in fields:
        fmt += f"{off - at}x{f}" if off > at else f
        at = off + _pystruct.calcsize("<" + f)
    return _pystruct.Struct(fmt).unpack_from


# The fields releaseSudog finds zero in a sudog it takes back, read at once:
# next, prev, elem (its vu word), isSelect, waitlink, c (its vu word).
_sudogReleaseFields = _sudogFieldsReader(
    [
        (_r2.sudog_next, "Q"),
        (_r2.sudog_prev, "Q"),
        (_r2.sudog_elem_vu, "Q"),
        (_r2.sudog_isSelect, "B"),
        (_r2.sudog_waitlink, "Q"),
        (_r2.sudog_c_vu, "Q"),
    ]
)
_sudogReleaseZero = (0,) * 6  # what _sudogReleaseFields reads from a clean sudog


# go: runtime/proc.go acquireSudog
def acquireSudog(mp: m | None = None) -> int:
    """A sudog (its address) from the P's cache, refilled from the central one.

    mp is getg().m, when the caller has it at hand."""
    if mp is None:
        mp = _tls.g.m  # (no acquirem: see gopark)
    cache = mp.p.sudogcache
    if not cache:
        lock(sched.sudoglock)  # type: ignore[arg-type]
        # First, try to grab a batch from the central cache.
        while len(cache) < param.sudogbufSize // 2 and sched.sudogcache != 0:
            s = sched.sudogcache
            sched.sudogcache = U64[(s + _sg_next) >> 3]
            U64[(s + _sg_next) >> 3] = 0
            cache.append(s)
        unlock(sched.sudoglock)  # type: ignore[arg-type]
        # If the central cache is empty, allocate a new one.
        if not cache:
            s = mallocgc(param.sizeof_sudog, sudogType, True)
            sudogViews[s] = U64[s >> 3 : (s + param.sizeof_sudog) >> 3]
            cache.append(s)
    sg: int = cache.pop()
    if U64[(sg >> 3) + _W_ELEMVU]:
        throw("acquireSudog: found s.elem != nil in cache")
    return sg


# go: runtime/proc.go releaseSudog
def releaseSudog(s: int, gp: g | None = None) -> None:
    """Return s to the P's cache, spilling half to the central cache when full.

    gp is getg(), when the caller has it at hand."""
    # One test for the common case; the throws say which field was wrong.
    if _sudogReleaseFields(U8, s) != _sudogReleaseZero:
        u64 = U64
        sw = s >> 3
        if u64[sw + _W_ELEMVU] != 0:
            throw("runtime: sudog with non-nil elem")
        if U8[s + _W_ISSELECT]:
            throw("runtime: sudog with non-false isSelect")
        if u64[sw + _W_NEXT] != 0:
            throw("runtime: sudog with non-nil next")
        if u64[sw + _W_PREV] != 0:
            throw("runtime: sudog with non-nil prev")
        if u64[sw + _W_WAITLINK] != 0:
            throw("runtime: sudog with non-nil waitlink")
        throw("runtime: sudog with non-nil c")
    if gp is None:
        gp = _tls.g
    if gp.param is not None:
        throw("runtime: releaseSudog with non-nil gp.param")
    cache = gp.m.p.sudogcache  # (no acquirem: see gopark)
    if len(cache) == _sudogbufSize:
        # Transfer half of the local cache to the central cache.
        first = last = 0
        while len(cache) > param.sudogbufSize // 2:
            p1 = cache.pop()
            if first == 0:
                first = p1
            else:
                U64[(last + _sg_next) >> 3] = p1
            last = p1
        lock(sched.sudoglock)  # type: ignore[arg-type]
        U64[(last + _sg_next) >> 3] = sched.sudogcache
        sched.sudogcache = first
        unlock(sched.sudoglock)  # type: ignore[arg-type]
    cache.append(s)
