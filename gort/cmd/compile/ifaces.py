"""Interfaces: conversions to and between interfaces, assertions, type switches.

An interface value is (tab, data) (docs/design/0001): for an empty
interface `tab` is the dynamic type's descriptor, otherwise an itab; `data`
is the value itself for pointer-shaped types and otherwise a pointer to a
copy (gc's convT* functions make it, with the same shortcuts: small
integers and zero values point at static data, constants at read-only
data).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.cmd.compile import gotypes as types
from gort.cmd.compile import typeinfo as ti
from gort.cmd.compile.checkinfo import clausesOf
from gort.cmd.compile.typeinfo import Rep
from gort.go import ast, token

if TYPE_CHECKING:
    from gort.cmd.compile.gen import FuncGen


def isDirectIface(t: types.Type) -> bool:
    """Pointer-shaped types live in the data word itself (TFlagDirectIface)."""
    u = t.Underlying()
    if ti.rep(t) == Rep.PTR:
        return not (isinstance(u, types.Basic) and u.Kind() == types.Uintptr)
    if isinstance(u, (types.Struct, types.Array)):
        return ti.sizeof(t) == 8 and ti.gcinfo(t)[0] == 8
    return False


def tabOf(fg: FuncGen, t: types.Type, to: types.Type) -> str:
    """The tab word for concrete t in interface type to."""
    if ti.isEface(to):
        return fg.pg.taddr(t)
    return itabRef(fg, t, to)


def itabRef(fg: FuncGen, t: types.Type, it: types.Type) -> str:
    pg = fg.pg
    tk = ti.typeKey(t)
    ik = ti.typeKey(it)
    fg.pg.tref(t)
    fg.pg.tref(it)
    itabs = pg.itabs
    key = (tk, ik)
    name = itabs.get(key)
    if name is None:
        name = f"IT{len(itabs)}"
        itabs[key] = name
    return name


def convToIface(fg: FuncGen, v: str, t: types.Type, to: types.Type) -> str:
    from gort.cmd.compile.gen import _simple

    if isinstance(t, types.Basic) and t.Info() & types.IsUntyped:
        t = types.Default(t)
    tab = tabOf(fg, t, to)
    if isDirectIface(t):
        if ti.isMem(t):
            return f"({tab}, U64[{v} >> 3])"
        return f"({tab}, {v})"
    size = ti.sizeof(t)
    r = ti.rep(t)
    if size == 0:
        return f"({tab}, zerobase)"
    if r == Rep.MEM:
        return f"({tab}, convT({fg.pg.tref(t)}, {v}))"
    if not _simple(v):
        tv = fg.tmp()
        fg.emit(f"{tv} = {v}")
        v = tv
    if r == Rep.STRING:
        return f"({tab}, convTstring({v}))"
    if r == Rep.SLICE:
        return f"({tab}, convTslice({v}))"
    if r == Rep.IFACE:
        raise fg.err(None, "internal error: interface in interface")
    if r in (Rep.INT, Rep.BOOL):
        if size == 1:
            return f"({tab}, convT8({v}))"
        bits, signed = ti.intinfo(t)
        return f"({tab}, convT{bits}({v}))" if bits in (16, 32, 64) else f"({tab}, convT64({v}))"
    if r == Rep.FLOAT:
        if ti.isFloat32(t):
            return f"({tab}, convTf32({v}))"
        return f"({tab}, convTf64({v}))"
    if r == Rep.COMPLEX:
        return f"({tab}, convTcomplex({fg.pg.tref(t)}, {v}))"
    if r == Rep.PTR:  # uintptr
        return f"({tab}, convT64({v}))"
    raise fg.err(None, f"gort: conversion of {t} to interface")


def convIfaceIface(fg: FuncGen, v: str, frm: types.Type, to: types.Type) -> str:
    from gort.cmd.compile.gen import _simple

    if ti.typeKey(frm.Underlying()) == ti.typeKey(to.Underlying()):
        return v
    if not _simple(v):
        tv = fg.tmp()
        fg.emit(f"{tv} = {v}")
        v = tv
    fromEmpty = ti.isEface(frm)
    if ti.isEface(to):
        if fromEmpty:
            return v
        return f"(U64[({v}[0] + 8) >> 3] if {v}[0] else 0, {v}[1])"
    ift = fg.pg.tref(to)
    if fromEmpty:
        return f"convE2I({ift}, {v})"
    return f"convI2I({ift}, {v})"


def typeWord(fg: FuncGen, v: str, xt: types.Type) -> str:
    """The dynamic type descriptor address of interface value v (0 if nil)."""
    if ti.isEface(xt):
        return f"{v}[0]"
    return f"(U64[({v}[0] + 8) >> 3] if {v}[0] else 0)"


def extract(fg: FuncGen, v: str, t: types.Type) -> str:
    """The value of concrete type t held by interface value v (assertion succeeded)."""
    if isDirectIface(t):
        if ti.isMem(t):
            slot = fg.slotAddrNoClear(t)
            fg.emit(f"U64[{slot} >> 3] = {v}[1]")
            return slot
        return f"{v}[1]"
    if ti.sizeof(t) == 0:
        if ti.isMem(t):
            return "zerobase"
    if ti.isMem(t):
        slot = fg.slotAddrNoClear(t)
        fg.emit(ti.copyMem(t, slot, f"{v}[1]"))
        return slot
    return ti.load(t, f"{v}[1]")


def typeAssert(fg: FuncGen, e: ast.TypeAssertExpr, withOk: bool) -> tuple[str, str]:
    xt = fg.typeOf(e.X)
    t = fg.valueType(e)
    v = fg.spillIfNeeded(fg.expr(e.X))
    if types.IsInterface(t):
        ift = fg.pg.tref(t)
        if withOk:
            r = fg.tmp()
            fg.emit(f"{r} = assertE2I2({ift}, {efaceOf(fg, v, xt)})")
            return f"{r}[0]", f"{r}[1]"
        return f"assertE2I({ift}, {efaceOf(fg, v, xt)}, {fg.pg.tref(xt)})", "True"
    if ti.isEface(xt):
        test = f"{v}[0] == {fg.pg.taddr(t)}"
    else:
        test = f"{v}[0] == {itabRef(fg, t, xt)}"
    if withOk:
        ok = fg.tmp()
        fg.emit(f"{ok} = {test}")
        res = fg.tmp()
        fg.emit(f"if {ok}:")
        with fg.indent():
            val = extract(fg, v, t)
            fg.emit(f"{res} = {val}")
        fg.emit("else:")
        with fg.indent():
            if ti.isMem(t):
                slot = fg.slotAddr(t)
                fg.emit(f"{res} = {slot}")
            else:
                fg.emit(f"{res} = {ti.zero(t)}")
        if ti.isMem(t):
            fg.fresh.add(res)
        return res, ok
    fg.emit(f"if not ({test}): panicdottype({typeWord(fg, v, xt)}, {fg.pg.taddr(t)}, {fg.pg.taddr(xt)})")
    val = extract(fg, v, t)
    if ti.isMem(t):
        fg.fresh.add(val)
    return val, "True"


def efaceOf(fg: FuncGen, v: str, xt: types.Type) -> str:
    if ti.isEface(xt):
        return v
    return f"({typeWord(fg, v, xt)}, {v}[1])"


def compileTypeSwitch(fg: FuncGen, s: ast.TypeSwitchStmt) -> None:
    from gort.cmd.compile.gen import Loop

    label = fg.pendingLabel
    wrap = fg.needsWrap(s)
    fg.takeLabel()
    loop = Loop(s, label, wrap, isSwitch=True)
    if wrap:
        fg.emit("while True:")
        fg.L.depth += 1
    if s.Init is not None:
        fg.stmt(s.Init)
    # The guard is `x := y.(type)` or `y.(type)`, the assertion unparenthesized (the parser's rule).
    a = s.Assign
    guard = a.Rhs[0] if isinstance(a, ast.AssignStmt) else a.X if isinstance(a, ast.ExprStmt) else None
    assert isinstance(guard, ast.TypeAssertExpr)
    xexpr = guard.X
    xt = fg.typeOf(xexpr)
    x = fg.tmp("_x")
    fg.emit(f"{x} = {fg.expr(xexpr)}")
    tw = fg.tmp("_tw")
    fg.emit(f"{tw} = {typeWord(fg, x, xt)}")
    fg.loops.append(loop)
    first = True
    default = None
    for c in clausesOf(s.Body, ast.CaseClause):
        if not c.List:
            default = c
            continue
        conds = []
        for te in c.List:
            tv = fg.info.Types[te]
            if tv.IsNil():
                conds.append(f"{tw} == 0")
                continue
            t = fg.T(tv.Type)  # a case may name a type parameter, or a type made of one
            if types.IsInterface(t) and ti.isEface(t):
                conds.append(f"{tw} != 0")  # case T with T any: every non-nil value
            elif types.IsInterface(t):
                conds.append(f"implements({fg.pg.tref(t)}, {tw})")
            else:
                conds.append(f"{tw} == {fg.pg.taddr(t)}")
        fg.emit(("if " if first else "elif ") + " or ".join(conds) + ":")
        first = False
        with fg.indent():
            bindClauseVar(fg, c, x, xt)
            fg.stmtList(c.Body)
    if default is not None:
        if first:
            bindClauseVar(fg, default, x, xt)
            fg.stmtList(default.Body)
        else:
            fg.emit("else:")
            with fg.indent():
                bindClauseVar(fg, default, x, xt)
                fg.stmtList(default.Body)
    fg.loops.pop()
    if wrap:
        fg.emit("break")
        fg.L.depth -= 1
        fg.propagateFlags()


def bindClauseVar(fg: FuncGen, c: ast.CaseClause, x: str, xt: types.Type) -> None:
    obj = fg.info.Implicits.get(c)
    if not isinstance(obj, types.Var):
        return
    t = fg.vtype(obj)
    if types.IsInterface(t):
        val = fg.convertValue(x, xt, t) if ti.typeKey(t) != ti.typeKey(xt) else x
        if ti.typeKey(t.Underlying()) != ti.typeKey(xt.Underlying()):
            if ti.isEface(t):
                val = efaceOf(fg, x, xt)
            else:
                val = f"convE2I({fg.pg.tref(t)}, {efaceOf(fg, x, xt)})"
        fg.defineWith(obj, val)
        return
    val = extract(fg, x, t)
    if ti.isMem(t):
        fg.fresh.add(val)
        vi = fg.declareVar(obj, zero=False)
        fg.emit(ti.copyMem(t, vi.name, val))
        return
    fg.defineWith(obj, val)


_ = token
