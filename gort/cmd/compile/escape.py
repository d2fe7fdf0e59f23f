"""Where each local variable lives: a Python local, the frame, or the heap.

gc decides this with escape analysis (cmd/compile/internal/escape). gort
asks the same question more coarsely, per function:

  * Is the variable's address taken? (`&x`; `x.m()` with a pointer
    receiver; slicing an array `x[:]`; a range over an array by reference.)
  * Is it captured by a closure (a FuncLit inside the function that uses
    it)? If so, is it ever assigned after it is declared — anywhere, in the
    function or in a closure? A variable never reassigned is captured by
    value (the closure keeps a copy, as gc does for small variables);
    otherwise by reference (the closure keeps its address).

Then:
  scalar (non-struct, non-array) variables   Python local, unless address
                                             taken or captured by reference,
                                             then a heap cell;
  struct and array variables                 the function's frame, unless
                                             address taken or captured by
                                             reference, then the heap.

What a branch ruled out by a constant condition does is not counted: it
is not compiled (deadcode.py).

Differences from gc: an address-taken variable always goes to the heap,
even when the pointer never leaves the function (gc would keep it on the
stack); so gort allocates more than gc for such code.
"""

from __future__ import annotations

from typing import Any

from gort.cmd.compile import gotypes as types
from gort.cmd.compile.checkinfo import CheckInfo
from gort.cmd.compile.deadcode import liveParts
from gort.go import ast, token


class VarFacts:
    __slots__ = ("addrTaken", "captured", "reassigned", "declNode", "nonnil")

    def __init__(self) -> None:
        self.addrTaken = False
        self.captured = False
        self.reassigned = False  # assigned other than by its declaration
        self.declNode: Any = None
        # Every assignment stores a pointer that cannot be nil (&x, new(T)):
        # dereferences need no nil check. None: no assignment seen yet.
        self.nonnil: bool | None = None


