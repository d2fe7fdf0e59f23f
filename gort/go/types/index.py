"""Index and slice expressions (go/types index.go).

`indexExpr` handles x[i]: a generic function or type being instantiated
(returns True for a function instantiation, which the caller completes),
strings (byte values), arrays, pointers to arrays, slices, maps (key
assigned to the key type, mapindex mode), and type parameters whose type
set agrees on the element type. `sliceExpr` handles x[lo:hi:max` with
constant bound checks ("invalid slice indices: 2 < 3"). `index` checks a
single index against a length, reporting out-of-bounds constants.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast, constant
from gort.go.types.array import Array
from gort.go.types.basic import Basic
from gort.go.types.errcodes import Code
from gort.go.types.errors import invalidArg, invalidOp
from gort.go.types.interface import Interface
from gort.go.types.map import Map
from gort.go.types.operand import (
    constant_,
    invalid,
    mapindex,
    operand,
    typexpr,
    value,
    variable,
)
from gort.go.types.pointer import Pointer
from gort.go.types.predicates import (
    Identical,
    allInteger,
    isString,
    isTypeParam,
    isUntyped,
    isValid,
)
from gort.go.types.signature import Signature
from gort.go.types.slice import Slice
from gort.go.types.under import typeset_all, underIs
from gort.go.types.universe import Typ, universeByte

if TYPE_CHECKING:
    from gort.go.types.check import Checker
    from gort.go.types.type import Type


def _indices(e: ast.Expr) -> list[ast.Expr]:
    if isinstance(e, ast.IndexExpr):
        return [e.Index]
    if isinstance(e, ast.IndexListExpr):
        return list(e.Indices)
    return []


def indexExpr(check: Checker, x: operand, e: ast.IndexExpr | ast.IndexListExpr) -> bool:
    check.exprOrType(x, e.X, True)
    m = x.mode
    if m == invalid:
        check.use(*_indices(e))
        return False
    if m == typexpr:
        x.mode = invalid
        x.typ = check.varType(e)
        if isValid(x.typ):
            x.mode = typexpr
        return False
    if m == value:
        sig = x.typ.Underlying()
        if isinstance(sig, Signature) and sig.tparams:
            return True
    check.nonGeneric(None, x)
    if x.mode == invalid:
        return False
    if not check.isComplete(x.typ):
        x.mode = invalid
        return False
    u = x.typ.Underlying()
    if isinstance(u, Pointer):
        if not check.isComplete(u.base):
            x.mode = invalid
            return False
    elif isinstance(u, Map):
        if not check.isComplete(u.elem):
            x.mode = invalid
            return False
    valid = False
    length = -1
    if isinstance(u, Basic):
        if isString(u):
            valid = True
            if x.mode == constant_:
                assert x.val is not None
                length = constant.StringLen(x.val)
            x.mode = value
            x.typ = universeByte
    elif isinstance(u, Array):
        valid = True
        length = u.len
        if x.mode != variable:
            x.mode = value
        x.typ = u.elem
    elif isinstance(u, Pointer):
        a = u.base.Underlying()
        if isinstance(a, Array):
            valid = True
            length = a.len
            x.mode = variable
            x.typ = a.elem
    elif isinstance(u, Slice):
        valid = True
        x.mode = variable
        x.typ = u.elem
    elif isinstance(u, Map):
        index = check.singleIndex(e)
        if index is None:
            x.mode = invalid
            return False
        key = operand()
        check.genericExpr(key, index, None)
        check.assignment(key, u.key, "map index")
        x.mode = mapindex
        x.typ = u.elem
        x.expr = e
        return False
    elif isinstance(u, Interface) and isTypeParam(x.typ):
        st: list[object] = [None, None, -1, variable]  # key, elem, length, mode

        def f(u2: Type | None) -> bool:
            l = -1
            k: Type | None = None
            el: Type | None = None
            if isinstance(u2, Basic):
                if isString(u2):
                    el = universeByte
                    st[3] = value
            elif isinstance(u2, Array):
                l = u2.len
                el = u2.elem
                if x.mode != variable:
                    st[3] = value
            elif isinstance(u2, Pointer):
                a2 = u2.base.Underlying()
                if isinstance(a2, Array):
                    l = a2.len
                    el = a2.elem
            elif isinstance(u2, Slice):
                el = u2.elem
            elif isinstance(u2, Map):
                k = u2.key
                el = u2.elem
            if el is None:
                return False
            if st[1] is None:
                st[2] = l
                st[0], st[1] = k, el
                return True
            if not (st[0] is k or (st[0] is not None and k is not None and
                                   Identical(st[0], k))):  # type: ignore[arg-type]
                return False
            if not Identical(st[1], el):  # type: ignore[arg-type]
                return False
            if 0 <= l < st[2]:  # type: ignore[operator]
                st[2] = l
            return True

        if underIs(x.typ, f):
            if st[0] is not None:
                index = check.singleIndex(e)
                if index is None:
                    x.mode = invalid
                    return False
                k2 = operand()
                check.genericExpr(k2, index, None)
                check.assignment(k2, st[0], "map index")  # type: ignore[arg-type]
                x.mode = mapindex
                x.typ = st[1]  # type: ignore[assignment]
                x.expr = e
                return False
            valid = True
            length = st[2]  # type: ignore[assignment]
            x.mode = st[3]  # type: ignore[assignment]
            x.typ = st[1]  # type: ignore[assignment]
    if not valid:
        check.errorf(e.Lbrack, Code.NonSliceableOperand, "cannot index %s", x)
        check.use(*_indices(e))
        x.mode = invalid
        return False
    index = check.singleIndex(e)
    if index is None:
        x.mode = invalid
        return False
    if x.typ is None:
        x.typ = Typ[0]
    check.index(index, length)
    return False


def sliceExpr(check: Checker, x: operand, e: ast.SliceExpr) -> None:
    check.expr(None, x, e.X)
    if x.mode == invalid:
        check.use(e.Low, e.High, e.Max)
        return
    state: list[Type | None] = [None, None]  # ct, cu
    hasString = [False]
    failed = [False]

    def f(t: Type | None, u: Type | None) -> bool:
        if u is None:
            check.errorf(x, Code.NonSliceableOperand, "cannot slice %s: no specific type in %s", x,
                         x.typ)
            failed[0] = True
            return False
        if isString(u):
            u = Slice(universeByte)
            hasString[0] = True
        if state[1] is None:
            state[0], state[1] = t, u
            return True
        if not Identical(state[1], u):
            check.errorf(x, Code.NonSliceableOperand,
                         "cannot slice %s: %s and %s have different underlying types", x,
                         state[0], t)
            failed[0] = True
            return False
        return True

    typeset_all(x.typ, f)
    cu = None if failed[0] else state[1]
    if hasString[0] and not failed[0]:
        cu = Typ[17]
        if not isTypeParam(x.typ):
            cu = x.typ.Underlying()
    pu = x.typ.Underlying()
    if isinstance(pu, Pointer) and not check.isComplete(pu.base):
        x.mode = invalid
        return
    valid = False
    length = -1
    if cu is None:
        x.mode = invalid
        return
    if isinstance(cu, Basic):
        if isString(cu):
            if e.Slice3:
                at: ast.Node = e.Max if e.Max is not None else e
                check.error(at, Code.InvalidSliceExpr, invalidOp + "3-index slice of string")
                x.mode = invalid
                return
            valid = True
            if x.mode == constant_:
                assert x.val is not None
                length = constant.StringLen(x.val)
            if isUntyped(x.typ):
                x.typ = Typ[17]
    elif isinstance(cu, Array):
        valid = True
        length = cu.len
        if x.mode != variable:
            check.errorf(x, Code.NonSliceableOperand, "cannot slice unaddressable value %s", x)
            x.mode = invalid
            return
        x.typ = Slice(cu.elem)
    elif isinstance(cu, Pointer):
        a = cu.base.Underlying()
        if isinstance(a, Array):
            valid = True
            length = a.len
            x.typ = Slice(a.elem)
    elif isinstance(cu, Slice):
        valid = True
    if not valid:
        check.errorf(x, Code.NonSliceableOperand, "cannot slice %s", x)
        x.mode = invalid
        return
    x.mode = value
    if e.Slice3 and (e.High is None or e.Max is None):
        check.error(e, Code.InvalidSyntaxTree, "2nd and 3rd index required in 3-index slice")
        x.mode = invalid
        return
    idx = [e.Low, e.High, e.Max]
    ind = [0, 0, 0]
    for i, ex in enumerate(idx):
        v = -1
        if ex is not None:
            mx = -1
            if length >= 0:
                mx = length + 1
            _, iv = check.index(ex, mx)
            if iv >= 0:
                v = iv
        elif i == 0:
            v = 0
        elif length >= 0:
            v = length
        ind[i] = v
    for i, xv in enumerate(ind[:-1]):
        if xv > 0:
            done = False
            for j, y in enumerate(ind[i + 1:]):
                if y >= 0 and y < xv:
                    at2 = idx[i + 1 + j]
                    check.errorf(at2 if at2 is not None else e, Code.SwappedSliceIndices,
                                 "invalid slice indices: %d < %d", y, xv)
                    done = True
                    break
            if done:
                break


def singleIndex(check: Checker, e: ast.IndexExpr | ast.IndexListExpr) -> ast.Expr | None:
    if isinstance(e, ast.IndexListExpr):
        if len(e.Indices) <= 1:
            check.errorf(e, Code.InvalidSyntaxTree, "invalid index expression %s", e)
            return None
        check.error(e.Indices[1], Code.InvalidIndex, invalidOp + "more than one index")
        return e.Indices[0]
    return e.Index


def index(check: Checker, idx: ast.Expr, mx: int) -> tuple[Type, int]:
    x = operand()
    check.expr(None, x, idx)
    if not check.isValidIndex(x, Code.InvalidIndex, "index", False):
        return Typ[0], -1
    if x.mode != constant_:
        return x.typ, -1
    assert x.val is not None
    if x.val.Kind() == constant.Unknown:
        return Typ[0], -1
    v, _ = constant.Int64Val(x.val)
    if mx >= 0 and v >= mx:
        check.errorf(x, Code.InvalidIndex, invalidArg + "index %s out of bounds [0:%d]",
                     x.val.String(), mx)
        return Typ[0], -1
    return x.typ, v


def isValidIndex(check: Checker, x: operand, code: Code, what: str, allowNegative: bool) -> bool:
    from gort.go.types.const import representableConst
    if x.mode == invalid:
        return False
    check.convertUntyped(x, Typ[2])
    if x.mode == invalid:
        return False
    if not allInteger(x.typ):
        check.errorf(x, code, invalidArg + "%s %s must be integer", what, x)
        return False
    if x.mode == constant_:
        assert x.val is not None
        if not allowNegative and constant.Sign(x.val) < 0:
            check.errorf(x, code, invalidArg + "%s %s must not be negative", what, x)
            return False
        r = [x.val]
        if not representableConst(x.val, check, Typ[2], r):
            check.errorf(x, code, invalidArg + "%s %s overflows int", what, x)
            return False
        x.val = r[0]
    return True
