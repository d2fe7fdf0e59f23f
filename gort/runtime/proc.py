"""The scheduler: goroutines (G) run by threads (M) holding processors (P).

This is proc.go. The seed article walks it from `schedinit` to `exit(0)`;
the names, the order of the steps and the invariants are Go's.

Data structures (runtime2.py): `sched` (global run queue, idle Ms and Ps,
free Gs), `allp` (the GOMAXPROCS Ps, each with a 256-slot local run queue
and `runnext`), `allm` (every M), `allgs` (every G).

The life of a goroutine:
  1. `go f()` → `newproc(fv)` → `newproc1` takes a dead G from the P's free
     list (`gfget`) or makes one (`malg`: a g plus a 2 KiB stack from
     `stackalloc`), gives it a goid, sets it up to start at f and return
     into `goexit`, and puts it in the P's `runnext` (`runqput`).
  2. An M in `schedule` → `findRunnable` (runnext, local queue, global queue
     every 61 ticks and when the local queue is empty, stealing from other
     Ps) → `execute` → `gogo`: the G runs until it parks, yields or exits.
  3. `gopark` stores the unlock callback on the M and does mcall(park_m):
     the G becomes `_Gwaiting`, leaves its M, and the M schedules another
     G. `goready` makes it `_Grunnable` again and queues it in `runnext` of
     the readying P, waking an idle P if there is one (`wakep`).
  4. When f returns, the G goes through `goexit1` → mcall(`goexit0`): it is
     `_Gdead` and back on a free list (`gfput`).

An M with nothing to run releases its P, puts itself on `sched.midle` and
sleeps on its note (`stopm`): its OS thread really blocks. `startm` and
`wakep` wake one, or create one (`newm` → a new OS thread).

How gort switches goroutines (see docs/design/0001): a goroutine is a
Python generator. `gogo(gp)` resumes it with `send`; `mcall(fn)` is
`yield fn` from inside the G, which returns control to `gogo`; the M's g0
then runs `fn(gp)`. Go's `fn` never returns — it calls `schedule()`, and
`gogo` jumps away. In gort the g0 code returns instead: `schedule()` runs a
G until it mcalls, and returns the request `(fn, gp)`; `mstart` loops,
running each requested fn at the base of g0 exactly where Go's `mcall`
would restart g0's stack.

Invariants:
  * A G is `_Grunning` only while an M executes it, with `gp.m.curg is gp`.
  * A P is `_Prunning` exactly when an M holds it (`pp.m.p is pp`).
  * A G is in at most one run queue; `runnext` counts as the queue.
  * `sched.npidle` is the length of `sched.pidle`; `sched.nmidle` of `midle`.

Differences from Go:
  * mcall's continuation returns to the loop in `mstart` instead of
    abandoning g0's stack (there is no stack to abandon).
  * `systemstack(f)` calls f directly: g0 and the user G share the Python
    thread stack.
  * The local run queue's lock-free protocol uses atomic.py's CAS, which
    takes a striped lock (see atomic.py).
"""

from __future__ import annotations

import os
import random
import sys
import threading
import time as _time
from collections.abc import Callable, Generator
from typing import Any

from gort.runtime import atomic, param, symtab
from gort.runtime.lock import lock, lockInit, mutex, note, noteclear, notesleep, notewakeup, unlock
from gort.runtime.panic import fatal, throw
from gort.runtime.runtime2 import (
    _Gcopystack,
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
    freeMWait,
    g,
    g0,
    gByAddr,
    gQueue,
    m,
    m0,
    p,
    sched,
    waitReasonZero,
)
from gort.runtime.stubs import getg, setg, systemstack
from gort.runtime.unsafe import U8, U64

# --- scheduler globals (proc.go / runtime2.go) --------------------------------

gomaxprocs = 0  # len(allp); changed only with the world stopped
ncpu = 0  # CPUs the process may run on (osinit)
mainStarted = False  # set by runtime.main; after it newproc wakes idle Ps
allm: m | None = None  # newest M first; sched.lock
runtimeInitTime = 0
startingStackSize = param.fixedStack  # adaptive since 1.19; 2 KiB until a GC measures
allglock = mutex("allg")
allpLock = mutex("allp")
panicking = 0  # number of goroutines panicking (panic.go)
main_main: Callable[..., Any] | None = None  # set by the linker: the program's main.main
exitHook: Callable[[int], None] | None = None  # set by `gort run` (prints "exit status N")
_rand = random.Random()


def nanotime() -> int:
    return _time.monotonic_ns()


def cheaprand() -> int:
    return _rand.getrandbits(32)


def cheaprandn(n: int) -> int:
    return _rand.randrange(n) if n > 0 else 0


# --- goroutine status ------------------------------------------------------------------


def readgstatus(gp: g) -> int:
    return gp.atomicstatus


# go: runtime/proc.go casgstatus
def casgstatus(gp: g, oldval: int, newval: int) -> None:
    """Move gp from oldval to newval. Spins while the GC holds a _Gscan bit."""
    if (oldval & _Gscan) or (newval & _Gscan) or oldval == newval:
        throw("casgstatus: bad incoming values")
    spins = 0
    while not atomic.Cas(gp, "atomicstatus", oldval, newval):
        if oldval == _Gwaiting and gp.atomicstatus == _Grunnable:
            throw("casgstatus: waiting for Gwaiting but is Grunnable")
        spins += 1
        if spins > 1000:
            _time.sleep(0)
        if spins > 100_000_000:
            throw("casgstatus: stuck")


def casGToWaiting(gp: g, old: int, reason: int) -> None:
    gp.waitreason = reason
    casgstatus(gp, old, _Gwaiting)


# --- Ms and Ps ---------------------------------------------------------------------


def acquirem() -> m:
    gp = getg()
    mp: m = gp.m
    mp.locks += 1
    return mp


def releasem(mp: m) -> None:
    mp.locks -= 1


