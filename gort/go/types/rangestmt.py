"""Range loops (go/types range.go).

`rangeStmt` checks `for k, v := range x`: it finds the key and value types
for x (`rangeKeyVal`: strings give int and rune, arrays/slices int and the
element, pointers to arrays too, maps key and element, channels the
element, integers (go1.22) the integer type itself, and functions
`func(yield func(K, V) bool)` (go1.23) their yield parameters), checks the
number of iteration variables, then declares them (:=, scope starts at the
body; each iteration has fresh variables from go1.22 on, which only the
compiler cares about) or assigns to the given operands (=).

When ranging over an array (or pointer to array) with only a key and no
function call or receive in the range expression, gc evaluates len(x) as a
constant: the range expression is recorded as the constant len.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast, constant, token
from gort.go.types.array import Array
from gort.go.types.basic import Basic
from gort.go.types.chan import Chan
from gort.go.types.errcodes import Code
from gort.go.types.map import Map
from gort.go.types.object import LocalVar, Var
from gort.go.types.operand import constant_, invalid, operand, value
from gort.go.types.pointer import Pointer
from gort.go.types.predicates import Identical, isBoolean, isInteger, isString
from gort.go.types.signature import Signature
from gort.go.types.slice import Slice
from gort.go.types.under import commonUnder, fmtTypeError, typeErrorf
from gort.go.types.universe import Typ, universeRune
from gort.go.types.version import go1_22, go1_23

if TYPE_CHECKING:
    from collections.abc import Callable

    from gort.go.types.check import Checker
    from gort.go.types.type import Type


def arrayPtrDeref(t: Type) -> Type:
    if isinstance(t, Pointer):
        a = t.base.Underlying()
        if isinstance(a, Array):
            return a
    return t


def rangeStmt(check: Checker, inner: int, s: ast.RangeStmt) -> None:
    x = operand()
    rangeVar = s.X
    sKey = s.Key
    sValue = s.Value
    isDef = s.Tok == token.DEFINE
    check.hasCallOrRecv = False
    check.expr(None, x, rangeVar)
    if x.mode != invalid and sValue is None and not check.hasCallOrRecv:
        t = arrayPtrDeref(x.typ.Underlying())
        if isinstance(t, Array):
            rv = rangeVar
            while isinstance(rv, ast.ParenExpr):
                rv = rv.X
            c = operand()
            c.mode = constant_
            c.expr = rv
            c.typ = Typ[2]
            c.val = constant.MakeInt64(t.len)
            check.record(c)
    key: Type | None = None
    val: Type | None = None
    if x.mode != invalid:
        k, v, cause, ok = rangeKeyVal(check, x.typ, check.allowVersion)
        if not ok and cause:
            check.softErrorf(x, Code.InvalidRangeExpr, "cannot range over %s: %s", x, cause)
        elif not ok:
            check.softErrorf(x, Code.InvalidRangeExpr, "cannot range over %s", x)
        elif k is None and sKey is not None:
            check.softErrorf(sKey, Code.InvalidIterVar,
                             "range over %s permits no iteration variables", x)
        elif v is None and sValue is not None:
            check.softErrorf(sValue, Code.InvalidIterVar,
                             "range over %s permits only one iteration variable", x)
        key, val = k, v
    check.openScope(s, "range")
    try:
        lhs = (sKey, sValue)
        rhs = (key, val)
        rangeOverInt = isInteger(x.typ)
        if isDef:
            vars: list[Var] = []
            for i, e in enumerate(lhs):
                if e is None:
                    continue
                if isinstance(e, ast.Ident):
                    name = e.Name
                    obj = Var(e.Pos(), check.pkg, name, None, LocalVar)
                    check.recordDef(e, obj)
                    if name != "_":
                        vars.append(obj)
                else:
                    check.errorf(e, Code.InvalidSyntaxTree, "cannot declare %s", e)
                    obj = Var(e.Pos(), check.pkg, "_", None, LocalVar)
                typ = rhs[i]
                if typ is None or typ is Typ[0]:
                    obj.typ = Typ[0]
                    check.usedVars.add(obj)
                    continue
                if rangeOverInt:
                    check.initVar(obj, x, "range clause")
                else:
                    y = operand()
                    y.mode = value
                    y.expr = e
                    y.typ = typ
                    check.initVar(obj, y, "assignment")
            if vars:
                scopePos = s.Body.Pos()
                for obj in vars:
                    check.declare(check.scope, None, obj, scopePos)  # type: ignore[arg-type]
            else:
                check.error(s, Code.NoNewVar, "no new variables on left side of :=")
        elif sKey is not None:
            for i, e in enumerate(lhs):
                if e is None:
                    continue
                typ = rhs[i]
                if typ is None or typ is Typ[0]:
                    continue
                if rangeOverInt:
                    check.assignVar(e, None, x, "range clause")
                    if x.mode != invalid and not isInteger(x.typ):
                        check.softErrorf(e, Code.InvalidRangeExpr,
                                         "cannot use iteration variable of type %s", x.typ)
                else:
                    y = operand()
                    y.mode = value
                    y.expr = e
                    y.typ = typ
                    check.assignVar(e, None, y, "assignment")
        elif rangeOverInt:
            check.assignment(x, None, "range clause")
        check.stmt(inner, s.Body)
    finally:
        check.closeScope()


def rangeKeyVal(check: Checker | None, orig: Type, allowVersion: Callable[[str], bool] | None
                ) -> tuple[Type | None, Type | None, str, bool]:
    def bad(cause: str) -> tuple[Type | None, Type | None, str, bool]:
        return Typ[0], Typ[0], cause, False

    def cond(t: Type | None, u: Type | None) -> tuple[str, tuple[object, ...]] | None:
        if isinstance(u, Chan) and u.dir == 1:
            return typeErrorf("receive from send-only channel %s", t)
        return None

    rtyp, err = commonUnder(orig, cond)
    if rtyp is None:
        assert err is not None
        return bad(fmtTypeError(check, err))
    typ = arrayPtrDeref(rtyp)
    if isinstance(typ, Basic):
        if isString(typ):
            return Typ[2], universeRune, "", True
        if isInteger(typ):
            if allowVersion is not None and not allowVersion(go1_22):
                return bad("requires go1.22 or later")
            return orig, None, "", True
    elif isinstance(typ, (Array, Slice)):
        return Typ[2], typ.elem, "", True
    elif isinstance(typ, Map):
        return typ.key, typ.elem, "", True
    elif isinstance(typ, Chan):
        return typ.elem, None, "", True
    elif isinstance(typ, Signature):
        if allowVersion is not None and not allowVersion(go1_23):
            return bad("requires go1.23 or later")
        if len(typ.params.vars) != 1:
            return bad("func must be func(yield func(...) bool): wrong argument count")
        if typ.results.vars:
            return bad("func must be func(yield func(...) bool): unexpected results")
        u, err2 = commonUnder(typ.params.vars[0].Type(), None)
        if not isinstance(u, Signature):
            if err2 is not None:
                msg = fmtTypeError(check, err2)
                return bad("func must be func(yield func(...) bool): in yield type, " + msg)
            return bad("func must be func(yield func(...) bool): argument is not func")
        cb = u
        if len(cb.params.vars) > 2:
            return bad("func must be func(yield func(...) bool): yield func has too many parameters")
        if len(cb.results.vars) != 1 or not Identical(cb.results.vars[0].Type(), Typ[1]):
            if len(cb.results.vars) == 1 and isBoolean(cb.results.vars[0].Type()):
                return bad("func must be func(yield func(...) bool): yield func returns user-defined boolean, not bool")
            return bad("func must be func(yield func(...) bool): yield func does not return bool")
        if cb.variadic:
            from gort.go.types.format import sprintf

            qf = check.qualifier if check is not None else None
            return bad(sprintf(qf, False, "yield func of type %s cannot be variadic", cb))
        key = cb.params.vars[0].Type() if len(cb.params.vars) >= 1 else None
        val = cb.params.vars[1].Type() if len(cb.params.vars) >= 2 else None
        return key, val, "", True
    return None, None, "", False
