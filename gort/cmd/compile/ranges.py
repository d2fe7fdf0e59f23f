"""for ... range: over integers, slices, arrays, strings, maps, channels, functions.

Each form becomes a Python `while` loop (so break and continue work) that
keeps gc's semantics: the range expression is evaluated once; for a slice
its length is taken once; a string is walked rune by rune (decoderune);
the iteration variables are new in each iteration (Go 1.22).
"""

from __future__ import annotations

from typing import Any

from gort.cmd.compile import typeinfo as ti
from gort.cmd.compile import gotypes as types
from gort.go import ast, token


def compileRange(fg: Any, s: ast.RangeStmt) -> None:
    from gort.cmd.compile.gen import Loop

    label = fg.takeLabel()
    loop = Loop(s, label, True)
    xt = fg.typeOf(s.X)
    u = xt.Underlying()
    if isinstance(u, types.Basic) and u.Info() & types.IsInteger:
        return rangeInt(fg, s, loop, xt)
    if isinstance(u, types.Basic) and u.Info() & types.IsString:
        return rangeString(fg, s, loop)
    if isinstance(u, (types.Slice, types.Array)) or (isinstance(u, types.Pointer) and isinstance(u.Elem().Underlying(), types.Array)):
        return rangeSlice(fg, s, loop, u)
    if isinstance(u, types.Chan):
        return rangeChan(fg, s, loop, u)
    if isinstance(u, types.Map):
        from gort.cmd.compile.maps import rangeMap

        return rangeMap(fg, s, loop, u)
    raise fg.err(s, f"gort: range over {xt} is not supported yet")


def assignIter(fg: Any, s: ast.RangeStmt, x: Any, val: str, t: types.Type) -> None:
    """Assign/define the iteration variable x (Key or Value) to val."""
    if x is None or (isinstance(x, ast.Ident) and x.Name == "_"):
        return
    if s.Tok == token.DEFINE:
        obj = fg.info.Defs.get(x)
        if isinstance(obj, types.Var):
            if ti.isMem(fg.vtype(obj)):
                vi = fg.declareVar(obj, zero=False)
                fg.emit(ti.copyMem(fg.vtype(obj), vi.name, val))
            else:
                fg.defineWith(obj, val)
        return
    ref = fg.lvalue(x)
    fg.storeRef(ref, fg.typeOf(x), val)


def rangeInt(fg: Any, s: ast.RangeStmt, loop: Any, xt: types.Type) -> None:
    n = fg.spillIfNeeded(fg.expr(s.X))
    i = fg.tmp("_i")
    fg.emit(f"{i} = 0")
    kt = fg.typeOf(s.Key) if s.Key is not None else xt
    _ = kt
    fg.emit(f"while {i} < {n}:")
    with fg.indent():
        assignIter(fg, s, s.Key, i, xt)
        loop.post = _Post(f"{i} += 1")
        fg.loopBody(loop, s.Body.List)
    fg.afterLoop(loop)


class _Post:
    """A post statement given as Python source (for range loops)."""

    def __init__(self, line: str) -> None:
        self.line = line


def rangeSlice(fg: Any, s: ast.RangeStmt, loop: Any, u: Any) -> None:
    if isinstance(u, types.Pointer):
        arr = u.Elem().Underlying()
        base = fg.spillIfNeeded(fg.expr(s.X))
        n = str(arr.Len())
        et = arr.Elem()
        if s.Value is not None and not _blank(s.Value):
            fg.emit(f"if not {base}: panicmem()")
    elif isinstance(u, types.Array):
        n = str(u.Len())
        et = u.Elem()
        if s.Value is not None and not _blank(s.Value):
            # The range expression is a copy of the array.
            v = fg.expr(s.X)
            base = fg.slotAddrNoClear(u)
            fg.emit(ti.copyMem(u, base, v))
        else:
            base = "0"
    else:
        sv = fg.spillIfNeeded(fg.expr(s.X))
        base = f"{sv}[0]"
        n = fg.tmp("_n")
        fg.emit(f"{n} = {sv}[1]")
        b = fg.tmp("_b")
        fg.emit(f"{b} = {base}")
        base = b
        et = u.Elem()
    i = fg.tmp("_i")
    fg.emit(f"{i} = 0")
    size = ti.sizeof(et)
    proof = boundsProof(fg, s)
    fg.emit(f"while {i} < {n}:")
    with fg.indent():
        assignIter(fg, s, s.Key, i, types.Typ[types.Int])
        if proof is not None:
            fg.inbounds.add(proof)
            kv = fg.vars.get(fg.info.Defs.get(s.Key))
            if kv is not None and kv.kind == "py":
                fg.bounded.add(kv.name)
        if s.Value is not None and not _blank(s.Value):
            addr = f"{base} + {i} * {size}" if size != 1 else f"{base} + {i}"
            if ti.isMem(et):
                a = fg.tmp()
                fg.emit(f"{a} = {addr}")
                assignIter(fg, s, s.Value, a, et)
            else:
                a = fg.tmp()
                fg.emit(f"{a} = {addr}")
                assignIter(fg, s, s.Value, ti.load(et, a), et)
        loop.post = _Post(f"{i} += 1")
        fg.loopBody(loop, s.Body.List)
        if proof is not None:
            fg.inbounds.discard(proof)
    fg.afterLoop(loop)