def mcount() -> int:
    return sched.mnext - sched.nmfreed


# go: runtime/proc.go checkmcount
def checkmcount() -> None:
    """sched.lock held."""
    count = mcount() - sched.nmsys
    if count > sched.maxmcount:
        from gort.runtime.panic import _write2

        _write2(f"runtime: program exceeds {sched.maxmcount}-thread limit\n")
        throw("thread exhaustion")


# go: runtime/proc.go mReserveID
def mReserveID() -> int:
    """sched.lock held. Reserve the id of a new M."""
    if sched.mnext + 1 < sched.mnext:
        throw("runtime: thread ID overflow")
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
    mp.alllink = allm
    allm = mp
    unlock(sched.lock)


# go: runtime/proc.go (*p).init
def pinit(pp: p, id: int) -> None:
    from gort.runtime import mcache as mcache_mod

    pp.id = id
    pp.status = _Pgcstop
    pp.sudogcache = []
    pp.deferpool = []
    if pp.mcache is None:
        if id == 0:
            c0 = mcache_mod.mcache0
            if c0 is None:
                throw("missing mcache?")
            pp.mcache = c0
        else:
            pp.mcache = mcache_mod.allocmcache()


# go: runtime/proc.go (*p).destroy
def pdestroy(pp: p) -> None:
    """sched.lock held, world stopped."""
    from gort.runtime import mcache as mcache_mod

    while pp.runqhead != pp.runqtail:
        pp.runqtail -= 1
        gp = pp.runq[pp.runqtail % len(pp.runq)]
        assert gp is not None
        globrunqputhead(gp)
    if pp.runnext is not None:
        globrunqputhead(pp.runnext)
        pp.runnext = None
    pp.sudogcache = []
    pp.deferpool = []
    mcache_mod.freemcache(pp.mcache)
    pp.mcache = None
    gfpurge(pp)
    pp.status = _Pdead


# go: runtime/proc.go procresize
def procresize(nprocs: int) -> p | None:
    """sched.lock held, world stopped. Returns the Ps with local work, linked by p.link."""
    global gomaxprocs
    from gort.runtime import mcache as mcache_mod

    old = gomaxprocs
    if old < 0 or nprocs <= 0:
        throw("procresize: invalid arg")
    now = nanotime()
    if sched.procresizetime != 0:
        sched.totaltime += old * (now - sched.procresizetime)
    sched.procresizetime = now

    if nprocs > len(allp):
        lock(allpLock)
        while len(allp) < nprocs:
            allp.append(None)  # type: ignore[arg-type]
        unlock(allpLock)

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
        # Release the current P and acquire allp[0].
        if gp.m.p is not None:
            gp.m.p.m = None
        gp.m.p = None
        pp = allp[0]
        pp.m = None
        pp.status = _Pidle
        acquirep(pp)

    # mcache0 is only for bootstrap: P 0 owns it now.
    mcache_mod.mcache0 = None

    for i in range(nprocs, old):
        pdestroy(allp[i])

    if len(allp) != nprocs:
        lock(allpLock)
        del allp[nprocs:]
        unlock(allpLock)

    runnablePs: p | None = None
    for i in range(nprocs - 1, -1, -1):
        pp = allp[i]
        if gp.m.p is pp:
            continue
        pp.status = _Pidle
        if runqempty(pp):
            pidleput(pp, now)
        else:
            pp.m = mget()
            pp.link = runnablePs
            runnablePs = pp

    gomaxprocs = nprocs
    return runnablePs


def newP() -> p:
    """new(p): the P struct also gets its real size in Go memory."""
    from gort.runtime.malloc import mallocgc

    pp = p()
    pp.addr = mallocgc(param.sizeof_p, None, True)
    return pp


# go: runtime/proc.go acquirep
def acquirep(pp: p) -> None:
    """Associate pp with the current M (which has no P)."""
    wirep(pp)
    # Do the delayed mcache flush (the P may have missed a sweep).
    pp.mcache.prepareForSweep()


# go: runtime/proc.go wirep
def wirep(pp: p) -> None:
    gp = getg()
    if gp.m.p is not None:
        throw("wirep: already in go")
    if pp.m is not None or pp.status != _Pidle:
        from gort.runtime.panic import _write2

        mid = pp.m.id if pp.m is not None else 0
        _write2(f"wirep: p->m={mid} p->status={pp.status}\n")
        throw("wirep: invalid p state")
    gp.m.p = pp
    gp.m.mcache = pp.mcache  # the seed's m.mcache mirrors the P's
    pp.m = gp.m
    pp.status = _Prunning
    pp.oldm = gp.m


# go: runtime/proc.go releasep
def releasep() -> p:
    """Disassociate the current M from its P, which becomes _Pidle."""
    gp = getg()
    pp = gp.m.p
    if pp is None:
        throw("releasep: invalid arg")
    if pp.m is not gp.m or pp.status != _Prunning:
        throw("releasep: invalid p state")
    gp.m.p = None
    gp.m.mcache = None
    pp.m = None
    pp.status = _Pidle
    return pp


# go: runtime/proc.go pidleput
def pidleput(pp: p, now: int) -> int:
    """sched.lock held. Put pp on the idle list."""
    if not runqempty(pp):
        throw("pidleput: P has non-empty run queue")
    if now == 0:
        now = nanotime()
    pp.link = sched.pidle
    sched.pidle = pp
    atomic.Xadd(sched, "npidle", 1)
    return now


# go: runtime/proc.go pidleget
def pidleget(now: int) -> tuple[p | None, int]:
    """sched.lock held. Take a P from the idle list (LIFO)."""
    pp = sched.pidle
    if pp is not None:
        if now == 0:
            now = nanotime()
        sched.pidle = pp.link
        atomic.Xadd(sched, "npidle", -1)
    return pp, now


def pidlegetSpinning(now: int) -> tuple[p | None, int]:
    """sched.lock held. pidleget for a spinning M: remembers it was wanted."""
    pp, now = pidleget(now)
    if pp is None:
        sched.needspinning = 1
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


