"""Slice expressions: a[lo:hi], a[lo:hi:max] on slices, arrays, array pointers, strings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.cmd.compile import gotypes as types
from gort.cmd.compile import typeinfo as ti
from gort.go import ast

if TYPE_CHECKING:
    from gort.cmd.compile.gen import FuncGen


def compileSlice(fg: FuncGen, e: ast.SliceExpr) -> str:
    xt = fg.typeOf(e.X).Underlying()
    if isinstance(xt, types.Basic):
        s = fg.spillIfNeeded(fg.expr(e.X))
        lo = fg.spillIfNeeded(fg.expr(e.Low, types.Typ[types.Int])) if e.Low is not None else "0"
        hi = fg.spillIfNeeded(fg.expr(e.High, types.Typ[types.Int])) if e.High is not None else f"{s}[1]"
        if e.High is not None:
            fg.emit(f"if not 0 <= {hi} <= {s}[1]: panicSlice(0, {hi}, {s}[1], 'alen')")
        if e.Low is not None:
            fg.emit(f"if not 0 <= {lo} <= {hi}: panicSlice({lo}, {hi}, 0, 'b')")
        return f"({s}[0] + {lo}, {hi} - {lo})" if e.Low is not None else f"({s}[0], {hi})"
    if isinstance(xt, types.Slice):
        s = fg.spillIfNeeded(fg.expr(e.X))
        base, length, cap_ = f"{s}[0]", f"{s}[1]", f"{s}[2]"
        et = xt.Elem()
    elif isinstance(xt, types.Pointer):
        arr = xt.Elem().Underlying()
        assert isinstance(arr, types.Array)  # the checker allows slicing only pointers to arrays
        p = fg.nilChecked(fg.spillIfNeeded(fg.expr(e.X)))
        base, length, cap_ = p, str(arr.Len()), str(arr.Len())
        et = arr.Elem()
    elif isinstance(xt, types.Array):
        base = fg.baseAddr(e.X)
        length = cap_ = str(xt.Len())
        et = xt.Elem()
    else:
        raise fg.err(e, f"gort: slice of {xt}")
    size = ti.sizeof(et)
    lo = fg.spillIfNeeded(fg.expr(e.Low, types.Typ[types.Int])) if e.Low is not None else "0"
    hi = fg.spillIfNeeded(fg.expr(e.High, types.Typ[types.Int])) if e.High is not None else length
    mx = fg.spillIfNeeded(fg.expr(e.Max, types.Typ[types.Int])) if e.Max is not None else cap_
    # The bounds panics name what failed as gc's do: against the capacity
    # of a slice, the length of an array.
    a = "acap" if isinstance(xt, types.Slice) else "alen"
    if e.Max is not None:
        fg.emit(f"if not 0 <= {mx} <= {cap_}: panicSlice(0, {mx}, {cap_}, '3{a}')")
        fg.emit(f"if not 0 <= {hi} <= {mx}: panicSlice({hi}, {mx}, 0, '3b')")
    elif e.High is not None:
        fg.emit(f"if not 0 <= {hi} <= {cap_}: panicSlice(0, {hi}, {cap_}, '{a}')")
    if e.Low is not None:
        fg.emit(f"if not 0 <= {lo} <= {hi}: panicSlice({lo}, {hi}, 0, '{'3c' if e.Max is not None else 'b'}')")
    if lo == "0":
        return f"({base}, {hi}, {mx})"
    # When the new capacity is 0 the pointer stays at the base (Go avoids
    # pointing past the end of the array).
    ptr = f"({base} + {lo} * {size} if {mx} - {lo} else {base})" if size != 1 else f"({base} + {lo} if {mx} - {lo} else {base})"
    return f"({ptr}, {hi} - {lo}, {mx} - {lo})"
