"""Statements (go/types stmt.go): function bodies and every statement kind.

`funcBody` checks a function's statements in the signature's scope, then
(as gc does) the branch statements of the body (labels.py), "missing
return" (returns.py), and "declared and not used" for the function's local
variables (`usage`, in source order). `stmt` dispatches on the statement
kind; each statement that opens a block opens a scope (recorded in
Info.Scopes). Function literals met inside a statement are checked at the
end of that statement (`processDelayed`), before the scope changes.

Differences from go/types: misplaced break/continue/fallthrough and label
errors are reported by labels.py with gc's syntax-package wording (gc runs
types2 with IgnoreBranchErrors and checks branches in its parser).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast, constant, token
from gort.go.types.errcodes import Code
from gort.go.types.errors import invalidOp
from gort.go.types.object import LocalVar, Nil, ParamVar, RecvVar, ResultVar, Var
from gort.go.types.operand import builtin, constant_, invalid, operand, typexpr
from gort.go.types.predicates import (
    Comparable,
    Identical,
    IsInterface,
    allBoolean,
    allNumeric,
    hasNil,
    isTypeParam,
    isValid,
)
from gort.go.types.scope import Scope
from gort.go.types.typestring import TypeString
from gort.go.types.universe import Typ

if TYPE_CHECKING:
    from gort.go.types.check import Checker
    from gort.go.types.decl import declInfo
    from gort.go.types.signature import Signature
    from gort.go.types.type import Type

# statement context flags
breakOk = 1
continueOk = 2
fallthroughOk = 4
finalSwitchCase = 8
inTypeSwitch = 16


def funcBody(check: Checker, decl: declInfo | None, name: str, sig: Signature,
             body: ast.BlockStmt, iota: constant.Value | None) -> None:
    env = check.saveEnv()
    check.clearEnv()
    check.decl = decl
    check.scope = sig.scope
    check.iota = iota
    check.sig = sig
    try:
        check.stmtList(0, body.List)
        if not check.conf.IgnoreBranchErrors:
            check.labels(body)
        if sig.results.vars and not check.isTerminating(body, ""):
            check.error(body.Rbrace, Code.MissingReturn, "missing return")
        if sig.scope is not None:
            check.usage(sig.scope)
    finally:
        check.restoreEnv(env)


def usage(check: Checker, scope: Scope) -> None:
    unused = []
    used = check.usedVars
    for elem in scope.elems.values():
        if type(elem) is Var and elem.kind not in (RecvVar, ParamVar, ResultVar) and \
                elem not in used:
            unused.append(elem)
    unused.sort(key=lambda v: v.pos)
    for v in unused:
        check.softErrorf(v.pos, Code.UnusedVar, "declared and not used: %s", v.name)
    for s in scope.children:
        if not s.isFunc:
            check.usage(s)


def simpleStmt(check: Checker, s: ast.Stmt | None) -> None:
    if s is not None:
        check.stmt(0, s)


def trimTrailingEmptyStmts(lst: list[ast.Stmt]) -> list[ast.Stmt]:
    i = len(lst)
    while i > 0 and isinstance(lst[i - 1], ast.EmptyStmt):
        i -= 1
    return lst[:i] if i != len(lst) else lst


def stmtList(check: Checker, ctxt: int, lst: list[ast.Stmt]) -> None:
    ok = ctxt & fallthroughOk != 0
    inner = ctxt & ~fallthroughOk
    lst = trimTrailingEmptyStmts(lst)
    n = len(lst)
    for i, s in enumerate(lst):
        c = inner
        if ok and i + 1 == n:
            c |= fallthroughOk
        check.stmt(c, s)


def multipleDefaults(check: Checker, lst: list[ast.Stmt]) -> None:
    first: ast.CaseClause | None = None
    for c in lst:
        if isinstance(c, ast.CaseClause) and not c.List:
            if first is not None:
                check.errorf(c, Code.DuplicateDefault, "multiple defaults (first at %s)",
                             check.posString(first.Pos()))
            else:
                first = c


def multipleSelectDefaults(check: Checker, lst: list[ast.Stmt]) -> None:
    first: ast.CommClause | None = None
    for c in lst:
        if isinstance(c, ast.CommClause) and c.Comm is None:
            if first is not None:
                check.errorf(c, Code.DuplicateDefault, "multiple defaults (first at %s)",
                             check.posString(first.Pos()))
            else:
                first = c


def openScope(check: Checker, node: ast.Node, comment: str) -> None:
    scope = Scope(check.scope, node.Pos(), node.End(), comment)
    check.recordScope(node, scope)
    check.scope = scope


def closeScope(check: Checker) -> None:
    assert check.scope is not None
    check.scope = check.scope.parent


def suspendedCall(check: Checker, keyword: str, call: ast.Expr) -> None:
    from gort.go.types.expr import conversion, expression

    code = Code.InvalidGo if keyword == "go" else Code.InvalidDefer
    if not isinstance(call, ast.CallExpr):
        check.errorf(call, code, "expression in %s must be function call", keyword)
        check.use(call)
        return
    x = operand()
    kind = check.rawExpr(None, x, call, None, False)
    if kind == conversion:
        msg = "requires function call, not conversion"
    elif kind == expression:
        msg = "discards result of"
        code = Code.UnusedResults
    else:
        return
    check.errorf(x, code, "%s %s %s", keyword, msg, x)


def goVal(val: constant.Value | None) -> object:
    if val is None:
        return None
    k = val.Kind()
    if k == constant.Int:
        return constant.IntVal(val)
    if k == constant.Float:
        f, ok = constant.Float64Val(val)
        if ok:
            return f
        return None
    if k == constant.String:
        return constant.StringBytes(val)
    return None


def caseValues(check: Checker, x: operand, values: list[ast.Expr],
               seen: dict[object, list[tuple[int, Type]]]) -> None:
    for e in values:
        v = operand()
        check.expr(None, v, e)
        if x.mode == invalid or v.mode == invalid:
            continue
        check.convertUntyped(v, x.typ)
        if v.mode == invalid:
            continue
        res = v.copy()
        check.comparison(res, x, token.EQL, True)
        if res.mode == invalid:
            continue
        if v.mode != constant_:
            continue
        val = goVal(v.val)
        if val is not None:
            dup = False
            for pos, vt in seen.get(val, ()):
                if Identical(v.typ, vt):
                    err = check.newError(Code.DuplicateCase)
                    err.addf(v, "duplicate case %s in expression switch", v)
                    err.addf(pos, "previous case")
                    err.report()
                    dup = True
                    break
            if dup:
                continue
            seen.setdefault(val, []).append((v.Pos(), v.typ))


def isNilExpr(check: Checker, e: ast.Expr) -> bool:
    name = ast.Unparen(e)
    if isinstance(name, ast.Ident):
        return isinstance(check.lookup(name.Name), Nil)
    return False


def caseTypes(check: Checker, x: operand | None, types: list[ast.Expr],
              seen: list[tuple[Type | None, ast.Expr]]) -> Type:
    T: Type | None = None
    dummy = operand()
    for e in types:
        if isNilExpr(check, e):
            T = None
            check.expr(None, dummy, e)
        else:
            T = check.varType(e)
            if not isValid(T):
                continue
        dup = False
        for t, other in seen:
            if (T is None and t is None) or (T is not None and t is not None and Identical(T, t)):
                Ts = "nil" if T is None else TypeString(T, check.qualifier)
                err = check.newError(Code.DuplicateCase)
                err.addf(e, "duplicate case %s in type switch", Ts)
                err.addf(other, "previous case")
                err.report()
                dup = True
                break
        if dup:
            continue
        seen.append((T, e))
        if x is not None and T is not None:
            check.typeAssertion(e, x, T, True)
    if len(types) != 1 or T is None:
        T = Typ[0]
        if x is not None:
            T = x.typ
    return T


def stmt(check: Checker, ctxt: int, s: ast.Stmt) -> None:
    top = len(check.delayed)
    try:
        _stmt(check, ctxt, s)
    finally:
        if len(check.delayed) > top:
            check.processDelayed(top)


def _stmt(check: Checker, ctxt: int, s: ast.Stmt) -> None:
    from gort.go.types.expr import statement

    inner = ctxt & ~(fallthroughOk | finalSwitchCase | inTypeSwitch)
    ts = type(s)
    if ts is ast.ExprStmt:
        assert isinstance(s, ast.ExprStmt)
        x = operand()
        kind = check.rawExpr(None, x, s.X, None, False)
        if x.mode == builtin:
            msg = "must be called"
            code = Code.UncalledBuiltin
        elif x.mode == typexpr:
            msg = "is not an expression"
            code = Code.NotAnExpr
        else:
            if kind == statement:
                return
            msg = "is not used"
            code = Code.UnusedExpr
        check.errorf(x, code, "%s %s", x, msg)
    elif ts is ast.AssignStmt:
        assert isinstance(s, ast.AssignStmt)
        tok = s.Tok
        if tok == token.ASSIGN:
            check.assignVars(s.Lhs, s.Rhs)
            return
        if tok == token.DEFINE:
            check.shortVarDecl(s.TokPos, s.Lhs, s.Rhs)
            return
        if len(s.Lhs) != 1 or len(s.Rhs) != 1:
            check.errorf(s.TokPos, Code.MultiValAssignOp,
                         "assignment operation %s requires single-valued expressions",
                         tok.String())
            return
        op = _assignOp(tok)
        x = operand()
        check.binary(x, None, s.Lhs[0], s.Rhs[0], op, s.TokPos)
        check.assignVar(s.Lhs[0], None, x, "assignment")
    elif ts is ast.IncDecStmt:
        assert isinstance(s, ast.IncDecStmt)
        x = operand()
        check.expr(None, x, s.X)
        if x.mode == invalid:
            return
        if not allNumeric(x.typ):
            check.errorf(s.X, Code.NonNumericIncDec, invalidOp + "%s%s (non-numeric type %s)",
                         s.X, s.Tok.String(), x.typ)
            return
        check.assignVar(s.X, None, x, "assignment")
    elif ts is ast.DeclStmt:
        assert isinstance(s, ast.DeclStmt)
        check.declStmt(s.Decl)
    elif ts is ast.BlockStmt:
        assert isinstance(s, ast.BlockStmt)
        check.openScope(s, "block")
        try:
            check.stmtList(inner, s.List)
        finally:
            check.closeScope()
    elif ts is ast.IfStmt:
        assert isinstance(s, ast.IfStmt)
        check.openScope(s, "if")
        try:
            check.simpleStmt(s.Init)
            x = operand()
            check.expr(None, x, s.Cond)
            if x.mode != invalid and not allBoolean(x.typ):
                check.error(s.Cond, Code.InvalidCond, "non-boolean condition in if statement")
            check.stmt(inner, s.Body)
            if s.Else is not None:
                check.stmt(inner, s.Else)
        finally:
            check.closeScope()
    elif ts is ast.ForStmt:
        assert isinstance(s, ast.ForStmt)
        inner |= breakOk | continueOk
        check.openScope(s, "for")
        try:
            check.simpleStmt(s.Init)
            if s.Cond is not None:
                x = operand()
                check.expr(None, x, s.Cond)
                if x.mode != invalid and not allBoolean(x.typ):
                    check.error(s.Cond, Code.InvalidCond, "non-boolean condition in for statement")
            check.simpleStmt(s.Post)
            post = s.Post
            if isinstance(post, ast.AssignStmt) and post.Tok == token.DEFINE:
                check.use(*post.Lhs)
            check.stmt(inner, s.Body)
        finally:
            check.closeScope()
    elif ts is ast.RangeStmt:
        assert isinstance(s, ast.RangeStmt)
        inner |= breakOk | continueOk
        check.rangeStmt(inner, s)
    elif ts is ast.ReturnStmt:
        assert isinstance(s, ast.ReturnStmt)
        sig = check.sig
        assert sig is not None
        res = sig.results
        results = s.Results
        if not results and res.vars and res.vars[0].name:
            for obj in res.vars:
                alt = check.lookup(obj.name)
                if alt is not None and alt is not obj:
                    err = check.newError(Code.OutOfScopeResult)
                    err.addf(s, "result parameter %s not in scope at return", obj.name)
                    err.addf(alt, "inner declaration of %s", obj)
                    err.report()
        else:
            check.initVars(list(res.vars), results, s)
    elif ts is ast.SwitchStmt:
        assert isinstance(s, ast.SwitchStmt)
        inner |= breakOk
        check.openScope(s, "switch")
        try:
            check.simpleStmt(s.Init)
            switchStmt(check, inner, s)
        finally:
            check.closeScope()
    elif ts is ast.TypeSwitchStmt:
        assert isinstance(s, ast.TypeSwitchStmt)
        inner |= breakOk | inTypeSwitch
        check.openScope(s, "type switch")
        try:
            check.simpleStmt(s.Init)
            check.typeSwitchStmt(inner, s)
        finally:
            check.closeScope()
    elif ts is ast.SelectStmt:
        assert isinstance(s, ast.SelectStmt)
        inner |= breakOk
        check.multipleSelectDefaults(s.Body.List)
        for clause in s.Body.List:
            if not isinstance(clause, ast.CommClause):
                continue
            valid = False
            rhs: ast.Expr | None = None
            comm = clause.Comm
            if comm is None or isinstance(comm, ast.SendStmt):
                valid = True
            elif isinstance(comm, ast.AssignStmt):
                if len(comm.Rhs) == 1:
                    rhs = comm.Rhs[0]
            elif isinstance(comm, ast.ExprStmt):
                rhs = comm.X
            if rhs is not None:
                r = ast.Unparen(rhs)
                if isinstance(r, ast.UnaryExpr) and r.Op == token.ARROW:
                    valid = True
            if not valid:
                assert comm is not None
                check.error(comm, Code.InvalidSelectCase,
                            "select case must be send or receive (possibly with assignment)")
                continue
            check.openScope(clause, "case")
            try:
                if comm is not None:
                    check.stmt(inner, comm)
                check.stmtList(inner, clause.Body)
            finally:
                check.closeScope()
    elif ts is ast.SendStmt:
        assert isinstance(s, ast.SendStmt)
        from gort.go.types.expr import chanElem

        ch = operand()
        val = operand()
        check.expr(None, ch, s.Chan)
        check.genericExpr(val, s.Value, None)
        if ch.mode == invalid or val.mode == invalid:
            return
        elem = chanElem(check, s, ch, False)
        if elem is not None:
            check.assignment(val, elem, "send")
    elif ts is ast.GoStmt:
        assert isinstance(s, ast.GoStmt)
        check.suspendedCall("go", s.Call)
    elif ts is ast.DeferStmt:
        assert isinstance(s, ast.DeferStmt)
        check.suspendedCall("defer", s.Call)
    elif ts is ast.LabeledStmt:
        assert isinstance(s, ast.LabeledStmt)
        check.hasLabel = True
        check.stmt(ctxt, s.Stmt)
    elif ts is ast.BranchStmt:
        assert isinstance(s, ast.BranchStmt)
        if s.Label is not None:
            check.hasLabel = True
    elif ts is ast.BadStmt:
        assert isinstance(s, ast.BadStmt)
        if s.X is not None:  # `go x` / `defer x` with x not a call
            check.suspendedCall(s.Keyword, s.X)
    elif ts is ast.EmptyStmt:
        pass
    else:
        check.error(s, Code.InvalidSyntaxTree, "invalid statement")


_ASSIGN_OPS = {
    token.ADD_ASSIGN: token.ADD, token.SUB_ASSIGN: token.SUB, token.MUL_ASSIGN: token.MUL,
    token.QUO_ASSIGN: token.QUO, token.REM_ASSIGN: token.REM, token.AND_ASSIGN: token.AND,
    token.OR_ASSIGN: token.OR, token.XOR_ASSIGN: token.XOR, token.SHL_ASSIGN: token.SHL,
    token.SHR_ASSIGN: token.SHR, token.AND_NOT_ASSIGN: token.AND_NOT,
}


def _assignOp(tok: token.Token) -> token.Token:
    return _ASSIGN_OPS.get(tok, tok)


def switchStmt(check: Checker, inner: int, s: ast.SwitchStmt) -> None:
    x = operand()
    if s.Tag is not None:
        check.expr(None, x, s.Tag)
        check.assignment(x, None, "switch expression")
        if x.mode != invalid and not Comparable(x.typ) and not hasNil(x.typ):
            check.errorf(x, Code.InvalidExprSwitch, "cannot switch on %s (%s is not comparable)",
                         x, x.typ)
            x.mode = invalid
    else:
        x.mode = constant_
        x.typ = Typ[1]
        x.val = constant.MakeBool(True)
        pos = s.Body.Rbrace
        if s.Body.List:
            pos = s.Body.List[0].Pos()
        x.expr = ast.Ident(pos, "true")
    body = s.Body.List
    check.multipleDefaults(body)
    seen: dict[object, list[tuple[int, Type]]] = {}
    for i, clause in enumerate(body):
        if not isinstance(clause, ast.CaseClause):
            continue
        c = inner
        if i + 1 < len(body):
            c |= fallthroughOk
        else:
            c |= finalSwitchCase
        check.caseValues(x, clause.List, seen)
        check.openScope(clause, "case")
        try:
            check.stmtList(c, clause.Body)
        finally:
            check.closeScope()


def typeSwitchStmt(check: Checker, inner: int, s: ast.TypeSwitchStmt) -> None:
    lhs: ast.Ident | None = None
    rhs: ast.Expr | None = None
    a = s.Assign
    if isinstance(a, ast.AssignStmt):
        if len(a.Lhs) == 1 and isinstance(a.Lhs[0], ast.Ident) and len(a.Rhs) == 1:
            lhs = a.Lhs[0]
            rhs = a.Rhs[0]
    elif isinstance(a, ast.ExprStmt):
        rhs = a.X
    guard = ast.Unparen(rhs) if rhs is not None else None
    if not isinstance(guard, ast.TypeAssertExpr) or guard.Type is not None:
        check.error(s, Code.InvalidSyntaxTree, "incorrect form of type switch guard")
        return
    if lhs is not None:
        if lhs.Name == "_":
            check.softErrorf(lhs, Code.NoNewVar, "no new variable on left side of :=")
            lhs = None
        else:
            check.recordDef(lhs, None)
    sx: operand | None = None
    x = operand()
    check.expr(None, x, guard.X)
    if x.mode != invalid:
        if isTypeParam(x.typ):
            check.errorf(x, Code.InvalidTypeSwitch,
                         "cannot use type switch on type parameter value %s", x)
        elif IsInterface(x.typ):
            sx = x
        else:
            check.errorf(x, Code.InvalidTypeSwitch, "%s is not an interface", x)
    body = s.Body.List
    check.multipleDefaults(body)
    lhsVars: list[Var] = []
    seen: list[tuple[Type | None, ast.Expr]] = []
    for clause in body:
        if not isinstance(clause, ast.CaseClause):
            continue
        T = check.caseTypes(sx, clause.List, seen)
        check.openScope(clause, "case")
        try:
            if lhs is not None:
                obj = Var(lhs.Pos(), check.pkg, lhs.Name, T, LocalVar)
                check.declare(check.scope, None, obj, clause.Colon)  # type: ignore[arg-type]
                check.recordImplicit(clause, obj)
                lhsVars.append(obj)
            check.stmtList(inner, clause.Body)
        finally:
            check.closeScope()
    if lhs is not None:
        used = False
        for v in lhsVars:
            if v in check.usedVars:
                used = True
            check.usedVars.add(v)
        if not used:
            check.softErrorf(lhs, Code.UnusedVar, "%s declared and not used", lhs.Name)
