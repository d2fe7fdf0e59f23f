"""Literals (go/types literals.go): basic literals, function literals and
composite literals.

`basicLit` makes a constant operand from a literal (reporting version errors
for go1.13 literal forms and malformed or excessively long constants).
`funcLit` checks the signature now and queues the body (checked at the end
of the enclosing statement). `compositeLit` checks T{...} for structs
(keyed, including promoted fields from go1.27, or positional), arrays
([...]T takes its length from the elements), slices and maps (duplicate
constant keys are errors); an element literal without a type takes it from
the enclosing literal (the "hint").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast, constant, token
from gort.go.types.array import Array
from gort.go.types.errcodes import Code
from gort.go.types.lookup import deref, fieldPath, lookupFieldOrMethod
from gort.go.types.map import Map
from gort.go.types.object import Var
from gort.go.types.operand import constant_, invalid, operand, typexpr, value
from gort.go.types.predicates import Identical, isNonTypeParamInterface, isValid
from gort.go.types.signature import Signature
from gort.go.types.slice import Slice
from gort.go.types.struct import Struct
from gort.go.types.under import commonUnder
from gort.go.types.universe import Typ
from gort.go.types.version import go1_13, go1_27

if TYPE_CHECKING:
    from gort.go.types.check import Checker
    from gort.go.types.type import Type


def langCompat(check: Checker, lit: ast.BasicLit) -> None:
    s = lit.Value
    if len(s) <= 2 or check.allowVersion(go1_13):
        return
    if "_" in s:
        check.versionErrorf(lit, go1_13, "underscore in numeric literal")
        return
    if s[0] != "0":
        return
    radix = s[1]
    if radix in "bB":
        check.versionErrorf(lit, go1_13, "binary literal")
        return
    if radix in "oO":
        check.versionErrorf(lit, go1_13, "0o/0O-style octal literal")
        return
    if lit.Kind != token.INT and radix in "xX":
        check.versionErrorf(lit, go1_13, "hexadecimal floating-point literal")


def basicLit(check: Checker, x: operand, e: ast.BasicLit) -> None:
    k = e.Kind
    if k == token.INT or k == token.FLOAT or k == token.IMAG:
        if check.version and not check.allowVersion(go1_13):
            langCompat(check, e)
        if len(e.Value) > 10000:
            check.errorf(e, Code.InvalidConstVal, "excessively long constant: %s... (%d chars)",
                         e.Value[:10], len(e.Value))
            x.mode = invalid
            return
    x.setConst(k, e.Value)
    if x.mode == invalid:
        check.errorf(e, Code.InvalidConstVal, "malformed constant: %s", e.Value)
        return
    x.expr = e
    if (k == token.INT or k == token.FLOAT or k == token.IMAG) and len(e.Value) > 150:
        # shorter literals cannot exceed 512 bits (and a malformed float is
        # already reported above)
        check.overflow(x, e.Pos())


def funcLit(check: Checker, x: operand, e: ast.FuncLit) -> None:
    sig = check.typ(e.Type)
    if isinstance(sig, Signature):
        if sig.scope is not None:
            sig.scope.pos = e.Pos()
            sig.scope.end = e.End()
        if not check.conf.IgnoreFuncBodies and e.Body is not None:
            decl = check.decl
            iota = check.iota
            body = e.Body

            def later() -> None:
                check.funcBody(decl, "<function literal>", sig, body, iota)

            check.later(later)
        x.mode = value
        x.typ = sig
    else:
        check.errorf(e, Code.InvalidSyntaxTree, "invalid function literal %s", e)
        x.mode = invalid


def keyVal(x: constant.Value) -> object:
    k = x.Kind()
    if k == constant.Complex:
        f = constant.ToFloat(x)
        if f.Kind() != constant.Float:
            r, _ = constant.Float64Val(constant.Real(x))
            i, _ = constant.Float64Val(constant.Imag(x))
            return complex(r, i)
        x = f
        k = constant.Float
    if k == constant.Float:
        i2 = constant.ToInt(x)
        if i2.Kind() != constant.Int:
            v, _ = constant.Float64Val(x)
            return v
        x = i2
        k = constant.Int
    if k == constant.Int:
        return constant.IntVal(x)
    if k == constant.String:
        return ("s", constant.StringBytes(x))
    if k == constant.Bool:
        return ("b", constant.BoolVal(x))
    return id(x)


def compositeLit(check: Checker, x: operand, e: ast.CompositeLit, hint: Type | None) -> None:
    from gort.go.types.call import lookupError
    isElem = False
    if e.Type is not None:
        atyp = e.Type
        if isinstance(atyp, ast.ArrayType) and isinstance(atyp.Len, ast.Ellipsis) and \
                atyp.Len.Elt is None:
            typ: Type = Array(check.varType(atyp.Elt), -1)
            base = typ
        else:
            typ = check.typ(e.Type)
            base = typ
    elif hint is not None:
        typ = hint
        base = typ
        u, _ = commonUnder(base, None)
        if u is not None:
            b, ok = deref(u)
            if ok:
                base = b
        isElem = True
    else:
        check.error(e, Code.UntypedLit, "missing type in composite literal")
        typ = Typ[0]
        base = typ
    if not check.isComplete(base):
        x.mode = invalid
        return
    utyp, _ = commonUnder(base, None)
    if isinstance(utyp, Struct):
        if e.Elts:
            _structLit(check, x, e, utyp, base, lookupError)
    elif isinstance(utyp, Array):
        n = indexedElts(check, e.Elts, utyp.elem, utyp.len)
        if utyp.len < 0:
            utyp.len = n
            if e.Type is not None:
                check.recordTypeAndValue(e.Type, typexpr, utyp, None)
    elif isinstance(utyp, Slice):
        indexedElts(check, e.Elts, utyp.elem, -1)
    elif isinstance(utyp, Map):
        keyIsInterface = isNonTypeParamInterface(utyp.key)
        visited: dict[object, list[Type]] = {}
        for el in e.Elts:
            if not isinstance(el, ast.KeyValueExpr):
                check.error(el, Code.MissingLitKey, "missing key in map literal")
                continue
            check.genericExpr(x, el.Key, utyp.key)
            check.assignment(x, utyp.key, "map literal")
            if x.mode == invalid:
                continue
            if x.mode == constant_:
                assert x.val is not None
                duplicate = False
                xkey = keyVal(x.val)
                if keyIsInterface:
                    for vtyp in visited.get(xkey, ()):
                        if Identical(vtyp, x.typ):
                            duplicate = True
                            break
                    visited.setdefault(xkey, []).append(x.typ)
                else:
                    duplicate = xkey in visited
                    visited[xkey] = []
                if duplicate:
                    check.errorf(x, Code.DuplicateLitKey, "duplicate key %s in map literal", x.val)
                    continue
            check.genericExpr(x, el.Value, utyp.elem)
            check.assignment(x, utyp.elem, "map literal")
    else:
        for el in e.Elts:
            if isinstance(el, ast.KeyValueExpr):
                el = el.Value
            check.use(el)
        if utyp is None or isValid(utyp):
            qualifier = " element" if isElem else ""
            cause = " (no common underlying type)" if utyp is None else ""
            check.errorf(e, Code.InvalidLit, "invalid composite literal%s type %s%s", qualifier,
                         typ, cause)
            x.mode = invalid
            return
    x.mode = value
    x.typ = typ


def _structLit(check: Checker, x: operand, e: ast.CompositeLit, utyp: Struct, base: Type,
               lookupError: object) -> None:
    fields = utyp.fields
    if isinstance(e.Elts[0], ast.KeyValueExpr):
        visited: list[tuple[list[int], Var]] = []
        for el in e.Elts:
            if not isinstance(el, ast.KeyValueExpr):
                check.error(el, Code.MixedStructLit,
                            "mixture of field:value and value elements in struct literal")
                continue
            key = el.Key
            check.genericExpr(x, el.Value, None)
            if not isinstance(key, ast.Ident):
                check.errorf(el, Code.InvalidLitField, "invalid field name %s in struct literal", key)
                continue
            obj, index, indirect = lookupFieldOrMethod(utyp, False, check.pkg, key.Name, False)
            if obj is None:
                alt, _, _ = lookupFieldOrMethod(utyp, False, check.pkg, key.Name, True)
                msg = lookupError(check, base, key.Name, alt, True)  # type: ignore[operator]
                check.error(key, Code.MissingLitField, msg)
                continue
            if not isinstance(obj, Var):
                check.errorf(key, Code.MissingLitField, "%s is not a field", key)
                continue
            assert index is not None
            if len(index) > 1 and not check.verifyVersionf(
                    key, go1_27, "use of promoted field %s in struct literal of type %s",
                    fieldPath(utyp, index), base):
                continue
            if indirect:
                check.errorf(key, Code.InvalidLitField,
                             "invalid implicit pointer indirection to reach %s", key)
                continue
            check.recordUse(key, obj)
            check.assignment(x, obj.Type(), "struct literal")
            for path, alt2 in visited:
                n = min(len(path), len(index))
                if path[:n] == index[:n]:
                    if alt2 is obj:
                        check.errorf(el, Code.DuplicateLitField,
                                     "duplicate field name %s in struct literal", obj.name)
                    elif len(path) < len(index):
                        check.errorf(el, Code.DuplicateLitField,
                                     "cannot specify promoted field %s and enclosing embedded field %s",
                                     obj.name, alt2.name)
                    else:
                        check.errorf(el, Code.DuplicateLitField,
                                     "cannot specify embedded field %s and enclosed promoted field %s",
                                     obj.name, alt2.name)
                    break
            else:
                visited.append((index, obj))
    else:
        for i, el in enumerate(e.Elts):
            if isinstance(el, ast.KeyValueExpr):
                check.error(el, Code.MixedStructLit,
                            "mixture of field:value and value elements in struct literal")
                continue
            check.genericExpr(x, el, None)
            if i >= len(fields):
                check.errorf(x, Code.InvalidStructLit, "too many values in struct literal of type %s",
                             base)
                break
            fld = fields[i]
            if not fld.Exported() and fld.pkg is not check.pkg:
                check.errorf(x, Code.UnexportedLitField,
                             "implicit assignment to unexported field %s in struct literal of type %s",
                             fld.name, base)
                continue
            check.assignment(x, fld.Type(), "struct literal")
        if len(e.Elts) < len(fields):
            hint = ""
            for fld in fields:
                if not fld.Exported() and fld.pkg is not check.pkg:
                    hint = " (type has unexported fields - use key:value pairs)"
                    break
            check.errorf(e.Rbrace, Code.InvalidStructLit,
                         "too few values in struct literal of type %s%s", base, hint)


def indexedElts(check: Checker, elts: list[ast.Expr], typ: Type, length: int) -> int:
    visited: set[int] = set()
    index = 0
    mx = 0
    for e in elts:
        validIndex = False
        ev = e
        if isinstance(e, ast.KeyValueExpr):
            t, i = check.index(e.Key, length)
            if isValid(t):
                if i >= 0:
                    index = i
                    validIndex = True
                else:
                    check.errorf(e, Code.InvalidLitIndex, "index %s must be integer constant", e.Key)
            ev = e.Value
        elif length >= 0 and index >= length:
            check.errorf(e, Code.OversizeArrayLit, "index %d is out of bounds (>= %d)", index,
                         length)
        else:
            validIndex = True
        if validIndex:
            if index in visited:
                check.errorf(e, Code.DuplicateLitKey, "duplicate index %d in array or slice literal",
                             index)
            visited.add(index)
        index += 1
        if index > mx:
            mx = index
        x = operand()
        check.genericExpr(x, ev, typ)
        check.assignment(x, typ, "array or slice literal")
    return mx
