"""The garbage collector's entry points (mgc.go).

Today: `gcinit` (the pacer's starting state from GOGC), `gcenable` (start
the background sweeper and scavenger and wait until both have parked
once, then allow GC), and the goroutines' loops (`bgsweep`, `bgscavenge`,
which live in mgcsweep.go and mgcscavenge.go in Go).

Not yet: the mark phase, stop-the-world, write barriers and the pacer's
triggers arrive with the garbage collector issue; until then `gcStart`
only counts forced cycles (see README "What does not work yet").
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from gort.runtime import param, symtab
from gort.runtime.lock import lock, mutex

gcpercent = param.defaultGOGC  # GOGC; -1 disables the GC
enablegc = False  # memstats.enablegc: set by gcenable
numForcedGC = 0


class sweepdata:
    """The background sweeper's state (mgcsweep.go sweep)."""

    __slots__ = ("lock", "g", "parked")

    def __init__(self) -> None:
        self.lock = mutex("sweep")
        self.g: Any = None
        self.parked = False


class scavengerState:
    """The background scavenger's state (mgcscavenge.go scavenger)."""

    __slots__ = ("lock", "g", "parked")

    def __init__(self) -> None:
        self.lock = mutex("scavenger")
        self.g: Any = None
        self.parked = False


sweep = sweepdata()
scavenger = scavengerState()


# go: runtime/mgc.go gcinit
def gcinit() -> None:
    global gcpercent
    from gort.runtime.runtime1 import gogetenv

    v = gogetenv("GOGC")
    if v == "off":
        gcpercent = -1
    elif v:
        try:
            gcpercent = int(v)
        except ValueError:
            gcpercent = param.defaultGOGC


# go: runtime/mgc.go gcenable
def gcenable() -> Generator[Any, Any, None]:
    """Start bgsweep and bgscavenge; wait for both to start; enable GC."""
    global enablegc
    from gort.runtime.chan import chanrecv1, makechan
    from gort.runtime.proc import newproc
    from gort.runtime.type import chantype, inttype

    c = makechan(chantype(inttype, size=8, align=8, s="chan int"), 2)
    newproc(_closure(bgsweep_func, c))
    newproc(_closure(bgscavenge_func, c))
    yield from chanrecv1(c, 0)
    yield from chanrecv1(c, 0)
    enablegc = True


def _closure(f: symtab._func, c: int) -> int:
    """A funcval {fn, c}: `go bgsweep(c)` compiles to a closure over c."""
    from gort.runtime.malloc import mallocgc
    from gort.runtime.unsafe import U64

    fv = mallocgc(16, None, True)
    U64[fv >> 3] = f.entry
    U64[(fv + 8) >> 3] = c
    return fv


def _send1(c: int) -> Generator[Any, Any, None]:
    from gort.runtime.chan import chansend1
    from gort.runtime.malloc import mallocgc
    from gort.runtime.unsafe import U64

    tmp = mallocgc(8, None, True)
    U64[tmp >> 3] = 1
    yield from chansend1(c, tmp)


# go: runtime/mgcsweep.go bgsweep
def bgsweep(c: int) -> Generator[Any, Any, None]:
    """Goroutine 3: sweep spans in the background after each GC cycle."""
    from gort.runtime.proc import goparkunlock
    from gort.runtime.runtime2 import waitReasonGCSweepWait
    from gort.runtime.stubs import getg

    sweep.g = getg()
    lock(sweep.lock)
    sweep.parked = True
    yield from _send1(c)
    yield goparkunlock(sweep.lock, waitReasonGCSweepWait)
    while True:
        # Woken by a finished GC cycle: sweep everything, then park again.
        lock(sweep.lock)
        sweep.parked = True
        yield goparkunlock(sweep.lock, waitReasonGCSweepWait)


# go: runtime/mgcscavenge.go bgscavenge
def bgscavenge(c: int) -> Generator[Any, Any, None]:
    """Goroutine 4: return unused heap memory to the OS in the background."""
    from gort.runtime.proc import goparkunlock
    from gort.runtime.runtime2 import waitReasonGCScavengeWait
    from gort.runtime.stubs import getg

    scavenger.g = getg()
    yield from _send1(c)
    while True:
        lock(scavenger.lock)
        scavenger.parked = True
        yield goparkunlock(scavenger.lock, waitReasonGCScavengeWait)


def _ctxarg(gp: Any, ctx: int) -> int:
    from gort.runtime.unsafe import U64

    return int(U64[(ctx + 8) >> 3])


bgsweep_func = symtab._func("runtime.bgsweep", fn=lambda gp, ctx: bgsweep(_ctxarg(gp, ctx)))
bgscavenge_func = symtab._func("runtime.bgscavenge", fn=lambda gp, ctx: bgscavenge(_ctxarg(gp, ctx)))
symtab.addfunc(bgsweep_func)
symtab.addfunc(bgscavenge_func)


class gcTrigger:
    __slots__ = ("kind", "now", "n")

    def __init__(self, kind: int, now: int = 0, n: int = 0) -> None:
        self.kind = kind
        self.now = now
        self.n = n


gcTriggerHeap = 0
gcTriggerTime = 1
gcTriggerCycle = 2


# go: runtime/mgc.go gcStart
def gcStart(trigger: gcTrigger) -> Generator[Any, Any, None]:
    """Start a GC cycle. Marking arrives with the GC issue; a forced cycle is counted."""
    global numForcedGC
    if trigger.kind == gcTriggerTime:
        numForcedGC += 1
    return
    yield
