"""Calls: functions, methods, interfaces, func values, conversions, builtins.

Calling convention (docs/design/0001): `F(gp, args...)`, generators with
`yield from`. A struct or array argument is passed as the address of a copy
the callee owns; a struct or array result comes back as the address of the
callee's result slot and is copied into this frame at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gort.cmd.compile import gotypes as types
from gort.cmd.compile import typeinfo as ti
from gort.cmd.compile.color import classifyCall, unparen
from gort.cmd.compile.intrange import Range, exprRange, fits
from gort.cmd.compile.typeinfo import Rep
from gort.go import ast, constant

if TYPE_CHECKING:
    from gort.cmd.compile.gen import FuncGen


def compileCall(fg: FuncGen, e: ast.CallExpr) -> str:
    vals = compileCallMulti(fg, e, single=True)
    if not vals:
        return ""
    return vals[0][0]


def resultTypes(sig: Any) -> list[types.Type]:
    r = sig.Results()
    return [r.At(i).Type() for i in range(r.Len())]


def classifyCallIn(fg: FuncGen, call: ast.CallExpr) -> tuple[str, Any]:
    """classifyCall in this function, for this generic instance: x.M(...) where
    x's type is a type parameter is a method of the constraint to the checker
    ("iface"), but calls the type argument's own method ("method"), or, if
    the type argument is an interface, that interface's method."""
    kind, x = classifyCall(fg.info, call)
    if kind != "iface" or fg.smap is None:
        return kind, x
    sel = instanceSelection(fg, x, call)
    if types.IsInterface(sel.Recv()):
        return "iface", sel
    return "method", (sel.Obj(), sel)


def instanceSelection(fg: FuncGen, sel: Any, at: Any) -> Any:
    """sel (a method value or expression) for this generic instance: the
    type argument's method where the receiver's type is a type parameter
    (the checker's selection names the constraint's method)."""
    recv = fg.T(sel.Recv())
    if recv is sel.Recv():
        return sel
    fn = sel.Obj()
    if types.IsInterface(recv):
        return types.Selection(sel.Kind(), recv, fn, sel.Index(), sel.Indirect())
    obj, index, indirect = types.LookupFieldOrMethod(recv, False, fn.Pkg(), fn.Name())
    if not isinstance(obj, types.Func) or index is None:
        from gort.cmd.compile.gen import CompileError

        raise CompileError(at.Pos(), f"internal error: no method {fn.Name()} in {recv}")
    return types.Selection(sel.Kind(), recv, obj, index, indirect)


def compileCallMulti(fg: FuncGen, e: ast.CallExpr, single: bool = False) -> list[tuple[str, types.Type]]:
    kind, x = classifyCallIn(fg, e)
    if kind == "conv":
        x = fg.T(x)
        return [(conversion(fg, e, x), x)]
    if kind == "builtin":
        from gort.cmd.compile.builtins import compileBuiltin

        v = compileBuiltin(fg, e, x)
        return [(v, fg.typeOf(e))] if v else []
    call, sig, isgen = callTarget(fg, e, kind, x)
    rts = resultTypes(sig)
    code = f"(yield from {call})" if isgen else call
    if not rts:
        fg.emit(code)
        return []
    if len(rts) == 1:
        t = rts[0]
        if ti.isMem(t):
            return [(freshResult(fg, code, t), t)]
        return [(code, t)]
    tup = fg.tmp()
    fg.emit(f"{tup} = {code}")
    out = []
    for i, t in enumerate(rts):
        if ti.isMem(t):
            out.append((freshResult(fg, f"{tup}[{i}]", t), t))
        else:
            v = fg.tmp()
            fg.emit(f"{v} = {tup}[{i}]")
            out.append((v, t))
    return out


def freshResult(fg: FuncGen, code: str, t: types.Type) -> str:
    """Copy a composite result (the callee's slot) into a fresh slot of this frame."""
    r = fg.tmp()
    fg.emit(f"{r} = {code}")
    slot = fg.slotAddrNoClear(t)
    fg.emit(ti.copyMem(t, slot, r))
    return slot


