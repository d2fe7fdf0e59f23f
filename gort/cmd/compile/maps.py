"""Map operations: index, assign, delete, literals, range (runtime/map.py).

Keys travel by address, as in gc's calls (mapaccess1(t, m, &k)); the
runtime returns the address of the element slot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gort.cmd.compile import gotypes as types
from gort.cmd.compile import typeinfo as ti
from gort.go import ast

if TYPE_CHECKING:
    from gort.cmd.compile.gen import FuncGen


def _key(fg: FuncGen, e: Any, kt: types.Type) -> str:
    v = fg.expr(e, kt)
    return fg.addressOfValue(v, kt) if not ti.isMem(kt) else v


def mapIndex(fg: FuncGen, e: ast.IndexExpr, withOk: bool) -> tuple[str, str]:
    mt = fg.typeOf(e.X)
    u = ti.underAs(mt, types.Map)
    m = fg.spillIfNeeded(fg.expr(e.X))
    k = _key(fg, e.Index, u.Key())
    et = u.Elem()
    _ = fg.valueType
    p = fg.tmp("_mp")
    if withOk:
        ok = fg.tmp()
        fg.emit(f"{p}, {ok} = mapaccess2({fg.pg.tref(mt)}, {m}, {k})")
    else:
        ok = "True"
        fg.emit(f"{p} = mapaccess1({fg.pg.tref(mt)}, {m}, {k})")
    if ti.isMem(et):
        slot = fg.slotAddrNoClear(et)
        fg.emit(ti.copyMem(et, slot, p))
        return slot, ok
    v = fg.tmp()
    fg.emit(f"{v} = {ti.load(et, p)}")
    return v, ok


def mapLvalue(fg: FuncGen, e: ast.IndexExpr) -> tuple[str, Any]:
    mt = fg.typeOf(e.X)
    m = fg.spillIfNeeded(fg.expr(e.X))
    k = _key(fg, e.Index, ti.underAs(mt, types.Map).Key())
    return ("map", (mt, m, k))


def mapLoadRef(fg: FuncGen, r: Any, t: types.Type) -> str:
    mt, m, k = r
    p = fg.tmp("_mp")
    fg.emit(f"{p} = mapaccess1({fg.pg.tref(mt)}, {m}, {k})")
    return ti.load(t, p)


def mapStoreRef(fg: FuncGen, r: Any, t: types.Type, val: str) -> None:
    mt, m, k = r
    from gort.cmd.compile.gen import _simple

    if not ti.isMem(t) and not _simple(val):
        tv = fg.tmp()
        fg.emit(f"{tv} = {val}")
        val = tv
    p = fg.tmp("_mp")
    fg.emit(f"{p} = mapassign({fg.pg.tref(mt)}, {m}, {k})")
    for s in ti.store(t, p, val):
        fg.emit(s)


def mapDelete(fg: FuncGen, e: ast.CallExpr) -> None:
    mt = fg.typeOf(e.Args[0])
    m = fg.spillIfNeeded(fg.expr(e.Args[0]))
    k = _key(fg, e.Args[1], ti.underAs(mt, types.Map).Key())
    fg.emit(f"mapdelete({fg.pg.tref(mt)}, {m}, {k})")


def mapDeleteArgs(fg: FuncGen, e: ast.CallExpr) -> tuple[str, list[str], str]:
    mt = fg.typeOf(e.Args[0])
    m = fg.spillIfNeeded(fg.expr(e.Args[0]))
    k = _key(fg, e.Args[1], ti.underAs(mt, types.Map).Key())
    return "mapdelete", [fg.pg.tref(mt), m, k], "False"


def mapLiteral(fg: FuncGen, e: ast.CompositeLit, t: types.Type) -> str:
    u = ti.underAs(t, types.Map)
    m = fg.tmp("_m")
    fg.emit(f"{m} = makemap({fg.pg.tref(t)}, {len(e.Elts)})")
    for elt in e.Elts:
        assert isinstance(elt, ast.KeyValueExpr)  # the checker requires keys in map literals
        k = _key(fg, elt.Key, u.Key())
        v = fg.expr(elt.Value, u.Elem())
        mapStoreRef(fg, (t, m, k), u.Elem(), v)
    fg.ptrLocals.add(m)
    return m


def rangeMap(fg: FuncGen, s: ast.RangeStmt, loop: Any, u: Any) -> None:
    from gort.cmd.compile.ranges import _blank, assignIter

    mt = fg.typeOf(s.X)
    m = fg.spillIfNeeded(fg.expr(s.X))
    it = fg.tmp("_it")
    fg.emit(f"{it} = mapiterinit({fg.pg.tref(mt)}, {m})")
    kt, et = u.Key(), u.Elem()
    fg.emit(f"while {it}.key:")
    with fg.indent():
        if s.Key is not None and not _blank(s.Key):
            assignIter(fg, s, s.Key, f"{it}.key" if ti.isMem(kt) else ti.load(kt, f"{it}.key"), kt)
        if s.Value is not None and not _blank(s.Value):
            assignIter(fg, s, s.Value, f"{it}.elem" if ti.isMem(et) else ti.load(et, f"{it}.elem"), et)

        class _P:
            line = f"mapiternext({it})"

        loop.post = _P()
        fg.loopBody(loop, s.Body.List)
    fg.afterLoop(loop)
