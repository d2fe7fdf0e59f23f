"""Defer statements: open-coded when they can be, a list of deferred calls otherwise.

Go evaluates a deferred call's function value and arguments at the defer
statement and makes the call when the function returns, last deferred
first, or while a panic (or runtime.Goexit) unwinds the frame. gort keeps
the two ways gc has (cmd/compile's ssagen, runtime/panic.go):

  * Open-coded (gc's "open-coded defers", Go 1.14). When the function
    has at most 8 defer statements, none of them in a loop and no goto
    (which could run one twice), each defer statement k has a flag
    `_db<k>` (gc's bit in deferBits) and its evaluated operands are kept
    in locals `_dv<k>_<i>` (gc's stack slots). At a normal return the
    calls are made directly, in reverse order of the statements, each
    with its flag cleared first:

        if _db1:
            _db1 = False
            yield from X_sync__M_Mutex__Unlock(gp, _dv1_1)

    No list, no tuple, no runtime call. If one of these calls panics,
    the flags still set are the calls not yet made: they go to the
    runtime with that panic, as below, so they still run and may recover.
    A defer statement of the body itself that no return comes before
    (`mu.Lock(); defer mu.Unlock()`) has its flag set at every normal
    return: there the flag is only cleared, not tested (gc knows such
    bits statically too). When the calls return, so does the frame.

  * Everything else — a panic, runtime.Goexit's unwinding, any exception
    leaving the body, and functions whose defers cannot be open-coded —
    goes through `rundefers` / `rundefers_g` (runtime/panic.py) with a
    list of `(callable, args, False)` (the list the frame builds as its
    defer statements run, or one made from the flags and locals), exactly
    as before open coding: recover, re-panics, Goexit, "[recovered]"
    and tracebacks do not depend on which way a function defers.

The frame (emitDeferFrame) is one try/except/finally around the body;
`return` statements store the results first (named results are variables
a deferred closure may change) and the finally block returns them after
the deferred calls. Deferred generators (which may park) are called with
`yield from`, plain functions with a plain call: whether a callee is a
generator is known here as for any call (color.py).

Go's semantics at the edges: `defer f()` with f nil panics when the call
would run, not at the defer statement; `defer i.M()` with i nil panics at
the defer statement (the method value is evaluated there); `defer
recover()` recovers nothing (recover is not called by a deferred function)
and compiles to nothing.

Differences from gc: gc gives up open coding when returns × defers > 15
(each return has its own copy of the calls); gort's returns share one
exit, so the count of returns does not matter. gc treats only a backward
goto as a loop; gort gives up on any goto.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gort.cmd.compile import gotypes as types
from gort.cmd.compile import typeinfo as ti
from gort.cmd.compile.deadcode import inspectLive
from gort.cmd.compile.emit import Lines
from gort.go import ast, token

if TYPE_CHECKING:
    from gort.cmd.compile.checkinfo import CheckInfo
    from gort.cmd.compile.gen import FuncGen

MAX_OPEN_DEFERS = 8  # gc's maxOpenDefers (one byte of deferBits)


@dataclass(slots=True)
class DeferredCall:
    """A call whose operands a defer or go statement evaluated, to be made later."""

    fn: str  # the Python callable ("" for a call through the func value args[1])
    args: list[str]  # the evaluated arguments, "gp" first where the callee takes it
    ptrs: list[bool] = field(default_factory=list)  # per argument: may hold a pointer (stack moves adjust it)
    isgen: bool = False  # the callable is a generator: called with `yield from`
    viaFuncval: bool = False  # fn is FUNCTAB[U64[args[1] >> 3]]; a nil func value panics at the call
    noop: bool = False  # nothing to call (`defer recover()`)
    always: bool = False  # open-coded, and its defer statement runs before every normal return (dominates)

    def callable(self, args: list[str]) -> str:
        return f"FUNCTAB[U64[{args[1]} >> 3]]" if self.viaFuncval else self.fn

    def entry(self, args: list[str]) -> str:
        """The (callable, args, takesPanic) tuple rundefers takes."""
        e = f"({self.callable(args)}, ({''.join(a + ', ' for a in args)}), False)"
        if self.viaFuncval:
            return f"({e} if {args[1]} else (panicmem, (), False))"
        return e


def mayPoint(t: types.Type) -> bool:
    """Whether a value of t as compiled code holds it may be a pointer (composites are addresses)."""
    return ti.isMem(t) or ti.hasPointers(t)


def _paramTypes(fg: FuncGen, sig: Any) -> list[types.Type]:
    ps = sig.Params()
    return [fg.T(ps.At(i).Type()) for i in range(ps.Len())]


def deferTarget(fg: FuncGen, call: ast.CallExpr) -> DeferredCall:
    """Evaluate the callee and arguments of `defer call` (or `go call`) now."""
    from gort.cmd.compile.calls import (
        calleeIdent,
        classifyCallIn,
        evalArgs,
        ifaceOperand,
        isIfaceMethod,
        litFunc,
        methodExprReceiver,
        methodReceiver,
        methodSelector,
    )

    kind, x = classifyCallIn(fg, call)
    pg = fg.pg
    if kind == "builtin":
        from gort.cmd.compile.builtins import deferBuiltin

        return deferBuiltin(fg, call, x)
    if kind == "conv":
        return DeferredCall("", [], noop=True)  # the checker rejects it; nothing to run
    if kind == "static":
        fn = x
        sig = fn.Type()
        if sig.TypeParams():
            inst = fg.info.Instances[calleeIdent(call.Fun)]
            sig = fg.T(inst.Type)
            ref = pg.instanceOf(fn, [fg.T(a) for a in inst.TypeArgs])
            isgen = True  # generic instances compile as generators
        else:
            ref = pg.funcRef(fn)
            isgen = pg.isGenFunc(fn)
        recv = sig.Recv()
        if recv is not None:
            # A method expression T.M(x, args): the receiver is the first argument.
            rv, rest = methodExprReceiver(fg, call, sig)
            rt = fg.T(recv.Type())
            args = [rv] + evalArgs(fg, rest, sig)
            return DeferredCall(ref, ["gp"] + args, [False, mayPoint(rt)] + [mayPoint(t) for t in _paramTypes(fg, sig)],
                                isgen)
        args = evalArgs(fg, call, sig)
        return DeferredCall(ref, ["gp"] + args, [False] + [mayPoint(t) for t in _paramTypes(fg, sig)], isgen)
    if kind == "iface" or (kind == "method" and isIfaceMethod(x[0])):
        # x.M on an interface x, or M promoted from an interface field
        # embedded in x's type: the method value i.M is evaluated here, so a
        # nil interface panics now.
        sel = x if kind == "iface" else x[1]
        fn = sel.Obj() if kind == "iface" else x[0]
        iv, k = ifaceOperand(fg, methodSelector(call), sel, fn)
        sig = fg.T(fn.Type())
        args = evalArgs(fg, call, sig)
        fg.emit(f"if not {iv}[0]: panicmem()")
        fnx = fg.tmp()
        fg.emit(f"{fnx} = FUNCTAB[U64[({iv}[0] + {24 + 8 * k}) >> 3]]")
        return DeferredCall(fnx, ["gp", f"{iv}[1]"] + args, [False, True] + [mayPoint(t) for t in _paramTypes(fg, sig)],
                            True)
    if kind == "method":
        fn, sel = x
        ref, sig, isgen = fg.methodRef(fn, methodSelector(call))
        recvv = fg.spillIfNeeded(methodReceiver(fg, methodSelector(call), sel, fn))
        args = evalArgs(fg, call, sig)
        mrecv = fn.Signature().Recv()
        recvPtr = mrecv is None or mayPoint(fg.T(mrecv.Type()))
        return DeferredCall(ref, ["gp", recvv] + args, [False, recvPtr] + [mayPoint(t) for t in _paramTypes(fg, sig)],
                            isgen)
    fv = fg.spillIfNeeded(fg.expr(call.Fun))
    sig = fg.typeOf(call.Fun).Underlying()
    args = evalArgs(fg, call, sig)
    ptrs = [False, True] + [mayPoint(t) for t in _paramTypes(fg, sig)]
    lit = litFunc(fg, call.Fun)
    if lit is not None:
        return DeferredCall(lit, ["gp", fv] + args, ptrs, True)  # defer func(){...}(): known, not nil
    # Function literals and the linker's wrappers of plain functions used as values are generators.
    return DeferredCall("", ["gp", fv] + args, ptrs, True, viaFuncval=True)


# --- which functions open-code their defers -----------------------------------------------


def openCodable(info: CheckInfo, body: Any) -> bool:
    """Whether every (live) defer statement of body can be open-coded: at most
    MAX_OPEN_DEFERS of them, none in a loop, and no goto in the function."""
    n = 0
    ok = True

    def inLoop(m: Any) -> bool:
        nonlocal ok
        if isinstance(m, ast.FuncLit):
            return False
        if isinstance(m, ast.DeferStmt):
            ok = False
        return ok

    def visit(m: Any) -> bool:
        nonlocal n, ok
        if not ok or isinstance(m, ast.FuncLit):
            return False
        if isinstance(m, ast.DeferStmt):
            n += 1
            ok = n <= MAX_OPEN_DEFERS
        elif isinstance(m, ast.BranchStmt) and m.Tok == token.GOTO:
            ok = False
        elif isinstance(m, (ast.ForStmt, ast.RangeStmt)) and m.Body is not None:
            inspectLive(info, m.Body, inLoop)
        return ok

    inspectLive(info, body, visit)
    return ok


# --- the defer statement and the frame ------------------------------------------------------

_TEMP = re.compile(r"_[ta]\d+$")  # temporaries assigned once (values, frame slot addresses)


def _stable(fg: FuncGen, v: str, locals_: dict[str, types.Var]) -> bool:
    """Whether expression v has the same value wherever it is evaluated later in the
    function (so the deferred call can use it rather than a copy made now)."""
    from gort.cmd.compile.gen import _simple

    if not _simple(v):
        return False
    if not v.isidentifier() or v in ("gp", "ctx", "_sp") or v[0].isupper() or _TEMP.match(v):
        return True  # a literal, a module global (function, funcval, global's address), a temporary
    obj = locals_.get(v)
    if obj is None:
        return False
    vi = fg.vars[obj]
    if vi.kind != "py":
        return True  # the address of the variable's storage: set once
    if vi in fg.resultVars:
        return False  # a return statement assigns it
    facts = fg.analysis.facts.get(obj)
    return facts is None or not facts.reassigned


def deferStmt(fg: FuncGen, s: ast.DeferStmt) -> None:
    d = deferTarget(fg, s.Call)
    if fg.openDefers is None:
        if not d.noop:
            fg.emit(f"_df.append({d.entry(d.args)})")
        return
    if d.noop:
        return
    k = len(fg.openDefers)
    locals_ = {vi.name: obj for obj, vi in fg.vars.items()}
    saved: list[str] = []
    for i, a in enumerate(d.args):
        if _stable(fg, a, locals_):
            saved.append(a)
            continue
        name = f"_dv{k}_{i}"
        fg.emit(f"{name} = {a}")
        if i < len(d.ptrs) and d.ptrs[i]:
            fg.ptrLocals.add(name)
        saved.append(name)
    d.args = saved
    fg.emit(f"_db{k} = True")
    d.always = _dominatesReturns(fg, s)
    fg.openDefers.append(d)


def _dominatesReturns(fg: FuncGen, s: ast.DeferStmt) -> bool:
    """s is a statement of the function body itself (not nested) and no return
    comes before it: every normal return runs after it, its flag set."""
    body = fg.decl.Body.List if fg.decl is not None and fg.decl.Body is not None else []
    if fg.rfstack or not any(x is s for x in body):
        return False
    found = False

    def f(n: Any) -> bool:
        nonlocal found
        if isinstance(n, ast.ReturnStmt):
            found = True
        return not found and not isinstance(n, ast.FuncLit)

    for x in body:
        if x is s:
            break
        ast.Inspect(x, f)
    return not found



def _emitCatch(fg: FuncGen) -> None:
    """The handlers after a try: a closed generator's GeneratorExit goes on;
    any other exception is kept in _exc for the deferred calls."""
    fg.emit("except GeneratorExit:")
    with fg.indent():
        fg.emit("raise")
    fg.emit("except BaseException as _e:")
    with fg.indent():
        fg.emit("_exc = _e")

def emitDeferFrame(fg: FuncGen, bodyL: Lines, bodyG: list[int], framed: bool) -> None:
    """try/except/finally around the body, running the deferred calls (see above)."""
    opened = fg.openDefers
    rundefers = "yield from rundefers_g" if fg.isgen else "rundefers"
    if opened:
        fg.emit(" = ".join(f"_db{k}" for k in range(len(opened))) + " = False")
    fg.emit("_exc = None")
    fg.emit("try:")
    fg.appendBody(bodyL, bodyG, 2)
    _emitCatch(fg)
    fg.emit("finally:")
    with fg.indent():
        restore = f"gp.sp = _sp + {fg.frameSize}" if framed else None
        if opened is None:
            # (No deferred call left, nothing to run: a defer the function
            # did not reach costs no call.)
            fg.emit(f"if _df: _exc = {rundefers}(gp, _df, _exc)")
            if restore:
                fg.emit(restore)
            fg.emit("if _exc is not None: raise _exc")
        elif opened:
            # A normal return: the calls, made here, last deferred first (a
            # traceback shows them called from the closing brace, as gc does).
            bodyLine = fg.curline
            fg.curline = fg.pg.fset.Position(fg.decl.Body.Rbrace).Line
            fg.emit("if _exc is None:")
            with fg.indent():
                fg.emit("try:")
                with fg.indent():
                    for k in reversed(range(len(opened))):
                        _directCall(fg, k, opened[k])
                _emitCatch(fg)
                fg.emit("else:")
                with fg.indent():
                    # The calls made, none raised: return at once.
                    if restore:
                        fg.emit(restore)
                    _emitReturn(fg)
            fg.curline = bodyLine
            # A panic, Goexit or any exception (perhaps from a call above):
            # the calls not yet made go to the runtime, as the list would.
            fg.emit("if _exc is not None:")
            with fg.indent():
                if len(opened) == 1:
                    fg.emit(f"if _db0: _exc = {rundefers}(gp, [{opened[0].entry(opened[0].args)}], _exc)")
                else:
                    fg.emit("_df = []")
                    for k, d in enumerate(opened):
                        fg.emit(f"if _db{k}: _df.append({d.entry(d.args)})")
                    fg.emit(f"if _df: _exc = {rundefers}(gp, _df, _exc)")
                fg.emit("if _exc is not None:")
                with fg.indent():
                    if restore:
                        fg.emit(restore)
                    fg.emit("raise _exc")
            if restore:
                fg.emit(restore)
        else:
            # Every defer statement compiled to nothing (defer recover()).
            if restore:
                fg.emit(restore)
            fg.emit("if _exc is not None: raise _exc")
        _emitReturn(fg)


def _emitReturn(fg: FuncGen) -> None:
    """The frame's return of its results (from the finally clause)."""
    if fg.resultTypes:
        vals = [fg.loadVar(v) for v in fg.resultVars]
        if len(vals) == 1:
            fg.emit(f"return {vals[0]}")
        else:
            fg.emit(f"return ({', '.join(vals)},)")
    else:
        fg.emit("return")


def _directCall(fg: FuncGen, k: int, d: DeferredCall) -> None:
    if d.isgen and not fg.isgen:
        from gort.cmd.compile.gen import CompileError

        raise CompileError(0, f"internal error: {fg.goname} defers a generator but is not one")
    # (A defer statement every return comes after has its flag set here.)
    if not d.always:
        fg.emit(f"if _db{k}:")
        fg.L.depth += 1
    fg.emit(f"_db{k} = False")
    if d.viaFuncval:
        fg.emit(f"if not {d.args[1]}: panicmem()")  # defer of a nil func value panics now
    call = f"{d.callable(d.args)}({', '.join(d.args)})"
    fg.emit(f"yield from {call}" if d.isgen else call)
    if not d.always:
        fg.L.depth -= 1