# go: runtime/proc.go allocm
def allocm(pp: p | None, fn: Callable[[], None] | None, id: int) -> m:
    """Allocate an m (not yet a thread). Borrows pp for the allocations if needed."""
    gp = getg()
    acquirem()
    borrowed = False
    if gp.m.p is None and pp is not None:
        acquirep(pp)  # temporarily borrow p for mallocs in this function
        borrowed = True
    if sched.freem is not None:
        from gort.runtime.stack import stackfree

        lock(sched.lock)
        newList: m | None = None
        freem = sched.freem
        while freem is not None:
            if freem.freeWait == freeMWait:
                nxt = freem.freelink
                freem.freelink = newList
                newList = freem
                freem = nxt
                continue
            if freem.freeWait == 0 and freem.g0 is not None:  # freeMStack
                stackfree(freem.g0.stack)
            freem = freem.freelink
        sched.freem = newList
        unlock(sched.lock)

    from gort.runtime.malloc import mallocgc

    mp = m()
    mp.addr = mallocgc(param.sizeof_mPadded, None, True)  # new(mPadded)
    mp.mstartfn = fn
    mp.park = note()
    mcommoninit(mp, id)
    mp.g0 = malg(param.mg0StackSize)
    mp.g0.m = mp
    if borrowed:
        releasep()
    releasem(gp.m)
    return mp


# go: runtime/proc.go newm
def newm(fn: Callable[[], None] | None, pp: p | None, id: int) -> None:
    """Create a new M that starts with fn (or the scheduler) and P pp."""
    acquirem()
    mp = allocm(pp, fn, id)
    mp.nextp = pp
    newm1(mp)
    releasem(getg().m)


def newm1(mp: m) -> None:
    from gort.runtime.os_linux import newosproc

    newosproc(mp)


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
        id = mReserveID()
        unlock(sched.lock)
        fn = mspinning if spinning else None
        newm(fn, pp, id)
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
    nmp.spinning = spinning
    nmp.nextp = pp
    notewakeup(nmp.park)  # type: ignore[arg-type]
    releasem(mp)


def mspinning() -> None:
    """mstartfn of an M started to spin."""
    getg().m.spinning = True


# go: runtime/proc.go stopm
def stopm() -> None:
    """Stop the current M until new work is available (it holds no P)."""
    gp = getg()
    if gp.m.locks != 0:
        throw("stopm holding locks")
    if gp.m.p is not None:
        throw("stopm holding p")
    if gp.m.spinning:
        throw("stopm spinning")
    lock(sched.lock)
    mput(gp.m)
    unlock(sched.lock)
    mPark()
    acquirep(gp.m.nextp)
    gp.m.nextp = None


def mPark() -> None:
    gp = getg()
    notesleep(gp.m.park)
    noteclear(gp.m.park)


# go: runtime/proc.go wakep
def wakep() -> None:
    """Try to add one more P to execute Gs, if there is an idle P and no spinning M."""
    if sched.nmspinning != 0 or not atomic.Cas(sched, "nmspinning", 0, 1):
        return
    mp = acquirem()
    lock(sched.lock)
    pp, _ = pidlegetSpinning(0)
    if pp is None:
        if atomic.Xadd(sched, "nmspinning", -1) < 0:
            throw("wakep: negative nmspinning")
        unlock(sched.lock)
        releasem(mp)
        return
    unlock(sched.lock)
    startm(pp, True, False)
    releasem(mp)


# go: runtime/proc.go handoffp
def handoffp(pp: p) -> None:
    """Hand off pp from a syscall or locked M: start an M for it, or idle it."""
    if not runqempty(pp) or not sched.runq.empty():
        startm(pp, False, False)
        return
    if sched.nmspinning + sched.npidle == 0 and atomic.Cas(sched, "nmspinning", 0, 1):
        sched.needspinning = 0
        startm(pp, True, False)
        return
    lock(sched.lock)
    if sched.gcwaiting:
        pp.status = _Pgcstop
        pp.gcStopTime = nanotime()
        sched.stopwait -= 1
        if sched.stopwait == 0:
            notewakeup(sched.stopnote)  # type: ignore[arg-type]
        unlock(sched.lock)
        return
    if not sched.runq.empty():
        unlock(sched.lock)
        startm(pp, False, False)
        return
    if sched.npidle == gomaxprocs - 1 and sched.lastpoll != 0:
        unlock(sched.lock)
        startm(pp, False, False)
        return
    pidleput(pp, 0)
    unlock(sched.lock)


def becomeSpinning(mp: m) -> None:
    mp.spinning = True
    atomic.Xadd(sched, "nmspinning", 1)
    sched.needspinning = 0


# go: runtime/proc.go resetspinning
def resetspinning() -> None:
    gp = getg()
    if not gp.m.spinning:
        throw("resetspinning: not a spinning m")
    gp.m.spinning = False
    if atomic.Xadd(sched, "nmspinning", -1) < 0:
        throw("findRunnable: negative nmspinning")
    wakep()


# --- goroutine creation ----------------------------------------------------------


# go: runtime/proc.go malg
def malg(stacksize: int) -> g:
    """Allocate a g, with a stack big enough for stacksize bytes (none if < 0)."""
    from gort.runtime.malloc import mallocgc
    from gort.runtime.stack import round2, stackalloc

    newg = g()
    newg.addr = mallocgc(param.sizeof_g, None, True)  # new(g)
    if stacksize >= 0:
        stacksize = round2(param.stackSystem + stacksize)
        newg.stack = stackalloc(stacksize)
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
def newproc(fn: int) -> None:
    """The go statement: create a G running the funcval fn, queue it in runnext."""
    gp = getg()
    # The caller's pc: gort records the function and Go line of the go statement.
    pc, line = callerpc(sys._getframe(1))
    systemstack(_newproc_m, fn, gp, pc, line)


