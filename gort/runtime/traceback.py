"""Goroutine tracebacks and dumps (traceback.go).

Go unwinds a goroutine's stack with the PC tables the linker writes. gort's
goroutines run as Python frames, so a traceback walks those frames and maps
each compiled function's code object to its Go function (`symtab.byCode`),
and each Python line to its Go line (`_func.pyline2go`):

  * a parked goroutine: its generator chain, from `sched.coro` through
    `gi_yieldfrom`, outermost first (printed innermost first, as Go does);
  * a goroutine stopped in plain code (a system call, or a plain
    function's safepoint, see preempt.py): the live frames from
    `gp.pyframes` up to the M's `gogo`;
  * a panicking goroutine: the frames of the panic's Python traceback;
  * the goroutine calling throw: the live frames of its thread.

GOTRACEBACK chooses how much (Go's levels): none (0) prints no goroutine;
single (1, the default) the failing goroutine, or every user goroutine for
a fatal error found on the scheduler (deadlock); all (1 + all) every user
goroutine; system (2) runtime frames, runtime goroutines, and the g and m
of each header; crash (2 + crash) as system, then the process aborts
(SIGABRT) instead of exiting 2.

The output has Go's shape:

    goroutine 1 [chan receive]:
    main.main()
            /path/prog.go:6                      (a tab before the path)
    created by main.main in goroutine 1
            /path/prog.go:5

Differences from Go: no "+0x…" PC offsets and no fp/sp/pc (a Python frame
has no PC relative to its function's entry), and arguments are shown as
"(...)" rather than as register words. Runtime frames (GOTRACEBACK=system)
name gort's Python function and its file under gort/runtime/.
"""

from __future__ import annotations

import os
import sys
from types import FrameType, TracebackType
from typing import Any

from gort.runtime import symtab
from gort.runtime.panic import _write2
from gort.runtime.runtime2 import (
    _Gdead,
    _Grunning,
    _Gscan,
    _Gsyscall,
    _Gwaiting,
    allgs,
    gStatusStrings,
    waitReasonString,
    waitReasonZero,
)

_runtimeDir = os.path.dirname(os.path.abspath(__file__))
_gortDir = os.path.dirname(_runtimeDir)


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


# go: runtime/traceback.go goroutineheader
def goroutineheader(gp: Any) -> str:
    from gort.runtime import proc

    level, _, _ = gotraceback()
    gpstatus = gp.atomicstatus
    isScan = gpstatus & _Gscan != 0
    gpstatus &= ~_Gscan  # drop the scan bit
    # Basic string status
    status = gStatusStrings.get(gpstatus, "???")
    # Override.
    if gpstatus == _Gwaiting and gp.waitreason != waitReasonZero:
        status = waitReasonString(gp.waitreason)
    # approx time the G is blocked, in minutes
    waitfor = 0
    if gpstatus in (_Gwaiting, _Gsyscall) and gp.waitsince != 0:
        waitfor = (proc.nanotime() - gp.waitsince) // 60_000_000_000
    s = f"goroutine {gp.goid}"
    mp = gp.m
    if (mp is not None and mp.throwing >= 2 and gp is mp.curg) or level >= 2:
        s += f" gp={gp.addr:#x}"
        if mp is not None:
            s += f" m={mp.id} mp={mp.addr:#x}"
        else:
            s += " m=nil"
    s += f" [{status}"
    if isScan:
        s += " (scan)"
    if waitfor >= 1:
        s += f", {waitfor} minutes"
    if gp.lockedm is not None and not gp.plainLocked:
        s += ", locked to thread"
    return s + "]:\n"


def _frame_line(code: Any, lineno: int, level: int) -> tuple[str, str, int] | None:
    """(Go function name, file, line) of a frame, or None if it is not shown at level."""
    f = symtab.byCode.get(code)
    if f is not None:
        if f.name.startswith("runtime.") and level < 2:
            return None
        return f.name, f.file, f.pyline2go.get(lineno, f.line)
    if level < 2:
        return None
    fn = code.co_filename
    if fn.startswith(_runtimeDir + os.sep) and code.co_name not in _hiddenRuntime:
        rel = os.path.relpath(fn, os.path.dirname(_gortDir))
        return "runtime." + code.co_name, rel, lineno
    return None


# gort's own plumbing, which has no Go counterpart to show.
_hiddenRuntime = {"goentry", "gogo", "systemstack", "wrapper", "gen_wrapper", "<lambda>"}


def _format_frames(frames: list[tuple[Any, int]], level: int) -> str:
    """frames: (code, python line), innermost first."""
    out = []
    for i, (code, lineno) in enumerate(frames):
        fl = _frame_line(code, lineno, level)
        if fl is None:
            continue
        name, file, line = fl
        f = symtab.byCode.get(code)
        if f is not None and (f.funcID == symtab.FuncIDWrapper or not f.file):
            # A wrapper the compiler made (a go statement's gowrap, a method
            # value's), or a native without a source position: Go hides
            # wrappers below GOTRACEBACK=system unless the panic is their
            # own (showfuncinfo, elideWrapperCalling).
            if level < 2 and i > 0:
                continue
            if not f.file:
                # Method wrappers: gc's "<autogenerated>" file. A gowrap has
                # the go statement's call position (_wrapperMeta).
                file, line = "<autogenerated>", 1
        args = "(...)" if f is None or f.nargs else "()"
        out.append(f"{name}{args}\n\t{file}:{line}\n")
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
    """Frames of a traceback, innermost first. A frame that re-raised (to run
    its deferred calls) appears once, at its innermost line."""
    frames: list[tuple[Any, int]] = []
    last: Any = None
    while tb is not None:
        if tb.tb_frame is last:
            frames[-1] = (tb.tb_frame.f_code, tb.tb_lineno)
        else:
            frames.append((tb.tb_frame.f_code, tb.tb_lineno))
        last = tb.tb_frame
        tb = tb.tb_next
    frames.reverse()
    return frames