class Analysis:
    """Facts about every local variable of a function body and its closures."""

    def __init__(self, info: CheckInfo) -> None:
        self.info = info
        self.facts: dict[types.Var, VarFacts] = {}
        # FuncLit -> variables it captures (free variables declared outside it)
        self.captures: dict[ast.FuncLit, list[types.Var]] = {}
        self._owner: dict[types.Var, Any] = {}  # var -> declaring function node

    def fact(self, v: types.Var) -> VarFacts:
        f = self.facts.get(v)
        if f is None:
            f = VarFacts()
            self.facts[v] = f
        return f

    # -- walking

    def analyze(self, fn: ast.FuncDecl | ast.FuncLit) -> None:
        self._fnstack: list[Any] = []
        self._walkFunc(fn)

    def _walkFunc(self, fn: Any) -> None:
        self._fnstack.append(fn)
        ftype = fn.Type
        for fl in (getattr(fn, "Recv", None), ftype.Params, ftype.Results):
            if fl is None:
                continue
            for field in fl.List:
                for name in field.Names:
                    obj = self.info.Defs.get(name)
                    if isinstance(obj, types.Var):
                        self._owner[obj] = fn
        if isinstance(fn, ast.FuncLit):
            self.captures.setdefault(fn, [])
        if fn.Body is not None:
            self._walk(fn.Body)
        self._fnstack.pop()

    def _declare(self, ident: ast.Ident) -> None:
        obj = self.info.Defs.get(ident)
        if isinstance(obj, types.Var) and obj not in self._owner:
            self._owner[obj] = self._fnstack[-1]

    def _use(self, ident: ast.Ident) -> None:
        obj = self.info.Uses.get(ident)
        if not isinstance(obj, types.Var) or obj.IsField():
            return
        owner = self._owner.get(obj)
        if owner is None:
            return  # package-level, or not a local of this body
        # Every FuncLit between the use and the owner captures obj.
        for fn in reversed(self._fnstack):
            if fn is owner:
                break
            if isinstance(fn, ast.FuncLit):
                caps = self.captures.setdefault(fn, [])
                if obj not in caps:
                    caps.append(obj)
                self.fact(obj).captured = True

    def _addr(self, x: ast.Expr) -> None:
        """x's address is taken: mark the root variable."""
        while True:
            if isinstance(x, ast.ParenExpr):
                x = x.X
            elif isinstance(x, ast.SelectorExpr):
                sel = self.info.Selections.get(x)
                if sel is not None and sel.Indirect():
                    return  # through a pointer: the variable itself is not addressed
                t = self.info.Types.get(x.X)
                if t is not None and isinstance(t.Type.Underlying(), types.Pointer):
                    return
                x = x.X
            elif isinstance(x, ast.IndexExpr):
                t = self.info.Types.get(x.X)
                if t is None or not isinstance(t.Type.Underlying(), types.Array):
                    return  # slices, maps, pointers to arrays: elements are elsewhere
                x = x.X
            else:
                break
        if isinstance(x, ast.Ident):
            obj = self.info.Uses.get(x) or self.info.Defs.get(x)
            if isinstance(obj, types.Var) and not obj.IsField():
                self.fact(obj).addrTaken = True

    def _assign(self, x: ast.Expr) -> None:
        while isinstance(x, ast.ParenExpr):
            x = x.X
        if isinstance(x, ast.Ident):
            obj = self.info.Uses.get(x)
            if isinstance(obj, types.Var):
                self.fact(obj).reassigned = True
        elif isinstance(x, (ast.SelectorExpr, ast.IndexExpr)):
            # Assigning to a field or element of a struct/array variable changes it.
            root: ast.Expr = x
            while isinstance(root, (ast.SelectorExpr, ast.IndexExpr, ast.ParenExpr)):
                if isinstance(root, ast.SelectorExpr):
                    sel = self.info.Selections.get(root)
                    if sel is not None and sel.Indirect():
                        return
                    t = self.info.Types.get(root.X)
                    if t is not None and isinstance(t.Type.Underlying(), types.Pointer):
                        return
                elif isinstance(root, ast.IndexExpr):
                    t = self.info.Types.get(root.X)
                    if t is None or not isinstance(t.Type.Underlying(), types.Array):
                        return
                root = root.X
            if isinstance(root, ast.Ident):
                obj = self.info.Uses.get(root)
                if isinstance(obj, types.Var):
                    self.fact(obj).reassigned = True

    def _walk(self, n: Any) -> None:
        if n is None:
            return
        if isinstance(n, list):
            for x in n:
                self._walk(x)
            return
        if isinstance(n, ast.FuncLit):
            self._walkFunc(n)
            return
        if isinstance(n, (ast.IfStmt, ast.SwitchStmt, ast.ForStmt)) and (parts := liveParts(self.info, n)) is not None:
            # Only the live code is compiled (deadcode.py): what the rest
            # would do to a variable never happens.
            self._walk(parts)
            return
        if isinstance(n, ast.Ident):
            if n in self.info.Defs:
                self._declare(n)
            else:
                self._use(n)
            return
        if isinstance(n, ast.UnaryExpr) and n.Op == token.AND:
            self._addr(n.X)
        elif isinstance(n, ast.AssignStmt):
            self._nilness(n)
            if n.Tok != token.DEFINE:
                for lhs in n.Lhs:
                    self._assign(lhs)
            else:
                for lhs in n.Lhs:
                    if isinstance(lhs, ast.Ident) and lhs not in self.info.Defs:
                        self._assign(lhs)  # redeclared in :=, i.e. assigned
        elif isinstance(n, ast.IncDecStmt):
            self._assign(n.X)
        elif isinstance(n, ast.RangeStmt):
            if n.Tok == token.ASSIGN:
                for x in (n.Key, n.Value):
                    if x is not None:
                        self._assign(x)
        elif isinstance(n, ast.CallExpr):
            self._callAddr(n)
        elif isinstance(n, ast.SliceExpr):
            t = self.info.Types.get(n.X)
            if t is not None and isinstance(t.Type.Underlying(), types.Array):
                self._addr(n.X)
        elif isinstance(n, ast.SelectorExpr):
            self._methodValueAddr(n)
        elif isinstance(n, ast.ValueSpec):
            pass
        for child in _children(n):
            self._walk(child)

    def _nilness(self, n: ast.AssignStmt) -> None:
        pair = len(n.Lhs) == len(n.Rhs) and n.Tok in (token.DEFINE, token.ASSIGN)
        for i, lhs in enumerate(n.Lhs):
            if not isinstance(lhs, ast.Ident):
                continue
            obj = self.info.Defs.get(lhs) or self.info.Uses.get(lhs)
            if not isinstance(obj, types.Var):
                continue
            f = self.fact(obj)
            ok = pair and _nonNilExpr(self.info, n.Rhs[i])
            f.nonnil = ok if f.nonnil is None else (f.nonnil and ok)

    def _methodValueAddr(self, n: ast.SelectorExpr) -> None:
        sel = self.info.Selections.get(n)
        if sel is None or sel.Kind() == types.FieldVal:
            return
        fn = sel.Obj()
        if isinstance(fn, types.Func):
            recv = fn.Signature().Recv()
            if recv is not None and isinstance(recv.Type(), types.Pointer) and not sel.Indirect():
                xt = self.info.Types.get(n.X)
                if xt is not None and not isinstance(xt.Type.Underlying(), types.Pointer):
                    self._addr(n.X)

    def _callAddr(self, n: ast.CallExpr) -> None:
        fun = n.Fun
        while isinstance(fun, ast.ParenExpr):
            fun = fun.X
        if isinstance(fun, ast.SelectorExpr):
            self._methodValueAddr(fun)


def _children(n: Any) -> list[Any]:
    out = []
    for name in getattr(n, "_children", ()):
        v = getattr(n, name, None)
        if v is not None:
            out.append(v)
    return out


def _nonNilExpr(info: CheckInfo, e: ast.Expr) -> bool:
    """Is e a pointer that cannot be nil: &x, &T{...}, new(T)?"""
    while isinstance(e, ast.ParenExpr):
        e = e.X
    if isinstance(e, ast.UnaryExpr) and e.Op == token.AND:
        return True
    if isinstance(e, ast.CallExpr) and isinstance(e.Fun, ast.Ident) and e.Fun.Name == "new":
        return isinstance(info.Uses.get(e.Fun), types.Builtin)
    return False
