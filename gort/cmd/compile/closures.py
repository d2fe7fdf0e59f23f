"""Function literals and method values: funcvals over captured variables.

A closure is a funcval in Go memory: word 0 holds the function's index in
FUNCTAB, then the captured variables (gc's closure layout). A variable
that is never assigned after it is captured is copied into the funcval
(by value); any other is captured by reference, as the address of its heap
cell. The function receives the funcval as `ctx` and loads what it
captured on entry.

A literal that captures nothing needs no allocation: its funcval is the
function's index alone, a static funcval (`FV_...`, laid out by the
linker with those of top-level functions used as values) shared by every
evaluation, as gc shares one in read-only data.

A method value `x.M` is a closure capturing the receiver (`T.M-fm` in gc).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gort.cmd.compile import gotypes as types
from gort.cmd.compile import typeinfo as ti
from gort.go import ast

if TYPE_CHECKING:
    from gort.cmd.compile.gen import FuncGen


def closureLayout(fg: FuncGen, caps: list[types.Var]) -> tuple[list[tuple[types.Var, int, bool]], int, list[int]]:
    """(var, offset, byref) for each capture, the funcval size, its pointer words."""
    off = 8
    out = []
    ptrs: list[int] = []
    for v in caps:
        t = fg.vtype(v)
        f = fg.analysis.facts.get(v)
        byref = f is not None and (f.addrTaken or f.reassigned)
        if byref:
            off = (off + 7) & ~7
            out.append((v, off, True))
            ptrs.append(off // 8)
            off += 8
        else:
            a = max(ti.alignof(t), 1)
            off = (off + a - 1) & ~(a - 1)
            out.append((v, off, False))
            for w in ti.ptrwords(t):
                ptrs.append(off // 8 + w)
            off += ti.sizeof(t)
    size = (off + 7) & ~7
    return out, size, ptrs


def compileFuncLit(fg: FuncGen, e: ast.FuncLit) -> str:
    from gort.cmd.compile.gen import FuncGen

    pg = fg.pg
    n = pg.closureCount.get(fg.pyname, 0) + 1
    pg.closureCount[fg.pyname] = n
    pyname = f"{fg.pyname}__func{n}"
    goname = f"{fg.goname}.func{n}"
    pg.funcNames[e] = pyname
    if e not in fg.analysis.captures:
        fg.analysis.analyze(e)  # a literal in a package-level initializer
    caps = fg.analysis.captures.get(e, [])
    pg.colors[pyname] = True
    sub = FuncGen(pg, e, pyname, goname)
    sub.info, sub.analysis, sub.smap = fg.info, fg.analysis, fg.smap
    sub.isgen = True
    sub.compile(lit=e, captures=caps)
    if not caps:
        # Nothing captured: every evaluation would make the same one-word
        # funcval, so it is made once, static data the linker lays out (gc
        # puts it in read-only data, as `pkg.f·f`).
        return pg.funcvalOf(pyname)
    layout, size, ptrs = closureLayout(fg, caps)
    fv = fg.tmp()
    # new(closure struct): the descriptor's size is the closure's (newobject_g
    # spares mallocgc_g's sizing of the request).
    fg.emit(f"{fv} = newobject_g(gp, {pg.closureTypeRef(size, tuple(ptrs))})")
    # Three words or more are stored by index from the funcval's word index
    # (a heap object: it never moves).
    if size >= 24:
        fw = fg.tmp("_fw")
        fg.emit(f"{fw} = {fv} >> 3")
        fg.wordBase[fv] = fw
    for st in ti.store(types.Typ[types.Uintptr], fv, f"FID_{pyname}"):
        fg.emit(st)
    for v, off, byref in layout:
        vi = fg.varOf(v, e)
        if byref:
            if vi.kind != "mem":
                raise fg.err(e, f"internal error: captured variable {v.Name()} is not in memory")
            for st in ti.store(types.Typ[types.Uintptr], fv, vi.name, off):
                fg.emit(st)
        else:
            val = fg.loadVar(vi)
            for st in ti.store(fg.vtype(v), fv, val, off):
                fg.emit(st)
    fg.ptrLocals.add(fv)
    return fv


def methodValue(fg: FuncGen, e: ast.SelectorExpr, sel: Any) -> str:
    """x.M as a value: a funcval capturing the receiver (or, for T.M, the method itself)."""
    from gort.cmd.compile.calls import (
        ifaceMethodIndex,
        ifaceOperand,
        instanceSelection,
        isIfaceMethod,
        methodReceiver,
    )
    from gort.cmd.compile.gen import _wrapperMeta

    pg = fg.pg
    if fg.smap is not None:
        sel = instanceSelection(fg, sel, e)
    fn = sel.Obj()
    sig = fn.Type()
    nparams = sig.Params().Len()
    args = ", ".join(f"a{i}" for i in range(nparams))
    cargs = "".join(f", a{i}" for i in range(nparams))
    if sel.Kind() == types.MethodExpr:
        # T.M: a function whose first parameter is the receiver.
        if types.IsInterface(sel.Recv()):
            it = sel.Recv().Underlying()
            k = ifaceMethodIndex(it, fn.Name(), fn.Pkg())
            name = f"ME_{abs(hash((ti.typeKey(sel.Recv()), fn.Name()))):x}"
            if name not in pg.methodWrappers:
                pg.methodWrappers.add(name)
                pg.extra += [f"def {name}(gp, ctx, r{', ' if args else ''}{args}):",
                             "    if not r[0]: panicmem()",
                             f"    return (yield from FUNCTAB[U64[(r[0] + {24 + 8 * k}) >> 3]](gp, r[1]{cargs}))", ""]
                pg.funcs.append(_wrapperMeta(name, f"{ti.typeKey(sel.Recv())}.{fn.Name()}"))
            return pg.funcvalOf(name)
        recvT = sig.Recv().Type()
        if isinstance(sel.Recv(), types.Pointer) and not isinstance(recvT, types.Pointer):
            # (*T).M for a method declared on T: dereference the pointer argument.
            name = f"MEP_{fg.pg.funcRef(fn)}"
            if name not in pg.methodWrappers:
                pg.methodWrappers.add(name)
                mref = pg.funcRef(fn)
                pre = []
                if ti.isMem(recvT):
                    # The method owns its receiver: give it a copy.
                    pre = [f"    rc = newobject_g(gp, {fg.pg.tref(recvT)})", "    " + ti.copyMem(recvT, "rc", "r")]
                    recv = "rc"
                else:
                    recv = ti.load(recvT, "r")
                pg.extra += [f"def {name}(gp, ctx, r{', ' if args else ''}{args}):",
                             "    if not r: panicmem()"] + pre + [
                             f"    r_ = {mref}(gp, {recv}{cargs})",
                             "    if r_ is not None and hasattr(r_, 'send'):",
                             "        r_ = yield from r_",
                             "    return r_", ""]
                pg.funcs.append(_wrapperMeta(name, pg.funcGoName(fn) + "-fm"))
            return pg.funcvalOf(name)
        return fg.funcValue(fn)
    # Bound method value: evaluate the receiver now.
    recvT = sel.Recv()
    fnx: str | None
    callee: str | None
    if isIfaceMethod(fn):
        # x's interface, or an interface field embedded in x's type: bound
        # to that interface value.
        iv, k = ifaceOperand(fg, e, sel, fn)
        fg.emit(f"if not {iv}[0]: panicmem()")
        fnx = f"FUNCTAB[U64[({iv}[0] + {24 + 8 * k}) >> 3]]"
        recv = f"{iv}[1]"
        callee = None
    else:
        recv = methodReceiver(fg, e, sel, fn)
        fnx = None
        callee = fg.methodRef(fn)[0]
    # The funcval: {fn index, receiver (as passed)} kept in a side table (see goargs).
    wname = f"{fg.pyname}__fm{len(pg.methodWrappers)}"
    pg.methodWrappers.add(wname)
    gen = True if callee is None else pg.isGenFunc(fn)
    body = f"fn(gp, r{cargs})"
    pg.extra += [f"def {wname}(gp, ctx{', ' if args else ''}{args}):",
                 "    fn, r = goargs_peek(ctx)",
                 f"    r_ = {body}",
                 "    if r_ is not None and hasattr(r_, 'send'):",
                 "        r_ = yield from r_",
                 "    return r_", ""]
    _ = gen
    # gc names it after the method (x.M goes to the type that declares M):
    # main.T.M-fm, main.(*T).M-fm, main.I.M-fm.
    m = _wrapperMeta(wname, pg.funcGoName(fn) + "-fm")
    m.nargs = nparams
    pg.funcs.append(m)
    fv = fg.tmp()
    target = callee if callee is not None else fnx
    fg.emit(f"{fv} = goargs_put(FID_{wname}, {target}, {recv}, keep=True)")
    return fv
