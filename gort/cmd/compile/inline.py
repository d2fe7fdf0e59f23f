"""Inlining of small leaf functions, as gc inlines them.

A call costs CPython a frame; gc would have inlined most small helpers
(`func a(i, j int) float64 { return ... }`, getters, predicates) into
their callers. gort inlines the same kind of function: one whose body is a
single `return expr`, where every operand is simple enough that the
expression can stand in place of the call.

A function is inlinable (`findInlinable`) when
  - it is declared in the package being compiled, is not generic and has
    no `//go:noinline` directive;
  - it is plain (never parks: `color.py` says so), so the expression has
    no `yield from`;
  - its body is exactly `return X` with one result, and X uses only
    identifiers, constants, operators, conversions, the pure builtins,
    field selection, indexing of slices, arrays and strings, pointer
    dereference, and calls of other plain functions — no function
    literals, no `&`, no channel operations, no `recover`;
  - its parameters, receiver and result are one-word or immutable values
    (not structs or arrays, which live in memory and would alias).

At a call site (`inlineCall`) the arguments are evaluated as for a call.
Each parameter is then bound to its argument's Python expression: a name
or a literal can be used any number of times; any other argument only
when the parameter is used once and the argument is pure and reads only
Python locals (so evaluating it where the parameter appears, rather than
before the call, cannot be told apart). Otherwise the call is made as
usual. Inlining goes three levels deep at most, and never into itself.

Differences from Go: an inlined function has no frame of its own, so a
panic inside it shows its caller as the innermost frame of the traceback
(gc's tracebacks show inlined frames as `f(...)`). `//go:noinline` keeps a
function out of line when that matters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gort.cmd.compile import gotypes as types
from gort.cmd.compile import typeinfo as ti
from gort.cmd.compile.color import classifyCall, isNativeDecl, unparen
from gort.cmd.compile.intrinsics import atomicOp
from gort.go import ast, token

if TYPE_CHECKING:
    from gort.cmd.compile.gen import FuncGen

MAX_DEPTH = 3

_pureBuiltins = {"len", "cap", "min", "max", "real", "imag", "complex"}
# Operators whose operands can be reordered or dropped: no panics, no effects.
_pureOps = {token.ADD, token.SUB, token.MUL, token.AND, token.OR, token.XOR, token.AND_NOT,
            token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.LAND, token.LOR}


class Inl:
    """What a call site needs to inline a function."""

    __slots__ = ("params", "uses", "result", "rtype")

    def __init__(self, params: list[types.Var | None], uses: list[int], result: Any, rtype: types.Type) -> None:
        self.params = params  # receiver first for methods; None for blank parameters
        self.uses = uses  # how many times the body reads each parameter
        self.result = result  # the returned expression
        self.rtype = rtype


def _noinline(d: ast.FuncDecl) -> bool:
    doc = d.Doc
    if doc is None:
        return False
    return any(c.Text.startswith("//go:noinline") for c in doc.List)


def findInlinable(pg: Any, decls: list[ast.FuncDecl]) -> dict[types.Func, Inl]:
    """The package's inlinable functions and methods."""
    info = pg.info
    out: dict[types.Func, Inl] = {}
    for d in decls:
        if d.Body is None or isNativeDecl(pg, d) or d.Type.TypeParams or pg.isGenericRecv(d) or _noinline(d):
            continue
        if len(d.Body.List) != 1 or not isinstance(d.Body.List[0], ast.ReturnStmt):
            continue
        results = d.Body.List[0].Results
        fn = info.Defs.get(d.Name)
        if not isinstance(fn, types.Func) or len(results) != 1:
            continue
        sig = fn.Signature()
        if sig.Results().Len() != 1 or sig.Variadic() or pg.isGenFunc(fn):
            continue
        params: list[types.Var | None] = []
        fields = (d.Recv.List if d.Recv is not None else []) + d.Type.Params.List
        ok = True
        for f in fields:
            names: list[ast.Ident | None] = list(f.Names) if f.Names else [None]
            for n in names:
                obj = info.Defs.get(n) if n is not None else None
                t = info.Types[f.Type].Type if f.Type in info.Types else None
                if t is None or ti.isMem(t):
                    ok = False
                params.append(obj if isinstance(obj, types.Var) and obj.Name() != "_" else None)
        rtype = sig.Results().At(0).Type()
        if not ok or ti.isMem(rtype):
            continue
        uses = [0] * len(params)
        index = {p: i for i, p in enumerate(params) if p is not None}
        if not _inlinableExpr(pg, fn, results[0], index, uses):
            continue
        out[fn] = Inl(params, uses, results[0], rtype)
    return out