def _newproc_m(fn: int, gp: g, pc: int, line: int) -> None:
    newg = newproc1(fn, gp, pc, False, waitReasonZero)
    newg.gopcline = line
    pp = getg().m.p
    runqput(pp, newg, True)
    if mainStarted:
        wakep()


def callerpc(frame: Any) -> tuple[int, int]:
    """(function index, Go line) of the compiled or runtime function running frame."""
    while frame is not None:
        f = symtab.byCode.get(frame.f_code)
        if f is not None:
            return f.entry, f.pyline2go.get(frame.f_lineno, f.line)
        frame = frame.f_back
    return 0, 0


def peekgoid() -> int:
    """The goid newproc1 would assign next on this P (for tracing only)."""
    pp = getg().m.p
    if pp is not None and pp.goidcache != pp.goidcacheend:
        return int(pp.goidcache)
    return int(sched.goidgen + 1)


# go: runtime/proc.go newproc1
def newproc1(fn: int, callergp: g, callerpc: int, parked: bool, waitreason: int) -> g:
    """Create a new G in state _Grunnable (or _Gwaiting if parked) starting at fn."""
    if fn == 0:
        fatal("go of nil func value")
    mp = acquirem()
    pp = mp.p
    newg = gfget(pp)
    if newg is None:
        newg = malg(param.stackMin)
        casgstatus(newg, _Gidle, _Gdead)
        allgadd(newg)
    if newg.stack.hi == 0:
        throw("newproc1: newg missing stack")
    if readgstatus(newg) != _Gdead:
        throw("newproc1: new g is not Gdead")

    # Room at the top of the stack for goexit's frame, as Go leaves.
    totalSize = 4 * param.PtrSize + param.MinFrameSize
    newg.sp = newg.stack.hi - totalSize
    newg.sched.sp = newg.sp
    newg.sched.g = newg
    newg.sched.ctxt = fn
    fnidx = U64[fn >> 3]
    newg.sched.pc = fnidx
    # gostartcallfn: the G begins at fn and returns into goexit.
    newg.sched.coro = goentry(newg, fn)
    newg.parentGoid = callergp.goid
    newg.gopc = callerpc
    newg.startpc = fnidx
    newg.traceDepth = 0
    if isSystemGoroutine(newg):
        atomic.Xadd(sched, "ngsys", 1)
    newg.trackingSeq = cheaprand() & 0xFF

    status = _Grunnable
    if parked:
        status = _Gwaiting
        newg.waitreason = waitreason
    if pp.goidcache == pp.goidcacheend:
        # sched.goidgen is the last id handed out; take the next batch.
        pp.goidcache = atomic.Xadd(sched, "goidgen", param.GoidCacheBatch)
        pp.goidcache -= param.GoidCacheBatch - 1
        pp.goidcacheend = pp.goidcache + param.GoidCacheBatch
    newg.goid = pp.goidcache
    casgstatus(newg, _Gdead, status)
    pp.goidcache += 1
    releasem(mp)
    return newg


# Functions whose goroutines are the runtime's own (isSystemGoroutine).
systemGoroutineNames = {
    "runtime.forcegchelper",
    "runtime.bgsweep",
    "runtime.bgscavenge",
    "runtime.runFinalizers",
    "runtime.updateMaxProcsGoroutine",
    "runtime.timerproc",
}


def isSystemGoroutine(gp: g) -> bool:
    f = symtab.findfunc(gp.startpc)
    if f is None:
        return False
    if f.name == "runtime.main":
        return False
    return f.name in systemGoroutineNames


# go: runtime/proc.go gfput
def gfput(pp: p, gp: g) -> None:
    """Put a dead G on pp's free list, spilling to the global lists at 64."""
    from gort.runtime.stack import stackfree

    if readgstatus(gp) != _Gdead:
        throw("gfput: bad status (not Gdead)")
    stksize = gp.stack.hi - gp.stack.lo
    if stksize != startingStackSize:
        # Non-standard stack size: free it.
        stackfree(gp.stack)
        gp.stack.lo = 0
        gp.stack.hi = 0
        gp.stackguard0 = 0
    pp.gFree.push(gp)
    if pp.gFree.size >= param.gfreeLocalMax:
        stackQ = []
        noStackQ = []
        while pp.gFree.size >= param.gfreeLocalKeep:
            g1 = pp.gFree.pop()
            assert g1 is not None
            (noStackQ if g1.stack.lo == 0 else stackQ).append(g1)
        lock(sched.gFreeLock)
        for g1 in noStackQ:
            sched.gFreeNoStack.push(g1)
        for g1 in stackQ:
            sched.gFreeStack.push(g1)
        unlock(sched.gFreeLock)


# go: runtime/proc.go gfget
def gfget(pp: p) -> g | None:
    """Take a dead G from pp's free list, refilling up to 32 from the global lists."""
    from gort.runtime.stack import stackalloc, stackfree

    if pp.gFree.empty() and (not sched.gFreeStack.empty() or not sched.gFreeNoStack.empty()):
        lock(sched.gFreeLock)
        while pp.gFree.size < param.gfreeLocalKeep:
            gp = sched.gFreeStack.pop()
            if gp is None:
                gp = sched.gFreeNoStack.pop()
                if gp is None:
                    break
            pp.gFree.push(gp)
        unlock(sched.gFreeLock)
    gp = pp.gFree.pop()
    if gp is None:
        return None
    if gp.stack.lo != 0 and gp.stack.hi - gp.stack.lo != startingStackSize:
        stackfree(gp.stack)
        gp.stack.lo = 0
        gp.stack.hi = 0
        gp.stackguard0 = 0
    if gp.stack.lo == 0:
        gp.stack = stackalloc(startingStackSize)
        gp.stackguard0 = gp.stack.lo + param.stackGuard
    return gp


