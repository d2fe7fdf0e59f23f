"""`gort run --trace-runtime`: one line on stderr per call of a traced function.

Each line is the Go-qualified name of the function, indented two spaces per
call depth, then optional details computed from the arguments:

    runtime.rt0_go
      runtime.check
      ...
      runtime.newproc fn=runtime.main goid=1

How it works: `install()` replaces each traced function, wherever a module
of gort's runtime (or a loaded Go package module) holds a reference to it,
with a wrapper that prints and keeps the depth. Nothing is woven into the
algorithms, and when tracing is off nothing is installed, so it costs
nothing.

Depth: code on an M's g0 counts depth on the g0; a user G counts its own
depth on top of the depth at which the M's `execute` started running it, so
a goroutine that parks on one M and resumes on another keeps its nesting.
The two functions that move between a G and its M's g0 carry the depth
across, through wrappers that `install()` puts in place of them too:
`gogo` records the g0's depth as the M's `traceBase`, and `systemstack`
starts the g0 at the depth of the G that called it.

Differences from Go: Go has no such tracer (the closest are GODEBUG traces
and the execution tracer); this is gort's window onto the seed article's
walk through the runtime.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
import threading
from collections.abc import Callable, Generator
from typing import Any

from gort.runtime import stubs

# Qualified Go name -> details formatter (args, kwargs) -> str.
Details = Callable[..., str]

_installed: dict[str, Any] = {}
enabled = False
stopped = False  # the runtime.exit line is out: no line may follow it (_emitLock)
_emitLock = threading.Lock()  # one trace line at a time
_out_fd = 2


def _depth_g() -> Any:
    try:
        return stubs.getg()
    except AttributeError:
        return None


def _emit(name: str, detail: str) -> None:
    global stopped
    gp = _depth_g()
    depth = 0
    if gp is not None:
        depth = gp.traceDepth
        mp = gp.m
        if mp is not None and mp.g0 is not gp:
            depth += mp.traceBase
    line = "  " * depth + name + (" " + detail if detail else "") + "\n"
    with _emitLock:
        if stopped:  # exit_group has begun: the other Ms print no more
            return
        stopped = name == "runtime.exit"
        os.write(_out_fd, line.encode())


def _inc(delta: int) -> None:
    gp = _depth_g()
    if gp is not None:
        gp.traceDepth += delta


def wrap(name: str, fn: Callable[..., Any], details: Details | None) -> Callable[..., Any]:
    """A tracing wrapper for fn that keeps fn's calling protocol."""
    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def gen_wrapper(*args: Any, **kw: Any) -> Generator[Any, Any, Any]:
            _emit(name, details(*args, **kw) if details else "")
            # The depth belongs to the G running the generator; it may
            # resume on another M, so look the G up again on the way out.
            gp = _depth_g()
            if gp is not None:
                gp.traceDepth += 1
            try:
                return (yield from fn(*args, **kw))
            finally:
                if gp is not None:
                    gp.traceDepth -= 1

        return gen_wrapper

    @functools.wraps(fn)
    def wrapper(*args: Any, **kw: Any) -> Any:
        _emit(name, details(*args, **kw) if details else "")
        gp = _depth_g()
        if gp is not None:
            gp.traceDepth += 1
        try:
            return fn(*args, **kw)
        finally:
            if gp is not None:
                gp.traceDepth -= 1

    return wrapper


def _replace_everywhere(old: Any, new: Any, modules: list[Any]) -> None:
    for mod in modules:
        d = getattr(mod, "__dict__", None)
        if d is None:
            continue
        for k, v in list(d.items()):
            if v is old:
                d[k] = new


def install(table: dict[str, tuple[str, str, Details | None]]) -> None:
    """Trace every function in table: Go name -> (module, attribute, details).

    Call after the runtime modules are imported and before the program runs.
    """
    global enabled
    enabled = True
    import importlib

    mods = [m for n, m in list(sys.modules.items()) if n.startswith(("gort.runtime", "gort.std", "gort_pkg"))]
    _keepDepth(mods)
    for goname, (modname, attr, details) in table.items():
        mod = importlib.import_module(modname)
        fn = getattr(mod, attr)
        if id(fn) in _wrappers or getattr(fn, "__gort_traced__", False):
            continue
        w = wrap(goname, fn, details)
        w.__gort_traced__ = True  # type: ignore[attr-defined]
        _wrappers[id(fn)] = (fn, w)
        _replace_everywhere(fn, w, mods)


def _keepDepth(mods: list[Any]) -> None:
    """Put depth-keeping wrappers in place of systemstack and gogo (see the
    file docstring): only a traced run pays for the depth."""
    from gort.runtime import proc

    systemstack = stubs.systemstack
    gogo = proc.gogo

    @functools.wraps(systemstack)
    def depthSystemstack(fn: Any, *args: Any) -> Any:
        gp = stubs._tls.g
        mp = gp.m
        g0 = mp.g0
        if gp is g0 or gp is mp.gsignal:
            return systemstack(fn, *args)
        saved = g0.traceDepth
        g0.traceDepth = gp.traceDepth + mp.traceBase
        try:
            return systemstack(fn, *args)
        finally:
            g0.traceDepth = saved

    @functools.wraps(gogo)
    def depthGogo(gp: Any) -> Any:
        mp = gp.m
        mp.traceBase = mp.g0.traceDepth
        return gogo(gp)

    for fn, w in ((systemstack, depthSystemstack), (gogo, depthGogo)):
        if id(fn) in _wrappers:
            continue
        _wrappers[id(fn)] = (fn, w)
        _replace_everywhere(fn, w, mods)


