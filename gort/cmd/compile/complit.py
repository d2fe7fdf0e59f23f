"""Composite literals: T{...} for structs, arrays, slices and maps.

A struct or array literal is built in a fresh zeroed slot of the frame (or
straight into the heap object of `&T{...}`); a slice literal's backing
array is allocated with `newarray`; a map literal is `makemap` followed by
an assignment per element.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gort.cmd.compile import gotypes as types
from gort.cmd.compile import typeinfo as ti
from gort.go import ast, constant

if TYPE_CHECKING:
    from gort.cmd.compile.gen import FuncGen


def compileCompositeLit(fg: FuncGen, e: ast.CompositeLit, dst: str | None = None) -> str:
    t = fg.typeOf(e)
    u = t.Underlying()
    if isinstance(u, types.Pointer):
        # An elided &T{...} inside another literal.
        et = u.Elem()
        p = fg.tmp()
        fg.emit(f"{p} = newobject_g(gp, {fg.pg.tref(et)})")
        fill(fg, e, et, p)
        return p
    if isinstance(u, (types.Struct, types.Array)):
        if dst is None:
            dst = fg.slotAddr(t)
            fg.fresh.add(dst)
        fill(fg, e, t, dst)
        return dst
    if isinstance(u, types.Slice):
        et = u.Elem()
        n = sliceLen(fg, e)
        if n == 0:
            p = "zerobase"
            return f"({p}, 0, 0)"
        p = fg.tmp()
        fg.emit(f"{p} = newarray_g(gp, {fg.pg.tref(et)}, {n})")
        fillIndexed(fg, e, et, p)
        fg.ptrLocals.add(p)
        return f"({p}, {n}, {n})"
    if isinstance(u, types.Map):
        from gort.cmd.compile.maps import mapLiteral

        return mapLiteral(fg, e, t)
    raise fg.err(e, f"gort: composite literal of {t} is not supported yet")


def sliceLen(fg: FuncGen, e: ast.CompositeLit) -> int:
    n = 0
    i = 0
    for elt in e.Elts:
        if isinstance(elt, ast.KeyValueExpr):
            i = int(constant.Int64Val(constant.ToInt(fg.constOf(elt.Key)))[0])
        i += 1
        n = max(n, i)
    return n


def fill(fg: FuncGen, e: ast.CompositeLit, t: types.Type, dst: str) -> None:
    u = t.Underlying()
    if isinstance(u, types.Struct):
        offs = ti.offsetsof(u)
        for i, elt in enumerate(e.Elts):
            if isinstance(elt, ast.KeyValueExpr):
                assert isinstance(elt.Key, ast.Ident)  # a struct literal's keys are field names
                name = elt.Key.Name
                idx = next((k for k in range(u.NumFields()) if u.Field(k).Name() == name), -1)
                if idx < 0:
                    # Go 1.27: a promoted field of an embedded struct.
                    off, ft = promotedField(fg, t, name, elt)
                    storeElem(fg, elt.Value, ft, dst, off)
                    continue
                val = elt.Value
            else:
                idx = i
                val = elt
            ft = u.Field(idx).Type()
            storeElem(fg, val, ft, dst, offs[idx])
        return
    if isinstance(u, types.Array):
        fillIndexed(fg, e, u.Elem(), dst)
        return
    raise fg.err(e, f"internal error: fill {t}")


def fillIndexed(fg: FuncGen, e: ast.CompositeLit, et: types.Type, dst: str) -> None:
    size = ti.sizeof(et)
    i = 0
    for elt in e.Elts:
        if isinstance(elt, ast.KeyValueExpr):
            i = int(constant.Int64Val(constant.ToInt(fg.constOf(elt.Key)))[0])
            val = elt.Value
        else:
            val = elt
        storeElem(fg, val, et, dst, i * size)
        i += 1


def storeElem(fg: FuncGen, val: Any, t: types.Type, dst: str, off: int) -> None:
    from gort.cmd.compile.gen import _simple

    if isinstance(val, ast.CompositeLit) and ti.isMem(t):
        a = f"{dst} + {off}" if off else dst
        sub = fg.tmp()
        fg.emit(f"{sub} = {a}")
        fill(fg, val, fg.typeOf(val), sub)
        return
    v = fg.expr(val, t)
    if not ti.isMem(t) and not _simple(v):
        tv = fg.tmp()
        fg.emit(f"{tv} = {v}")
        v = tv
    for s in ti.store(t, dst, v, off):
        fg.emit(s)


def promotedField(fg: FuncGen, t: types.Type, name: str, node: Any) -> tuple[int, types.Type]:
    """Offset and type of a field promoted through embedded structs (not pointers)."""
    obj, index, indirect = types.LookupFieldOrMethod(t, False, fg.pg.pkg, name)
    if obj is None or indirect:
        raise fg.err(node, f"gort: promoted field {name} through an embedded pointer in a composite literal")
    assert index is not None  # set when obj is
    off = 0
    cur = t
    for i in index:
        st = ti.underAs(cur, types.Struct)
        off += ti.offsetsof(st)[i]
        cur = st.Field(i).Type()
    return off, cur