def _inlinableExpr(pg: Any, self: types.Func, e: Any, index: dict[types.Var, int], uses: list[int]) -> bool:
    info = pg.info
    ok = True

    def walk(n: Any) -> None:
        nonlocal ok
        if not ok or n is None:
            return
        if isinstance(n, ast.Ident):
            obj = info.Uses.get(n)
            if isinstance(obj, types.Var):
                i = index.get(obj)
                if i is not None:
                    uses[i] += 1
                elif obj.Parent() is not None and (pkg := obj.Pkg()) is not None and obj.Parent() is not pkg.Scope():
                    ok = False  # a local of the callee that is not a parameter
            return
        if isinstance(n, ast.BasicLit):
            return
        if isinstance(n, ast.ParenExpr):
            walk(n.X)
            return
        if isinstance(n, ast.BinaryExpr):
            walk(n.X)
            walk(n.Y)
            return
        if isinstance(n, ast.UnaryExpr):
            if n.Op in (token.AND, token.ARROW):
                ok = False
                return
            walk(n.X)
            return
        if isinstance(n, ast.StarExpr):
            walk(n.X)
            return
        if isinstance(n, ast.SelectorExpr):
            sel = info.Selections.get(n)
            if sel is None:
                walk_qualified(n)
                return
            if sel.Kind() != types.FieldVal:
                ok = False
                return
            walk(n.X)
            return
        if isinstance(n, ast.IndexExpr):
            t = info.Types[n.X].Type.Underlying() if n.X in info.Types else None
            if isinstance(t, types.Pointer):
                t = t.Elem().Underlying()
            if not isinstance(t, (types.Slice, types.Array, types.Basic)):
                ok = False
                return
            walk(n.X)
            walk(n.Index)
            return
        if isinstance(n, ast.CallExpr):
            if n.Ellipsis:
                ok = False
                return
            kind, x = classifyCall(info, n)
            if kind == "conv":
                if len(n.Args) != 1:
                    ok = False
                    return
            elif kind == "builtin":
                if x not in _pureBuiltins:
                    ok = False
                    return
            elif kind in ("static", "method"):
                f = x if kind == "static" else x[0]
                if atomicOp(kind, f) is not None:
                    pass  # an intrinsic, even of a generic type (atomic.Pointer[T])
                elif f is self or f.Type().TypeParams() or f.Origin() is not f or pg.isGenFunc(f) \
                        or f.Pkg() is None or ti.pkgPath(f.Pkg()) in ("runtime", "unsafe"):
                    ok = False
                    return
                if kind == "method":
                    walk(unparen(n.Fun).X)
            else:
                ok = False
                return
            for a in n.Args:
                walk(a)
            return
        ok = False

    def walk_qualified(n: ast.SelectorExpr) -> None:
        nonlocal ok
        obj = info.Uses.get(n.Sel)
        if not isinstance(obj, (types.Const, types.Var, types.Func)):
            ok = False

    walk(e)
    return ok


def _pureLocal(fg: FuncGen, e: Any) -> bool:
    """e has no effects, cannot panic and reads only Python locals of fg."""
    e = unparen(e)
    info = fg.info
    tv = info.Types.get(e)
    if tv is not None and tv.Value is not None:
        return True
    if isinstance(e, ast.Ident):
        obj = info.Uses.get(e)
        if isinstance(obj, types.Var):
            vi = fg.vars.get(obj)
            return vi is not None and vi.kind == "py"
        return isinstance(obj, types.Const)
    if isinstance(e, ast.BinaryExpr):
        return e.Op in _pureOps and _pureLocal(fg, e.X) and _pureLocal(fg, e.Y)
    if isinstance(e, ast.UnaryExpr):
        return e.Op in (token.SUB, token.ADD, token.NOT, token.XOR) and _pureLocal(fg, e.X)
    if isinstance(e, ast.CallExpr) and len(e.Args) == 1 and not e.Ellipsis:
        # len and cap of a local slice or string
        kind, x = classifyCall(info, e)
        t = info.Types[e.Args[0]].Type.Underlying() if e.Args[0] in info.Types else None
        return kind == "builtin" and x in ("len", "cap") and isinstance(t, (types.Slice, types.Basic)) \
            and _pureLocal(fg, e.Args[0])
    return False


def inlineCall(fg: FuncGen, fn: types.Func, inl: Inl, args: list[str], argNodes: list[Any] | None) -> str | None:
    """The inlined body of a call of fn with the evaluated args, or None to call it."""
    from gort.cmd.compile.gen import VarInfo, _simple

    if len(args) != len(inl.params) or fn in fg.inlining or len(fg.inlining) >= MAX_DEPTH:
        return None
    mark, gmark = len(fg.L.lines), len(fg.golines)
    checked = set(fg.checked)
    known = set(fg.nilknown)
    bind: list[tuple[types.Var, str]] = []
    pre: list[tuple[str, str]] = []  # (temporary, argument) evaluated in order before the body
    for i, (p, a) in enumerate(zip(inl.params, args)):
        uses = inl.uses[i]
        pure = argNodes is not None and argNodes[i] is not None and _pureLocal(fg, argNodes[i])
        if _simple(a):
            pass
        elif pure and uses <= 1:
            a = f"({a})"
        elif pure:
            t = fg.tmp()
            fg.emit(f"{t} = {a}")  # no effects, reads only locals: safe to evaluate first
            a = t
        else:
            t = fg.tmp()
            pre.append((t, a))
            a = t
        if p is not None and uses:
            bind.append((p, a))
    bodyMark = len(fg.L.lines)
    saved = [(p, fg.vars.get(p)) for p, _ in bind]
    for p, a in bind:
        fg.vars[p] = VarInfo("py", a, p.Type())
    fg.inlining.append(fn)
    try:
        v: str = fg.expr(inl.result, inl.rtype)
    finally:
        fg.inlining.pop()
        for p, old in saved:
            if old is None:
                del fg.vars[p]
            else:
                fg.vars[p] = old
    if pre:
        if len(fg.L.lines) != bodyMark:
            # The body needs statements (checks) before the call's own
            # arguments are evaluated: call it after all.
            del fg.L.lines[mark:]
            del fg.golines[gmark:]
            fg.checked = checked
            fg.nilknown = known
            return None
        binds = "".join(f"({t} := {a}), " for t, a in pre)
        return f"({binds}{v})[-1]"
    return v if _simple(v) else f"({v})"
