"""Recording results into Info (go/types recording.go).

Every checked expression is recorded with its mode, type and constant
value. Untyped expressions are remembered in `check.untyped` instead and
recorded at the end (`recordUntyped`), after assignments and conversions
have given them their final types (`updateExprType`). Comma-ok expressions
get a 2-tuple type. Identifiers get Defs/Uses entries, selectors a
Selection, generic uses an Instance, scope-opening nodes their Scope.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast
from gort.go.types.api import Instance, TypeAndValue
from gort.go.types.basic import Basic, IsUntyped
from gort.go.types.operand import builtin, constant_, invalid, novalue
from gort.go.types.selection import Selection
from gort.go.types.tuple import EmptyTuple, Tuple

if TYPE_CHECKING:
    from gort.go.constant import Value
    from gort.go.types.check import Checker
    from gort.go.types.object import Object
    from gort.go.types.operand import operand
    from gort.go.types.scope import Scope
    from gort.go.types.signature import Signature
    from gort.go.types.type import Type


class exprInfo:
    """An untyped expression whose final type is not known yet."""

    __slots__ = ("isLhs", "mode", "typ", "val", "validFor")

    def __init__(self, isLhs: bool, mode: int, typ: Basic, val: Value | None) -> None:
        self.isLhs = isLhs  # lhs operand of a shift with delayed type check
        self.mode = mode
        self.typ = typ
        self.val = val
        self.validFor: object = None  # a type val is known to be representable in


def record(check: Checker, x: operand) -> None:
    mode = x.mode
    if mode == invalid:
        return  # invalid operands are not recorded
    val: Value | None = None
    if mode == novalue:
        typ: Type = EmptyTuple
    elif mode == constant_:
        typ = x.typ
        val = x.val
    else:
        typ = x.typ
    e = x.expr
    assert e is not None
    if type(typ) is Basic and typ.info & IsUntyped:  # type: ignore[attr-defined]
        check.untyped[e] = exprInfo(False, mode, typ, val)  # type: ignore[arg-type]
    else:
        m = check.Types
        if m is not None:
            m[e] = TypeAndValue(mode, typ, val)


def recordUntyped(check: Checker) -> None:
    m = check.Types
    if m is None:
        return
    for x, info in check.untyped.items():
        if info.mode != invalid:
            m[x] = TypeAndValue(info.mode, info.typ, info.val)


def recordTypeAndValue(check: Checker, x: ast.Expr, mode: int, typ: Type,
                       val: Value | None) -> None:
    if mode == invalid:
        return
    m = check.Types
    if m is not None:
        m[x] = TypeAndValue(mode, typ, val)


def recordBuiltinType(check: Checker, f: ast.Expr, sig: Signature) -> None:
    while True:
        check.recordTypeAndValue(f, builtin, sig, None)
        if isinstance(f, ast.ParenExpr):
            f = f.X
        else:
            return


def recordCommaOkTypes(check: Checker, x: ast.Expr, a: list[operand]) -> None:
    from gort.go.types.object import LocalVar, Var

    if a[0].mode == invalid:
        return
    t0, t1 = a[0].typ, a[1].typ
    m = check.Types
    if m is None:
        return
    while True:
        tv = m.get(x)
        if tv is None:
            break
        pos = x.Pos()
        tv.Type = Tuple([Var(pos, check.pkg, "", t0, LocalVar),
                         Var(pos, check.pkg, "", t1, LocalVar)])
        if isinstance(x, ast.ParenExpr):
            x = x.X
        else:
            break


def instantiatedIdent(expr: ast.Expr) -> ast.Ident | None:
    x = expr
    while True:
        if isinstance(x, (ast.IndexExpr, ast.IndexListExpr)):
            x = x.X
        elif isinstance(x, ast.ParenExpr):
            x = x.X
        else:
            break
    if isinstance(x, ast.Ident):
        return x
    if isinstance(x, ast.SelectorExpr):
        return x.Sel
    return None


def recordInstance(check: Checker, expr: ast.Expr, targs: list[Type], typ: Type) -> None:
    m = check.Instances
    if m is None:
        return
    ident = instantiatedIdent(expr)
    if ident is not None:
        m[ident] = Instance(list(targs), typ)


def recordDef(check: Checker, id: ast.Ident, obj: Object | None) -> None:
    m = check.Defs
    if m is not None:
        m[id] = obj


def recordUse(check: Checker, id: ast.Ident, obj: Object) -> None:
    m = check.Uses
    if m is not None:
        m[id] = obj


def recordImplicit(check: Checker, node: ast.Node, obj: Object) -> None:
    m = check.Implicits
    if m is not None:
        m[node] = obj


def recordSelection(check: Checker, x: ast.SelectorExpr, kind: int, recv: Type, obj: Object,
                    index: list[int], indirect: bool) -> None:
    check.recordUse(x.Sel, obj)
    m = check.Selections
    if m is not None:
        m[x] = Selection(kind, recv, obj, index, indirect)


def recordScope(check: Checker, node: ast.Node, scope: Scope) -> None:
    m = check.Scopes
    if m is not None:
        m[node] = scope


_ = constant_
