"""Coroutines: runtime/coro.go, what iter.Pull runs on.

A coroutine is a goroutine that never sits in a run queue: `coroswitch`
hands the running M straight from the calling G to the coroutine's G and
parks the caller in its place, so exactly one of the two runs at a time.
`newcoro(f)` makes the G (parked, waiting reason "coroutine") that will run
f(c); when f returns, `coroexit` destroys that G and switches back to
whoever switched in last.

    c := newcoro(f)   // c.gp = the new, parked G running corostart
    coroswitch(c)     // caller parks in c.gp; the coroutine runs
    ...               // inside f: coroswitch(c) hands back the same way

Differences from Go: the coro struct lives in Python (iter sees only its
address, an object of Go memory it never reads), and a thread locked with
LockOSThread is not carried across the switch (Go checks that both sides
agree on it).
"""

from __future__ import annotations

import sys
from collections.abc import Generator
from typing import Any

from gort.runtime import symtab
from gort.runtime.panic import GoexitUnwind, GoPanic, fatalpanic
from gort.runtime.runtime2 import _Grunnable, _Grunning, _Gwaiting, g, waitReasonCoroutine
from gort.runtime.stubs import _tls, systemstack
from gort.runtime.unsafe import U64


class coro:
    """runtime.coro: the G that runs next when someone switches to it."""

    __slots__ = ("gp", "f", "addr")

    def __init__(self, f: int) -> None:
        self.gp: g | None = None  # the G parked on this coro, to switch to
        self.f = f  # func(*coro), the coroutine's body
        self.addr = 0  # the *coro iter holds


coros: dict[int, coro] = {}  # *coro → coro


# go: runtime/coro.go newcoro
def newcoro(f: int) -> int:
    """Create a coroutine that will run f(c), parked until the first switch to it."""
    from gort.runtime.malloc import mallocgc
    from gort.runtime.proc import callerpc, newproc1

    c = coro(f)
    c.addr = mallocgc(16, None, True)
    gp = _tls.g
    pc, pos = callerpc(sys._getframe(1))
    newg: g = systemstack(newproc1, symtab.funcval(corostart_func), gp, pc, True, waitReasonCoroutine)
    newg.gopcpos = pos
    newg.coroarg = c
    c.gp = newg
    coros[c.addr] = c
    return c.addr


# go: runtime/coro.go corostart
def corostart(gp: g, ctx: int) -> Generator[Any, Any, None]:
    """The bottom of a coroutine's G: run c.f(c), then coroexit.

    (The call and its two handlers are proc.goentry's; goentry keeps its
    own copy rather than a shared helper generator, which would add a
    frame to every goroutine switch.)"""
    c: coro = gp.coroarg
    gp.coroarg = None
    try:
        r = symtab.FUNCTAB[U64[c.f >> 3]](gp, c.f, c.addr)  # type: ignore[misc]
        if r is not None and hasattr(r, "send"):
            yield from r
    except GoPanic as e:
        yield from fatalpanic(gp, e)
    except GoexitUnwind:
        pass
    yield from coroexit(gp, c)


corostart_func = symtab._func("runtime.corostart", fn=corostart)
symtab.addfunc(corostart_func)


# go: runtime/coro.go coroexit
def coroexit(gp: g, c: coro) -> Generator[Any, Any, None]:
    """(Nothing may follow the yield: gdestroy resumes the dead G's
    generator once so that it returns rather than being closed.)"""
    gp.coroarg = c
    gp.coroexit = True
    yield coroswitch_m


# go: runtime/coro.go coroswitch
def coroswitch(gp: g, addr: int) -> Generator[Any, Any, None]:
    """Switch to the coroutine c, parking the current G in its place."""
    gp.coroarg = coros[addr]
    yield coroswitch_m


# go: runtime/coro.go coroswitch_m
def coroswitch_m(gp: g) -> Any:
    """On g0: park (or destroy) gp, put it in c.gp, run the G that was there."""
    from gort.runtime.panic import throw
    from gort.runtime.proc import casgstatus, dropg, execute, gdestroy

    c: coro = gp.coroarg
    gp.coroarg = None
    exit = gp.coroexit
    gp.coroexit = False
    if exit:
        gdestroy(gp)
        self = None
    else:
        gp.waitreason = waitReasonCoroutine
        casgstatus(gp, _Grunning, _Gwaiting)
        dropg()
        self = gp
    gnext = c.gp
    if gnext is None:
        throw("coroswitch on exited coro")
    c.gp = self
    casgstatus(gnext, _Gwaiting, _Grunnable)
    return execute(gnext, True)