def callTarget(fg: FuncGen, e: ast.CallExpr, kind: str, x: Any) -> tuple[str, Any, bool]:
    """(Python call expression, signature, is generator)."""
    pg = fg.pg
    if kind in ("static", "method"):
        from gort.cmd.compile.intrinsics import atomicOp, compileAtomic

        fn = x if kind == "static" else x[0]
        at = atomicOp(kind, fn)
        if at is not None:
            return compileAtomic(fg, e, kind, fn, None if kind == "static" else x[1], *at), fg.T(fn.Type()), False
    if kind == "static":
        fn = x
        sig = fn.Type()
        if sig.TypeParams():
            ident = calleeIdent(e.Fun)
            inst = fg.info.Instances[ident]
            targs = [fg.T(a) for a in inst.TypeArgs]
            sig = fg.T(inst.Type)
            if fn.Pkg() is not None and (ti.pkgPath(fn.Pkg()), fn.Name()) in _NOOP_INTRINSICS:
                # gc's intrinsics for its escape analysis: nothing to do at run time.
                from gort.cmd.compile.gen import _simple

                for a in evalArgs(fg, e, sig):
                    if not _simple(a):
                        fg.emit(a)
                return "None", sig, False
            ref = pg.instanceOf(fn, targs)
            args = evalArgs(fg, e, sig)
            return f"{ref}(gp{_join(args)})", sig, True
        ref = pg.funcRef(fn)
        if sig.Recv() is not None:
            # Method expression T.M(x, args): the receiver is the first argument.
            rv, rest = methodExprReceiver(fg, e, sig)
            args = [rv] + evalArgs(fg, rest, sig)
            return f"{ref}(gp{_join(args)})", sig, pg.isGenFunc(fn)
        args = evalArgs(fg, e, sig)
        inl = pg.inlinable.get(fn)
        if inl is not None:
            from gort.cmd.compile.inline import inlineCall

            v = inlineCall(fg, fn, inl, args, list(e.Args) if len(e.Args) == len(args) else None)
            if v is not None:
                return v, sig, False
        return f"{ref}(gp{_join(args)})", sig, pg.isGenFunc(fn)
    if kind == "iface" or (kind == "method" and isIfaceMethod(x[0])):
        # A dynamic call through an itab: x.M on an interface x, or M
        # promoted from an interface field embedded in x's type.
        sel = x if kind == "iface" else x[1]
        fn = sel.Obj() if kind == "iface" else x[0]
        iv, k = ifaceOperand(fg, methodSelector(e), sel, fn)
        sig = fg.T(fn.Type())
        mark = len(fg.L.lines)
        args = evalArgs(fg, e, sig)
        iv = fg.spillAt(iv, mark)
        fg.emit(f"if not {iv}[0]: panicmem()")
        return f"FUNCTAB[U64[({iv}[0] + {24 + 8 * k}) >> 3]](gp, {iv}[1]{_join(args)})", sig, True
    if kind == "method":
        fn, sel = x
        ref, sig, gen = fg.methodRef(fn, methodSelector(e))
        recvv = methodReceiver(fg, methodSelector(e), sel, fn)
        args = evalArgs(fg, e, sig)
        inl = pg.inlinable.get(fn)
        if inl is not None:
            from gort.cmd.compile.inline import inlineCall

            v = inlineCall(fg, fn, inl, [recvv] + args, [None] + list(e.Args) if len(e.Args) == len(args) else None)
            if v is not None:
                return v, sig, False
        return f"{ref}(gp, {recvv}{_join(args)})", sig, gen
    # A func value.
    fv = fg.spillIfNeeded(fg.expr(e.Fun))
    sig = fg.typeOf(e.Fun).Underlying()
    lit = litFunc(fg, e.Fun)
    if lit is not None:
        # func(...){...}(args): the function is known, the funcval not nil.
        return f"{lit}(gp, {fv}{_join(evalArgs(fg, e, sig))})", sig, True
    mark = len(fg.L.lines)
    args = evalArgs(fg, e, sig)
    fv = fg.spillAt(fv, mark)
    fg.emit(f"if not {fv}: panicmem()")
    return f"FUNCTAB[U64[{fv} >> 3]](gp, {fv}{_join(args)})", sig, True


def isIfaceMethod(fn: types.Func) -> bool:
    """Is fn a method of an interface (x's own, or an embedded interface field's)?"""
    recv = fn.Signature().Recv()
    return recv is not None and types.IsInterface(recv.Type())


