"""for ... range: over integers, slices, arrays, strings, maps, channels, functions.

Each form becomes a Python `while` loop (so break and continue work) that
keeps gc's semantics: the range expression is evaluated once; for a slice
its length is taken once; a string is walked rune by rune (decoderune);
the iteration variables are new in each iteration (Go 1.22).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gort.cmd.compile import gotypes as types
from gort.cmd.compile import typeinfo as ti
from gort.cmd.compile.typeinfo import Rep
from gort.go import ast, token

if TYPE_CHECKING:
    from gort.cmd.compile.gen import FuncGen


def compileRange(fg: FuncGen, s: ast.RangeStmt) -> None:
    label = fg.takeLabel()
    cached = fg.cacheSlices(s.Body)
    try:
        _compileRange(fg, s, label)
    finally:
        fg.uncacheSlices(cached)


def _compileRange(fg: FuncGen, s: ast.RangeStmt, label: Any) -> None:
    from gort.cmd.compile.gen import Loop

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
    if isinstance(u, types.Signature):
        return rangeFunc(fg, s, loop, u)
    raise fg.err(s, f"gort: range over {xt} is not supported yet")


def assignIter(fg: FuncGen, s: ast.RangeStmt, x: Any, val: str, t: types.Type) -> None:
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


def rangeInt(fg: FuncGen, s: ast.RangeStmt, loop: Any, xt: types.Type) -> None:
    n = fg.spillIfNeeded(fg.expr(s.X))
    key = counterVar(fg, s)
    if key is not None:
        # The variable is the counter: the body never changes it, so each
        # iteration's variable starts where the count is (Go 1.22's copy
        # would be the same value).
        i = key.name
        if ti.intinfo(key.t)[1]:
            fg.bounded.add(i)  # in [0, n), n at most the signed type's maximum
    else:
        i = fg.tmp("_i")
    fg.emit(f"{i} = 0")
    fg.emit(f"while {i} < {n}:")
    with fg.indent():
        if key is None:
            assignIter(fg, s, s.Key, i, xt)
        loop.post = _Post(f"{i} += 1")
        fg.loopBody(loop, s.Body.List)
    if key is not None:
        fg.bounded.discard(i)
    fg.afterLoop(loop)


def counterVar(fg: FuncGen, s: ast.RangeStmt) -> Any:
    """The key variable of `for i := range x` as a Python local that can
    count the iterations itself (a VarInfo, now declared), or None: i must
    live in a Python local and the body must never assign it."""
    from gort.cmd.compile.gen import VarInfo

    if s.Tok != token.DEFINE or not isinstance(s.Key, ast.Ident) or s.Key.Name == "_":
        return None
    kv = fg.info.Defs.get(s.Key)
    if not isinstance(kv, types.Var) or fg.storageOf(kv) != "py" or _assignedIn(fg, s.Body, {kv}):
        return None
    vi = VarInfo("py", fg.local(kv.Name()), fg.vtype(kv))
    fg.vars[kv] = vi
    return vi


def keyLocal(fg: FuncGen, s: ast.RangeStmt) -> Any:
    """The key variable of `for v := range x` as a Python local (a VarInfo,
    now declared) that the loop can assign each value to itself, or None
    if v does not live in a plain Python local. (Go 1.22 gives every
    iteration its own v; a Python local assigned afresh each time is that.)"""
    from gort.cmd.compile.gen import VarInfo

    if s.Tok != token.DEFINE or not isinstance(s.Key, ast.Ident) or s.Key.Name == "_":
        return None
    kv = fg.info.Defs.get(s.Key)
    if not isinstance(kv, types.Var) or fg.storageOf(kv) != "py" or fg.wantsWordBase(kv):
        return None
    vi = VarInfo("py", fg.local(kv.Name()), fg.vtype(kv))
    if ti.hasPointers(vi.t):
        fg.ptrLocals.add(vi.name)
    fg.vars[kv] = vi
    return vi


class _Post:
    """A post statement given as Python source (for range loops)."""

    def __init__(self, line: str) -> None:
        self.line = line


def rangeSlice(fg: FuncGen, s: ast.RangeStmt, loop: Any, u: Any) -> None:
    if isinstance(u, types.Pointer):
        arr = ti.underAs(u.Elem(), types.Array)  # range over a pointer to an array
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
    key = counterVar(fg, s)
    i = key.name if key is not None else fg.tmp("_i")
    fg.emit(f"{i} = 0")
    size = ti.sizeof(et)
    provenSlice = boundsProof(fg, s)
    proof: tuple[str, str] | None = None  # (slice local, index local) for fg.inbounds
    # A one-word scalar element is read through its typed view by word index.
    wview = ""
    if s.Value is not None and not _blank(s.Value) and not ti.isMem(et):
        vw = ti.view(et)
        if vw is not None and size == 1 << vw[1]:
            wview = vw[0]
            if vw[1]:
                w = fg.tmp("_bw")
                fg.emit(f"{w} = {base} >> {vw[1]}")
                base = w
    fg.emit(f"while {i} < {n}:")
    with fg.indent():
        if key is None:
            assignIter(fg, s, s.Key, i, types.Typ[types.Int])
        if provenSlice is not None:
            assert isinstance(s.Key, ast.Ident)  # boundsProof found it a variable
            kobj = fg.info.Defs.get(s.Key)
            kv = fg.vars.get(kobj) if isinstance(kobj, types.Var) else None
            if kv is not None and kv.kind == "py":
                proof = (provenSlice, kv.name)
                fg.inbounds.add(proof)
                fg.bounded.add(kv.name)
        if s.Value is not None and not _blank(s.Value):
            if wview:
                v = f"{wview}[{base} + {i}]"
                assignIter(fg, s, s.Value, f"({v} != 0)" if ti.rep(et) == Rep.BOOL else v, et)
            else:
                a = fg.tmp()
                fg.emit(f"{a} = {base} + {i} * {size}" if size != 1 else f"{a} = {base} + {i}")
                assignIter(fg, s, s.Value, a if ti.isMem(et) else ti.load(et, a), et)
        loop.post = _Post(f"{i} += 1")
        fg.loopBody(loop, s.Body.List)
        if proof is not None:
            fg.inbounds.discard(proof)
    fg.afterLoop(loop)


def boundsProof(fg: FuncGen, s: ast.RangeStmt) -> str | None:
    """x's local when `for i := range x` makes x[i] in bounds: x is a local
    slice or array and neither x nor i changes in the body."""
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
    return xvi.name


def _assignedIn(fg: FuncGen, body: Any, vs: set[Any]) -> bool:
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


def rangeString(fg: FuncGen, s: ast.RangeStmt, loop: Any) -> None:
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


def rangeChan(fg: FuncGen, s: ast.RangeStmt, loop: Any, u: Any) -> None:
    from gort.cmd.compile.selects import recvSlot

    c = fg.spillIfNeeded(fg.expr(s.X))
    et = u.Elem()
    slot = recvSlot(fg, et)
    fg.emit("while True:")
    with fg.indent():
        # tryrecv: what was received, or None (park; or closed and
        # drained, which chanrecvpark reports by returning False).
        park = f"(yield from chanrecvpark({c}, {slot}, gp))"
        if ti.chanByValue(et):
            key = keyLocal(fg, s)
            v = key.name if key is not None else fg.tmp()
            fg.emit(f"if ({v} := tryrecv({c}, 0, True, gp)) is None:")
            with fg.indent():
                fg.emit(f"if not {park}: break")
                fg.emit(f"{v} = {ti.load(et, slot)}")
            if key is None:
                assignIter(fg, s, s.Key, v, et)
        else:
            fg.emit(f"if tryrecv({c}, {slot}, True, gp) is None and not {park}: break")
            assignIter(fg, s, s.Key, slot if ti.isMem(et) else ti.load(et, slot), et)
        loop.post = None
        fg.loopBody(loop, s.Body.List)
    fg.afterLoop(loop)


# --- range over functions (Go 1.23) -----------------------------------------------------
#
# `for k, v := range seq { body }` calls seq(yield) with a yield function
# whose body is the loop body: gc rewrites the body into a closure
# (cmd/compile/internal/rangefunc). gort makes it a Python function nested
# in the enclosing one, so it shares the enclosing function's locals through
# Python's closures (assignments use `nonlocal`), and reaches it through a
# funcval whose FUNCTAB entry is a trampoline to the nested function.
#
# Control leaves the body through the loop's state variable:
#   continue                 return True
#   break                    state = 1; return False
#   return x (outer func)    results -> holders; state = 2; return False
#   break/continue L (outer) state = 3 + k; return False, then the branch
#                            is taken after seq returns.
# A yield called after the body said stop panics, as in Go.


class RangeFunc:
    __slots__ = ("state", "holders", "branches", "loop", "stopped")

    def __init__(self, state: str, loop: Any) -> None:
        self.state = state  # Python name of the loop's exit state (an outer local)
        self.holders: list[str] = []  # outer locals receiving a return's results
        self.branches: list[tuple[Any, Any]] = []  # (target Loop, token) of outer branches
        self.loop = loop
        self.stopped = False


def rangeFunc(fg: FuncGen, s: ast.RangeStmt, loop: Any, u: Any) -> None:
    import re

    pg = fg.pg
    seq = fg.spillIfNeeded(fg.expr(s.X))
    n = pg.closureCount.get(fg.pyname + "#range", 0) + 1
    pg.closureCount[fg.pyname + "#range"] = n
    state = fg.tmp("_rs")
    rf = RangeFunc(state, loop)
    loop.rangeFunc = rf
    loop.pyloop = False
    # Holders for a return from inside the body live in the real function's scope.
    if fg.rfstack:
        rf.holders = fg.rfstack[0].holders
    else:
        rf.holders = [fg.tmp("_rv") for _ in fg.resultTypes]
        for h, t in zip(rf.holders, fg.resultTypes):
            fg.emit(f"{h} = {ti.zero(t) if not ti.isMem(t) else 0}")
    fg.emit(f"{state} = 0")
    # The nested yield function.
    yt = u.Params().At(0).Type().Underlying()
    nargs = yt.Params().Len()
    args = [fg.tmp("_ya") for _ in range(nargs)]
    fname = fg.tmp("_yield")
    defline = len(fg.L.lines)
    fg.emit(f"def {fname}(gp, ctx{''.join(', ' + a for a in args)}):")
    outerNames = {vi.name for vi in fg.vars.values() if vi.kind == "py"} | {"_sp"} | set(rf.holders)
    for st in (x.state for x in fg.rfstack):
        outerNames.add(st)
    outerNames.add(state)
    with fg.indent():
        bodyStart = len(fg.L.lines)
        fg.emit(f"if {state}: panicRangeFuncDone()")
        fg.rfstack.append(rf)
        fg.loops.append(loop)
        keys = [x for x in (s.Key, s.Value) if x is not None]
        for x, a, i in zip(keys, args, range(nargs)):
            assignIter(fg, s, x, a, yt.Params().At(i).Type())
        fg.stmtList(s.Body.List)
        fg.loops.pop()
        fg.rfstack.pop()
        fg.emit("return True")
        fg.emit("yield")
        body = fg.L.lines[bodyStart:]
        assigned: set[str] = set()
        pat = re.compile(r"^\s*((?:[A-Za-z_]\w*\s*,\s*)*[A-Za-z_]\w*)\s*(?:[-+*/%&|^]|<<|>>|//)?=(?!=)")
        for ln in body:
            m = pat.match(ln)
            if m:
                for name in m.group(1).split(","):
                    assigned.add(name.strip())
        nl = sorted(assigned & outerNames)
        if nl:
            indent = "    " * (fg.L.depth)
            fg.L.lines.insert(bodyStart, indent + "nonlocal " + ", ".join(nl))
            fg.golines.insert(bodyStart, fg.curline)
    _ = defline
    # The funcval: a trampoline that finds this activation's yield function.
    tname = f"{fg.pyname}__range{n}"
    if tname not in pg.methodWrappers:
        from gort.cmd.compile.gen import _wrapperMeta

        pg.methodWrappers.add(tname)
        pg.extra += [f"def {tname}(gp, ctx, *a):",
                     "    return (yield from goargs_peek(ctx)[0](gp, ctx, *a))", ""]
        pg.funcs.append(_wrapperMeta(tname, f"{fg.goname}-range{n}"))
    fv = fg.tmp("_fv")
    fg.emit(f"{fv} = goargs_put(FID_{tname}, {fname}, None, keep=True)")
    fg.emit("try:")
    with fg.indent():
        fg.emit(f"if not {seq}: panicmem()")
        fg.emit(f"yield from FUNCTAB[U64[{seq} >> 3]](gp, {seq}, {fv})")
    fg.emit("finally:")
    with fg.indent():
        fg.emit(f"goargs_take({fv})")
    # Leave the loop the way the body asked.
    fg.emit(f"if {state} == 2:")
    with fg.indent():
        emitReturnHolders(fg, rf)
    for k, (target, tok) in enumerate(rf.branches):
        fg.emit(f"if {state} == {3 + k}:")
        with fg.indent():
            fake = ast.BranchStmt.__new__(ast.BranchStmt)
            fake.TokPos = 0
            fake.Tok = tok
            fake.Label = ast.Ident.__new__(ast.Ident)
            fake.Label.NamePos = 0
            fake.Label.Name = target.label
            fg.stmt_BranchStmt(fake)


def emitReturnHolders(fg: FuncGen, rf: RangeFunc) -> None:
    """Return, in the current context, the results a body stored in the holders."""
    if fg.rfstack:
        outer = fg.rfstack[-1]
        fg.emit(f"{outer.state} = 2")
        fg.emit("return False")
        return
    rts = fg.resultTypes
    if fg.hasDefer:
        for vi, h in zip(fg.resultVars, rf.holders):
            fg.storeVar(vi, h)
        fg.emit("return")
        return
    if not rts:
        fg.emit("return")
    elif len(rts) == 1:
        fg.emit(f"return {rf.holders[0]}")
    else:
        fg.emit(f"return ({', '.join(rf.holders)},)")


def rangeFuncReturn(fg: FuncGen, s: ast.ReturnStmt) -> None:
    rf = fg.rfstack[-1]
    rts = fg.resultTypes
    results = s.Results
    if results:
        if len(results) == len(rts):
            vals = [fg.resultValue(fg.expr(r, t), t) for r, t in zip(results, rts)]
        else:
            vals = [fg.resultValue(fg.convertValue(v, t0, t), t) for (v, t0), t in zip(fg.multiValue(results[0]), rts)]
    else:
        vals = [fg.loadVar(v) for v in fg.resultVars]
    for h, v in zip(rf.holders, vals):
        fg.emit(f"{h} = {v}")
    fg.emit(f"{rf.state} = 2")
    fg.emit("return False")


def rangeFuncBranch(fg: FuncGen, s: Any, target: Any, tok: Any) -> bool:
    """A break/continue inside a range-over-func body. Reports whether it was handled."""
    rf = fg.rfstack[-1]
    # Is the target inside the body (a loop nested in it)? Then it is ordinary.
    idx = fg.loops.index(rf.loop)
    if target in fg.loops[idx + 1:]:
        return False
    if target is rf.loop:
        if tok == token.CONTINUE:
            fg.emit("return True")
        else:
            fg.emit(f"{rf.state} = 1")
            fg.emit("return False")
        return True
    rf.branches.append((target, tok))
    fg.emit(f"{rf.state} = {3 + len(rf.branches) - 1}")
    fg.emit("return False")
    return True
