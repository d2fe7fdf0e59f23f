"""select statements (walk/select.go).

Like gc: a select with no cases blocks forever; one case and no default is
a plain send or receive; one case and a default is a non-blocking
selectnbsend / selectnbrecv; anything else evaluates every channel and
send value in source order and calls `selectgo` with the send cases first,
then the receive cases, and dispatches on the chosen index (-1: default).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gort.cmd.compile import gotypes as types
from gort.cmd.compile import typeinfo as ti
from gort.cmd.compile.checkinfo import clausesOf
from gort.go import ast, token

if TYPE_CHECKING:
    from gort.cmd.compile.gen import FuncGen


def compileSelect(fg: FuncGen, s: ast.SelectStmt) -> None:
    from gort.cmd.compile.gen import Loop

    label = fg.pendingLabel
    wrap = fg.needsWrap(s)
    fg.takeLabel()
    loop = Loop(s, label, wrap, isSwitch=True)
    if wrap:
        fg.emit("while True:")
        fg.L.depth += 1
    clauses = clausesOf(s.Body, ast.CommClause)
    fg.loops.append(loop)
    comms = [c for c in clauses if c.Comm is not None]
    if not clauses:
        fg.emit("yield from block()")
    elif len(clauses) == 1 and len(comms) == 1:
        # One case, no default: a plain send or receive.
        c = comms[0]
        fg.stmt(c.Comm)
        fg.stmtList(c.Body)
    elif len(clauses) == 2 and len(comms) == 1:
        nonblocking(fg, comms[0], next(c for c in clauses if c.Comm is None))
    else:
        general(fg, clauses)
    fg.loops.pop()
    if wrap:
        fg.emit("break")
        fg.L.depth -= 1
        fg.propagateFlags()


def recvParts(comm: ast.Stmt | None) -> tuple[ast.Expr, ast.Expr | None, ast.Expr | None, bool]:
    """(channel expr, lhs value, lhs ok, define) of a receive case."""
    if isinstance(comm, ast.ExprStmt):
        rx, lhs, define = comm.X, [], False
    else:
        assert isinstance(comm, ast.AssignStmt)
        rx, lhs, define = comm.Rhs[0], comm.Lhs, comm.Tok == token.DEFINE
    # The receive may be parenthesized: case (<-ch):
    while isinstance(rx, ast.ParenExpr):
        rx = rx.X
    assert isinstance(rx, ast.UnaryExpr) and rx.Op == token.ARROW
    return (rx.X, lhs[0] if lhs else None, lhs[1] if len(lhs) > 1 else None, define)


def nonblocking(fg: FuncGen, c: ast.CommClause, default: ast.CommClause) -> None:
    """select with one case and a default: selectnbsend / selectnbrecv."""
    if isinstance(c.Comm, ast.SendStmt):
        ch = fg.spillIfNeeded(fg.expr(c.Comm.Chan))
        et = ti.underAs(fg.typeOf(c.Comm.Chan), types.Chan).Elem()
        v = fg.expr(c.Comm.Value, et)
        addr = fg.addressOfValue(v, et) if not ti.isMem(et) else v
        sel = fg.tmp("_sel")
        fg.emit(f"{sel} = selectnbsend({ch}, {addr})")
        fg.emit(f"if {sel}:")
        with fg.indent():
            fg.stmtList(c.Body)
        fg.emit("else:")
        with fg.indent():
            fg.stmtList(default.Body)
        return
    chx, lv, lok, define = recvParts(c.Comm)
    ch = fg.spillIfNeeded(fg.expr(chx))
    et = ti.underAs(fg.typeOf(chx), types.Chan).Elem()
    slot = recvSlot(fg, et)
    sel = fg.tmp("_sel")
    ok = fg.tmp("_ok")
    fg.emit(f"{sel}, {ok} = selectnbrecv({slot}, {ch})")
    fg.emit(f"if {sel}:")
    with fg.indent():
        val = slot if ti.isMem(et) else ti.load(et, slot)
        assignRecv(fg, lv, val, et, define)
        if lok is not None:
            assignRecv(fg, lok, ok, types.Typ[types.Bool], define)
        fg.stmtList(c.Body)
    fg.emit("else:")
    with fg.indent():
        fg.stmtList(default.Body)


def general(fg: FuncGen, clauses: list[ast.CommClause]) -> None:
    sends = []
    recvs = []
    default = None
    for c in clauses:
        if c.Comm is None:
            default = c
            continue
        if isinstance(c.Comm, ast.SendStmt):
            ch = fg.spillIfNeeded(fg.expr(c.Comm.Chan))
            et = ti.underAs(fg.typeOf(c.Comm.Chan), types.Chan).Elem()
            v = fg.expr(c.Comm.Value, et)
            addr = fg.addressOfValue(v, et) if not ti.isMem(et) else v
            sends.append((c, ch, addr))
        else:
            chx, lv, lok, define = recvParts(c.Comm)
            ch = fg.spillIfNeeded(fg.expr(chx))
            et = ti.underAs(fg.typeOf(chx), types.Chan).Elem()
            slot = recvSlot(fg, et)
            recvs.append((c, ch, slot, et, lv, lok, define))
    cases = [f"({ch}, {a})" for _, ch, a in sends] + [f"({r[1]}, {r[2]})" for r in recvs]
    ci = fg.tmp("_ci")
    ok = fg.tmp("_ok")
    block = "False" if default is not None else "True"
    fg.emit(f"{ci}, {ok} = yield from selectgo(({''.join(c + ', ' for c in cases)}), {len(sends)}, {len(recvs)}, {block})")
    first = True
    ncases = len(sends) + len(recvs)

    def test(i: int) -> str:
        # Without a default, selectgo returns one of the cases: the last one
        # needs no test.
        if default is None and i == ncases - 1 and not first:
            return "else:"
        return ("if " if first else "elif ") + f"{ci} == {i}:"

    for i, (c, _ch, _a) in enumerate(sends):
        fg.emit(test(i))
        first = False
        with fg.indent():
            fg.stmtList(c.Body)
    for j, (c, _ch, slot, et, lv, lok, define) in enumerate(recvs):
        fg.emit(test(len(sends) + j))
        first = False
        with fg.indent():
            val = slot if ti.isMem(et) else ti.load(et, slot)
            assignRecv(fg, lv, val, et, define)
            if lok is not None and not (define and aliasOk(fg, lok, ok)):
                assignRecv(fg, lok, ok, types.Typ[types.Bool], define)
            fg.stmtList(c.Body)
    if default is not None:
        if first:
            fg.stmtList(default.Body)
        else:
            fg.emit("else:")
            with fg.indent():
                fg.stmtList(default.Body)


def aliasOk(fg: FuncGen, x: Any, ok: str) -> bool:
    """Let the variable a receive case defines for its ok (x) be the select's
    own result local ok, when nothing assigns, captures or takes the address
    of the variable: ok changes only when the select runs again, after the
    body, the variable's scope, has ended."""
    from gort.cmd.compile.gen import VarInfo

    obj = fg.info.Defs.get(x)
    if not isinstance(obj, types.Var) or obj.Name() == "_" or fg.storageOf(obj) != "py":
        return False
    f = fg.analysis.facts.get(obj)
    if f is not None and (f.reassigned or f.addrTaken or f.captured):
        return False
    fg.vars[obj] = VarInfo("py", ok, fg.vtype(obj))
    return True


def recvSlot(fg: FuncGen, et: types.Type) -> str:
    """The frame slot a receive case's element goes to. The slot is read only
    when its case is chosen, and then the runtime has written it (the value,
    or zero when the channel is closed): it is cleared first only if it
    holds pointers, which a scan of the parked goroutine's frame must not
    mistake for live ones (as FuncGen.recv)."""
    return fg.slotAddr(et) if ti.hasPointers(et) else fg.slotAddrNoClear(et)


def assignRecv(fg: FuncGen, x: Any, val: str, t: types.Type, define: bool) -> None:
    if x is None or (isinstance(x, ast.Ident) and x.Name == "_"):
        return
    if define:
        obj = fg.info.Defs.get(x)
        if isinstance(obj, types.Var):
            if ti.isMem(fg.vtype(obj)):
                vi = fg.declareVar(obj, zero=False)
                fg.emit(ti.copyMem(fg.vtype(obj), vi.name, val))
            else:
                fg.defineWith(obj, fg.convertValue(val, t, fg.vtype(obj)))
            return
    ref = fg.lvalue(x)
    xt = fg.typeOf(x)
    fg.storeRef(ref, xt, fg.convertValue(val, t, xt))
