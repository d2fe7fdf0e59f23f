"""Goroutine tracebacks and dumps (traceback.go).

Go unwinds a goroutine's stack with the PC tables the linker writes. gort's
goroutines run as Python frames, so a traceback walks those frames and maps
each compiled function's code object to its Go function (`symtab.byCode`),
and each Python line to its Go line (`_func.pyline2go`):

  * a parked goroutine: its generator chain, from `sched.coro` through
    `gi_yieldfrom`, outermost first (printed innermost first, as Go does);
  * a panicking goroutine: the frames of the panic's Python traceback.

Runtime frames (functions named runtime.*) are shown only with
GOTRACEBACK=system, as in Go.

The output has Go's shape:

    goroutine 1 [chan receive]:
    main.main()
    	/path/prog.go:6
    created by main.main in goroutine 1
    	/path/prog.go:5

Differences from Go: no "+0x…" PC offsets (a Python frame has no PC
relative to its function's entry), and arguments are shown as "(...)"
rather than as register words.
"""

from __future__ import annotations

import os
from types import FrameType, TracebackType
from typing import Any

from gort.runtime import symtab
from gort.runtime.panic import _write2
from gort.runtime.runtime2 import (
    _Gdead,
    _Gscan,
    _Gsyscall,
    _Gwaiting,
    allgs,
    gStatusStrings,
    waitReasonString,
    waitReasonZero,
)


def gotraceback() -> tuple[int, bool, bool]:
    """(level, all, crash) from GOTRACEBACK: none=0, single=1, all=1+all, system=2, crash=2+crash."""
    from gort.runtime.runtime1 import gogetenv

    s = gogetenv("GOTRACEBACK")
    if s == "none" or s == "0":
        return 0, False, False
    if s == "all" or s == "1":
        return 1, True, False
    if s == "system" or s == "2":
        return 2, True, False
    if s == "crash":
        return 2, True, True
    return 1, False, False


def goroutineheader(gp: Any) -> str:
    from gort.runtime import proc

    status_ = gp.atomicstatus
    isScan = status_ & _Gscan != 0
    status_ &= ~_Gscan
    status = gStatusStrings.get(status_, "???")
    if status_ == _Gwaiting and gp.waitreason != waitReasonZero:
        status = waitReasonString(gp.waitreason)
    waitfor = 0
    if status_ in (_Gwaiting, _Gsyscall) and gp.waitsince != 0:
        waitfor = (proc.nanotime() - gp.waitsince) // 60_000_000_000
    s = f"goroutine {gp.goid} [{status}"
    if isScan:
        s += " (scan)"
    if waitfor >= 1:
        s += f", {waitfor} minutes"
    if gp.lockedm is not None:
        s += ", locked to thread"
    return s + "]:\n"


def _frame_line(code: Any, lineno: int) -> tuple[symtab._func | None, int]:
    f = symtab.byCode.get(code)
    if f is None:
        return None, 0
    return f, f.pyline2go.get(lineno, f.line)


def _format_frames(frames: list[tuple[Any, int]], level: int) -> str:
    """frames: (code, python line), innermost first."""
    out = []
    for code, lineno in frames:
        f, line = _frame_line(code, lineno)
        if f is None:
            continue
        if f.name.startswith("runtime.") and level < 2:
            continue
        args = "(...)" if f.nargs else "()"
        out.append(f"{f.name}{args}\n\t{f.file}:{line}\n")
    return "".join(out)


def _gen_frames(coro: Any) -> list[tuple[Any, int]]:
    """Frames of a suspended generator chain, innermost first."""
    frames: list[tuple[Any, int]] = []
    g = coro
    while g is not None:
        fr = getattr(g, "gi_frame", None) or getattr(g, "cr_frame", None)
        if fr is not None:
            frames.append((fr.f_code, fr.f_lineno))
        g = getattr(g, "gi_yieldfrom", None)
    frames.reverse()
    return frames


def _tb_frames(tb: TracebackType | None) -> list[tuple[Any, int]]:
    frames: list[tuple[Any, int]] = []
    seen: list[Any] = []
    while tb is not None:
        # A frame that re-raises after running its deferred calls appears
        # twice in a row; Go's traceback shows it once, at the panic's line.
        if seen and seen[-1] is tb.tb_frame:
            frames[-1] = (tb.tb_frame.f_code, tb.tb_lineno)
        else:
            frames.append((tb.tb_frame.f_code, tb.tb_lineno))
            seen.append(tb.tb_frame)
        tb = tb.tb_next
    frames.reverse()
    return frames


def _live_frames(frame: FrameType | None) -> list[tuple[Any, int]]:
    frames: list[tuple[Any, int]] = []
    while frame is not None:
        frames.append((frame.f_code, frame.f_lineno))
        frame = frame.f_back
    return frames


def createdby(gp: Any, level: int) -> str:
    f = symtab.findfunc(gp.gopc)
    if f is None or gp.goid == 1:
        return ""
    if f.name.startswith("runtime.") and level < 2:
        return ""
    s = f"created by {f.name}"
    if gp.parentGoid != 0:
        s += f" in goroutine {gp.parentGoid}"
    return s + f"\n\t{f.file}:{gp.gopcline}\n"


def traceback_g(gp: Any, level: int, frames: list[tuple[Any, int]] | None = None) -> str:
    if frames is None:
        frames = _gen_frames(gp.sched.coro) if gp.sched.coro is not None else []
    return goroutineheader(gp) + _format_frames(frames, level) + createdby(gp, level)


def isSystemVisible(gp: Any, level: int) -> bool:
    from gort.runtime.proc import isSystemGoroutine

    return level >= 2 or not isSystemGoroutine(gp)


def tracebackothers(me: Any, level: int) -> str:
    out = []
    for gp in list(allgs):
        if gp is me or gp.atomicstatus == _Gdead:
            continue
        if not isSystemVisible(gp, level):
            continue
        out.append("\n" + traceback_g(gp, level))
    return "".join(out)


def printPanicTrace(gp: Any, p: Any) -> None:
    """The traceback after an unrecovered panic's message (dopanic_m)."""
    level, all_, _ = gotraceback()
    if level == 0:
        return
    frames = _tb_frames(p.__traceback__)
    text = "\n" + goroutineheader_running(gp) + _format_frames(frames, level) + createdby(gp, level)
    if all_:
        text += tracebackothers(gp, level)
    _write2(text)


def goroutineheader_running(gp: Any) -> str:
    return f"goroutine {gp.goid} [running]:\n"


def dump(reason: str) -> None:
    """Goroutine dump after throw/fatal (fatalthrow / fatalpanic's dopanic_m)."""
    from gort.runtime.stubs import getg

    level, all_, _ = gotraceback()
    if level == 0:
        return
    try:
        me = getg()
    except AttributeError:
        me = None
    cur = me.m.curg if me is not None and me.m is not None else None
    text = ""
    if cur is not None:
        import sys

        frames = _live_frames(sys._getframe(2))
        text += "\n" + goroutineheader_running(cur) + _format_frames(frames, max(level, 2 if reason == "throw" else level))
    if reason == "fatal" or all_ or reason == "throw":
        text += tracebackothers(cur, level)
    _write2(text)


def _install() -> None:
    from gort.runtime import panic

    panic.dumpHook = dump


_install()
_ = os
