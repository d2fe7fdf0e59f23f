"""Operands (go/types operand.go): the checker's view of an evaluated expression.

An `operand` has a `mode` (how the expression may be used), a type, the
expression it came from, a constant value (mode constant_) and a builtin id
(mode builtin). Checking an expression fills in an operand; on error the
checker sets mode invalid and carries on, and nothing downstream reports
on an invalid operand (no error cascades).

`operandString` formats an operand as in gc's messages:
"x (variable of type int)", "256 (untyped int constant)",
"s.f (variable of struct type S)", "nil".
`assignableTo` is the spec's assignability relation (with the cause of a
failure for interface cases).

Invariants: mode constant_ implies val is not None and typ is Basic; mode
invalid implies nothing about typ (often Typ[Invalid]).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast, constant, token
from gort.go.types.alias import Alias, unalias
from gort.go.types.array import Array
from gort.go.types.basic import Basic
from gort.go.types.chan import Chan
from gort.go.types.errcodes import Code
from gort.go.types.interface import Interface
from gort.go.types.map import Map
from gort.go.types.named import Named
from gort.go.types.pointer import Pointer
from gort.go.types.predicates import (
    Identical,
    hasEmptyTypeset,
    hasName,
    isGeneric,
    isUntyped,
    isValid,
)
from gort.go.types.signature import Signature
from gort.go.types.slice import Slice
from gort.go.types.struct import Struct
from gort.go.types.tuple import Tuple
from gort.go.types.typeparam import TypeParam
from gort.go.types.union import Union
from gort.go.types.universe import Typ, predeclaredFuncs

if TYPE_CHECKING:
    from gort.go.constant import Value
    from gort.go.types.check import Checker
    from gort.go.types.type import Type
    from gort.go.types.typestring import Qualifier

# operand modes
invalid = 0  # operand is invalid
novalue = 1  # call of a function without results
builtin = 2  # a builtin function
typexpr = 3  # a type
constant_ = 4  # a constant; typ is a Basic type
variable = 5  # an addressable variable
mapindex = 6  # a map index expression (assignable, comma-ok on the rhs)
value = 7  # a computed value
nilvalue = 8  # the nil value (types2)
commaok = 9  # a value that may be used in a comma-ok assignment
commaerr = 10  # like commaok, but the second value is an error
cgofunc = 11  # a cgo function

operandModeString = [
    "invalid operand", "no value", "built-in", "type", "constant", "variable",
    "map index expression", "value", "nil", "comma, ok expression", "comma, error expression",
    "cgo function",
]


class operand:
    """An evaluated expression: mode, type, value, source expression."""

    __slots__ = ("mode", "expr", "typ", "val", "id")

    def __init__(self) -> None:
        self.mode = invalid
        self.expr: ast.Expr | None = None
        self.typ: Type = _INVALID
        self.val: Value | None = None
        self.id = 0  # builtin id, for mode builtin

    def isValid(self) -> bool:
        return self.mode != invalid

    def invalidate(self) -> None:
        self.mode = invalid

    def Pos(self) -> int:
        """The syntax position of the operand's expression (types2's x.Pos())."""
        from gort.go.types.errors import synPos

        return synPos(self.expr)

    def isNil(self) -> bool:
        return self.mode == nilvalue

    def assign(self, y: operand) -> None:
        """*x = *y"""
        self.mode = y.mode
        self.expr = y.expr
        self.typ = y.typ
        self.val = y.val
        self.id = y.id

    def copy(self) -> operand:
        c = operand()
        c.assign(self)
        return c

    def String(self) -> str:
        return operandString(self, None)

    __str__ = String

    def __repr__(self) -> str:
        return f"<operand {self.String()}>"

    def setConst(self, kind: object, lit: str) -> None:
        if kind == token.INT:
            k = 20
        elif kind == token.FLOAT:
            k = 22
        elif kind == token.IMAG:
            k = 23
        elif kind == token.CHAR:
            k = 21
        else:
            k = 24
        key = (k, lit)
        val = _litCache.get(key)
        if val is None:
            val = constant.MakeFromLiteral(lit, kind)  # type: ignore[arg-type]
            if len(lit) < 64:
                _litCache[key] = val
        if val.Kind() == constant.Unknown:
            self.mode = invalid
            self.typ = Typ[0]
            return
        self.mode = constant_
        self.typ = Typ[k]
        self.val = val

    def assignableTo(self, check: Checker | None, T: Type,
                     cause: list[str] | None) -> tuple[bool, int]:
        return assignableTo(self, check, T, cause)


def _invalid_type() -> Type:
    return Typ[0]


_INVALID: Type = _invalid_type()

# Values of short literals, shared (constant values are immutable).
_litCache: dict[tuple[int, str], Value] = {}


def compositeKind(typ: Type) -> str:
    u = typ.Underlying()
    tu = type(u)
    if tu is Basic:
        return ""
    return {Array: "array", Slice: "slice", Struct: "struct", Pointer: "pointer",
            Signature: "func", Interface: "interface", Map: "map", Chan: "chan",
            Tuple: "tuple", Union: "union"}.get(tu, "")


def operandString(x: operand, qf: Qualifier | None) -> str:
    from gort.go.types.exprstring import ExprString
    from gort.go.types.typestring import TypeString
    if x.mode == nilvalue:
        t = x.typ
        if t is None or t is Typ[0]:
            return "nil (with invalid type)"
        if t is Typ[25]:
            return "nil"
        return f"nil (of type {TypeString(t, qf)})"
    buf: list[str] = []
    expr = ""
    if x.expr is not None:
        expr = ExprString(x.expr)
    else:
        if x.mode == builtin:
            expr = predeclaredFuncs[x.id][0]
        elif x.mode == typexpr:
            expr = TypeString(x.typ, qf)
        elif x.mode == constant_ and x.val is not None:
            expr = x.val.String()
    if expr:
        buf.append(expr)
        buf.append(" (")
    hasType = False
    if x.mode not in (invalid, novalue, builtin, typexpr):
        if x.typ is not None:
            if isUntyped(x.typ):
                buf.append(x.typ.name)  # type: ignore[attr-defined]
                buf.append(" ")
            else:
                hasType = True
    buf.append(operandModeString[x.mode])
    if x.mode == constant_ and x.val is not None:
        s = x.val.String()
        if s != expr:
            buf.append(" ")
            buf.append(s)
    if hasType:
        if isValid(x.typ):
            desc = ""
            if isGeneric(x.typ):
                desc = "generic "
            tpar = unalias(x.typ)
            if not isinstance(tpar, TypeParam):
                if isinstance(x.typ, (Alias, Named)):
                    what = compositeKind(x.typ)
                    if not what:
                        u = x.typ.Underlying()
                        what = u.name if isinstance(u, Basic) else ""
                    desc += what + " "
            buf.append(" of " + desc + "type ")
            buf.append(TypeString(x.typ, qf))
            if isinstance(tpar, TypeParam):
                buf.append(" constrained by ")
                buf.append(TypeString(tpar.bound, qf))
                if hasEmptyTypeset(tpar):
                    buf.append(" with empty type set")
        else:
            buf.append(" with invalid type")
    if expr:
        buf.append(")")
    return "".join(buf)


def assignableTo(x: operand, check: Checker | None, T: Type,
                 cause: list[str] | None) -> tuple[bool, int]:
    """Whether x is assignable to a variable of type T (and the error code if not)."""
    from gort.go.types.lookup import isInterfacePtr

    if x.mode == invalid or not isValid(T):
        return True, 0  # no error
    origT = T
    V = unalias(x.typ)
    T = unalias(T)
    if V is T or Identical(V, T):
        return True, 0
    Vu = V.Underlying()
    Tu = T.Underlying()
    Vp = V if type(V) is TypeParam else None
    Tp = T if type(T) is TypeParam else None

    if isUntyped(Vu):
        assert check is not None
        if Tp is not None:
            assert isinstance(Tp, TypeParam)
            ts = Tp.iface().typeSet()
            if not ts.hasTerms():
                return False, Code.IncompatibleAssign
            for t in ts.terms:
                if t.typ is None:
                    return False, Code.IncompatibleAssign
                newType, _, _ = check.implicitTypeAndValue(x, t.typ)
                if newType is None:
                    return False, Code.IncompatibleAssign
            return True, Code.IncompatibleAssign
        newType, _, _ = check.implicitTypeAndValue(x, T)
        return newType is not None, Code.IncompatibleAssign

    if Identical(Vu, Tu) and (not hasName(V) or not hasName(T)) and Vp is None and Tp is None:
        return True, 0

    if (type(Tu) is Interface and Tp is None) or isInterfacePtr(Tu):
        if implements(check, V, T, False, cause):
            return True, 0
        if Vp is None:
            return False, Code.InvalidIfaceAssign
        if cause is not None:
            cause[0] = ""

    if type(Vu) is Interface and Vp is None:
        if implements(check, T, V, False, None):
            if cause is not None:
                cause[0] = "need type assertion"
            return False, Code.IncompatibleAssign

    if type(Vu) is Chan and Vu.dir == 0:  # type: ignore[attr-defined]
        if type(Tu) is Chan and Identical(Vu.elem, Tu.elem):  # type: ignore[attr-defined]
            return (not hasName(V) or not hasName(T)), Code.InvalidChanAssign

    if Vp is None and Tp is None:
        return False, Code.IncompatibleAssign

    def errorf(fmt: str, *args: object) -> None:
        if check is not None and cause is not None:
            msg = check.sprintf(fmt, *args)
            if cause[0]:
                msg += "\n\t" + cause[0]
            cause[0] = msg

    if not hasName(V) and Tp is not None:
        assert isinstance(Tp, TypeParam)
        ts = Tp.iface().typeSet()
        if not ts.hasTerms():
            return False, Code.IncompatibleAssign
        ok = False
        code: int = Code.IncompatibleAssign
        for term in ts.terms:
            if term.typ is None:
                return False, code
            ok, code = assignableTo(x, check, term.typ, cause)
            if not ok:
                errorf("cannot assign %s to %s (in %s)", x.typ, term.typ, Tp)
                return False, code
        return ok, code

    if Vp is not None and not hasName(T):
        assert isinstance(Vp, TypeParam)
        ts = Vp.iface().typeSet()
        if not ts.hasTerms():
            return False, Code.IncompatibleAssign
        y = x.copy()
        ok = False
        code = Code.IncompatibleAssign
        for term in ts.terms:
            if term.typ is None:
                return False, code
            y.typ = term.typ
            ok, code = assignableTo(y, check, T, cause)
            if not ok:
                errorf("cannot assign %s (in %s) to %s", term.typ, Vp, origT)
                return False, code
        return ok, code

    return False, Code.IncompatibleAssign


def implements(check: Checker | None, V: Type, T: Type, constraint: bool,
               cause: list[str] | None) -> bool:
    from gort.go.types.instantiate import checker_implements as _impl

    return _impl(check, V, T, constraint, cause)


_ = ast