def ifaceOperand(fg: FuncGen, fun: ast.SelectorExpr, sel: Any, fn: types.Func) -> tuple[str, int]:
    """For x.M with M an interface method — of x's interface type, or
    promoted from an interface field embedded in x's type: (the interface
    value, spilled; M's index in its method table). The caller checks the
    value for nil and calls FUNCTAB[itab.fun[k]]."""
    if types.IsInterface(sel.Recv()):
        iv = fg.spillIfNeeded(fg.expr(fun.X))
        return iv, ifaceMethodIndex(sel.Recv().Underlying(), fn.Name(), fn.Pkg())
    # The method's index in the embedded field's interface (RW), which may
    # hold more methods than the one that declares it (io.Writer).
    it = fg.typeOf(fun.X)
    for i in sel.Index()[:-1]:
        st = it.Underlying()
        if isinstance(st, types.Pointer):
            st = st.Elem().Underlying()
        assert isinstance(st, types.Struct)  # sel.Index() is a path of embedded fields
        it = fg.T(st.Field(i).Type())
    iv = fg.spillIfNeeded(methodReceiver(fg, fun, sel, fn))
    return iv, ifaceMethodIndex(it.Underlying(), fn.Name(), fn.Pkg())


def methodExprReceiver(fg: FuncGen, e: ast.CallExpr, sig: Any) -> tuple[str, _Rest]:
    """The receiver argument of a method expression call T.M(x, args...), and the rest."""
    rt_ = sig.Recv().Type()
    xt = fg.typeOf(e.Args[0])
    rv = fg.expr(e.Args[0])
    if isinstance(xt.Underlying(), types.Pointer) and not isinstance(rt_, types.Pointer):
        p = fg.nilChecked(fg.spillIfNeeded(rv))
        rv = ti.load(rt_, p) if not ti.isMem(rt_) else p
    return argValue(fg, rv, rt_, False), _Rest(e)


def litFunc(fg: FuncGen, fun: Any) -> str | None:
    """The Python function of fun if it is a function literal (just compiled)."""
    fun = unparen(fun)
    return fg.pg.funcNames.get(fun) if isinstance(fun, ast.FuncLit) else None


# Generic functions gc implements as intrinsics whose Go bodies only panic.
_NOOP_INTRINSICS = {("internal/abi", "EscapeNonString")}


def methodSelector(e: ast.CallExpr) -> Any:
    """The x.M of a method call x.M(...) or x.M[T](...)."""
    fun = unparen(e.Fun)
    if isinstance(fun, (ast.IndexExpr, ast.IndexListExpr)):
        fun = unparen(fun.X)
    return fun


def calleeIdent(fun: Any) -> Any:
    fun = unparen(fun)
    if isinstance(fun, (ast.IndexExpr, ast.IndexListExpr)):
        fun = unparen(fun.X)
    if isinstance(fun, ast.SelectorExpr):
        return fun.Sel
    return fun


class _Rest:
    """A call's arguments after the first (the receiver of a method expression call)."""

    def __init__(self, e: ast.CallExpr) -> None:
        self.Args = e.Args[1:]
        self.Ellipsis = e.Ellipsis


def _join(args: list[str]) -> str:
    return "".join(", " + a for a in args)


def ifaceMethodIndex(it: Any, name: str, pkg: Any) -> int:
    """Index of a method in an interface's itab: methods sorted by name (Go's order)."""
    from gort.cmd.compile.typedesc import ifaceMethods

    names = [m[0] for m in ifaceMethods(it)]
    key = name if ast_isExported(name) or pkg is None else f"{ti.pkgPath(pkg)}.{name}"
    return names.index(key)


def ast_isExported(name: str) -> bool:
    return bool(name) and name[0].isupper()


