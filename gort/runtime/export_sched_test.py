"""The scheduler's test seam (Go's export_test.go, for proc, chan, select, sema, time, netpoll).

Tests and benchmarks reach the scheduler's internals only through here.
Two parts:

  * re-exports of the internals the unit tests exercise (run queues, the
    status machine, park/ready, semaphores, timers), plus `Unit()`, which
    sets up the runtime's memory and a P on the calling thread without
    starting the scheduler, for tests that call these functions directly;
  * support for "hand-compiled" programs: Python written the way the
    compiler will write Go (docs/design/0001), used by the subprocess tests
    under tests/runtime/progs/ and by bench/sched_micro.py until
    `gort run` can compile Go:

        Func(name, fn)          register fn (gp, ctx, ...) as Go function name; its index
        Closure(fid, *words)    a funcval in the heap: fid then the captured words
        Go(fid, *words)         the go statement: newproc(Closure(fid, *words))
        MakeChan(n, t=CHAN_INT) make(chan int, n)
        Slot(v=0)               an 8-byte heap slot (a variable whose address is taken)
        Run(main)               set main.main and boot the runtime (never returns)

Tests run programs in subprocesses: the runtime maps memory at fixed
addresses and ends the process with exit_group.

Differences from Go: Go's export_test.go exposes functions such as
RunqputSteal; this seam exposes the functions themselves.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, NoReturn

from gort.runtime import asm, chan, proc, runtime2, select, sema, symtab
from gort.runtime import time as rtime
from gort.runtime.chan import (
    chanrecv,
    chanrecv1,
    chanrecv2,
    chansend,
    chansend1,
    closechan,
    makechan,
)
from gort.runtime.lock import lock, unlock
from gort.runtime.malloc import mallocgc
from gort.runtime.preempt import gopreempt, gopreemptPlain, morestack, morestackg
from gort.runtime.proc import (
    Gosched,
    casgstatus,
    gcount,
    globrunqget,
    globrunqgetbatch,
    globrunqput,
    gopark,
    goready,
    newproc,
    runqempty,
    runqget,
    runqgrab,
    runqput,
    runqputbatch,
    runqsteal,
)
from gort.runtime.runtime2 import (
    _Gdead,
    _Gidle,
    _Grunnable,
    _Grunning,
    _Gsyscall,
    _Gwaiting,
    g,
    gQueue,
    p,
    sched,
)
from gort.runtime.select import block, selectgo
from gort.runtime.stubs import systemstack
from gort.runtime.type import chantype, inttype
from gort.runtime.unsafe import I64, U64

__all__ = [
    "CHAN_INT",
    "Closure",
    "Func",
    "Go",
    "Gosched",
    "MakeChan",
    "NewG",
    "NewP",
    "Run",
    "Slot",
    "Unit",
    "_Gdead",
    "_Gidle",
    "_Grunnable",
    "_Grunning",
    "_Gsyscall",
    "_Gwaiting",
    "asm",
    "block",
    "casgstatus",
    "chan",
    "chanrecv",
    "chanrecv1",
    "chanrecv2",
    "chansend",
    "chansend1",
    "closechan",
    "g",
    "gQueue",
    "gcount",
    "globrunqget",
    "globrunqgetbatch",
    "globrunqput",
    "gopark",
    "gopreempt",
    "gopreemptPlain",
    "goready",
    "makechan",
    "morestack",
    "morestackg",
    "newproc",
    "p",
    "proc",
    "rtime",
    "runqempty",
    "runqget",
    "runqgrab",
    "runqput",
    "runqputbatch",
    "runqsteal",
    "runtime2",
    "sched",
    "select",
    "selectgo",
    "sema",
]

CHAN_INT = chantype(inttype, size=8, align=8, s="chan int")


def Func(name: str, fn: Callable[..., Any], nargs: int = 0, file: str = "", line: int = 0) -> int:
    """Register fn as the compiled function `name`; return its index (its PC)."""
    f = symtab._func(name, file=file or "prog.go", line=line, fn=fn, nargs=nargs)
    return symtab.addfunc(f)


def Closure(fid: int, *words: int) -> int:
    """A funcval in the heap: the function's index, then the captured words."""
    fv = mallocgc(8 * (1 + len(words)), None, True)
    U64[fv >> 3] = fid
    for i, w in enumerate(words):
        U64[(fv >> 3) + 1 + i] = w
    return fv


def Go(fid: int, *words: int) -> None:
    """go f(...): start a goroutine running the closure of fid over words."""
    newproc(Closure(fid, *words))


def MakeChan(n: int, t: chantype = CHAN_INT) -> int:
    return makechan(t, n)


def Slot(v: int = 0) -> int:
    """An 8-byte heap slot holding v (what escape analysis gives `&x`)."""
    a = mallocgc(8, None, True)
    I64[a >> 3] = v
    return a


def Run(main: Callable[..., Any], argv: list[str] | None = None, file: str = "", line: int = 0) -> NoReturn:
    """Make main the program's main.main (at file:line) and boot the runtime. Never returns."""
    Func("main.main", main, 0, file, line)
    proc.main_main = main
    asm.run(argv if argv is not None else sys.argv[:1])


_unitDone = False


def Unit(nprocs: int = 4) -> p:
    """Set up memory, m0/g0 and nprocs Ps on this thread without starting the
    scheduler (for tests of the queues, status machine and semaphores).
    Returns the P that m0 holds. Once per process."""
    global _unitDone
    from gort.runtime import export_test

    if not _unitDone:
        _unitDone = True
        export_test.InitHeap()
        proc.newM0()
        lock(sched.lock)
        proc.procresize(nprocs)
        unlock(sched.lock)
    pp = runtime2.m0.p
    assert pp is not None
    return pp


def NewG() -> g:
    """A fresh G in _Gdead with a stack, as newproc1 makes them (not queued)."""
    gp: g = systemstack(proc.malg, 2048)
    proc.casgstatus(gp, _Gidle, _Gdead)
    proc.allgadd(gp)
    return gp


def NewP(id: int = 99) -> p:
    """A P outside allp (for run-queue tests)."""
    pp = proc.newP()
    pp.id = id
    return pp


_ = (sema, rtime, select, chan, chanrecv1, chanrecv2, chansend, chansend1, closechan, gopark, gopreempt,
     gopreemptPlain, morestack, morestackg, goready, Gosched, casgstatus, gcount, globrunqget,
     globrunqgetbatch, globrunqput, runqempty, runqget, runqgrab, runqput, runqputbatch, runqsteal,
     selectgo, block, gQueue, _Grunnable, _Grunning, _Gsyscall, _Gwaiting)
