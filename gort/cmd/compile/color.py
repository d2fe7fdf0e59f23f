"""Which functions may park their goroutine (and so compile to generators).

A goroutine parks by `yield`ing to its M (docs/design/0001), and only a
Python generator can yield, so every function on the call path to a park
must be a generator. A function may park if its body (not counting the
function literals inside it) does any of:

  * a channel send or receive, a select, a range over a channel;
  * a call of a function value or an interface method (the callee is
    unknown, so assume it may park);
  * a call of a function or method that may park: in this package by a
    fixed-point iteration over the call graph, in a dependency by its
    compiled metadata, a native by whether it is a Python generator.

What is in a branch a constant condition rules out does not count: it is
not compiled (deadcode.py).

Function literals are always generators: they are only ever called
through func values. So is every package's init.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

from gort.cmd.compile import gotypes as types
from gort.cmd.compile import typeinfo as ti
from gort.cmd.compile.checkinfo import CheckInfo
from gort.cmd.compile.deadcode import inspectLive
from gort.cmd.compile.intrinsics import atomicOp
from gort.go import ast, token


def unparen(e: Any) -> Any:
    while isinstance(e, ast.ParenExpr):
        e = e.X
    return e


def classifyCall(info: CheckInfo, call: ast.CallExpr) -> tuple[str, Any]:
    """What a call expression calls: ("conv", T) | ("builtin", name) | ("static", Func)
    | ("method", (Func, Selection)) | ("iface", Selection) | ("value", expr)."""
    fun = unparen(call.Fun)
    tv = info.Types.get(fun)
    if tv is not None and tv.IsType():
        return "conv", tv.Type
    if isinstance(fun, ast.Ident):
        obj = info.Uses.get(fun)
        if isinstance(obj, types.Builtin):
            return "builtin", obj.Name()
        if isinstance(obj, types.Func):
            return "static", obj
        return "value", fun
    if isinstance(fun, ast.SelectorExpr):
        sel = info.Selections.get(fun)
        if sel is None:
            obj = info.Uses.get(fun.Sel)
            if isinstance(obj, types.Builtin):
                return "builtin", obj.Name()
            if isinstance(obj, types.Func):
                return "static", obj
            return "value", fun
        if sel.Kind() == types.MethodVal:
            fn = sel.Obj()
            rt = sel.Recv()
            if types.IsInterface(rt):
                return "iface", sel
            return "method", (fn, sel)
        if sel.Kind() == types.MethodExpr:
            fn = sel.Obj()
            if types.IsInterface(sel.Recv()):
                return "value", fun
            return "static", fn
        return "value", fun
    if isinstance(fun, (ast.IndexExpr, ast.IndexListExpr)):
        inst = unparen(fun.X)
        if isinstance(inst, ast.SelectorExpr):
            sel = info.Selections.get(inst)
            if sel is not None and sel.Kind() == types.MethodVal and not types.IsInterface(sel.Recv()):
                return "method", (sel.Obj(), sel)  # x.M[T](...): a generic method, instantiated
        ident = inst.Sel if isinstance(inst, ast.SelectorExpr) else inst
        if isinstance(ident, ast.Ident) and ident in info.Instances:
            obj = info.Uses.get(ident)
            if isinstance(obj, types.Func):
                return "static", obj
    return "value", fun


_nativeCache: dict[str, Any] = {}


def nativeModule(path: str) -> Any:
    mod = _nativeCache.get(path)
    if mod is None and path not in _nativeCache:
        try:
            mod = importlib.import_module("gort.std." + path.replace("/", ".") + ".natives")
        except ImportError:
            mod = None
        _nativeCache[path] = mod
    return mod


def nativeOverrides(path: str) -> frozenset[str]:
    """The functions of package path that gort runs as natives although Go
    gives them a body: its natives module's OVERRIDES (Python names). For
    Go code whose portable version relies on what gort's memory does not
    do (crypto/internal/fips140/subtle: unaligned word access)."""
    mod = nativeModule(path)
    return frozenset(getattr(mod, "OVERRIDES", ())) if mod is not None else frozenset()


def isNativeDecl(pg: Any, d: ast.FuncDecl) -> bool:
    """Whether d compiles as a native: it has no body, or gort overrides it."""
    if d.Body is None:
        return True
    overrides = nativeOverrides(pg.path)
    if not overrides:
        return False
    obj = pg.info.Defs.get(d.Name)
    return isinstance(obj, types.Func) and pg.funcPyName(obj) in overrides


def nativeIsGen(path: str, pyname: str) -> bool:
    mod = nativeModule(path)
    fn = getattr(mod, pyname, None) if mod is not None else None
    if fn is None:
        return False
    return inspect.isgeneratorfunction(fn)


def colorPackage(pg: Any, decls: list[ast.FuncDecl]) -> dict[str, bool]:
    info = pg.info
    colors: dict[str, bool] = {}
    calls: dict[str, list[str]] = {}
    for d in decls:
        obj = info.Defs.get(d.Name)
        if not isinstance(obj, types.Func):
            continue
        name = pg.funcPyName(obj)
        if isNativeDecl(pg, d):
            colors[name] = nativeIsGen(pg.path, name)
            continue
        if d.Name.Name == "init" and d.Recv is None:
            continue
        direct, local = scan(pg, d.Body)
        colors[name] = direct
        calls[name] = local
    # Fixed point over same-package calls.
    changed = True
    while changed:
        changed = False
        for name, callees in calls.items():
            if colors.get(name):
                continue
            if any(colors.get(c, False) for c in callees):
                colors[name] = True
                changed = True
    # init functions.
    n = 0
    for d in decls:
        if d.Name.Name == "init" and d.Recv is None and d.Body is not None:
            n += 1
            colors[f"F_init__{n}"] = True
    colors["F_init__pkg"] = True
    return colors


def scan(pg: Any, body: Any) -> tuple[bool, list[str]]:
    """(parks directly, same-package callees) for a function body."""
    info = pg.info
    parks = False
    local: list[str] = []

    def visit(n: Any) -> bool:
        nonlocal parks
        if parks:
            return False
        if isinstance(n, ast.FuncLit):
            return False
        if isinstance(n, (ast.SendStmt, ast.SelectStmt)):
            parks = True
        elif isinstance(n, ast.UnaryExpr) and n.Op == token.ARROW:
            parks = True
        elif isinstance(n, ast.RangeStmt):
            tv = info.Types.get(n.X)
            if tv is not None:
                u = tv.Type.Underlying()
                if isinstance(u, (types.Chan, types.Signature)):
                    parks = True
        elif isinstance(n, ast.GoStmt):
            # The call's operands are evaluated here; the call itself runs in the new G.
            for a in n.Call.Args:
                ast.Inspect(a, visit)
            return False
        elif isinstance(n, ast.CallExpr):
            kind, x = classifyCall(info, n)
            if kind in ("value", "iface"):
                parks = True
            elif kind in ("static", "method"):
                fn = x if kind == "static" else x[0]
                pkg = fn.Pkg()
                name = pg.funcPyName(fn)
                if atomicOp(kind, fn) is not None:
                    pass  # an intrinsic: never parks (intrinsics.py)
                elif fn.Type().TypeParams() or fn.Origin() is not fn:
                    parks = True  # generic: compiled per instance, assume the worst
                elif pkg is None or ti.pkgPath(pkg) == pg.path:
                    local.append(name)
                elif pg.isGenFunc(fn):
                    parks = True
        return not parks

    if body is not None:
        inspectLive(info, body, visit)  # a dead branch is not compiled (deadcode.py)
    return parks, local