def evalArgs(fg: FuncGen, e: ast.CallExpr | _Rest, sig: Any) -> list[str]:
    """Arguments in order, converted to the parameter types, composites copied."""
    params = sig.Params()
    n = params.Len()
    variadic = sig.Variadic()
    args = e.Args
    # f(g()) with g multi-valued
    if len(args) == 1 and n > 1 or (len(args) == 1 and isinstance(fg.typeOf(args[0]), types.Tuple)):
        tv = fg.info.Types.get(args[0])
        if tv is not None and isinstance(tv.Type, types.Tuple):
            vals = fg.multiValue(args[0])
            out: list[str] = []
            if variadic and not e.Ellipsis:
                fixed = vals[: n - 1]
                rest = vals[n - 1:]
                for (v, t), i in zip(fixed, range(n - 1)):
                    out.append(argValue(fg, fg.convertValue(v, t, params.At(i).Type()), params.At(i).Type(), True))
                st = params.At(n - 1).Type()
                out.append(buildVariadic(fg, [(fg.convertValue(v, t, st.Elem()), t) for v, t in rest], st))
                return out
            for (v, t), i in zip(vals, range(n)):
                pt = params.At(i).Type()
                out.append(argValue(fg, fg.convertValue(v, t, pt), pt, True))
            return out
    out = []
    marks: list[tuple[int, int]] = []
    fixedN = n - 1 if variadic and not e.Ellipsis else n
    for i, a in enumerate(args[:fixedN]):
        pt = params.At(i).Type()
        mark = len(fg.L.lines)
        v = fg.expr(a, pt)
        v = argValue(fg, v, pt, False)
        # Keep Go's left-to-right order: earlier args before later statements.
        for j in range(len(out)):
            out[j] = fg.spillAt(out[j], mark) if False else out[j]
        out, marks = _spillEarlier(fg, out, marks, mark), marks
        out.append(v)
        marks.append((mark, len(fg.L.lines)))
    if variadic and not e.Ellipsis:
        st = params.At(n - 1).Type()
        et = st.Elem()
        mark = len(fg.L.lines)
        rest = []
        for a in args[fixedN:]:
            v = fg.expr(a, et)
            if not ti.isMem(et):
                # Evaluated now, not when stored into the slice: a call
                # here must come before the calls of later arguments.
                v = fg.spillIfNeeded(v)
            rest.append((v, et))
        out = _spillEarlier(fg, out, marks, mark)
        out.append(buildVariadic(fg, rest, st))
    return out


def _spillEarlier(fg: FuncGen, out: list[str], marks: list[tuple[int, int]], mark: int) -> list[str]:
    if len(fg.L.lines) == mark:
        return out
    return out


def argValue(fg: FuncGen, v: str, t: types.Type, fresh: bool) -> str:
    """An argument as passed: composites as the address of a copy the callee owns."""
    if ti.isMem(t):
        if fg.isFresh(v):
            return v
        slot = fg.slotAddrNoClear(t)
        fg.emit(ti.copyMem(t, slot, v))
        return slot
    from gort.cmd.compile.gen import _simple

    if not _simple(v) and ("yield" in v):
        tv = fg.tmp()
        fg.emit(f"{tv} = {v}")
        return tv
    return v


def buildVariadic(fg: FuncGen, vals: list[tuple[str, types.Type]], st: types.Type) -> str:
    """A []T holding vals (the ... parameter); nil if there are none."""
    if not vals:
        return "ZSL"
    et = ti.underAs(st, types.Slice).Elem()
    n = len(vals)
    size = ti.sizeof(et)
    p = fg.tmp()
    # Go allocates the backing array on the stack when it does not escape;
    # gort puts it on the heap.
    fg.emit(f"{p} = newarray_g(gp, {fg.pg.tref(et)}, {n})")
    for i, (v, _t) in enumerate(vals):
        if not ti.isMem(et):
            from gort.cmd.compile.gen import _simple

            if not _simple(v):
                tv = fg.tmp()
                fg.emit(f"{tv} = {v}")
                v = tv
        for s in ti.store(et, p, v, i * size):
            fg.emit(s)
    return f"({p}, {n}, {n})"


