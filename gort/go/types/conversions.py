"""Conversions (go/types conversions.go): T(x).

`conversion` checks that x is convertible to T and computes the result:
constants stay constants when T is a constant type and the value is
representable (integer to string gives the UTF-8 encoding of the code
point, U+FFFD if invalid), otherwise the result is a value. Integer
constants that do not fit an integer T are reported as "constant 300
overflows uint8" (gc's wording). `convertibleTo` is the spec's
convertibility, including slices to arrays (go1.20) and array pointers
(go1.17), unsafe.Pointer conversions and type-parameter cases term by term.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import constant
from gort.go.types.alias import unalias
from gort.go.types.array import Array
from gort.go.types.basic import Basic
from gort.go.types.errcodes import Code
from gort.go.types.operand import constant_, invalid, operand, value
from gort.go.types.pointer import Pointer
from gort.go.types.predicates import (
    Default,
    Identical,
    IdenticalIgnoreTags,
    allString,
    isComplex,
    isConstType,
    isInteger,
    isIntegerOrFloat,
    isNonTypeParamInterface,
    isString,
    isTypeParam,
    isUntyped,
)
from gort.go.types.slice import Slice
from gort.go.types.typeparam import TypeParam
from gort.go.types.under import underIs
from gort.go.types.universe import Typ
from gort.go.types.version import go1_17, go1_20

if TYPE_CHECKING:
    from gort.go.types.check import Checker
    from gort.go.types.type import Type


def conversion(check: Checker, x: operand, T: Type) -> None:
    from gort.go.types.const import representableConst
    constArg = x.mode == constant_

    def constConvertibleTo(T2: Type, val: list[constant.Value] | None) -> bool:
        t = T2.Underlying()
        if not isinstance(t, Basic):
            return False
        assert x.val is not None
        if representableConst(x.val, check, t, val):
            return True
        if isInteger(x.typ) and isString(t):
            codepoint = 0xFFFD
            i, ok = constant.Uint64Val(x.val)
            if ok and i <= 0x10FFFF:
                codepoint = i
            if 0xD800 <= codepoint < 0xE000:
                codepoint = 0xFFFD
            if val is not None:
                val[0] = constant.MakeString(chr(codepoint).encode("utf-8"))
            return True
        return False

    ok = False
    cause = [""]
    if constArg and isConstType(T):
        assert x.val is not None
        v = [x.val]
        ok = constConvertibleTo(T, v)
        x.val = v[0]
        if not ok and isInteger(x.typ) and isInteger(T):
            check.errorf(x, Code.InvalidConversion, "constant %s overflows %s", x.val, T)
            x.mode = invalid
            return
    elif constArg and isTypeParam(T):
        def f(u: Type | None) -> bool:
            if u is None:
                cause[0] = check.sprintf("%s does not contain specific types", T)
                return False
            if isString(x.typ) and isBytesOrRunes(u):
                return True
            if not constConvertibleTo(u, None):
                if isInteger(x.typ) and isInteger(u):
                    cause[0] = check.sprintf("constant %s overflows %s (in %s)", x.val, u, T)
                else:
                    cause[0] = check.sprintf("cannot convert %s to type %s (in %s)", x, u, T)
                return False
            return True

        ok = underIs(T, f)
        x.mode = value
    elif convertibleTo(x, check, T, cause):
        ok = True
        x.mode = value
    if not ok:
        if cause[0]:
            check.errorf(x, Code.InvalidConversion, "cannot convert %s to type %s: %s", x, T,
                         cause[0])
        else:
            check.errorf(x, Code.InvalidConversion, "cannot convert %s to type %s", x, T)
        x.mode = invalid
        return
    if isUntyped(x.typ):
        final = T
        if x.typ is Typ[25]:
            pass
        elif isNonTypeParamInterface(T) or (constArg and not isConstType(T)):
            final = Default(x.typ)
        elif x.mode == constant_ and isInteger(x.typ) and allString(T):
            final = x.typ
        if x.expr is not None:
            check.updateExprType(x.expr, final, True)
    x.typ = T


def convertibleTo(x: operand, check: Checker | None, T: Type, cause: list[str] | None) -> bool:
    ok, _ = x.assignableTo(check, T, cause)
    if ok:
        return True
    origT = T
    V = unalias(x.typ)
    T = unalias(T)
    Vu = V.Underlying()
    Tu = T.Underlying()
    Vp = V if isinstance(V, TypeParam) else None
    Tp = T if isinstance(T, TypeParam) else None
    if Vp is None and Tp is None and IdenticalIgnoreTags(Vu, Tu):
        return True
    if isinstance(V, Pointer) and isinstance(T, Pointer):
        if IdenticalIgnoreTags(V.base.Underlying(), T.base.Underlying()) and \
                not isTypeParam(V.base) and not isTypeParam(T.base):
            return True
    if isIntegerOrFloat(Vu) and isIntegerOrFloat(Tu):
        return True
    if isComplex(Vu) and isComplex(Tu):
        return True
    if (isInteger(Vu) or isBytesOrRunes(Vu)) and isString(Tu):
        return True
    if isString(Vu) and isBytesOrRunes(Tu):
        return True
    if (isinstance(Vu, Pointer) or isUintptr(Vu)) and isUnsafePointer(Tu):
        return True
    if isUnsafePointer(Vu) and (isinstance(Tu, Pointer) or isUintptr(Tu)):
        return True
    if isinstance(Vu, Slice):
        if isinstance(Tu, Array):
            if Identical(Vu.elem, Tu.elem):
                if check is None or check.allowVersion(go1_20):
                    return True
                if cause is not None:
                    cause[0] = "conversion of slice to array requires go1.20 or later"
                return False
        elif isinstance(Tu, Pointer):
            a = Tu.base.Underlying()
            if isinstance(a, Array) and Identical(Vu.elem, a.elem):
                if check is None or check.allowVersion(go1_17):
                    return True
                if cause is not None:
                    cause[0] = "conversion of slice to array pointer requires go1.17 or later"
                return False
    if Vp is None and Tp is None:
        return False

    def errorf(fmt: str, *args: object) -> None:
        if check is not None and cause is not None:
            msg = check.sprintf(fmt, *args)
            if cause[0]:
                msg += "\n\t" + cause[0]
            cause[0] = msg

    def terms(tp: TypeParam) -> list[Type] | None:
        ts = tp.iface().typeSet()
        if not ts.hasTerms():
            return None
        out: list[Type] = []
        for t in ts.terms:
            if t.typ is None:
                return None
            out.append(t.typ)
        return out

    if Vp is not None and Tp is not None:
        assert isinstance(Vp, TypeParam) and isinstance(Tp, TypeParam)
        vts = terms(Vp)
        tts = terms(Tp)
        if vts is None or tts is None:
            return False
        y = x.copy()
        for vt in vts:
            y.typ = vt
            for tt in tts:
                if not convertibleTo(y, check, tt, cause):
                    errorf("cannot convert %s (in %s) to type %s (in %s)", vt, Vp, tt, Tp)
                    return False
        return True
    if Vp is not None:
        assert isinstance(Vp, TypeParam)
        vts = terms(Vp)
        if vts is None:
            return False
        y = x.copy()
        for vt in vts:
            y.typ = vt
            if not convertibleTo(y, check, T, cause):
                errorf("cannot convert %s (in %s) to type %s", vt, Vp, origT)
                return False
        return True
    assert isinstance(Tp, TypeParam)
    tts = terms(Tp)
    if tts is None:
        return False
    for tt in tts:
        if not convertibleTo(x, check, tt, cause):
            errorf("cannot convert %s to type %s (in %s)", x.typ, tt, Tp)
            return False
    return True


def isUintptr(typ: Type) -> bool:
    t = typ.Underlying()
    return isinstance(t, Basic) and t.kind == 12


def isUnsafePointer(typ: Type) -> bool:
    t = typ.Underlying()
    return isinstance(t, Basic) and t.kind == 18


def isBytesOrRunes(typ: Type) -> bool:
    s = typ.Underlying()
    if isinstance(s, Slice):
        t = s.elem.Underlying()
        return isinstance(t, Basic) and t.kind in (8, 5)
    return False
