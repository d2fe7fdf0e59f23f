"""Entry and switching: rt0_go, mstart (asm_amd64.s, proc.go mstart0/mstart1).

`rt0_go` is the first Go code to run. Go's version is assembly: it carves
g0's stack out of the OS stack, links g0 and m0, then calls, in order,
check → args → osinit → schedinit → newproc(runtime.main) → mstart.
`mstart` never returns: it becomes the M's scheduler loop.

gort's rt0_go does the same with the same calls, on the process's main
thread, which is m0.

g0 and the "mcall loop" (see proc.py): Go's mcall(fn) switches to g0's
stack at the point saved by mstart1 and calls fn, which never returns. In
gort, `mstart1` keeps that point as a loop: `schedule()` runs a goroutine
until it mcalls and returns the request; the loop runs the request's fn,
which schedules the next goroutine, and so on, forever.

Differences from Go: g0's 64 KiB stack window is mapped for it (gort has no
OS stack to carve it from); there is no TLS setup or CPU feature check —
`setg` keeps g in thread-local storage (stubs.py).
"""

from __future__ import annotations

import os
import sys
from typing import Any, NoReturn

from gort.runtime import param, proc, runtime1
from gort.runtime.os_linux import minit, osinit
from gort.runtime.panic import _write2, throw
from gort.runtime.runtime2 import freeMStack, g0, m, m0
from gort.runtime.stubs import getg, setg


# go: runtime/asm_amd64.s rt0_go
def rt0_go(argv: list[str]) -> NoReturn:
    """Start the runtime on the main thread and run the program. Never returns."""
    from gort.runtime.mem_linux import sysAllocOS

    # g0's stack: Go uses the 64 KiB below the entry SP.
    lo = sysAllocOS(param.g0StackSize)
    g0.stack.lo = lo
    g0.stack.hi = lo + param.g0StackSize
    g0.stackguard0 = g0.stack.lo + param.stackGuard
    g0.stackguard1 = g0.stackguard0
    g0.sp = g0.stack.hi
    proc.newM0()  # g0.m = &m0, m0.g0 = &g0, TLS g = &g0

    runtime1.check()
    runtime1.args(len(argv), argv)
    osinit()
    proc.schedinit()

    # Create a new goroutine to start the program.
    proc.newproc(proc.mainPC())

    # Start this M.
    mstart()
    abort()


def abort() -> NoReturn:
    """runtime·abort: crash. Reached only if mstart returns."""
    _write2("fatal error: mstart returned\n")
    os._exit(2)


# go: runtime/asm_amd64.s mstart
def mstart() -> None:
    mstart0()


# go: runtime/proc.go mstart0
def mstart0() -> None:
    gp = getg()
    if gp.stack.lo == 0:
        throw("mstart0: g0 has no stack")
    # Initialize stack guard so that we can start calling regular Go code.
    gp.stackguard0 = gp.stack.lo + param.stackGuard
    gp.stackguard1 = gp.stackguard0
    mstart1()
    # Exit this thread: mstart1 returns only when a G locked to this M
    # exited (goexit0), taking the thread with it.
    proc.mexit()


# go: runtime/proc.go mstart1
def mstart1() -> None:
    """The M's life on g0: its start function, its P, then the mcall loop."""
    gp = getg()
    if gp is not gp.m.g0:
        throw("bad runtime·mstart")
    minit()
    if gp.m is m0:
        mstartm0()
    if gp.m.mstartfn is not None:
        gp.m.mstartfn()
    if gp.m is not m0:
        proc.acquirep(gp.m.nextp)
        gp.m.nextp = None
    req = proc.schedule()
    # mcall's return point: run what the goroutine asked of g0, on that G
    # (still the M's curg). None means the M must exit (its locked G exited).
    mp = gp.m
    while req is not None:
        req = req(mp.curg)


# go: runtime/proc.go mstartm0
def mstartm0() -> None:
    """m0's extra set-up: install the signal handlers (initsig)."""
    from gort.runtime.signal_unix import initsig

    initsig(False)


def mstart_thread(mp: m) -> None:
    """The body of a new M's OS thread (newosproc's start routine)."""
    setg(mp.g0)
    try:
        mstart()
    except SystemExit:
        raise
    except BaseException:
        internalError()
    # exitThread: the thread is done with its g0 stack.
    mp.freeWait = freeMStack


def internalError() -> NoReturn:
    """A Python exception escaped gort's runtime: a bug in gort, not the program."""
    _write2("fatal error: gort internal error\n\n")
    import traceback as pytraceback  # (only here: a start-up without it is 2 ms shorter)

    _write2("".join(pytraceback.format_exception(*sys.exc_info())))
    os._exit(2)


def run(argv: list[str]) -> NoReturn:
    """Enter rt0_go on the main thread, turning stray Python errors into fatal errors."""
    setg(g0)  # rt0_go runs on g0 (its TLS is set before any Go code runs)
    try:
        rt0_go(argv)
    except SystemExit:
        raise
    except BaseException:
        internalError()


_: Any = None