def methodReceiver(fg: FuncGen, fun: ast.SelectorExpr, sel: Any, fn: types.Func) -> str:
    """The receiver argument for a static method call x.M(...)."""
    recv = fn.Signature().Recv()
    assert recv is not None  # fn is a method
    recvT = fg.T(recv.Type())
    ptrRecv = isinstance(recvT, types.Pointer)
    path = sel.Index()[:-1]
    xt = fg.typeOf(fun.X)
    # Start: a pointer value, or the address of x.
    xu = xt.Underlying()
    if isinstance(xu, types.Pointer):
        base = fg.spillIfNeeded(fg.expr(fun.X))
        isPtr = True
        cur = xu.Elem()
    elif ti.isMem(xt) or fg.info.Types[fun.X].Addressable() or ptrRecv:
        if ti.isMem(xt) or ptrRecv:
            if fg.info.Types[fun.X].Addressable() or ti.isMem(xt):
                base = fg.baseAddr(fun.X)
            else:
                base = fg.addressOfValue(fg.expr(fun.X), xt)
            isPtr = True
            cur = xt
        else:
            base = fg.expr(fun.X)
            isPtr = False
            cur = xt
    else:
        base = fg.expr(fun.X)
        isPtr = False
        cur = xt
    if path:
        if not isPtr:
            base = fg.addressOfValue(base, xt)
            isPtr = True
        # walk embedded fields
        off = 0
        for i in path:
            st = cur.Underlying()
            if isinstance(st, types.Pointer):
                a = f"({base} + {off})" if off else base
                p = fg.tmp()
                fg.emit(f"{p} = U64[{a} >> 3]")
                base, off = p, 0
                st = st.Elem().Underlying()
            assert isinstance(st, types.Struct)  # sel.Index() is a path of embedded fields
            off += ti.offsetsof(st)[i]
            cur = st.Field(i).Type()
        cu = cur.Underlying()
        if isinstance(cu, types.Pointer) and not ti.isMem(cur):
            a = f"({base} + {off})" if off else base
            p = fg.tmp()
            fg.emit(f"{p} = U64[{a} >> 3]")
            base, off = p, 0
            cur = cu.Elem()
        elif off:
            b2 = fg.tmp()
            fg.emit(f"{b2} = {base} + {off}")
            base = b2
    # base is a pointer to cur (if isPtr) or the value of cur.
    if ptrRecv:
        if not isPtr:
            return fg.addressOfValue(base, cur)
        return base
    # Value receiver.
    if isPtr:
        if isinstance(xt.Underlying(), types.Pointer) or path:
            b = fg.spillIfNeeded(base)
            fg.emit(f"if not {b}: panicmem()")
            base = b
        if ti.isMem(cur):
            slot = fg.slotAddrNoClear(cur)
            fg.emit(ti.copyMem(cur, slot, base))
            return slot
        return ti.load(cur, fg.spillIfNeeded(base))
    if ti.isMem(cur):
        return argValue(fg, base, cur, False)
    return base


# --- conversions ---------------------------------------------------------------------


def conversion(fg: FuncGen, e: ast.CallExpr, to: types.Type) -> str:
    arg = e.Args[0]
    frm = fg.typeOf(arg)
    c = fg.constOf(e)
    if c is not None:
        return fg.constant(c, to)
    v = fg.expr(arg)
    r: Range | None = None
    if ti.rep(to) == Rep.INT and ti.rep(frm) == Rep.INT and not _untyped(frm):
        r = exprRange(fg, arg, frm)
        if fits(r, to):
            return v  # the value is in to's range already (intrange.py)
    return convert(fg, v, frm, to, e, r)


def convert(fg: FuncGen, v: str, frm: types.Type, to: types.Type, node: Any, r: Range | None = None) -> str:
    """v, of type frm, converted to type to; r bounds an integer v when known."""
    fu = frm.Underlying()
    tu = to.Underlying()
    if types.IsInterface(to):
        return fg.convertValue(v, frm, to)
    fr = ti.rep(frm) if not (isinstance(fu, types.Basic) and fu.Kind() == types.UntypedNil) else Rep.PTR
    tr = ti.rep(to)
    if tr == Rep.STRING:
        if fr == Rep.STRING:
            return v
        if fr == Rep.INT:
            return f"intstring({v})"
        if fr == Rep.SLICE:
            et = ti.underAs(ti.underAs(frm, types.Slice).Elem(), types.Basic)  # byte or rune
            if et.Kind() in (types.Uint8,):
                return f"slicebytetostring({v})"
            return f"slicerunetostring({v})"
    if tr == Rep.SLICE and fr == Rep.STRING:
        et = ti.underAs(ti.underAs(to, types.Slice).Elem(), types.Basic)  # byte or rune
        if et.Kind() == types.Uint8:
            c = fg.constOf(node.Args[0]) if isinstance(node, ast.CallExpr) and node.Args else None
            if c is not None:
                # gc allocates exactly len bytes for a constant string.
                n = len(constant.StringVal(c).encode("utf-8", "surrogateescape"))
                if n == 0:
                    return "(zerobase, 0, 0)"
                p = fg.tmp()
                fg.emit(f"{p} = mallocgc_g(gp, {n}, None, False)")
                fg.emit(f"memmove({p}, {v}[0], {n})")
                return f"({p}, {n}, {n})"
            return f"stringtoslicebyte({v})"
        return f"stringtoslicerune({v})"
    if tr == Rep.INT:
        if fr == Rep.INT:
            tb, ts = ti.intinfo(to)
            fb, fs = ti.intinfo(frm) if not _untyped(frm) else (64, True)
            if tb > fb or (tb == fb and ts == fs) or (tb > fb - (0 if fs else 1) and fs == ts):
                if tb >= fb and (ts or not fs):
                    return v
            return fg.wrap(v, to, r)
        if fr == Rep.FLOAT:
            bits, signed = ti.intinfo(to)
            return f"f2i({v}, {bits}, {signed})"
        if fr == Rep.PTR:
            return v
    if tr == Rep.FLOAT:
        if fr == Rep.INT:
            return f"f32r(float({v}))" if ti.isFloat32(to) else f"float({v})"
        if fr == Rep.FLOAT:
            if ti.isFloat32(to) and not ti.isFloat32(frm):
                return f"f32r({v})"
            return v
    if tr == Rep.COMPLEX:
        if ti.isFloat32(to) and not ti.isFloat32(frm):
            return f"c64r({v})"
        return v
    if tr == Rep.PTR:
        if isinstance(tu, types.Pointer) and isinstance(fu, types.Slice):
            # (*[N]T)(s)
            n = ti.underAs(tu.Elem(), types.Array).Len()
            s = fg.spillIfNeeded(v)
            fg.emit(f"if {s}[1] < {n}: panicSliceConvert({n}, {s}[1])")
            return f"{s}[0]"
        return v
    if tr == Rep.MEM and fr == Rep.SLICE:
        # [N]T(s): copy N elements.
        n = ti.underAs(to, types.Array).Len()
        s = fg.spillIfNeeded(v)
        fg.emit(f"if {s}[1] < {n}: panicSliceConvert({n}, {s}[1])")
        slot = fg.slotAddrNoClear(to)
        fg.emit(f"memmove({slot}, {s}[0], {ti.sizeof(to)})")
        return slot
    if tr == fr:
        return v
    raise fg.err(node, f"gort: conversion from {frm} to {to} is not supported yet")


