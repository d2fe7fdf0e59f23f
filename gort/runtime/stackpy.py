"""Moving a goroutine's stack: the pointers held in Python locals.

copystack (stack.py) moves the bytes of a goroutine's Go stack and adjusts
the pointers stored in the frames themselves and in its sudogs. Compiled
code also keeps pointers in Python locals: the frame pointer `_sp`, the
address of a frame slot, a slice or string whose data is on the stack.
The compiler lists, for each function, the locals that may hold pointers
(`_func.pyPtrLocals`); this module walks the goroutine's Python frames —
from the one that asked for more stack up to the goroutine's entry — and
adds `delta` to every such value that points into the old stack, as Go's
adjustframe does with its stack maps.

A value is adjusted when it is an int in [lo, hi), or a tuple (string,
slice, interface) whose pointer words are.

Differences from Go: locals are found by name rather than by stack map;
on CPython 3.11 and 3.12 the changed locals are written back with
PyFrame_LocalsToFast, on 3.13+ through the write-through `f_locals`.
"""

from __future__ import annotations

import ctypes
import sys
from types import FrameType
from typing import Any

from gort.runtime import symtab

_LocalsToFast = getattr(ctypes.pythonapi, "PyFrame_LocalsToFast", None)
if _LocalsToFast is not None:
    _LocalsToFast.argtypes = [ctypes.py_object, ctypes.c_int]
    _LocalsToFast.restype = None
_WRITE_THROUGH = sys.version_info >= (3, 13)


def _adj(v: Any, lo: int, hi: int, delta: int) -> Any:
    t = type(v)
    if t is int:
        return v + delta if lo <= v < hi else v
    if t is tuple:
        # A string (ptr, len), slice (ptr, len, cap) or interface (tab, data):
        # lengths and itabs never fall inside a stack, so any element that
        # does is a pointer into it.
        if any(type(x) is int and lo <= x < hi for x in v):
            return tuple(x + delta if type(x) is int and lo <= x < hi else x for x in v)
    return v


def adjustframe(frame: FrameType, names: tuple[str, ...], lo: int, hi: int, delta: int) -> None:
    loc = frame.f_locals
    changed = False
    for name in names:
        if name in loc:
            v = loc[name]
            nv = _adj(v, lo, hi, delta)
            if nv is not v:
                loc[name] = nv
                changed = True
    if changed and not _WRITE_THROUGH and _LocalsToFast is not None:
        _LocalsToFast(frame, 0)


def adjustpyframes(gp: Any, lo: int, hi: int, delta: int) -> None:
    """Adjust the Python locals of gp's running frames that point into [lo, hi)."""
    from gort.runtime.proc import goentry

    stop = goentry.__code__
    f: FrameType | None = sys._getframe(1)
    while f is not None and f.f_code is not stop:
        fn = symtab.byCode.get(f.f_code)
        if fn is not None and fn.pyPtrLocals:
            adjustframe(f, fn.pyPtrLocals, lo, hi, delta)
        f = f.f_back


def install() -> None:
    from gort.runtime import stack

    stack.adjustpyframes = adjustpyframes
