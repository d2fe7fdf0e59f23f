"""Expressions (go/types expr.go): the expression checker.

Expressions are checked recursively, top down, into an `operand`
(`rawExpr` -> `exprInternal`, which dispatches on the node kind). Untyped
results (constants, comparisons, non-constant shifts of untyped constants)
are remembered in `check.untyped` and get their final type later, when the
context decides it (`updateExprType` walks back down the tree and records
the final types; a constant that becomes typed must be representable). On
any error the operand becomes invalid and no further errors are reported
about it.

Unary and binary operators check their operand types against
`unaryOpPredicates`/`binaryOpPredicates`, fold constants with go/constant
(reporting overflow at the operator), match untyped operands to the other
side's type (`matchTypes`), and handle shifts, comparisons and division by
zero specially.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from gort.go import ast, constant, token
from gort.go.types.alias import Alias
from gort.go.types.basic import Basic
from gort.go.types.errcodes import Code
from gort.go.types.errors import atPos, invalidOp, synPos
from gort.go.types.interface import Interface
from gort.go.types.named import Named
from gort.go.types.object import Var
from gort.go.types.operand import (
    builtin,
    commaerr,
    commaok,
    compositeKind,
    constant_,
    invalid,
    mapindex,
    novalue,
    operand,
    typexpr,
    value,
    variable,
)
from gort.go.types.pointer import Pointer
from gort.go.types.predicates import (
    Comparable,
    Default,
    Identical,
    allBoolean,
    allInteger,
    allNumeric,
    allNumericOrString,
    allOrdered,
    allString,
    allUnsigned,
    comparableType,
    hasNil,
    isBoolean,
    isComplex,
    isGeneric,
    isInteger,
    isNonTypeParamInterface,
    isNumeric,
    isString,
    isTyped,
    isTypeParam,
    isUnsigned,
    isUntyped,
    isValid,
    maxType,
)
from gort.go.types.signature import Signature
from gort.go.types.slice import Slice
from gort.go.types.tuple import Tuple
from gort.go.types.under import commonUnder, fmtTypeError, typeErrorf, underIs
from gort.go.types.universe import Typ, universeError
from gort.go.types.version import go1_13

if TYPE_CHECKING:
    from gort.go.token import Pos
    from gort.go.types.check import Checker
    from gort.go.types.type import Type

# exprKind
conversion = 0
expression = 1
statement = 2

unaryOpPredicates: dict[int, Callable[[Type], bool]] = {
    token.ADD: allNumeric,
    token.SUB: allNumeric,
    token.XOR: allInteger,
    token.NOT: allBoolean,
}

binaryOpPredicates: dict[int, Callable[[Type], bool]] = {
    token.ADD: allNumericOrString,
    token.SUB: allNumeric,
    token.MUL: allNumeric,
    token.QUO: allNumeric,
    token.REM: allInteger,
    token.AND: allInteger,
    token.OR: allInteger,
    token.XOR: allInteger,
    token.AND_NOT: allInteger,
    token.LAND: allBoolean,
    token.LOR: allBoolean,
}

_COMPARISONS = frozenset((token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ))


class target:
    """The signature expected of a generic function value (for inference)."""

    __slots__ = ("sig", "desc")

    def __init__(self, sig: Signature, desc: str) -> None:
        self.sig = sig
        self.desc = desc


def newTarget(typ: Type | None, desc: str) -> target | None:
    if typ is not None:
        u, _ = commonUnder(typ, None)
        if isinstance(u, Signature):
            return target(u, desc)
    return None


def op(check: Checker, m: dict[int, Callable[[Type], bool]], x: operand, o: token.Token) -> bool:
    pred = m.get(o)
    if pred is not None:
        if not pred(x.typ):
            check.errorf(x, Code.UndefinedOp, invalidOp + "operator %s not defined on %s",
                         o.String(), x)
            return False
        return True
    check.errorf(x, Code.InvalidSyntaxTree, "unknown operator %s", o.String())
    return False


def opPos(check: Checker | None, x: ast.Expr | None) -> Pos:
    """The position of the operator of x (types2's Operation position)."""
    if x is None:
        return 0
    if isinstance(x, ast.BinaryExpr):
        return x.OpPos
    return x.Pos()


def opName(x: ast.Expr | None) -> str:
    if isinstance(x, ast.UnaryExpr):
        if x.Op == token.XOR:
            return "bitwise complement"
        return ""
    if isinstance(x, ast.BinaryExpr):
        return {token.ADD: "addition", token.SUB: "subtraction", token.XOR: "bitwise XOR",
                token.MUL: "multiplication", token.SHL: "shift"}.get(x.Op, "")
    return ""


def unary(check: Checker, x: operand, e: ast.UnaryExpr) -> None:
    check.expr(None, x, e.X)
    if x.mode == invalid:
        return
    o = e.Op
    if o == token.AND:
        if not isinstance(ast.Unparen(e.X), ast.CompositeLit) and x.mode != variable:
            check.errorf(x, Code.UnaddressableOperand, invalidOp + "cannot take address of %s", x)
            x.mode = invalid
            return
        x.mode = value
        x.typ = Pointer(x.typ)
        return
    if o == token.ARROW:
        elem = chanElem(check, x, x, True)
        if elem is not None and check.isComplete(elem):
            x.mode = commaok
            x.typ = elem
            check.hasCallOrRecv = True
            return
        x.mode = invalid
        return
    if o == token.TILDE:
        if not allInteger(x.typ):
            check.error(e, Code.UndefinedOp, "cannot use ~ outside of interface or type constraint")
            x.mode = invalid
            return
        check.error(e, Code.UndefinedOp,
                    "cannot use ~ outside of interface or type constraint (use ^ for bitwise complement)")
        o = token.XOR
    if not check.op(unaryOpPredicates, x, o):
        x.mode = invalid
        return
    if x.mode == constant_:
        assert x.val is not None
        if x.val.Kind() == constant.Unknown:
            return
        prec = 0
        if isUnsigned(x.typ):
            prec = check.sizes.Sizeof(x.typ) * 8
        x.val = constant.UnaryOp(o, x.val, prec)
        x.expr = e
        check.overflow(x, opPos(check, x.expr))
        return
    x.mode = value


def chanElem(check: Checker, pos: object, x: operand, recv: bool) -> Type | None:
    def cond(t: Type | None, u: Type | None) -> tuple[str, tuple[object, ...]] | None:
        from gort.go.types.chan import Chan

        if u is None:
            return typeErrorf("no specific channel type")
        if not isinstance(u, Chan):
            return typeErrorf("non-channel %s", t)
        if recv and u.dir == 1:
            return typeErrorf("send-only channel %s", t)
        if not recv and u.dir == 2:
            return typeErrorf("receive-only channel %s", t)
        return None

    u, err = commonUnder(x.typ, cond)
    if u is not None:
        return u.elem  # type: ignore[attr-defined,no-any-return]
    assert err is not None
    cause = fmtTypeError(check, err)
    if recv:
        if isTypeParam(x.typ):
            check.errorf(pos, Code.InvalidReceive, invalidOp + "cannot receive from %s: %s", x,
                         cause)
        else:
            check.errorf(pos, Code.InvalidReceive, invalidOp + "cannot receive from %s %s",
                         cause, x)
    else:
        if isTypeParam(x.typ):
            check.errorf(pos, Code.InvalidSend, invalidOp + "cannot send to %s: %s", x, cause)
        else:
            check.errorf(pos, Code.InvalidSend, invalidOp + "cannot send to %s %s", cause, x)
    return None


def updateExprType(check: Checker, x: ast.Expr, typ: Type, final: bool) -> None:
    old = check.untyped.get(x)
    if old is None:
        return
    tx = type(x)
    if tx in (ast.BadExpr, ast.FuncLit, ast.CompositeLit, ast.IndexExpr, ast.SliceExpr,
              ast.TypeAssertExpr, ast.StarExpr, ast.KeyValueExpr, ast.ArrayType,
              ast.StructType, ast.FuncType, ast.InterfaceType, ast.MapType, ast.ChanType,
              ast.IndexListExpr):
        return
    if tx is ast.ParenExpr:
        check.updateExprType(x.X, typ, final)  # type: ignore[attr-defined]
    elif tx is ast.UnaryExpr:
        if old.val is None:
            check.updateExprType(x.X, typ, final)  # type: ignore[attr-defined]
    elif tx is ast.BinaryExpr:
        assert isinstance(x, ast.BinaryExpr)
        if old.val is None:
            if x.Op in _COMPARISONS:
                pass
            elif x.Op == token.SHL or x.Op == token.SHR:
                check.updateExprType(x.X, typ, final)
            else:
                check.updateExprType(x.X, typ, final)
                check.updateExprType(x.Y, typ, final)
    if not final and isUntyped(typ):
        u = typ.Underlying()
        assert isinstance(u, Basic)
        old.typ = u
        return
    del check.untyped[x]
    if old.isLhs:
        if not allInteger(typ):
            check.errorf(x, Code.InvalidShiftOperand,
                         invalidOp + "shifted operand %s (type %s) must be integer", x, typ)
            return
    if old.val is not None and old.validFor is not typ:
        c = operand()
        c.mode = old.mode
        c.expr = x
        c.typ = old.typ
        c.val = old.val
        check.convertUntyped(c, typ)
        if c.mode == invalid:
            return
    check.recordTypeAndValue(x, old.mode, typ, old.val)


def updateExprVal(check: Checker, x: ast.Expr, val: constant.Value,
                  validFor: Type | None = None) -> None:
    """Record x's converted constant value (representable in validFor, if given)."""
    info = check.untyped.get(x)
    if info is not None:
        info.val = val
        info.validFor = validFor


def implicitTypeAndValue(check: Checker, x: operand,
                         target: Type) -> tuple[Type | None, constant.Value | None, int]:
    if x.mode == invalid or isTyped(x.typ) or not isValid(target):
        return x.typ, None, 0
    if isUntyped(target):
        m = maxType(x.typ, target)
        if m is not None:
            return m, None, 0
        return None, None, Code.InvalidUntypedConversion
    if x.mode == 8:  # nilvalue
        if hasNil(target):
            return target, None, 0
        return None, None, Code.InvalidUntypedConversion
    u = target.Underlying()
    tu = type(u)
    if tu is Basic:
        assert isinstance(u, Basic)
        if x.mode == constant_:
            v, code = check.representation(x, u)
            if code:
                return None, None, code
            return target, v, 0
        k = x.typ.kind  # type: ignore[attr-defined]
        if k == 19:
            if not isBoolean(target):
                return None, None, Code.InvalidUntypedConversion
        elif k in (20, 21, 22, 23):
            if not isNumeric(target):
                return None, None, Code.InvalidUntypedConversion
        elif k == 24:
            if not isString(target):
                return None, None, Code.InvalidUntypedConversion
        else:
            return None, None, Code.InvalidUntypedConversion
    elif tu is Interface:
        assert isinstance(u, Interface)
        if isTypeParam(target):
            def ok(u2: Type | None) -> bool:
                if u2 is None:
                    return False
                t, _, _ = check.implicitTypeAndValue(x, u2)
                return t is not None

            if not underIs(target, ok):
                return None, None, Code.InvalidUntypedConversion
        else:
            if not u.Empty():
                return None, None, Code.InvalidUntypedConversion
            return Default(x.typ), None, 0
    else:
        return None, None, Code.InvalidUntypedConversion
    return target, None, 0


def convertUntyped(check: Checker, x: operand, target: Type) -> None:
    newType, val, code = check.implicitTypeAndValue(x, target)
    if code:
        t = target
        if not isTypeParam(target):
            t = target.underlying if isinstance(target, Named) and target.underlying is not None \
                else target.Underlying()
        check.invalidConversion(code, x, t)
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


def comparison(check: Checker, x: operand, y: operand, o: token.Token, switchCase: bool) -> None:
    if not isValid(x.typ) or not isValid(y.typ):
        x.mode = invalid
        return
    if switchCase:
        o = token.EQL
    errOp = x
    cause = ""
    code = Code.MismatchedTypes
    ok, _ = x.assignableTo(check, y.typ, None)
    if not ok:
        ok, _ = y.assignableTo(check, x.typ, None)
    err = False
    if not ok:
        errOp = y
        cause = check.sprintf("mismatched types %s and %s", x.typ, y.typ)
        err = True
    else:
        code = Code.UndefinedOp
        if o == token.EQL or o == token.NEQ:
            if x.mode == 8 or y.mode == 8:
                typ = y.typ if x.mode == 8 else x.typ
                if not hasNil(typ):
                    errOp = y
                    err = True
            elif not Comparable(x.typ):
                errOp = x
                cause = check.incomparableCause(x.typ)
                err = True
            elif not Comparable(y.typ):
                errOp = y
                cause = check.incomparableCause(y.typ)
                err = True
        else:
            if not allOrdered(x.typ):
                errOp = x
                err = True
            elif not allOrdered(y.typ):
                errOp = y
                err = True
    if not err:
        if x.mode == constant_ and y.mode == constant_:
            assert x.val is not None and y.val is not None
            x.val = constant.MakeBool(constant.Compare(x.val, o, y.val))
        else:
            x.mode = value
            if x.expr is not None:
                check.updateExprType(x.expr, Default(x.typ), True)
            if y.expr is not None:
                check.updateExprType(y.expr, Default(y.typ), True)
        x.typ = Typ[19]
        return
    if not cause:
        if isTypeParam(x.typ) or isTypeParam(y.typ):
            if not isTypeParam(x.typ):
                errOp = y
            cause = check.sprintf("type parameter %s cannot use operator %s", errOp.typ,
                                  o.String())
        else:
            what = compositeKind(errOp.typ)
            if not what:
                what = check.sprintf("%s", errOp.typ)
            cause = check.sprintf("operator %s not defined on %s", o.String(), what)
    if switchCase:
        check.errorf(x, code, "invalid case %s in switch on %s (%s)", x.expr, y.expr, cause)
    else:
        check.errorf(errOp, code, invalidOp + "%s %s %s (%s)", x.expr, o.String(), y.expr, cause)
    x.mode = invalid


def incomparableCause(check: Checker, typ: Type) -> str:
    from gort.go.types.map import Map

    u = typ.Underlying()
    if isinstance(u, (Slice, Signature, Map)):
        return compositeKind(typ) + " can only be compared to nil"
    c = comparableType(typ, True, None)
    return fmtTypeError(check, c) if c is not None else ""


def shift(check: Checker, x: operand, y: operand, e: ast.Expr | None, o: token.Token) -> None:
    xval = None
    if x.mode == constant_:
        assert x.val is not None
        xval = constant.ToInt(x.val)
    if allInteger(x.typ) or (isUntyped(x.typ) and xval is not None and xval.Kind() == constant.Int):
        pass
    else:
        check.errorf(x, Code.InvalidShiftOperand, invalidOp + "shifted operand %s must be integer",
                     x)
        x.mode = invalid
        return
    yval = None
    if y.mode == constant_:
        assert y.val is not None
        yval = constant.ToInt(y.val)
        if yval.Kind() == constant.Int and constant.Sign(yval) < 0:
            check.errorf(y, Code.InvalidShiftCount, invalidOp + "negative shift count %s", y)
            x.mode = invalid
            return
        if isUntyped(y.typ):
            check.representable(y, Typ[7])
            if y.mode == invalid:
                x.mode = invalid
                return
    else:
        if allInteger(y.typ):
            if not allUnsigned(y.typ) and \
                    not check.verifyVersionf(y, go1_13, invalidOp + "signed shift count %s", y):
                x.mode = invalid
                return
        elif isUntyped(y.typ):
            check.convertUntyped(y, Typ[7])
            if y.mode == invalid:
                x.mode = invalid
                return
        else:
            check.errorf(y, Code.InvalidShiftCount, invalidOp + "shift count %s must be integer", y)
            x.mode = invalid
            return
    if x.mode == constant_:
        if y.mode == constant_:
            assert x.val is not None and y.val is not None and yval is not None
            if x.val.Kind() == constant.Unknown or y.val.Kind() == constant.Unknown:
                x.val = constant.MakeUnknown()
                if not isInteger(x.typ):
                    x.typ = Typ[20]
                return
            shiftBound = 1023 - 1 + 52
            s, ok = constant.Uint64Val(yval)
            if not ok or s > shiftBound:
                check.errorf(y, Code.InvalidShiftCount, invalidOp + "invalid shift count %s", y)
                x.mode = invalid
                return
            if not isInteger(x.typ):
                x.typ = Typ[20]
            assert xval is not None
            x.val = constant.Shift(xval, o, s)
            x.expr = e
            check.overflow(x, opPos(check, x.expr))
            return
        if isUntyped(x.typ):
            if x.expr is not None:
                info = check.untyped.get(x.expr)
                if info is not None:
                    info.isLhs = True
            x.mode = value
            return
    if not allInteger(x.typ):
        check.errorf(x, Code.InvalidShiftOperand, invalidOp + "shifted operand %s must be integer",
                     x)
        x.mode = invalid
        return
    x.mode = value


def binary(check: Checker, x: operand, e: ast.Expr | None, lhs: ast.Expr, rhs: ast.Expr,
           o: token.Token, opPosition: Pos = 0) -> None:
    y = operand()
    check.expr(None, x, lhs)
    check.expr(None, y, rhs)
    if x.mode == invalid:
        return
    if y.mode == invalid:
        x.mode = invalid
        x.expr = y.expr
        return
    if o == token.SHL or o == token.SHR:
        check.shift(x, y, e, o)
        return
    check.matchTypes(x, y)
    if x.mode == invalid:
        return
    if o in _COMPARISONS:
        check.comparison(x, y, o, False)
        return
    if not Identical(x.typ, y.typ):
        if isValid(x.typ) and isValid(y.typ):
            if e is not None:
                check.errorf(x, Code.MismatchedTypes,
                             invalidOp + "%s (mismatched types %s and %s)", e, x.typ, y.typ)
            else:
                check.errorf(x, Code.MismatchedTypes,
                             invalidOp + "%s %s= %s (mismatched types %s and %s)", lhs,
                             o.String(), rhs, x.typ, y.typ)
        x.mode = invalid
        return
    if not check.op(binaryOpPredicates, x, o):
        x.mode = invalid
        return
    if o == token.QUO or o == token.REM:
        if (x.mode == constant_ or allInteger(x.typ)) and y.mode == constant_ and \
                constant.Sign(y.val) == 0:  # type: ignore[arg-type]
            check.error(y, Code.DivByZero, invalidOp + "division by zero")
            x.mode = invalid
            return
        if x.mode == constant_ and y.mode == constant_ and isComplex(x.typ):
            assert y.val is not None
            re, im = constant.Real(y.val), constant.Imag(y.val)
            re2 = constant.BinaryOp(re, token.MUL, re)
            im2 = constant.BinaryOp(im, token.MUL, im)
            if constant.Sign(re2) == 0 and constant.Sign(im2) == 0:
                check.error(y, Code.DivByZero, invalidOp + "division by zero")
                x.mode = invalid
                return
    if x.mode == constant_ and y.mode == constant_:
        assert x.val is not None and y.val is not None
        if x.val.Kind() == constant.Unknown or y.val.Kind() == constant.Unknown:
            x.val = constant.MakeUnknown()
            return
        tok = o
        if o == token.QUO and isInteger(x.typ):
            tok = token.QUO_ASSIGN
        x.val = constant.BinaryOp(x.val, tok, y.val)
        x.expr = e
        check.overflow(x, opPosition if e is None else opPos(check, e))
        return
    x.mode = value


def matchTypes(check: Checker, x: operand, y: operand) -> None:
    def mayConvert(x: operand, y: operand) -> bool:
        if isTyped(x.typ) and isTyped(y.typ):
            return False
        if allNumeric(x.typ) != allNumeric(y.typ):
            return False
        if isNonTypeParamInterface(x.typ) or isNonTypeParamInterface(y.typ):
            return True
        if allBoolean(x.typ) != allBoolean(y.typ):
            return False
        if allString(x.typ) != allString(y.typ):
            return False
        if x.mode == 8:
            return hasNil(y.typ)
        if y.mode == 8:
            return hasNil(x.typ)
        if isinstance(x.typ.Underlying(), Pointer) or isinstance(y.typ.Underlying(), Pointer):
            return False
        return True

    if mayConvert(x, y):
        check.convertUntyped(x, y.typ)
        if x.mode == invalid:
            return
        check.convertUntyped(y, x.typ)
        if y.mode == invalid:
            x.mode = invalid


def rawExpr(check: Checker, T: target | None, x: operand, e: ast.Expr, hint: Type | None,
            allowGeneric: bool) -> int:
    kind = check.exprInternal(T, x, e, hint)
    if not allowGeneric:
        tt = type(x.typ)
        if tt is Signature or tt is Named or tt is Alias:
            check.nonGeneric(T, x)
    check.record(x)
    return kind


def nonGeneric(check: Checker, T: target | None, x: operand) -> None:
    if x.mode == invalid or x.mode == novalue:
        return
    what = ""
    t = x.typ
    if isinstance(t, (Alias, Named)):
        if isGeneric(t):
            what = "type"
    elif isinstance(t, Signature):
        if t.tparams:
            if T is not None:
                check.funcInst(T, x.Pos(), x, None, True)
                return
            what = "function"
    if what:
        check.errorf(x.expr, Code.WrongTypeArgCount, "cannot use generic %s %s without instantiation",
                     what, x.expr)
        x.mode = invalid
        x.typ = Typ[0]


def exprInternal(check: Checker, T: target | None, x: operand, e: ast.Expr,
                 hint: Type | None) -> int:
    x.mode = invalid
    x.typ = Typ[0]
    te = type(e)
    if te is ast.Ident:
        check.ident(x, e, False)  # type: ignore[arg-type]
    elif te is ast.BasicLit:
        check.basicLit(x, e)  # type: ignore[arg-type]
        if x.mode == invalid:
            x.expr = e
            return statement
    elif te is ast.BinaryExpr:
        assert isinstance(e, ast.BinaryExpr)
        check.binary(x, e, e.X, e.Y, e.Op)
        if x.mode == invalid:
            x.expr = e
            return statement
    elif te is ast.CallExpr:
        return check.callExpr(x, e)  # type: ignore[arg-type]
    elif te is ast.SelectorExpr:
        check.selector(x, e, False)  # type: ignore[arg-type]
    elif te is ast.ParenExpr:
        assert isinstance(e, ast.ParenExpr)
        kind = check.rawExpr(None, x, e.X, None, False)
        x.expr = e
        return kind
    elif te is ast.UnaryExpr:
        assert isinstance(e, ast.UnaryExpr)
        check.unary(x, e)
        if x.mode == invalid:
            x.expr = e
            return statement
        if e.Op == token.ARROW:
            x.expr = e
            return statement
    elif te is ast.StarExpr:
        assert isinstance(e, ast.StarExpr)
        check.exprOrType(x, e.X, False)
        if x.mode == invalid:
            x.expr = e
            return statement
        if x.mode == typexpr:
            check.validVarType(e.X, x.typ)
            x.typ = Pointer(x.typ)
        else:
            base: list[Type | None] = [None]

            def f(u: Type | None) -> bool:
                if not isinstance(u, Pointer):
                    check.errorf(x, Code.InvalidIndirection, invalidOp + "cannot indirect %s", x)
                    return False
                b = base[0]
                if b is not None and not Identical(u.base, b):
                    check.errorf(x, Code.InvalidIndirection,
                                 invalidOp + "pointers of %s must have identical base types", x)
                    return False
                base[0] = u.base
                return True

            if not underIs(x.typ, f):
                x.mode = invalid
                x.expr = e
                return statement
            b = base[0]
            assert b is not None
            if not check.isComplete(b):
                x.mode = invalid
                x.expr = e
                return statement
            x.mode = variable
            x.typ = b
    elif te is ast.IndexExpr or te is ast.IndexListExpr:
        if check.indexExpr(x, e):  # type: ignore[arg-type]
            check.funcInst(T, synPos(e), x, e, True)  # type: ignore[arg-type]
        if x.mode == invalid:
            x.expr = e
            return statement
    elif te is ast.CompositeLit:
        check.compositeLit(x, e, hint)  # type: ignore[arg-type]
        if x.mode == invalid:
            x.expr = e
            return statement
    elif te is ast.FuncLit:
        check.funcLit(x, e)  # type: ignore[arg-type]
        if x.mode == invalid:
            x.expr = e
            return statement
    elif te is ast.SliceExpr:
        check.sliceExpr(x, e)  # type: ignore[arg-type]
        if x.mode == invalid:
            x.expr = e
            return statement
    elif te is ast.TypeAssertExpr:
        assert isinstance(e, ast.TypeAssertExpr)
        check.expr(None, x, e.X)
        if x.mode == invalid:
            x.expr = e
            return statement
        if e.Type is None:
            check.error(e, Code.InvalidSyntaxTree, "use of .(type) outside type switch")
            x.mode = invalid
            x.expr = e
            return statement
        if isTypeParam(x.typ):
            check.errorf(x, Code.InvalidAssert,
                         invalidOp + "cannot use type assertion on type parameter value %s", x)
            x.mode = invalid
            x.expr = e
            return statement
        if not isinstance(x.typ.Underlying(), Interface):
            check.errorf(x, Code.InvalidAssert, invalidOp + "%s is not an interface", x)
            x.mode = invalid
            x.expr = e
            return statement
        Tt = check.varType(e.Type)
        if not isValid(Tt) or not check.isComplete(Tt):
            x.mode = invalid
            x.expr = e
            return statement
        check.typeAssertion(e, x, Tt, False)
        x.mode = commaok
        x.typ = Tt
    elif te in (ast.ArrayType, ast.StructType, ast.FuncType, ast.InterfaceType, ast.MapType,
                ast.ChanType):
        x.mode = typexpr
        x.typ = check.typ(e)
    elif te is ast.KeyValueExpr:
        check.error(e, Code.InvalidSyntaxTree, "no key:value expected")
        x.mode = invalid
        x.expr = e
        return statement
    elif te is ast.Ellipsis:
        check.error(e, Code.InvalidSyntaxTree, "invalid use of ...")
        x.mode = invalid
        x.expr = e
        return statement
    else:
        x.mode = invalid
        x.expr = e
        return statement
    x.expr = e
    return expression


def typeAssertion(check: Checker, e: ast.Expr, x: operand, T: Type, typeSwitch: bool) -> None:
    cause = [""]
    if check.assertableTo(x.typ, T, cause):
        return
    if typeSwitch:
        check.errorf(e, Code.ImpossibleAssert,
                     "impossible type switch case: %s\n\t%s cannot have dynamic type %s %s", e, x,
                     T, cause[0])
        return
    check.errorf(e, Code.ImpossibleAssert,
                 "impossible type assertion: %s\n\t%s does not implement %s %s", e, T, x.typ,
                 cause[0])


_EXCL_EXPR = (1 << novalue) | (1 << builtin) | (1 << typexpr)


def expr(check: Checker, T: target | None, x: operand, e: ast.Expr) -> None:
    check.rawExpr(T, x, e, None, False)
    if (1 << x.mode) & _EXCL_EXPR:
        check.exclude(x, _EXCL_EXPR)
    if x.mode == value and type(x.typ) is Tuple:
        check.singleValue(x)


def genericExpr(check: Checker, x: operand, e: ast.Expr, hint: Type | None = None) -> None:
    check.rawExpr(None, x, e, hint, True)
    check.exclude(x, _EXCL_EXPR)
    check.singleValue(x)


def multiExpr(check: Checker, e: ast.Expr, allowCommaOk: bool) -> tuple[list[operand], bool]:
    x = operand()
    check.rawExpr(None, x, e, None, False)
    check.exclude(x, _EXCL_EXPR)
    t = x.typ
    if isinstance(t, Tuple) and x.mode != invalid:
        lst = []
        for i, v in enumerate(t.vars):
            o = operand()
            o.mode = value
            o.expr = ast.Ident(e.Pos(), nth(i + 1, "function result"))
            o.typ = v.Type()
            lst.append(o)
        return lst, False
    lst = [x]
    if allowCommaOk and x.mode in (mapindex, commaok, commaerr):
        what = "ok value of (comma, ok) expression"
        typ: Type = Typ[19]
        if x.mode == commaerr:
            what = "err value of (comma, err) expression"
            typ = universeError
        x2 = operand()
        x2.mode = value
        x2.expr = ast.Ident(e.Pos(), what)
        x2.typ = typ
        lst.append(x2)
        return lst, True
    return lst, False


def nth(n: int, what: str) -> str:
    ext = {1: "st", 2: "nd", 3: "rd"}.get(n, "th")
    return f"{n}{ext} {what}"


def exprWithHint(check: Checker, x: operand, e: ast.Expr, hint: Type) -> None:
    check.rawExpr(None, x, e, hint, False)
    check.exclude(x, _EXCL_EXPR)
    check.singleValue(x)


def exprOrType(check: Checker, x: operand, e: ast.Expr, allowGeneric: bool) -> None:
    check.rawExpr(None, x, e, None, allowGeneric)
    check.exclude(x, 1 << novalue)
    check.singleValue(x)


def exclude(check: Checker, x: operand, modeset: int) -> None:
    if modeset & (1 << x.mode):
        if x.mode == novalue:
            if modeset & (1 << typexpr):
                msg = "%s used as value"
            else:
                msg = "%s used as value or type"
            code = Code.TooManyValues
        elif x.mode == builtin:
            msg = "%s must be called"
            code = Code.UncalledBuiltin
        else:
            msg = "%s is not an expression"
            code = Code.NotAnExpr
        check.errorf(x, code, msg, x)
        x.mode = invalid


def singleValue(check: Checker, x: operand) -> None:
    if x.mode == value and isinstance(x.typ, Tuple):
        check.errorf(x, Code.TooManyValues, "multiple-value %s in single-value context", x)
        x.mode = invalid


_ = (atPos, Var)