def _untyped(t: Any) -> bool:
    return isinstance(t, types.Basic) and bool(t.Info() & types.IsUntyped)


# --- defer and go -----------------------------------------------------------------------


def goClosure(fg: FuncGen, call: ast.CallExpr, kind_: str) -> str:
    """A funcval that runs `call` with its operands evaluated now (go statement)."""
    kind, x = classifyCallIn(fg, call)
    pg = fg.pg
    fun = unparen(call.Fun)
    if kind == "value" and isinstance(fun, ast.FuncLit) and not call.Args:
        return fg.expr(fun)  # go func() {...}(): the closure itself
    # Evaluate the callee and the arguments now, into a heap block:
    #   word 0: the gowrap function's index; then the callee's pieces and the args.
    from gort.cmd.compile.defers import deferTarget

    d = deferTarget(fg, call)
    args = d.args
    fn = d.fn
    if d.viaFuncval:
        if len(args) == 2:
            # go f() with no arguments: gc hands the func value itself to
            # newproc, which ends the program if it is nil ("go of nil func
            # value").
            return args[1]
        # go f(x): the wrapper calls f in the new goroutine, where a nil f
        # faults (gonilfunc), after the go statement is done.
        fn = fg.tmp()
        fg.emit(f"{fn} = FUNCTAB[U64[{args[1]} >> 3]] if {args[1]} else gonilfunc")
    elif d.noop:
        fn = "(lambda *a: None)"
    # Store the Python callable and args in a side table keyed by the block.
    pg.gowrapCount[fg.pyname] = pg.gowrapCount.get(fg.pyname, 0) + 1
    n = pg.gowrapCount[fg.pyname]
    wname = f"{fg.pyname}__gowrap{n}"
    pg.extra.append(f"def {wname}(gp, ctx):")
    pg.extra.append("    fn, args = goargs_take(ctx)")
    # The new goroutine's gp replaces this one's; a builtin's runtime function takes none.
    pg.extra.append("    r = fn(gp, *args[1:])" if args[:1] == ["gp"] else "    r = fn(*args)")
    pg.extra.append("    if r is not None and hasattr(r, 'send'):")
    pg.extra.append("        yield from r")
    pg.extra.append("")
    from gort.cmd.compile.gen import _wrapperMeta

    # gc gives the wrapper the call's position (its opening parenthesis):
    # tracebacks under GOTRACEBACK=system show that line for it.
    pg.funcs.append(_wrapperMeta(wname, f"{fg.goname}.gowrap{n}", pg.position(call.Lparen)))
    fv = fg.tmp()
    fg.emit(f"{fv} = goargs_put(FID_{wname}, {fn}, ({''.join(a + ', ' for a in args)}))")
    return fv


_ = constant
