"""The predeclared functions: len, cap, append, make, new, panic, ...

Each becomes inline Python or a call of the runtime function gc would call
(`makeslice`, `growslice`, `makechan`, `gopanic`, `gorecover`,
`printstring`...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.cmd.compile import gotypes as types
from gort.cmd.compile import typeinfo as ti
from gort.cmd.compile.defers import DeferredCall, mayPoint
from gort.cmd.compile.typeinfo import Rep
from gort.go import ast

if TYPE_CHECKING:
    from gort.cmd.compile.gen import FuncGen


def compileBuiltin(fg: FuncGen, e: ast.CallExpr, name: str) -> str:
    m = globals().get("b_" + name)
    if m is None:
        raise fg.err(e, f"gort: builtin {name} is not supported yet")
    r: str = m(fg, e)
    return r


def b_len(fg: FuncGen, e: ast.CallExpr) -> str:
    a = e.Args[0]
    t = fg.typeOf(a).Underlying()
    if isinstance(t, types.Pointer):
        t = t.Elem().Underlying()
    if isinstance(t, types.Array):
        v = fg.expr(a)
        if v and not v.isidentifier() and "(" in v:
            fg.emit(v) if "yield" in v else None
        return str(t.Len())
    v = fg.expr(a)
    r = ti.rep(fg.typeOf(a))
    if r in (Rep.STRING, Rep.SLICE):
        return f"{_paren(v)}[1]"
    if isinstance(t, types.Chan):
        return f"chanlen({v})"
    if isinstance(t, types.Map):
        return f"maplen({v})"
    raise fg.err(e, f"gort: len of {t}")


def b_cap(fg: FuncGen, e: ast.CallExpr) -> str:
    a = e.Args[0]
    t = fg.typeOf(a).Underlying()
    if isinstance(t, types.Pointer):
        t = t.Elem().Underlying()
    if isinstance(t, types.Array):
        return str(t.Len())
    v = fg.expr(a)
    if isinstance(t, types.Slice):
        return f"{_paren(v)}[2]"
    if isinstance(t, types.Chan):
        return f"chancap({v})"
    raise fg.err(e, f"gort: cap of {t}")


def _paren(v: str) -> str:
    return v if v.isidentifier() or (v.startswith("(") and v.endswith(")")) else f"({v})"


def b_new(fg: FuncGen, e: ast.CallExpr) -> str:
    t = ti.underAs(fg.typeOf(e), types.Pointer).Elem()
    return f"newobject_g(gp, {fg.pg.tref(t)})"


def b_make(fg: FuncGen, e: ast.CallExpr) -> str:
    t = fg.typeOf(e)
    u = t.Underlying()
    args = [fg.spillIfNeeded(fg.expr(a, types.Typ[types.Int])) for a in e.Args[1:]]
    if isinstance(u, types.Slice):
        n = args[0]
        c = args[1] if len(args) > 1 else n
        p = fg.tmp()
        fg.emit(f"{p} = makeslice_g(gp, {fg.pg.tref(u.Elem())}, {n}, {c})")
        return f"({p}, {n}, {c})"
    if isinstance(u, types.Chan):
        n = args[0] if args else "0"
        return f"makechan({fg.pg.tref(t)}, {n})"
    if isinstance(u, types.Map):
        n = args[0] if args else "0"
        return f"makemap({fg.pg.tref(t)}, {n})"
    raise fg.err(e, f"gort: make of {t}")


def b_append(fg: FuncGen, e: ast.CallExpr) -> str:
    st = fg.typeOf(e)
    et = ti.underAs(st, types.Slice).Elem()
    s = fg.spillIfNeeded(fg.expr(e.Args[0], st))
    if e.Ellipsis:
        # append(s, t...)
        src = fg.spillIfNeeded(fg.expr(e.Args[1]))
        if ti.rep(fg.typeOf(e.Args[1])) == Rep.STRING:
            return f"appendslice({s}, {src}, 1, None)"
        return f"appendslice({s}, {src}, {ti.sizeof(et)}, {fg.pg.tref(et)})"
    vals = []
    for a in e.Args[1:]:
        v = fg.expr(a, et)
        if ti.isMem(et):
            vals.append(v)
        else:
            from gort.cmd.compile.gen import _simple

            if not _simple(v):
                tv = fg.tmp()
                fg.emit(f"{tv} = {v}")
                v = tv
            vals.append(v)
    n = len(vals)
    if n == 0:
        return s
    r = fg.tmp()
    size = ti.sizeof(et)
    fg.emit(f"{r} = {s}")
    fg.emit(f"if {r}[1] + {n} > {r}[2]: {r} = growslice_g(gp, {r}[0], {r}[1] + {n}, {r}[2], {n}, {fg.pg.tref(et)})")
    fg.emit(f"else: {r} = ({r}[0], {r}[1] + {n}, {r}[2])")
    base = fg.tmp()
    fg.emit(f"{base} = {r}[0] + ({r}[1] - {n}) * {size}")
    for i, v in enumerate(vals):
        for st_ in ti.store(et, base, v, i * size):
            fg.emit(st_)
    return r


def b_copy(fg: FuncGen, e: ast.CallExpr) -> str:
    dst = fg.spillIfNeeded(fg.expr(e.Args[0]))
    src = fg.spillIfNeeded(fg.expr(e.Args[1]))
    et = ti.underAs(fg.typeOf(e.Args[0]), types.Slice).Elem()
    return f"slicecopy({dst}, {src}, {ti.sizeof(et)})"


def b_delete(fg: FuncGen, e: ast.CallExpr) -> str:
    from gort.cmd.compile.maps import mapDelete

    mapDelete(fg, e)
    return ""


def b_clear(fg: FuncGen, e: ast.CallExpr) -> str:
    t = fg.typeOf(e.Args[0]).Underlying()
    v = fg.spillIfNeeded(fg.expr(e.Args[0]))
    if isinstance(t, types.Slice):
        fg.emit(f"memclr({v}[0], {v}[1] * {ti.sizeof(t.Elem())})")
        return ""
    fg.emit(f"mapclear({fg.pg.tref(fg.typeOf(e.Args[0]))}, {v})")
    return ""


def b_close(fg: FuncGen, e: ast.CallExpr) -> str:
    fg.emit(f"closechan({fg.expr(e.Args[0])})")
    return ""


def b_panic(fg: FuncGen, e: ast.CallExpr) -> str:
    v = fg.expr(e.Args[0], types.NewInterfaceType([], None) if False else _anyType())
    fg.emit(f"gopanic({v})")
    return ""


def _anyType() -> types.Type:
    obj = types.Universe.Lookup("any")
    assert obj is not None
    return obj.Type()


def b_recover(fg: FuncGen, e: ast.CallExpr) -> str:
    if not fg.hasRecover:
        return "ZI"
    return "gorecover(gp, _deferpanic)"


def b_print(fg: FuncGen, e: ast.CallExpr, nl: bool = False) -> str:
    parts = []
    for a in e.Args:
        t = fg.typeOf(a)
        if isinstance(t, types.Basic) and t.Info() & types.IsUntyped:
            t = types.Default(t)
        v = fg.expr(a, t)
        parts.append(f"({printKind(t)}, {v})")
    fg.emit(f"printvals(({''.join(p + ', ' for p in parts)}), {nl})")
    return ""


def b_println(fg: FuncGen, e: ast.CallExpr) -> str:
    return b_print(fg, e, nl=True)


def printKind(t: types.Type) -> str:
    r = ti.rep(t)
    if r == Rep.INT:
        return "'u'" if ti.isUnsigned(t) else "'i'"
    if r == Rep.FLOAT:
        return "'f'"
    if r == Rep.COMPLEX:
        return "'c'"
    if r == Rep.BOOL:
        return "'b'"
    if r == Rep.STRING:
        return "'s'"
    if r == Rep.SLICE:
        return "'sl'"
    if r == Rep.IFACE:
        return "'e'" if ti.isEface(t) else "'i2'"
    return "'p'"


def b_complex(fg: FuncGen, e: ast.CallExpr) -> str:
    t = fg.typeOf(e)
    ft = types.Typ[types.Float32] if ti.isFloat32(t) else types.Typ[types.Float64]
    re = fg.expr(e.Args[0], ft)
    im = fg.expr(e.Args[1], ft)
    return f"complex({re}, {im})"


def b_real(fg: FuncGen, e: ast.CallExpr) -> str:
    return f"{_paren(fg.expr(e.Args[0]))}.real"


def b_imag(fg: FuncGen, e: ast.CallExpr) -> str:
    return f"{_paren(fg.expr(e.Args[0]))}.imag"


def _minmax(fg: FuncGen, e: ast.CallExpr, fn: str) -> str:
    t = fg.typeOf(e)
    vals = [fg.spillIfNeeded(fg.expr(a, t)) for a in e.Args]
    if len(vals) == 1:
        return vals[0]
    r = ti.rep(t)
    if r == Rep.STRING:
        return f"str{fn}(({', '.join(vals)},))"
    if r == Rep.FLOAT:
        return f"f{fn}(({', '.join(vals)},))"
    return f"{fn}({', '.join(vals)})"


def b_min(fg: FuncGen, e: ast.CallExpr) -> str:
    return _minmax(fg, e, "min")


def b_max(fg: FuncGen, e: ast.CallExpr) -> str:
    return _minmax(fg, e, "max")


# unsafe


def b_Add(fg: FuncGen, e: ast.CallExpr) -> str:
    p = fg.expr(e.Args[0])
    n = fg.expr(e.Args[1])
    return f"(({p} + {n}) & 0xFFFFFFFFFFFFFFFF)"


def b_Slice(fg: FuncGen, e: ast.CallExpr) -> str:
    p = fg.spillIfNeeded(fg.expr(e.Args[0]))
    n = fg.spillIfNeeded(fg.expr(e.Args[1], types.Typ[types.Int]))
    return f"({p}, {n}, {n})"


def b_String(fg: FuncGen, e: ast.CallExpr) -> str:
    p = fg.spillIfNeeded(fg.expr(e.Args[0]))
    n = fg.spillIfNeeded(fg.expr(e.Args[1], types.Typ[types.Int]))
    return f"({p}, {n})"


def b_StringData(fg: FuncGen, e: ast.CallExpr) -> str:
    return f"{_paren(fg.expr(e.Args[0]))}[0]"


def b_SliceData(fg: FuncGen, e: ast.CallExpr) -> str:
    return f"{_paren(fg.expr(e.Args[0]))}[0]"


def deferBuiltin(fg: FuncGen, call: ast.CallExpr, name: str) -> DeferredCall:
    """defer of a builtin: evaluate its arguments now, run it at exit (the runtime
    functions called here are plain functions)."""
    if name == "close":
        return DeferredCall("closechan", [fg.spillIfNeeded(fg.expr(call.Args[0]))], [True])
    if name == "panic":
        return DeferredCall("gopanic", [fg.spillIfNeeded(fg.expr(call.Args[0], _anyType()))], [True])
    if name == "recover":
        return DeferredCall("", [], noop=True)  # recover not called by a deferred function: nil
    if name in ("print", "println"):
        parts = []
        for a in call.Args:
            t = fg.typeOf(a)
            if isinstance(t, types.Basic) and t.Info() & types.IsUntyped:
                t = types.Default(t)
            v = fg.spillIfNeeded(fg.expr(a, t))
            parts.append(f"({printKind(t)}, {v})")
        return DeferredCall("printvals", [f"({''.join(p + ', ' for p in parts)})", str(name == "println")], [False, False])
    if name == "delete":
        from gort.cmd.compile.maps import mapDeleteArgs

        fn, args, _ = mapDeleteArgs(fg, call)
        kt = ti.underAs(fg.typeOf(call.Args[0]), types.Map).Key()
        return DeferredCall(fn, args, [False, True, mayPoint(kt)])
    raise fg.err(call, f"gort: defer {name} is not supported yet")


def b_Sizeof(fg: FuncGen, e: ast.CallExpr) -> str:
    """unsafe.Sizeof of a value whose type depends on a type parameter (else it is constant)."""
    return str(ti.sizeof(fg.typeOf(e.Args[0])))


def b_Alignof(fg: FuncGen, e: ast.CallExpr) -> str:
    return str(ti.alignof(fg.typeOf(e.Args[0])))


def b_Offsetof(fg: FuncGen, e: ast.CallExpr) -> str:
    sel = e.Args[0]
    while isinstance(sel, ast.ParenExpr):
        sel = sel.X
    assert isinstance(sel, ast.SelectorExpr)  # the checker requires a selector x.f
    s = fg.info.Selections[sel]
    t = fg.typeOf(sel.X)
    tu = t.Underlying()
    if isinstance(tu, types.Pointer):
        t = tu.Elem()
    off = 0
    for i in s.Index():
        st = ti.underAs(t, types.Struct)  # no embedded pointers: the checker rejects them
        off += ti.offsetsof(st)[i]
        t = st.Field(i).Type()
    return str(off)
