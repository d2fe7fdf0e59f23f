"""Synchronous preemption at safepoints, and stack growth requests (preempt.go, stack.go morestack).

Generated code reaches the scheduler at two kinds of safepoints
(docs/design/0001 and 0002):

  * function entry, in a function with a Go stack frame:

        _sp = gp.sp - SIZE
        if _sp < gp.stackguard0: _sp = yield from morestackg(gp, SIZE)   # generator
        if _sp < gp.stackguard0: _sp = morestack(gp, SIZE)               # plain function

    stackguard0 is stack.lo + 928 normally, or stackPreempt (a huge value,
    so the comparison is always true) when sysmon or a stop-the-world asks
    the goroutine to yield: one comparison serves both, as in gc's
    prologues;

  * function entry without a frame, and loop back-edges:

        if gp.preempt: yield from gopreempt(gp)      # generator
        if gp.preempt: gopreemptPlain(gp)            # plain function

What happens there (newstack's preemption branch, then gopreempt_m):
  1. If the M cannot be preempted now (it holds runtime locks, is
     allocating, has preemptoff set, or its P is not running), the request
     is deferred: stackguard0 is restored and gp.preempt stays set, so the
     next safepoint tries again.
  2. A generator yields `gopreempt_m` (mcall): the G goes to the global run
     queue (or its P's runnext, if the world is stopping) and the M
     schedules another G.
  3. A plain function cannot yield. It runs due timers, and if any other G
     is waiting (its P's queue, the global queue) or the world is stopping,
     it parks its thread (proc.plainPark): the G is queued as runnable,
     locked to this M, and the M gives its P away until the G's turn comes.
     Otherwise it just starts a new time slice.
  4. Otherwise (a real stack overflow), `stack.newstack` doubles the stack
     by copying, and the prologue's stack pointer is recomputed.

Invariants: the G is _Grunning with its P at every safepoint; a safepoint
never runs inside the runtime (runtime code has no polls); plainPark
returns with the G running again on the same M.

Differences from Go: no asynchronous preemption by signal (a loop with no
function calls in it is preempted at its back-edge poll); a plain
function's "preemption" keeps its OS thread (see 0002 for why).
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from gort.runtime import param, proc
from gort.runtime.panic import throw
from gort.runtime.runtime2 import _Prunning, g, m, sched
from gort.runtime.stubs import systemstack

stackPreempt = param.stackPreempt


# go: runtime/preempt.go canPreemptM
def canPreemptM(mp: m) -> bool:
    """Whether the G running on mp may be stopped at a safepoint now."""
    pp = mp.p
    return mp.locks == 0 and mp.mallocing == 0 and mp.preemptoff == "" and pp is not None and pp.status == _Prunning


# go: runtime/stack.go morestack (generators)
def morestackg(gp: g, framesize: int) -> Generator[Any, Any, int]:
    """The prologue's slow path in a generator: preempt or grow. Returns the new sp."""
    from gort.runtime.stack import newstack

    while True:
        if gp.stackguard0 == stackPreempt:
            if gp.throwsplit:
                throw("runtime: stack split at bad time")
            if canPreemptM(gp.m):  # type: ignore[arg-type]
                # Act like goroutine called runtime.Gosched.
                yield proc.gopreempt_m
            else:
                # Let the goroutine keep running for now. gp.preempt is
                # set, so it will be preempted next time.
                gp.stackguard0 = gp.stack.lo + param.stackGuard
            sp = gp.sp - framesize
            if sp >= gp.stackguard0:
                return sp
            continue
        newstack(gp, framesize)
        return gp.sp - framesize


# go: runtime/stack.go morestack (plain functions)
def morestack(gp: g, framesize: int) -> int:
    """The prologue's slow path in a plain function: preempt (parking the thread
    if others wait) or grow. Returns the new sp."""
    from gort.runtime.stack import newstack

    while True:
        if gp.stackguard0 == stackPreempt:
            if gp.throwsplit:
                throw("runtime: stack split at bad time")
            gopreemptPlain(gp)
            sp = gp.sp - framesize
            if sp >= gp.stackguard0:
                return sp
            continue
        newstack(gp, framesize)
        return gp.sp - framesize


# go: runtime/proc.go gopreempt_m (the generated-code side)
def gopreempt(gp: g) -> Generator[Any, Any, None]:
    """Generated code, when gp.preempt is set: yield to the scheduler if allowed."""
    if canPreemptM(gp.m):  # type: ignore[arg-type]
        yield proc.gopreempt_m


def gopreemptPlain(gp: g) -> None:
    """A plain function's safepoint with a preemption request (never yields).

    Runs the P's due timers; if another G is waiting or the world is
    stopping, parks this thread until gp's turn comes again (proc.plainPark);
    otherwise gp just gets a new time slice."""
    mp = gp.m
    if mp is None or not canPreemptM(mp):
        # Let the goroutine keep running for now; gp.preempt stays set.
        gp.stackguard0 = gp.stack.lo + param.stackGuard
        return
    gp.preempt = False
    gp.stackguard0 = gp.stack.lo + param.stackGuard
    pp = mp.p
    if pp.timers is not None and pp.timers.wakeTime() != 0:  # type: ignore[union-attr]
        systemstack(pp.timers.check, 0)  # type: ignore[union-attr]
    if sched.gcwaiting.v or not proc.runqempty(pp) or sched.runq.size != 0:  # type: ignore[arg-type]
        proc.plainPark(gp)
    else:
        # Nobody else wants the P: a new time slice, as schedule would give.
        pp.schedtick += 1  # type: ignore[union-attr]
