"""Evaluating an expression in the context of a checked package (go/types' eval.go).

`CheckExpr(fset, pkg, pos, expr, info)` type-checks one expression as if
it appeared at position pos of package pkg: identifiers resolve in the
innermost scope containing pos (file, function or block scope), seeing
only the objects declared before pos, as Scope.LookupParent does. With pkg
None the expression is checked in the universe. The expression's types
are recorded in info, as for a package. `Eval(fset, pkg, pos, expr)`
parses the expression text first and returns its TypeAndValue.

Both return the first error; the checker stops at it (no Error callback).

Differences from Go: go/types' parser.ParseExprFrom is not in gort's
parser; Eval parses the expression as the initializer of a blank
variable in a file named "eval" (added to fset), which gives the same
positions relative to that file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast
from gort.go.types.api import Config, Error, Info, TypeAndValue
from gort.go.types.check import Checker
from gort.go.types.object import Object
from gort.go.types.operand import operand
from gort.go.types.scope import Scope
from gort.go.types.universe import Universe

if TYPE_CHECKING:
    from gort.go.token import FileSet
    from gort.go.types.package import Package


class _evalChecker(Checker):
    """A Checker whose identifier lookups see only objects declared before evalPos."""

    __slots__ = ("evalPos",)
    evalPos: int

    def lookupScope(self, name: str) -> tuple[Scope | None, Object | None]:
        s = self.scope
        if s is None:
            return None, None
        return s.LookupParent(name, self.evalPos)


def CheckExpr(fset: FileSet | None, pkg: Package | None, pos: int, expr: ast.Expr,
              info: Info | None) -> Error | None:
    """Type-check expr at position pos of pkg (see the module docstring)."""
    from gort.go.types.errors import _BailoutError
    from gort.go.types.package import Package

    scope: Scope | None
    if pkg is None:
        scope = Universe
        pos = 0
        pkg = Package("", "")  # expressions in the universe belong to no package
        pkg.scope = Universe
    elif not pos:
        scope = pkg.scope
    else:
        scope = None
        # the package scope's extent is not meaningful (files anywhere in
        # fset): look in the file scopes
        for fscope in pkg.scope.children:
            scope = fscope.Innermost(pos)
            if scope is not None:
                break
        if scope is None:
            where = fset.Position(pos) if fset is not None else pos
            return Error(fset, pos, f"no position {where} found in package {pkg.name}", False)
    check = _evalChecker(Config(), fset, pkg, info)
    check.evalPos = pos
    check.scope = scope
    try:
        x = operand()
        check.rawExpr(None, x, expr, None, True)
        check.processDelayed(0)
        check.recordUntyped()
    except _BailoutError:
        pass
    return check.firstErr


def Eval(fset: FileSet, pkg: Package | None, pos: int,
         expr: str) -> tuple[TypeAndValue | None, Error | None]:
    """Parse and type-check the expression text expr at pos of pkg; its type and value."""
    from gort.go import parser

    f, errs = parser.ParseFile(fset, "eval", "package p;var _ = (" + expr + ")", 0)
    if errs:
        e0 = errs[0]
        return None, Error(fset, 0, e0.Msg, False)
    node: ast.Expr | None = None
    if f is not None and f.Decls:
        d = f.Decls[0]
        if isinstance(d, ast.GenDecl) and d.Specs:
            s = d.Specs[0]
            if isinstance(s, ast.ValueSpec) and s.Values:
                v = s.Values[0]
                node = v.X if isinstance(v, ast.ParenExpr) else v
    if node is None:
        return None, Error(fset, 0, f"cannot parse expression {expr!r}", False)
    info = Info(all=False)
    info.Types = {}
    err = CheckExpr(fset, pkg, pos, node, info)
    if err is not None:
        return None, err
    return info.Types.get(node), None
