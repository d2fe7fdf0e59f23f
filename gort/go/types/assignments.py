"""Assignments (go/types assignments.go): initialization and assignment of
values to variables, with gc's messages.

`assignment(x, T, context)` converts an untyped x to T (or its default type)
and checks assignability: "cannot use x (variable of type int) as string
value in assignment". `initVars`/`assignVars` match left- and right-hand
sides (1:1, n:1 with a multi-valued call or comma-ok expression) and report
"assignment mismatch: 2 variables but f() returns 1 value".
`shortVarDecl` declares the new variables of := after evaluating the
right-hand side (they are in scope only after the statement).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast
from gort.go.types.basic import Basic, IsUntyped
from gort.go.types.const import representableConst
from gort.go.types.errcodes import Code
from gort.go.types.expr import newTarget
from gort.go.types.exprstring import ExprString
from gort.go.types.object import LocalVar, Var
from gort.go.types.operand import (
    commaerr,
    commaok,
    constant_,
    invalid,
    mapindex,
    nilvalue,
    operand,
    value,
    variable,
)
from gort.go.types.predicates import (
    Default,
    isConstType,
    isNonTypeParamInterface,
    isNumeric,
    isUntyped,
    isValid,
)
from gort.go.types.signature import Signature
from gort.go.types.slice import Slice
from gort.go.types.universe import Typ

if TYPE_CHECKING:
    from gort.go.constant import Value
    from gort.go.types.check import Checker
    from gort.go.types.object import Const
    from gort.go.types.type import Type


def assignment(check: Checker, x: operand, T: Type | None, context: str) -> None:

    m = x.mode
    if m == constant_ and type(T) is Basic:
        xt = x.typ
        v = x.val
        if (type(xt) is Basic and xt.info & IsUntyped and T.kind
                and not T.info & IsUntyped and v is not None):
            # fast path for the most common case (table literals): an untyped
            # constant assigned to a valid typed basic type; the same steps
            # as below
            r: list[Value] = [v]
            if representableConst(v, check, T, r):
                x.val = r[0]
                e = x.expr
                if e is not None:
                    check.updateExprVal(e, r[0], T)
                    x.typ = T
                    check.updateExprType(e, T, False)
                else:
                    x.typ = T
                return
    check.singleValue(x)
    if m == invalid:
        return
    if m not in (nilvalue, constant_, variable, mapindex, value, commaok, commaerr):
        check.errorf(x, Code.IncompatibleAssign, "cannot assign %s to %s in %s", x, T, context)
        x.mode = invalid
        return
    if isUntyped(x.typ):
        target = T
        if x.mode == nilvalue:
            if T is None:
                check.errorf(x, Code.UntypedNilUse, "use of untyped nil in %s", context)
                x.mode = invalid
                return
        elif T is None or isNonTypeParamInterface(T):
            target = Default(x.typ)
        assert target is not None
        newType, val, code = check.implicitTypeAndValue(x, target)
        if code:
            msg = check.sprintf("cannot use %s as %s value in %s", x, target, context)
            if code == Code.TruncatedFloat:
                msg += " (truncated)"
            elif code == Code.NumericOverflow:
                msg += " (overflows)"
            else:
                code = Code.IncompatibleAssign
            check.error(x, Code(code), msg)
            x.mode = invalid
            return
        if val is not None:
            x.val = val
            if x.expr is not None:
                check.updateExprVal(x.expr, val, newType)
        if newType is not x.typ and newType is not None:
            x.typ = newType
            if x.expr is not None:
                check.updateExprType(x.expr, newType, False)
    if type(x.typ) is Signature and x.typ.tparams:  # type: ignore[attr-defined]
        check.nonGeneric(newTarget(T, context), x)
        if x.mode == invalid:
            return
    if T is None:
        return
    cause = [""]
    ok, code2 = x.assignableTo(check, T, cause)
    if not ok:
        if cause[0]:
            check.errorf(x, Code(code2), "cannot use %s as %s value in %s: %s", x, T, context,
                         cause[0])
        else:
            check.errorf(x, Code(code2), "cannot use %s as %s value in %s", x, T, context)
        x.mode = invalid


def initConst(check: Checker, lhs: Const, x: operand) -> None:
    if x.mode == invalid or not isValid(x.typ) or (lhs.typ is not None and not isValid(lhs.typ)):
        if lhs.typ is None:
            lhs.typ = Typ[0]
        return
    if x.mode != constant_:
        check.errorf(x, Code.InvalidConstInit, "%s is not constant", x)
        if lhs.typ is None:
            lhs.typ = Typ[0]
        return
    assert isConstType(x.typ)
    if lhs.typ is None:
        lhs.typ = x.typ
    check.assignment(x, lhs.typ, "constant declaration")
    if x.mode == invalid:
        return
    assert x.val is not None
    lhs.val = x.val


def initVar(check: Checker, lhs: Var, x: operand, context: str) -> None:
    if x.mode == invalid or not isValid(x.typ) or (lhs.typ is not None and not isValid(lhs.typ)):
        if lhs.typ is None:
            lhs.typ = Typ[0]
        x.mode = invalid
        return
    if lhs.typ is None:
        typ = x.typ
        if isUntyped(typ):
            if typ is Typ[25]:
                check.errorf(x, Code.UntypedNilUse, "use of untyped nil in %s", context)
                lhs.typ = Typ[0]
                x.mode = invalid
                return
            typ = Default(typ)
        lhs.typ = typ
    check.assignment(x, lhs.typ, context)


def lhsVar(check: Checker, lhs: ast.Expr) -> Type | None:
    ident = ast.Unparen(lhs)
    if isinstance(ident, ast.Ident) and ident.Name == "_":
        check.recordDef(ident, None)
        return None
    v: Var | None = None
    v_used = False
    if isinstance(ident, ast.Ident):
        obj = check.lookup(ident.Name)
        if isinstance(obj, Var) and obj.pkg is check.pkg:
            v = obj
            v_used = v in check.usedVars
    x = operand()
    check.expr(None, x, lhs)
    if v is not None and not v_used:
        check.usedVars.discard(v)
    if x.mode == invalid or not isValid(x.typ):
        return Typ[0]
    if x.mode in (variable, mapindex):
        return x.typ
    if isinstance(x.expr, ast.SelectorExpr):
        op = operand()
        check.expr(None, op, x.expr.X)
        if op.mode == mapindex:
            check.errorf(x, Code.UnaddressableFieldAssign, "cannot assign to struct field %s in map",
                         ExprString(x.expr))
            return Typ[0]
    check.errorf(x, Code.UnassignableOperand,
                 "cannot assign to %s (neither addressable nor a map index expression)", x.expr)
    return Typ[0]


def assignVar(check: Checker, lhs: ast.Expr, rhs: ast.Expr | None, x: operand | None,
              context: str) -> None:

    T = check.lhsVar(lhs)
    if T is not None and not isValid(T):
        if x is not None:
            x.mode = invalid
        else:
            check.use(rhs)
        return
    if x is None:
        tgt = None
        if T is not None and isinstance(T.Underlying(), Signature):
            tgt = newTarget(T, ExprString(lhs))
        x = operand()
        assert rhs is not None
        check.expr(tgt, x, rhs)
    if T is None and context == "assignment":
        context = "assignment to _ identifier"
    check.assignment(x, T, context)


def operandTypes(lst: list[operand]) -> list[Type]:
    return [x.typ for x in lst]


def varTypes(lst: list[Var]) -> list[Type]:
    return [x.Type() for x in lst]


def typesSummary(check: Checker, lst: list[Type], variadic: bool, hasDots: bool) -> str:
    res = []
    for i, t in enumerate(lst):
        if t is None or not isValid(t):
            s = "unknown type"
        elif isUntyped(t):
            assert isinstance(t, Basic)
            if isNumeric(t):
                s = "number"
            else:
                s = t.name.replace("untyped ", "")
        else:
            s = check.sprintf("%s", t)
        if i == len(lst) - 1:
            if variadic:
                if isinstance(t, Slice):
                    s = check.sprintf("%s", t.elem)
                s = "..." + s
            elif hasDots:
                s += "..."
        res.append(s)
    return "(" + ", ".join(res) + ")"


def measure(x: int, unit: str) -> str:
    if x != 1:
        unit += "s"
    return f"{x} {unit}"


def assignError(check: Checker, rhs: list[ast.Expr], l: int, r: int) -> None:
    vars = measure(l, "variable")
    vals = measure(r, "value")
    rhs0 = rhs[0]
    if len(rhs) == 1:
        call = ast.Unparen(rhs0)
        if isinstance(call, ast.CallExpr):
            check.errorf(rhs0, Code.WrongAssignCount, "assignment mismatch: %s but %s returns %s",
                         vars, call.Fun, vals)
            return
    check.errorf(rhs0, Code.WrongAssignCount, "assignment mismatch: %s but %s", vars, vals)


def returnError(check: Checker, at: object, lhs: list[Var], rhs: list[operand]) -> None:
    l, r = len(lhs), len(rhs)
    qualifier = "not enough"
    if r > l:
        at = rhs[l]
        qualifier = "too many"
    elif r > 0:
        at = rhs[r - 1]
    err = check.newError(Code.WrongResultCount)
    err.addf(at, "%s return values", qualifier)
    err.addf(0, "have %s", check.typesSummary(operandTypes(rhs), False, False))
    err.addf(0, "want %s", check.typesSummary(varTypes(lhs), False, False))
    err.report()


def initVars(check: Checker, lhs: list[Var], orig_rhs: list[ast.Expr],
             returnStmt: ast.Stmt | None) -> None:
    l, r = len(lhs), len(orig_rhs)
    context = "assignment"
    if returnStmt is not None:
        context = "return statement"
    elif l > 1:
        context = "multiple assignment"
    isCall = r == 1 and isinstance(ast.Unparen(orig_rhs[0]), ast.CallExpr)
    if l == r and not isCall:
        for i, v in enumerate(lhs):
            x = operand()
            desc = v.name
            if returnStmt is not None and not desc:
                desc = "result variable"
            check.expr(newTarget(v.typ, desc), x, orig_rhs[i])
            check.initVar(v, x, context)
        return
    if r != 1:
        if check.use(*orig_rhs):
            if returnStmt is not None:
                rhs = check.exprList(orig_rhs)
                check.returnError(returnStmt, lhs, rhs)
            else:
                check.assignError(orig_rhs, l, r)
        for v in lhs:
            if v.typ is None:
                v.typ = Typ[0]
        return
    rhs, commaOk = check.multiExpr(orig_rhs[0], l == 2 and returnStmt is None)
    r = len(rhs)
    if l == r:
        for i, v in enumerate(lhs):
            check.initVar(v, rhs[i], context)
        if commaOk and rhs[0].mode != invalid and rhs[1].mode != invalid:
            check.recordCommaOkTypes(orig_rhs[0], rhs)
        return
    if rhs[0].mode != invalid:
        if returnStmt is not None:
            check.returnError(returnStmt, lhs, rhs)
        else:
            check.assignError(orig_rhs, l, r)
    for v in lhs:
        if v.typ is None:
            v.typ = Typ[0]


def assignVars(check: Checker, lhs: list[ast.Expr], orig_rhs: list[ast.Expr]) -> None:
    l, r = len(lhs), len(orig_rhs)
    context = "assignment"
    if l > 1:
        context = "multiple assignment"
    isCall = r == 1 and isinstance(ast.Unparen(orig_rhs[0]), ast.CallExpr)
    if l == r and not isCall:
        for i, e in enumerate(lhs):
            check.assignVar(e, orig_rhs[i], None, context)
        return
    if r != 1:
        okLHS = check.useLHS(*lhs)
        okRHS = check.use(*orig_rhs)
        if okLHS and okRHS:
            check.assignError(orig_rhs, l, r)
        return
    rhs, commaOk = check.multiExpr(orig_rhs[0], l == 2)
    r = len(rhs)
    if l == r:
        for i, e in enumerate(lhs):
            check.assignVar(e, None, rhs[i], context)
        if commaOk and rhs[0].mode != invalid and rhs[1].mode != invalid:
            check.recordCommaOkTypes(orig_rhs[0], rhs)
        return
    if rhs[0].mode != invalid:
        check.assignError(orig_rhs, l, r)
    check.useLHS(*lhs)


def shortVarDecl(check: Checker, pos: object, lhs: list[ast.Expr], rhs: list[ast.Expr]) -> None:
    top = len(check.delayed)
    scope = check.scope
    assert scope is not None
    seen: set[str] = set()
    lhsVars: list[Var | None] = [None] * len(lhs)
    newVars: list[Var] = []
    hasErr = False
    for i, e in enumerate(lhs):
        if not isinstance(e, ast.Ident):
            check.useLHS(e)
            check.errorf(e, Code.BadDecl, "non-name %s on left side of :=", e)
            hasErr = True
            continue
        name = e.Name
        if name != "_":
            if name in seen:
                check.errorf(e, Code.RepeatedDecl, "%s repeated on left side of :=", e)
                hasErr = True
                continue
            seen.add(name)
        alt = scope.Lookup(name)
        if alt is not None:
            check.recordUse(e, alt)
            if isinstance(alt, Var):
                lhsVars[i] = alt
            else:
                check.errorf(e, Code.UnassignableOperand, "cannot assign to %s", e)
                hasErr = True
            continue
        obj = Var(e.Pos(), check.pkg, name, None, LocalVar)
        lhsVars[i] = obj
        if name != "_":
            newVars.append(obj)
        check.recordDef(e, obj)
    vs: list[Var] = []
    for i, v in enumerate(lhsVars):
        if v is None:
            v = Var(lhs[i].Pos(), check.pkg, "_", None, LocalVar)
        vs.append(v)
    check.initVars(vs, rhs, None)
    check.processDelayed(top)
    if not newVars and not hasErr:
        check.softErrorf(pos, Code.NoNewVar, "no new variables on left side of :=")
        return
    scopePos = rhs[-1].End()
    for obj in newVars:
        check.declare(scope, None, obj, scopePos)
