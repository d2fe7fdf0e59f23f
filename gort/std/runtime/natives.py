"""Python natives of Go package runtime: the memory statistics (mstats.go).

Natives take the running goroutine `gp` first, then the Go arguments as
docs/design/0001 represents them (a pointer is an int address). The Go
declarations they implement are in mstats.go beside this file.
"""

from __future__ import annotations

from types import FrameType
from typing import Any

from gort.runtime import mstats


def _stopTheWorld() -> Any:
    """Stop the world if the scheduler can (proc.stopTheWorld), else do nothing."""
    from gort.runtime import proc

    stw = getattr(proc, "stopTheWorld", None)
    return stw("read mem stats") if stw is not None else None


def _startTheWorld(w: Any) -> None:
    from gort.runtime import proc

    start = getattr(proc, "startTheWorld", None)
    if start is not None and w is not None:
        start(w)


# go: runtime/mstats.go ReadMemStats
def F_ReadMemStats(gp: Any, m: int) -> None:
    """func ReadMemStats(m *MemStats): fill *m with the allocator's statistics."""
    w = _stopTheWorld()
    try:
        mstats.readmemstats_m(m)
    finally:
        _startTheWorld(w)


ReadMemStats = F_ReadMemStats


# --- extern.go: versions, callers, goroutine control -------------------------------------
# A program counter, for gort, names a compiled function and a Go line:
# pc = funcidx << 24 | line (Differences from Go: no machine code, so no
# instruction addresses; the encoding keeps pcs unique and nonzero).

_PCSHIFT = 24


def F_Version(gp: Any) -> tuple[int, int]:
    from gort import GOVERSION
    from gort.runtime.string import makestring

    return makestring(GOVERSION)


def F_GOROOT(gp: Any) -> tuple[int, int]:
    from gort.runtime.runtime1 import gogetenv
    from gort.runtime.string import makestring

    r = gogetenv("GOROOT")
    if not r:
        from gort.cmd.gort.build import goroot

        r = goroot()
    return makestring(r)


def _goframes(skip: int) -> list[tuple[Any, int]]:
    """(_func, Go line) of the calling goroutine's Go frames, innermost first,
    as Go's unwinder lists them: the compiler's wrappers (a go statement's
    gowrap, a method value's -fm) left out, runtime.main under the main
    goroutine's frames, and runtime.goexit at the bottom of every goroutine."""
    import sys

    from gort.runtime import proc, symtab

    out = []
    mainCode = proc.main.__code__
    entryCode = proc.goentry.__code__
    f: FrameType | None = sys._getframe(2)
    while f is not None:
        code = f.f_code
        if code is mainCode:
            out.append((proc.runtime_main_func, proc.runtime_main_func.line))
            break
        if code is entryCode:
            break
        fn = symtab.byCode.get(code)
        if fn is not None and fn.funcID != symtab.FuncIDWrapper:
            out.append((fn, fn.pyline2go.get(f.f_lineno, fn.line)))
        f = f.f_back
    out.append((_goexitFunc(), 0))
    return out[skip:]


_goexit: Any = None


def _goexitFunc() -> Any:
    """runtime.goexit, the return address at the bottom of every goroutine's
    stack (asm_amd64.s): gort's goroutines start in proc.goentry instead."""
    global _goexit
    if _goexit is None:
        from gort.runtime import symtab

        _goexit = symtab._func("runtime.goexit")
        symtab.addfunc(_goexit)
    return _goexit


def F_Caller(gp: Any, skip: int) -> tuple[int, tuple[int, int], int, bool]:
    from gort.runtime.string import makestring

    frames = _goframes(skip)
    if not frames:
        return 0, (0, 0), 0, False
    fn, line = frames[0]
    return (fn.entry << _PCSHIFT) | line, makestring(fn.file), line, True


def F_Callers(gp: Any, skip: int, pc: tuple[int, int, int]) -> int:
    from gort.runtime.unsafe import U64

    frames = _goframes(max(skip - 1, 0))
    n = min(len(frames), pc[1])
    for i in range(n):
        fn, line = frames[i]
        U64[(pc[0] >> 3) + i] = (fn.entry << _PCSHIFT) | line
    return n


def F_funcEntry(gp: Any, pc: int) -> int:
    from gort.runtime import symtab

    idx = pc >> _PCSHIFT
    if symtab.findfunc(idx) is None:
        return 0
    return idx << _PCSHIFT


def F_funcName(gp: Any, entry: int) -> tuple[int, int]:
    from gort.runtime import symtab
    from gort.runtime.string import makestring

    f = symtab.findfunc(entry >> _PCSHIFT)
    return makestring(f.name if f is not None else "")


def F_funcFileLine(gp: Any, entry: int, pc: int) -> tuple[tuple[int, int], int]:
    from gort.runtime import symtab
    from gort.runtime.string import makestring

    f = symtab.findfunc(entry >> _PCSHIFT)
    if f is None:
        return (0, 0), 0
    line = pc & ((1 << _PCSHIFT) - 1)
    return makestring(f.file), line or f.line


def F_Stack(gp: Any, buf: tuple[int, int, int], all: bool) -> int:
    from gort.runtime import traceback
    from gort.runtime.unsafe import U8

    text = traceback.goroutineheader_running(gp)
    frames = [(fn.code, 0) for fn, _ in _goframes(0)]
    text += "".join(f"{fn.name}(...)\n\t{fn.file}:{line}\n" for fn, line in _goframes(0))
    _ = frames
    if all:
        text += traceback.tracebackothers(gp, 1)
    b = text.encode()[: buf[1]]
    U8[buf[0] : buf[0] + len(b)] = b
    return len(b)


def F_SetFinalizer(gp: Any, obj: tuple[int, int], finalizer: tuple[int, int]) -> None:
    """Finalizers run when the GC frees obj; gort's GC does not free yet, so none run."""
    from gort.runtime.panic import throw

    if obj[0] == 0:
        throw("runtime.SetFinalizer: first argument is nil")


def F_Gosched(gp: Any) -> Any:
    from gort.runtime.proc import Gosched

    yield from Gosched()


def F_Goexit(gp: Any) -> None:
    from gort.runtime.panic import GoexitUnwind

    raise GoexitUnwind()


def F_GOMAXPROCS(gp: Any, n: int) -> int:
    """Set the number of Ps if n > 0 (stopping the world); return the previous number."""
    from gort.runtime import proc

    return proc.GOMAXPROCS(n)


def F_NumCPU(gp: Any) -> int:
    from gort.runtime import proc

    return proc.ncpu


def F_NumGoroutine(gp: Any) -> int:
    """The goroutines that exist, without the runtime's own (proc.go gcount)."""
    from gort.runtime import proc

    return proc.gcount(False)


def F_GC(gp: Any) -> Any:
    from gort.runtime import mgc

    yield from mgc.gcStart(mgc.gcTrigger(mgc.gcTriggerCycle))


def F_LockOSThread(gp: Any) -> None:
    """Wire the goroutine to its OS thread (proc.go LockOSThread)."""
    from gort.runtime import proc

    proc.LockOSThread()


def F_UnlockOSThread(gp: Any) -> None:
    from gort.runtime import proc

    proc.UnlockOSThread()


def F_Breakpoint(gp: Any) -> None:
    import os
    import signal

    os.kill(os.getpid(), signal.SIGTRAP)