def boundsProof(fg: Any, s: ast.RangeStmt) -> tuple[str, str] | None:
    """(slice local, index local) when `for i := range x` makes x[i] in bounds:
    x is a local slice or array and neither x nor i changes in the body."""
    if s.Tok != token.DEFINE or not isinstance(s.Key, ast.Ident) or s.Key.Name == "_":
        return None
    x = s.X
    while isinstance(x, ast.ParenExpr):
        x = x.X
    if not isinstance(x, ast.Ident):
        return None
    xv = fg.info.Uses.get(x)
    kv = fg.info.Defs.get(s.Key)
    if not isinstance(xv, types.Var) or not isinstance(kv, types.Var):
        return None
    for v in (xv, kv):
        f = fg.analysis.facts.get(v)
        if f is not None and (f.addrTaken or (f.captured and f.reassigned)):
            return None
    if _assignedIn(fg, s.Body, {xv, kv}):
        return None
    xvi = fg.vars.get(xv)
    if xvi is None or xvi.kind != "py":
        return None
    return (xvi.name, s.Key.Name)


def _assignedIn(fg: Any, body: Any, vs: set[Any]) -> bool:
    found = False

    def f(n: Any) -> bool:
        nonlocal found
        if found:
            return False
        lhs: list[Any] = []
        if isinstance(n, ast.AssignStmt):
            lhs = n.Lhs
        elif isinstance(n, ast.IncDecStmt):
            lhs = [n.X]
        elif isinstance(n, ast.RangeStmt) and n.Tok == token.ASSIGN:
            lhs = [x for x in (n.Key, n.Value) if x is not None]
        for x in lhs:
            while isinstance(x, ast.ParenExpr):
                x = x.X
            if isinstance(x, ast.Ident) and (fg.info.Uses.get(x) in vs or fg.info.Defs.get(x) in vs):
                found = True
        return not found

    ast.Inspect(body, f)
    return found


def _blank(x: Any) -> bool:
    return isinstance(x, ast.Ident) and x.Name == "_"


def rangeString(fg: Any, s: ast.RangeStmt, loop: Any) -> None:
    sv = fg.spillIfNeeded(fg.expr(s.X))
    i = fg.tmp("_i")
    nxt = fg.tmp("_j")
    r = fg.tmp("_r")
    fg.emit(f"{nxt} = 0")
    fg.emit(f"while {nxt} < {sv}[1]:")
    with fg.indent():
        fg.emit(f"{i} = {nxt}")
        fg.emit(f"{r}, {nxt} = decoderune({sv}, {i})")
        assignIter(fg, s, s.Key, i, types.Typ[types.Int])
        assignIter(fg, s, s.Value, r, types.Typ[types.Int32])
        loop.post = None
        fg.loopBody(loop, s.Body.List)
    fg.afterLoop(loop)


def rangeChan(fg: Any, s: ast.RangeStmt, loop: Any, u: Any) -> None:
    c = fg.spillIfNeeded(fg.expr(s.X))
    et = u.Elem()
    slot = fg.slotAddr(et)
    fg.emit("while True:")
    with fg.indent():
        ok = fg.tmp()
        fg.emit(f"{ok} = yield from chanrecv2({c}, {slot})")
        fg.emit(f"if not {ok}: break")
        if ti.isMem(et):
            assignIter(fg, s, s.Key, slot, et)
        else:
            assignIter(fg, s, s.Key, ti.load(et, slot), et)
        loop.post = None
        fg.loopBody(loop, s.Body.List)
    fg.afterLoop(loop)