# go: runtime/proc.go gfpurge
def gfpurge(pp: p) -> None:
    """Move all of pp's free Gs to the global lists."""
    lock(sched.gFreeLock)
    while not pp.gFree.empty():
        gp = pp.gFree.pop()
        assert gp is not None
        if gp.stack.lo == 0:
            sched.gFreeNoStack.push(gp)
        else:
            sched.gFreeStack.push(gp)
    unlock(sched.gFreeLock)


# --- run queues --------------------------------------------------------------------


# go: runtime/proc.go runqempty
def runqempty(pp: p) -> bool:
    """Whether pp has no Gs on its local queue (runnext included). Lock-free."""
    while True:
        head = pp.runqhead
        tail = pp.runqtail
        runnext = pp.runnext
        if tail == pp.runqtail:
            return head == tail and runnext is None


# go: runtime/proc.go runqput
def runqput(pp: p, gp: g, next: bool) -> None:
    """Put gp on pp's local queue: in runnext if next, else at the tail."""
    if next:
        while True:
            oldnext = pp.runnext
            if atomic.Cas(pp, "runnext", oldnext, gp):
                break
        if oldnext is None:
            return
        # Kick the old runnext out to the regular run queue.
        gp = oldnext
    while True:
        h = pp.runqhead
        t = pp.runqtail
        if t - h < len(pp.runq):
            pp.runq[t % len(pp.runq)] = gp
            pp.runqtail = t + 1
            return
        if runqputslow(pp, gp, h, t):
            return


# go: runtime/proc.go runqputslow
def runqputslow(pp: p, gp: g, h: int, t: int) -> bool:
    """Move gp and half of pp's full local queue to the global queue."""
    n = (t - h) // 2
    if n != len(pp.runq) // 2:
        throw("runqputslow: queue is not full")
    batch = [pp.runq[(h + i) % len(pp.runq)] for i in range(n)]
    if not atomic.Cas(pp, "runqhead", h, h + n):
        return False
    batch.append(gp)
    q = gQueue()
    for g1 in batch:
        assert g1 is not None
        q.pushBack(g1)
    lock(sched.lock)
    sched.runq.pushBackAll(q)
    unlock(sched.lock)
    return True


# go: runtime/proc.go runqputbatch
def runqputbatch(pp: p, q: gQueue) -> None:
    """Put as many Gs of q as fit on pp's local queue; the rest stay in q."""
    h = pp.runqhead
    t = pp.runqtail
    n = 0
    while not q.empty() and t - h < len(pp.runq):
        gp = q.pop()
        assert gp is not None
        pp.runq[t % len(pp.runq)] = gp
        t += 1
        n += 1
    pp.runqtail = t


# go: runtime/proc.go runqget
def runqget(pp: p) -> tuple[g | None, bool]:
    """Get a G from pp's local queue; runnext first (it inherits the time slice)."""
    nxt = pp.runnext
    if nxt is not None and atomic.Cas(pp, "runnext", nxt, None):
        return nxt, True
    while True:
        h = pp.runqhead
        t = pp.runqtail
        if t == h:
            return None, False
        gp = pp.runq[h % len(pp.runq)]
        if atomic.Cas(pp, "runqhead", h, h + 1):
            return gp, False


# go: runtime/proc.go runqgrab
def runqgrab(pp: p, batch: list[g | None], batchHead: int, stealRunNextG: bool) -> int:
    """Grab half of pp's queue into batch (a ring of 256) at batchHead."""
    while True:
        h = pp.runqhead
        t = pp.runqtail
        n = t - h
        n = n - n // 2
        if n == 0:
            if stealRunNextG:
                nxt = pp.runnext
                if nxt is not None:
                    if pp.status == _Prunning:
                        # Give the P's owner a moment to schedule its runnext.
                        _time.sleep(3e-6)
                    if not atomic.Cas(pp, "runnext", nxt, None):
                        continue
                    batch[batchHead % len(batch)] = nxt
                    return 1
            return 0
        if n > len(pp.runq) // 2:  # read inconsistent h and t
            continue
        for i in range(n):
            batch[(batchHead + i) % len(batch)] = pp.runq[(h + i) % len(pp.runq)]
        if atomic.Cas(pp, "runqhead", h, h + n):
            return n


# go: runtime/proc.go runqsteal
def runqsteal(pp: p, p2: p, stealRunNextG: bool) -> g | None:
    """Steal half of p2's queue into pp's; return one of the stolen Gs."""
    t = pp.runqtail
    n = runqgrab(p2, pp.runq, t, stealRunNextG)
    if n == 0:
        return None
    n -= 1
    gp = pp.runq[(t + n) % len(pp.runq)]
    if n == 0:
        return gp
    h = pp.runqhead
    if t - h + n >= len(pp.runq):
        throw("runqsteal: runq overflow")
    pp.runqtail = t + n
    return gp


# go: runtime/proc.go globrunqput
def globrunqput(gp: g) -> None:
    """sched.lock held. Put gp at the tail of the global queue."""
    sched.runq.pushBack(gp)


