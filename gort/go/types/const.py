"""Constant representability and overflow (go/types const.go).

`representableConst(x, check, typ, rounded)` says whether the constant x
fits the basic type typ (integers exactly, floats after rounding to
float32/float64 without overflowing to infinity, complex values part by
part); `rounded`, if given, receives the rounded value. `check.overflow`
reports untyped constants that grow beyond 512 bits and typed ones that do
not fit their type; `check.representable` converts a constant operand to a
type or reports "cannot use ... (truncated)" / "... overflows ..." style
errors through `invalidConversion`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from gort.go import constant, token
from gort.go.types.basic import Basic
from gort.go.types.errcodes import Code
from gort.go.types.errors import atPos
from gort.go.types.predicates import (
    isInteger,
    isNumeric,
    isTyped,
)

if TYPE_CHECKING:
    from gort.go.token import Pos
    from gort.go.types.check import Checker
    from gort.go.types.operand import operand
    from gort.go.types.type import Type

_INT_RANGES = {
    3: (-(1 << 7), (1 << 7) - 1), 4: (-(1 << 15), (1 << 15) - 1),
    5: (-(1 << 31), (1 << 31) - 1), 6: (-(1 << 63), (1 << 63) - 1),
    8: (0, (1 << 8) - 1), 9: (0, (1 << 16) - 1), 10: (0, (1 << 32) - 1),
    11: (0, (1 << 64) - 1),
}


def overflow(check: Checker, x: operand, opPos: Pos) -> None:
    from gort.go.types.expr import opName

    assert x.val is not None
    if x.val.Kind() == constant.Unknown:
        check.error(atPos(opPos), Code.InvalidConstVal, "constant result is not representable")
        return
    if isTyped(x.typ):
        u = x.typ.Underlying()
        assert isinstance(u, Basic)
        check.representable(x, u)
        return
    if x.val.Kind() == constant.Int and constant.BitLen(x.val) > 512:
        op = opName(x.expr)
        if op:
            op += " "
        check.errorf(atPos(opPos), Code.InvalidConstVal, "constant %soverflow", op)
        x.val = constant.MakeUnknown()
        return
    if x.val.Kind() == constant.String:
        n = constant.StringLen(x.val)
        if n > 2_000_000_000:
            check.errorf(atPos(opPos), Code.InvalidConstVal,
                         "constant string too long (%d bytes > %d bytes)", n, 2_000_000_000)
            x.val = constant.MakeUnknown()


def representableConst(x: constant.Value, check: Checker | None, typ: Basic,
                       rounded: list[constant.Value] | None) -> bool:
    """Whether constant x is representable by basic type typ (see module doc)."""
    from gort.go.constant.value import _intVal

    k = typ.kind
    info = typ.info
    if type(x) is _intVal and info & 2:  # IsInteger: the common case
        v = x.i
        if rounded is not None:
            rounded[0] = x
        return _intFits(check, typ, k, v)
    if x.Kind() == constant.Unknown:
        return True
    if info & 2:  # IsInteger
        xi = constant.ToInt(x)
        if xi.Kind() != constant.Int:
            return False
        if rounded is not None:
            rounded[0] = xi
        return _intFits(check, typ, k, constant.IntVal(xi))
    if info & 8:  # IsFloat
        xf = constant.ToFloat(x)
        if xf.Kind() != constant.Float:
            return False
        if k == 13:
            if rounded is None:
                return fitsFloat32(xf)
            r = roundFloat32(xf)
            if r is not None:
                rounded[0] = r
                return True
            return False
        if k == 14:
            if rounded is None:
                return fitsFloat64(xf)
            r = roundFloat64(xf)
            if r is not None:
                rounded[0] = r
                return True
            return False
        return k == 22
    if info & 16:  # IsComplex
        xc = constant.ToComplex(x)
        if xc.Kind() != constant.Complex:
            return False
        re, im = constant.Real(xc), constant.Imag(xc)
        if k == 15:
            if rounded is None:
                return fitsFloat32(re) and fitsFloat32(im)
            r1, r2 = roundFloat32(re), roundFloat32(im)
            if r1 is not None and r2 is not None:
                rounded[0] = constant.BinaryOp(r1, token.ADD, constant.MakeImag(r2))
                return True
            return False
        if k == 16:
            if rounded is None:
                return fitsFloat64(re) and fitsFloat64(im)
            r1, r2 = roundFloat64(re), roundFloat64(im)
            if r1 is not None and r2 is not None:
                rounded[0] = constant.BinaryOp(r1, token.ADD, constant.MakeImag(r2))
                return True
            return False
        return k == 23
    if info & 32:  # IsString
        return x.Kind() == constant.String
    if info & 1:  # IsBoolean
        return x.Kind() == constant.Bool
    return False


def _intFits(check: Checker | None, typ: Basic, k: int, v: int) -> bool:
    if k == 20:  # untyped int
        return True
    if k in (2, 7, 12):  # int, uint, uintptr: word-sized
        sizes = check.sizes if check is not None else None
        s = (sizes.Sizeof(typ) if sizes is not None else 8) * 8
        if k == 2:
            return -(1 << (s - 1)) <= v <= (1 << (s - 1)) - 1
        return 0 <= v <= (1 << s) - 1
    r = _INT_RANGES.get(k)
    if r is None:
        return k == 21  # untyped rune
    return r[0] <= v <= r[1]


def fitsFloat32(x: constant.Value) -> bool:
    f, _ = constant.Float32Val(x)
    return not math.isinf(f)


def roundFloat32(x: constant.Value) -> constant.Value | None:
    f, _ = constant.Float32Val(x)
    if not math.isinf(f):
        return constant.MakeFloat64(f)
    return None


def fitsFloat64(x: constant.Value) -> bool:
    f, _ = constant.Float64Val(x)
    return not math.isinf(f)


def roundFloat64(x: constant.Value) -> constant.Value | None:
    f, _ = constant.Float64Val(x)
    if not math.isinf(f):
        return constant.MakeFloat64(f)
    return None


def representable(check: Checker, x: operand, typ: Basic) -> None:
    v, code = check.representation(x, typ)
    if code:
        check.invalidConversion(code, x, typ)
        x.mode = 0
        return
    x.val = v


def representation(check: Checker, x: operand, typ: Basic) -> tuple[constant.Value | None, int]:
    assert x.val is not None
    r: list[constant.Value] = [x.val]
    if not representableConst(x.val, check, typ, r):
        if isNumeric(x.typ) and isNumeric(typ):
            if not isInteger(x.typ) and isInteger(typ):
                return None, Code.TruncatedFloat
            return None, Code.NumericOverflow
        return None, Code.InvalidConstVal
    return r[0], 0


def invalidConversion(check: Checker, code: int, x: operand, target: Type) -> None:
    msg = "cannot convert %s to type %s"
    if code == Code.TruncatedFloat:
        msg = "%s truncated to %s"
    elif code == Code.NumericOverflow:
        msg = "%s overflows %s"
    check.errorf(x, Code(code), msg, x, target)
