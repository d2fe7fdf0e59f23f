"""Natives of Go package time: Sleep, the runtime timers, and the clocks (sleep.go, time.go).

In gc these are runtime functions linknamed into time (runtime/time.go,
timestub.go): time.Sleep parks the goroutine on its own timer; newTimer,
stopTimer and resetTimer manage a time.Timer or time.Ticker whose runtime
part sits after package time's view of it (gort/runtime/time.py explains
the timers); now and runtimeNano read the wall and monotonic clocks.
Natives take the running goroutine `gp` first; f is a funcval address, arg
an interface (tab, data), pointers are addresses.
"""

from __future__ import annotations

import time as _time
from collections.abc import Generator
from typing import Any

from gort.runtime import proc, symtab
from gort.runtime import time as rtime


# go: runtime/time.go timeSleep (time.Sleep)
def F_Sleep(gp: Any, d: int) -> Generator[Any, Any, None]:
    """func Sleep(d Duration): park the goroutine for at least d ns."""
    yield from rtime.timeSleep(d)


# Tracebacks show a sleeping goroutine in time.Sleep, as Go's do (the
# runtime function is linknamed to that name).
symtab.addfunc(symtab._func("time.Sleep", file="time/sleep.go", line=18, fn=F_Sleep, nargs=1))


# go: runtime/time.go newTimer
def F_newTimer(gp: Any, when: int, period: int, f: int, arg: Any, cp: int) -> int:
    """func newTimer(when, period int64, f func(any, uintptr, int64), arg any, cp unsafe.Pointer) *Timer"""
    return rtime.newTimer(when, period, f, arg, cp)


# go: runtime/time.go stopTimer
def F_stopTimer(gp: Any, t: int) -> bool:
    return rtime.stopTimer(t)


# go: runtime/time.go resetTimer
def F_resetTimer(gp: Any, t: int, when: int, period: int) -> bool:
    return rtime.resetTimer(t, when, period)


# go: runtime/timestub.go time_now
def F_now(gp: Any) -> tuple[int, int, int]:
    """func now() (sec int64, nsec int32, mono int64): wall clock since 1970, and nanotime."""
    ns = _time.time_ns()
    return ns // 1_000_000_000, ns % 1_000_000_000, proc.nanotime()


# go: runtime/time.go time_runtimeNow
def F_runtimeNow(gp: Any) -> tuple[int, int, int]:
    return F_now(gp)


# go: runtime/time.go time_runtimeNano
def F_runtimeNano(gp: Any) -> int:
    return proc.nanotime()


# go: runtime/time.go time_runtimeIsBubbled
def F_runtimeIsBubbled(gp: Any) -> bool:
    """No synctest bubbles in gort."""
    return False