def _live_frames(frame: FrameType | None) -> list[tuple[Any, int]]:
    """Frames from frame outwards, innermost first, stopping at the M's gogo."""
    from gort.runtime import proc

    stop = proc.gogo.__code__
    frames: list[tuple[Any, int]] = []
    while frame is not None:
        if frame.f_code is stop:
            break
        frames.append((frame.f_code, frame.f_lineno))
        frame = frame.f_back
    return frames


# go: runtime/traceback.go printcreatedby
def createdby(gp: Any, level: int) -> str:
    f = symtab.findfunc(gp.gopc)
    if f is None or gp.goid == 1:
        return ""
    if f.name.startswith("runtime.") and level < 2:
        return ""
    s = f"created by {f.name}"
    if gp.parentGoid != 0:
        s += f" in goroutine {gp.parentGoid}"
    return s + f"\n\t{f.file}:{symtab.goline(gp.gopcpos, f.line)}\n"


def gframes(gp: Any) -> list[tuple[Any, int]]:
    """The frames of a goroutine that is not running on the calling thread."""
    if gp.pyframes is not None:
        return _live_frames(gp.pyframes)
    if gp.sched.coro is not None:
        return _gen_frames(gp.sched.coro)
    return []


def traceback_g(gp: Any, level: int, frames: list[tuple[Any, int]] | None = None) -> str:
    if frames is None:
        frames = gframes(gp)
    return goroutineheader(gp) + _format_frames(frames, level) + createdby(gp, level)


def isSystemVisible(gp: Any, level: int) -> bool:
    from gort.runtime.proc import isSystemGoroutine

    return level >= 2 or not isSystemGoroutine(gp)


# go: runtime/traceback.go tracebackothers
def tracebackothers(me: Any, level: int) -> str:
    """Every goroutine but me (and the dead, and the runtime's below level 2)."""
    from gort.runtime.stubs import getg

    try:
        curm = getg().m
    except AttributeError:
        curm = None
    out = []
    # Show the current goroutine first, if we haven't already.
    curgp = curm.curg if curm is not None else None
    if curgp is not None and curgp is not me:
        out.append("\n" + goroutineheader(curgp) + _format_frames(_live_frames(sys._getframe(1)), level) + createdby(curgp, level))
    for gp in list(allgs):
        if gp is me or gp is curgp or gp.atomicstatus == _Gdead:
            continue
        if not isSystemVisible(gp, level):
            continue
        out.append("\n" + goroutineheader(gp))
        if gp.atomicstatus & ~_Gscan == _Grunning and gp.pyframes is None and gp.m is not curm:
            out.append("\tgoroutine running on other thread; stack unavailable\n" + createdby(gp, level))
        else:
            out.append(_format_frames(gframes(gp), level) + createdby(gp, level))
    return "".join(out)


def printPanicTrace(gp: Any, p: Any) -> None:
    """The traceback after an unrecovered panic's message (dopanic_m)."""
    level, all_, crash = gotraceback()
    if level == 0:
        return
    frames = _tb_frames(p.__traceback__)
    text = "\n" + goroutineheader_running(gp) + _format_frames(frames, level) + createdby(gp, level)
    if all_:
        text += tracebackothers(gp, level)
    _write2(text)
    if crash:
        _crash()


def goroutineheader_running(gp: Any) -> str:
    """goroutineheader for the goroutine that is printing (it is running)."""
    s = goroutineheader(gp)
    if gp.atomicstatus & ~_Gscan != _Grunning:
        s = s[: s.index("[")] + "[running]:\n"
    return s


def dump(reason: str) -> None:
    """Goroutine dump after throw/fatal (fatalthrow → dopanic_m)."""
    from gort.runtime.stubs import getg

    level, all_, crash = gotraceback()
    if level == 0:
        return
    try:
        me = getg()
    except AttributeError:
        me = None
    text = ""
    if me is not None and me.m is not None and me is not me.m.g0:
        # On a user goroutine: its own stack first.
        frames = _live_frames(sys._getframe(2))
        lv = max(level, 2) if reason == "throw" else level
        text += "\n" + goroutineheader_running(me) + _format_frames(frames, lv) + createdby(me, lv)
        if all_:
            text += tracebackothers(me, level)
    else:
        # On the scheduler (g0, e.g. checkdead): every goroutine.
        if level >= 2 or reason == "throw":
            text += "\nruntime stack:\n" + _format_frames(_live_frames(sys._getframe(2)), 2)
        text += tracebackothers(me, level)
    _write2(text)
    if crash:
        _crash()


def _crash() -> None:
    """GOTRACEBACK=crash: die of SIGABRT, as Go's crash does."""
    import signal

    signal.signal(signal.SIGABRT, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGABRT)


def _install() -> None:
    from gort.runtime import panic

    panic.dumpHook = dump


_install()