def retarget(modules: list[Any]) -> None:
    """Apply the installed wrappers to modules loaded after install()."""
    if not enabled:
        return
    for mod in modules:
        d = mod.__dict__
        for k, v in list(d.items()):
            pair = _wrappers.get(id(v))
            if pair is not None and pair[0] is v:
                d[k] = pair[1]


def traced(goname: str, fn: Callable[..., Any], details: Details | None = None) -> Callable[..., Any]:
    """fn itself when tracing is off, else its tracing wrapper (for fn found at run time)."""
    if not enabled:
        return fn
    pair = _wrappers.get(id(fn))
    if pair is not None and pair[0] is fn:
        w: Callable[..., Any] = pair[1]
        return w
    w = wrap(goname, fn, details)
    _wrappers[id(fn)] = (fn, w)
    return w


# id(original function) -> (original, wrapper); the original is kept alive so ids stay unique.
_wrappers: dict[int, tuple[Any, Any]] = {}


# --- what `--trace-runtime` traces -------------------------------------------------


def _fnname(fv: int) -> str:
    from gort.runtime import symtab
    from gort.runtime.unsafe import U64

    f = symtab.findfunc(U64[fv >> 3]) if fv else None
    return f.name if f is not None else "?"


def _d_newproc(fv: int, *a: Any) -> str:
    from gort.runtime.proc import peekgoid

    return f"fn={_fnname(fv)} goid={peekgoid()}"


def _d_newproc1(fv: int, *a: Any) -> str:
    return f"fn={_fnname(fv)}"


def _d_goid(gp: Any, *a: Any) -> str:
    return f"goid={gp.goid}"


def _d_gopark(unlockf: Any, lock: Any, reason: int, *a: Any) -> str:
    from gort.runtime.runtime2 import waitReasonString

    return f'reason="{waitReasonString(reason)}"'


def _d_n(n: int, *a: Any) -> str:
    return f"n={n}"


def _d_procresize(n: int) -> str:
    return f"nprocs={n}"


def _d_exit(code: int) -> str:
    return f"code={code}"


def _d_mcommoninit(mp: Any, id: int) -> str:
    return f"id={id}" if id >= 0 else ""


def _d_newm(fn: Any, pp: Any, id: int) -> str:
    return f"id={id}"


RT = "gort.runtime"

# Go name -> (module, attribute, details)
DEFAULT: dict[str, tuple[str, str, Details | None]] = {
    "runtime.rt0_go": (f"{RT}.asm", "rt0_go", None),
    "runtime.check": (f"{RT}.runtime1", "check", None),
    "runtime.args": (f"{RT}.runtime1", "args", None),
    "runtime.osinit": (f"{RT}.os_linux", "osinit", None),
    "runtime.schedinit": (f"{RT}.proc", "schedinit", None),
    "runtime.stackinit": (f"{RT}.stack", "stackinit", None),
    "runtime.mallocinit": (f"{RT}.malloc", "mallocinit", None),
    "runtime.mcommoninit": (f"{RT}.proc", "mcommoninit", _d_mcommoninit),
    "runtime.mpreinit": (f"{RT}.os_linux", "mpreinit", None),
    "runtime.procresize": (f"{RT}.proc", "procresize", _d_procresize),
    "runtime.newproc": (f"{RT}.proc", "newproc", _d_newproc),
    "runtime.newproc1": (f"{RT}.proc", "newproc1", _d_newproc1),
    "runtime.gfget": (f"{RT}.proc", "gfget", None),
    "runtime.malg": (f"{RT}.proc", "malg", _d_n),
    "runtime.stackalloc": (f"{RT}.stack", "stackalloc", _d_n),
    "runtime.mstart": (f"{RT}.asm", "mstart", None),
    "runtime.schedule": (f"{RT}.proc", "schedule", None),
    "runtime.execute": (f"{RT}.proc", "execute", _d_goid),
    "runtime.main": (f"{RT}.proc", "main", None),
    "runtime.gcenable": (f"{RT}.mgc", "gcenable", None),
    "runtime.gopark": (f"{RT}.proc", "gopark", _d_gopark),
    "runtime.park_m": (f"{RT}.proc", "park_m", _d_goid),
    "runtime.goready": (f"{RT}.proc", "goready", _d_goid),
    "runtime.goexit0": (f"{RT}.proc", "goexit0", _d_goid),
    "runtime.newm": (f"{RT}.proc", "newm", _d_newm),
    "runtime.startm": (f"{RT}.proc", "startm", None),
    "runtime.stopm": (f"{RT}.proc", "stopm", None),
    "runtime.exit": (f"{RT}.proc", "exit", _d_exit),
}


def installDefault() -> None:
    install(DEFAULT)