# go: runtime/proc.go globrunqputhead
def globrunqputhead(gp: g) -> None:
    """sched.lock held. Put gp at the head of the global queue."""
    sched.runq.push(gp)


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
    if sched.runq.size == 0:
        return None, q
    n = min(n, sched.runq.size, sched.runq.size // gomaxprocs + 1)
    gp = sched.runq.pop()
    n -= 1
    while n > 0:
        g1 = sched.runq.pop()
        assert g1 is not None
        q.pushBack(g1)
        n -= 1
    return gp, q


# --- scheduling --------------------------------------------------------------------

# An mcall request: the g0 function to run, and the G that asked.
Mcall = tuple[Callable[[g], Any], g]


# go: runtime/proc.go schedule
def schedule() -> Mcall:
    """One round of the scheduler: find a runnable G and execute it.

    Runs on g0. Returns the G's next mcall request (gort's stand-in for Go's
    never-returning schedule; see the file docstring).
    """
    mp = getg().m
    if mp.locks != 0:
        throw("schedule: holding locks")
    while True:  # top
        pp = mp.p
        pp.preempt = False
        if mp.spinning and (pp.runnext is not None or pp.runqhead != pp.runqtail):
            throw("schedule: spinning with local work")
        gp, inheritTime, tryWakeP = findRunnable()  # blocks until work is available
        if mp.spinning:
            resetspinning()
        if tryWakeP:
            wakep()
        return execute(gp, inheritTime)


# go: runtime/proc.go findRunnable
def findRunnable() -> tuple[g, bool, bool]:
    """Find a runnable goroutine: local, global, stolen. Blocks (stopm) until one exists."""
    mp = getg().m
    while True:  # top
        pp = mp.p
        if sched.gcwaiting:
            gcstopm()
            continue
        # Fairness: a global-queue G every 61 ticks.
        if pp.schedtick % param.schedFairnessTicks == 0 and not sched.runq.empty():
            lock(sched.lock)
            gp = globrunqget()
            unlock(sched.lock)
            if gp is not None:
                return gp, False, False

        gp, inheritTime = runqget(pp)
        if gp is not None:
            return gp, inheritTime, False

        if not sched.runq.empty():
            lock(sched.lock)
            gp, q = globrunqgetbatch(len(pp.runq) // 2)
            unlock(sched.lock)
            if gp is not None:
                runqputbatch(pp, q)
                if not q.empty():
                    throw("Couldn't put Gs into empty local runq")
                return gp, False, False

        # netpoll (non-blocking) comes here once the poller exists (netpoll.py).

        # Spinning Ms: steal from other Ps.
        if mp.spinning or 2 * sched.nmspinning < gomaxprocs - sched.npidle:
            if not mp.spinning:
                becomeSpinning(mp)
            gp, inheritTime, newWork = stealWork()
            if gp is not None:
                return gp, inheritTime, False
            if newWork:
                continue

        # Nothing to do: give up the P.
        allpSnapshot = list(allp)
        lock(sched.lock)
        if sched.gcwaiting:
            unlock(sched.lock)
            continue
        if not sched.runq.empty():
            gp, q = globrunqgetbatch(len(pp.runq) // 2)
            unlock(sched.lock)
            if gp is None:
                throw("global runq empty with non-zero runqsize")
            runqputbatch(pp, q)
            return gp, False, False
        if not mp.spinning and sched.needspinning == 1:
            becomeSpinning(mp)
            unlock(sched.lock)
            continue
        if releasep() is not pp:
            throw("findRunnable: wrong p")
        pidleput(pp, 0)
        unlock(sched.lock)

        if mp.spinning:
            mp.spinning = False
            if atomic.Xadd(sched, "nmspinning", -1) < 0:
                throw("findRunnable: negative nmspinning")
            # Re-check all sources after dropping spinning: a G may have
            # been readied between our check and our dropping the P.
            lock(sched.lock)
            if not sched.runq.empty():
                pp2, _ = pidlegetSpinning(0)
                if pp2 is not None:
                    gp, q = globrunqgetbatch(len(pp2.runq) // 2)
                    unlock(sched.lock)
                    if gp is None:
                        throw("global runq empty with non-zero runqsize")
                    runqputbatch(pp2, q)
                    acquirep(pp2)
                    becomeSpinning(mp)
                    return gp, False, False
            unlock(sched.lock)
            pp2 = checkRunqsNoP(allpSnapshot)
            if pp2 is not None:
                acquirep(pp2)
                becomeSpinning(mp)
                continue
        stopm()


def checkRunqsNoP(allpSnapshot: list[p]) -> p | None:
    """After dropping the P: is there a P with local work we could take?"""
    for p2 in allpSnapshot:
        if p2.status != _Pidle and not runqempty(p2):
            lock(sched.lock)
            pp, _ = pidlegetSpinning(0)
            if pp is None:
                unlock(sched.lock)
                return None
            unlock(sched.lock)
            return pp
    return None


# go: runtime/proc.go stealWork
def stealWork() -> tuple[g | None, bool, bool]:
    """Try stealing from every other P, in random order, stealTries rounds."""
    pp = getg().m.p
    n = len(allp)
    for i in range(param.stealTries):
        stealRunNextG = i == param.stealTries - 1
        start = cheaprandn(n) if n else 0
        for k in range(n):
            if sched.gcwaiting:
                return None, False, True
            p2 = allp[(start + k) % n]
            if pp is p2:
                continue
            if p2.status != _Pidle:
                gp = runqsteal(pp, p2, stealRunNextG)
                if gp is not None:
                    return gp, False, False
    return None, False, False


def gcstopm() -> None:
    """Stop the current M for stop-the-world (mgc.go's STW, a later issue)."""
    throw("gcstopm: stop-the-world is not implemented yet")


# go: runtime/proc.go execute
def execute(gp: g, inheritTime: bool) -> Mcall:
    """Run gp on the current M. Returns gp's next mcall request."""
    mp = getg().m
    mp.curg = gp
    gp.m = mp
    casgstatus(gp, _Grunnable, _Grunning)
    gp.waitsince = 0
    gp.preempt = False
    gp.stackguard0 = gp.stack.lo + param.stackGuard
    if not inheritTime:
        mp.p.schedtick += 1
    return gogo(gp)


# go: runtime/asm_amd64.s gogo
def gogo(gp: g) -> Mcall:
    """Switch to gp and run it until it mcalls back to g0."""
    mp = gp.m
    assert mp is not None
    mp.traceBase = mp.g0.traceDepth  # type: ignore[union-attr]
    setg(gp)
    coro = gp.sched.coro
    try:
        fn = coro.send(None)  # type: ignore[union-attr]
    except StopIteration:
        setg(mp.g0)
        throw("goroutine returned past goexit")
    setg(mp.g0)
    return fn, gp


def goentry(gp: g, fv: int) -> Generator[Any, Any, None]:
    """The bottom of every goroutine: call the funcval fv, then goexit.

    Go's newproc1 makes fn return into goexit; here goexit is what follows
    the call.
    """
    from gort.runtime.panic import GoexitUnwind, GoPanic, fatalpanic

    try:
        r = symtab.FUNCTAB[U64[fv >> 3]](gp, fv)  # type: ignore[misc]
        if r is not None and hasattr(r, "send"):
            yield from r
    except GoPanic as e:
        yield from fatalpanic(gp, e)
    except GoexitUnwind:
        pass
    yield goexit0  # goexit1: mcall(goexit0)


# go: runtime/proc.go dropg
def dropg() -> None:
    gp = getg()
    gp.m.curg.m = None
    gp.m.curg = None


# go: runtime/proc.go gopark
def gopark(
    unlockf: Callable[[g, Any], bool] | None,
    lock_: Any,
    reason: int,
    traceReason: int = 0,
    traceskip: int = 1,
) -> Generator[Any, Any, None]:
    """Put the current goroutine into a waiting state and schedule another.

    A generator: `yield from gopark(...)` returns once the G is readied.
    If unlockf returns False, the G resumes at once.
    """
    mp = acquirem()
    gp = mp.curg
    status = readgstatus(gp)  # type: ignore[arg-type]
    if status != _Grunning and status != (_Gscan | _Grunning):
        throw("gopark: bad g status")
    mp.waitlock = lock_
    mp.waitunlockf = unlockf
    gp.waitreason = reason  # type: ignore[union-attr]
    mp.waitTraceBlockReason = traceReason
    mp.waitTraceSkip = traceskip
    releasem(mp)
    yield park_m  # mcall(park_m)


def goparkunlock(l: mutex, reason: int, traceReason: int = 0, traceskip: int = 1) -> Generator[Any, Any, None]:
    """gopark that unlocks l once the G is off its M."""
    yield from gopark(parkunlock_c, l, reason, traceReason, traceskip)


def parkunlock_c(gp: g, l: Any) -> bool:
    unlock(l)
    return True


# go: runtime/proc.go park_m
def park_m(gp: g) -> Mcall:
    """The g0 half of gopark. Runs on g0."""
    mp = getg().m
    casgstatus(gp, _Grunning, _Gwaiting)
    dropg()
    fn = mp.waitunlockf
    if fn is not None:
        ok = fn(gp, mp.waitlock)
        mp.waitunlockf = None
        mp.waitlock = None
        if not ok:
            casgstatus(gp, _Gwaiting, _Grunnable)
            return execute(gp, True)  # schedule it back
    return schedule()


# go: runtime/proc.go goready
def goready(gp: g, traceskip: int = 1) -> None:
    """Make the waiting gp runnable, in the current P's runnext."""
    systemstack(ready, gp, traceskip, True)


# go: runtime/proc.go ready
def ready(gp: g, traceskip: int, next: bool) -> None:
    status = readgstatus(gp)
    mp = acquirem()
    if status & ~_Gscan != _Gwaiting:
        throw("bad g->status in ready")
    casgstatus(gp, _Gwaiting, _Grunnable)
    runqput(mp.p, gp, next)
    wakep()
    releasem(mp)


# go: runtime/proc.go Gosched
def Gosched() -> Generator[Any, Any, None]:
    """Yield the processor; the G goes to the global queue."""
    yield gosched_m


# go: runtime/proc.go gosched_m
def gosched_m(gp: g) -> Mcall:
    return goschedImpl(gp, False)


def goschedImpl(gp: g, preempted: bool) -> Mcall:
    status = readgstatus(gp)
    if status & ~_Gscan != _Grunning:
        throw("bad g status")
    casgstatus(gp, _Grunning, _Grunnable)
    dropg()
    lock(sched.lock)
    globrunqput(gp)
    unlock(sched.lock)
    if mainStarted:
        wakep()
    return schedule()


# go: runtime/proc.go gopreempt_m
def gopreempt_m(gp: g) -> Mcall:
    return goschedImpl(gp, True)


# go: runtime/proc.go goexit0
def goexit0(gp: g) -> Mcall:
    """The g0 half of goexit: gp is dead and goes back to a free list."""
    gdestroy(gp)
    return schedule()


# go: runtime/proc.go gdestroy
def gdestroy(gp: g) -> None:
    mp = getg().m
    pp = mp.p
    casgstatus(gp, _Grunning, _Gdead)
    if isSystemGoroutine(gp):
        atomic.Xadd(sched, "ngsys", -1)
    gp.m = None
    locked = gp.lockedm is not None
    gp.lockedm = None
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
    gp.sched.coro = None
    gp.traceDepth = 0
    dropg()
    if locked and mp.lockedInt != 0:
        throw("exited a goroutine internally locked to the OS thread")
    gfput(pp, gp)


# go: runtime/proc.go checkdead
def checkdead() -> None:
    """sched.lock held. If no M is running and no G can ever run again: deadlock."""
    if panicking > 0:
        return
    run = mcount() - sched.nmidle - sched.nmidlelocked - sched.nmsys
    if run > 0:
        return
    if run < 0:
        from gort.runtime.panic import _write2

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
        s = readgstatus(gp) & ~_Gscan
        if s in (_Gwaiting, _Gpreempted):
            grunning += 1
        elif s in (_Grunnable, _Grunning, _Gsyscall):
            from gort.runtime.panic import _write2

            _write2(f"runtime: checkdead: find g {gp.goid} in status {s}\n")
            unlock(sched.lock)
            throw("checkdead: runnable g")
    if grunning == 0:
        unlock(sched.lock)
        fatal("no goroutines (main called runtime.Goexit) - deadlock!")
    if timersPending is not None and timersPending():
        return
    unlock(sched.lock)
    fatal("all goroutines are asleep - deadlock!")


# Set by time.py when timers exist: reports whether any P has a pending timer.
timersPending: Callable[[], bool] | None = None


# --- bootstrap ---------------------------------------------------------------------


# go: runtime/proc.go schedinit
def schedinit() -> None:
    """Bootstrap the runtime with the world stopped. Runs on m0's g0."""
    from gort.runtime import mgc, runtime1, stack
    from gort.runtime.malloc import mallocinit
    from gort.runtime.os_linux import cpuinit, goenvs, sigsave

    sched.lock = mutex()
    lockInit(sched.lock, "sched")
    sched.sysmonlock = mutex("sysmon")
    sched.deferlock = mutex("defer")
    sched.sudoglock = mutex("sudog")
    sched.gFreeLock = mutex("gFree")
    sched.stopnote = note()
    sched.sysmonnote = note()
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
    sched.lastpoll = nanotime()
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
    from gort.runtime import mgc, runtime1, stack

    mp = getg().m
    stack.maxstacksize = param.maxstacksize_main
    stack.maxstackceiling = param.maxstackceiling_main
    mainStarted = True
    if mp is not m0:
        throw("runtime.main not on m0")
    runtimeInitTime = nanotime()
    if runtimeInitTime == 0:
        throw("nanotime returning zero")

    yield from runtime1.doInit(runtime1.runtime_inittasks)
    yield from mgc.gcenable()
    yield from runtime1.doInit(symtab.firstmoduledata.inittasks)

    fn = main_main
    if fn is None:
        throw("runtime.main: no main.main")
    r = fn(getg())
    if r is not None and hasattr(r, "send"):
        yield from r

    if panicking != 0:
        yield from gopark(None, None, 6)  # waitReasonPanicWait: park forever
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
    m0.park = note()
    m0.thread = threading.main_thread()
    setg(g0)


# go: runtime/proc.go forcegchelper
def forcegchelper() -> Generator[Any, Any, None]:
    """Goroutine 2: parked until sysmon asks for a forced GC (every 2 minutes)."""
    from gort.runtime import mgc
    from gort.runtime.runtime2 import waitReasonForceGCIdle

    forcegc.g = getg()
    while True:
        lock(forcegc.lock)
        if forcegc.idle:
            throw("forcegc: phase error")
        forcegc.idle = True
        yield from goparkunlock(forcegc.lock, waitReasonForceGCIdle)
        # sysmon woke us: a GC is due.
        yield from mgc.gcStart(mgc.gcTrigger(mgc.gcTriggerTime, now=nanotime()))


class forcegcstate:
    __slots__ = ("lock", "g", "idle")

    def __init__(self) -> None:
        self.lock = mutex("forcegc")
        self.g: g | None = None
        self.idle = False  # atomic: the helper is parked and may be woken


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

from gort.runtime import runtime2 as _r2  # noqa: E402
from gort.runtime.type import Struct as _Struct  # noqa: E402
from gort.runtime.type import _type  # noqa: E402

# runtime.sudog's type: pointer words g, next, prev, elem.vp, parent,
# waitlink, waittail, c.vp.
sudogType = _type(_Struct, size=param.sizeof_sudog, align=8, ptrdata=96, gcdata=b"\x0f\x0f", s="runtime.sudog")


# go: runtime/proc.go acquireSudog
def acquireSudog() -> int:
    """A zeroed-link sudog from the P's cache (refilled from the central one)."""
    from gort.runtime.malloc import mallocgc

    mp = acquirem()
    pp = mp.p
    if not pp.sudogcache:
        lock(sched.sudoglock)
        # First, try to grab a batch from the central cache.
        while len(pp.sudogcache) < param.sudogbufSize // 2 and sched.sudogcache != 0:
            s = sched.sudogcache
            sched.sudogcache = U64[(s + _r2.sudog_next) >> 3]
            U64[(s + _r2.sudog_next) >> 3] = 0
            pp.sudogcache.append(s)
        unlock(sched.sudoglock)
        # If the central cache is empty, allocate a new one.
        if not pp.sudogcache:
            pp.sudogcache.append(mallocgc(param.sizeof_sudog, sudogType, True))
    s = pp.sudogcache.pop()
    if U64[(s + _r2.sudog_elem_vu) >> 3] != 0:
        throw("acquireSudog: found s.elem != nil in cache")
    releasem(mp)
    return s


# go: runtime/proc.go releaseSudog
def releaseSudog(s: int) -> None:
    """Return s to the P's cache, spilling half to the central cache when full."""
    if U64[(s + _r2.sudog_elem_vu) >> 3] != 0:
        throw("runtime: sudog with non-nil elem")
    if U8[s + _r2.sudog_isSelect]:
        throw("runtime: sudog with non-false isSelect")
    if U64[(s + _r2.sudog_next) >> 3] != 0:
        throw("runtime: sudog with non-nil next")
    if U64[(s + _r2.sudog_prev) >> 3] != 0:
        throw("runtime: sudog with non-nil prev")
    if U64[(s + _r2.sudog_waitlink) >> 3] != 0:
        throw("runtime: sudog with non-nil waitlink")
    if U64[(s + _r2.sudog_c_vu) >> 3] != 0:
        throw("runtime: sudog with non-nil c")
    gp = getg()
    if gp.param is not None and gp.param == s:
        throw("runtime: releaseSudog with non-nil gp.param")
    mp = acquirem()
    pp = mp.p
    if len(pp.sudogcache) == param.sudogbufSize:
        # Transfer half of the local cache to the central cache.
        first = last = 0
        while len(pp.sudogcache) > param.sudogbufSize // 2:
            p1 = pp.sudogcache.pop()
            if first == 0:
                first = p1
            else:
                U64[(last + _r2.sudog_next) >> 3] = p1
            last = p1
        lock(sched.sudoglock)
        U64[(last + _r2.sudog_next) >> 3] = sched.sudogcache
        sched.sudogcache = first
        unlock(sched.sudoglock)
    pp.sudogcache.append(s)
    releasem(mp)
