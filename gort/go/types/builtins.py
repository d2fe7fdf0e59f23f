"""Builtin function calls (go/types builtins.go).

`check.builtin(x, call, id)` checks a call of a predeclared function or an
unsafe function and sets x to the result: argument counts ("not enough
arguments for len() (expected 1, found 0)"), per-builtin operand rules,
constant results (len of a constant string or of an array not involving
calls or receives, unsafe.Sizeof/Alignof/Offsetof of fixed-size types,
complex/real/imag of constants, min/max of constants), and the signature
the call was checked against (recorded for the compiler in Info.Types under
the function expression).

Type-parameter operands are accepted when every type in the type set is.
`hasVarSize` tells whether a type's size depends on a type parameter, in
which case unsafe.Sizeof and friends are not constant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast, constant, token
from gort.go.types.array import Array
from gort.go.types.basic import Basic
from gort.go.types.chan import Chan
from gort.go.types.errcodes import Code
from gort.go.types.errors import invalidArg, invalidOp
from gort.go.types.interface import Interface
from gort.go.types.lookup import derefStructPtr, lookupFieldOrMethod
from gort.go.types.map import Map
from gort.go.types.named import Named
from gort.go.types.object import Func, ParamVar, ResultVar, TypeName, Var
from gort.go.types.operand import (
    builtin as builtin_mode,
)
from gort.go.types.operand import (
    constant_,
    invalid,
    novalue,
    operand,
    typexpr,
    value,
    variable,
)
from gort.go.types.pointer import Pointer
from gort.go.types.predicates import (
    Default,
    Identical,
    allOrdered,
    allString,
    isBoolean,
    isNumeric,
    isString,
    isTyped,
    isTypeParam,
    isUntyped,
    isValid,
)
from gort.go.types.rangestmt import arrayPtrDeref
from gort.go.types.selection import FieldVal
from gort.go.types.signature import Signature
from gort.go.types.slice import Slice
from gort.go.types.struct import Struct
from gort.go.types.tuple import Tuple
from gort.go.types.typeparam import TypeParam
from gort.go.types.under import commonUnder, fmtTypeError, typeErrorf, typeset_all, underIs
from gort.go.types.universe import (
    Typ,
    _Add,
    _Alignof,
    _Append,
    _Cap,
    _Clear,
    _Close,
    _Complex,
    _Copy,
    _Delete,
    _Imag,
    _Len,
    _Make,
    _Max,
    _Min,
    _New,
    _Offsetof,
    _Panic,
    _Print,
    _Println,
    _Real,
    _Recover,
    _Sizeof,
    _Slice,
    _SliceData,
    _String,
    _StringData,
    _Trace,
    predeclaredFuncs,
    theEmptyInterface,
    universeByte,
)
from gort.go.types.version import go1_17, go1_20, go1_21, go1_26

if TYPE_CHECKING:
    from gort.go.types.check import Checker
    from gort.go.types.type import Type


def makeSig(res: Type | None, *args: Type) -> Signature:
    params = Tuple([Var(0, None, "", Default(a), ParamVar) for a in args])
    results = Tuple([Var(0, None, "", res, ResultVar)]) if res is not None else Tuple()
    return Signature(None, params, results, None, False)


def sliceElem(x: operand) -> tuple[Type | None, tuple[str, tuple[object, ...]] | None]:
    E: list[Type | None] = [None]
    err: list[tuple[str, tuple[object, ...]] | None] = [None]

    def f(_t: Type | None, u: Type | None) -> bool:
        if not isinstance(u, Slice):
            if x.mode == 8:
                err[0] = typeErrorf("argument must be a slice; have untyped nil")
            else:
                err[0] = typeErrorf("argument must be a slice; have %s", x)
            return False
        if E[0] is None:
            E[0] = u.elem
        elif not Identical(E[0], u.elem):
            err[0] = typeErrorf("mismatched slice element types %s and %s in %s", E[0], u.elem, x)
            return False
        return True

    typeset_all(x.typ, f)
    if err[0] is not None:
        return None, err[0]
    return E[0], None


def _bytesOrString(check: Checker, y: operand) -> tuple[bool, bool]:
    """(all types of y are []byte or string, some is a string)."""
    hasString = [False]

    def f(_t: Type | None, u: Type | None) -> bool:
        if isinstance(u, Slice) and Identical(u.elem, universeByte):
            return True
        if u is not None and isString(u):
            hasString[0] = True
            return True
        return False

    ok = typeset_all(y.typ, f)
    return ok, hasString[0]


def builtin(check: Checker, x: operand, call: ast.CallExpr, id: int) -> bool:

    argList = call.Args
    name, bnargs, bvariadic, _ = predeclaredFuncs[id]
    recordTypes = check.Types is not None
    if call.Ellipsis and id != _Append:
        check.errorf(call, Code.InvalidDotDotDot, invalidOp + "invalid use of ... with built-in %s",
                     name)
        check.use(*argList)
        return False
    saved_hcr = check.hasCallOrRecv
    if id == _Len or id == _Cap:
        check.hasCallOrRecv = False
    try:
        args: list[operand] = []
        if id in (_Make, _New, _Offsetof, _Trace):
            nargs = len(argList)
        else:
            args = check.exprList(argList)
            nargs = len(args)
            for a in args:
                if a.mode == invalid:
                    return False
            if nargs > 0:
                x.assign(args[0])
        msg = ""
        if nargs < bnargs:
            msg = "not enough"
        elif not bvariadic and nargs > bnargs:
            msg = "too many"
        if msg:
            check.errorf(call, Code.WrongArgCount,
                         invalidOp + "%s arguments for %s (expected %d, found %d)", msg, call,
                         bnargs, nargs)
            return False
        return _builtin(check, x, call, id, args, nargs, name, recordTypes)
    finally:
        if id == _Len or id == _Cap:
            check.hasCallOrRecv = saved_hcr


def _builtin(check: Checker, x: operand, call: ast.CallExpr, id: int, args: list[operand],
             nargs: int, name: str, recordTypes: bool) -> bool:
    argList = call.Args
    if id == _Append:
        E, err = sliceElem(x)
        if err is not None:
            check.errorf(x, Code.InvalidAppend, "invalid append: %s", fmtTypeError(check, err))
            return False
        sig: Signature | None = None
        if nargs == 2 and call.Ellipsis:
            ok, _ = x.assignableTo(check, Slice(universeByte), None)
            if ok:
                y = args[1]
                allok, hasString = _bytesOrString(check, y)
                if allok and hasString:
                    sig = makeSig(x.typ, x.typ, y.typ)
                    sig.variadic = True
        if sig is None:
            assert E is not None
            sig = makeSig(x.typ, x.typ, Slice(E))
            sig.variadic = True
            check.arguments(call, sig, [], [], args, [])
        if recordTypes:
            check.recordBuiltinType(call.Fun, sig)
        x.mode = value
    elif id == _Cap or id == _Len:
        mode = invalid
        val: constant.Value | None = None
        t = arrayPtrDeref(x.typ.Underlying())
        if isinstance(t, Basic):
            if isString(t) and id == _Len:
                if x.mode == constant_:
                    assert x.val is not None
                    mode = constant_
                    val = constant.MakeInt64(constant.StringLen(x.val))
                else:
                    mode = value
        elif isinstance(t, Array):
            mode = value
            if not check.hasCallOrRecv:
                mode = constant_
                val = constant.MakeInt64(t.len) if t.len >= 0 else constant.MakeUnknown()
        elif isinstance(t, (Slice, Chan)):
            mode = value
        elif isinstance(t, Map):
            if id == _Len:
                mode = value
        elif isinstance(t, Interface) and isTypeParam(x.typ):
            def f(u: Type | None) -> bool:
                tt = arrayPtrDeref(u) if u is not None else None
                if isinstance(tt, Basic):
                    return isString(tt) and id == _Len
                if isinstance(tt, (Array, Slice, Chan)):
                    return True
                if isinstance(tt, Map):
                    return id == _Len
                return False

            if underIs(x.typ, f):
                mode = value
        if mode == invalid:
            if isValid(x.typ.Underlying()):
                code = Code.InvalidLen if id == _Len else Code.InvalidCap
                check.errorf(x, code, invalidArg + "%s for built-in %s", x, name)
            return False
        if recordTypes and mode != constant_:
            check.recordBuiltinType(call.Fun, makeSig(Typ[2], x.typ))
        x.mode = mode
        x.typ = Typ[2]
        x.val = val
    elif id == _Clear:
        check.verifyVersionf(call.Fun, go1_21, "clear")

        def fc(u: Type | None) -> bool:
            if isinstance(u, (Map, Slice)):
                return True
            check.errorf(x, Code.InvalidClear,
                         invalidArg + "cannot clear %s: argument must be (or constrained by) map or slice",
                         x)
            return False

        if not underIs(x.typ, fc):
            return False
        x.mode = novalue
        if recordTypes:
            check.recordBuiltinType(call.Fun, makeSig(None, x.typ))
    elif id == _Close:
        def fcl(u: Type | None) -> bool:
            if not isinstance(u, Chan):
                check.errorf(x, Code.InvalidClose, invalidOp + "cannot close non-channel %s", x)
                return False
            if u.dir == 2:
                check.errorf(x, Code.InvalidClose,
                             invalidOp + "cannot close receive-only channel %s", x)
                return False
            return True

        if not underIs(x.typ, fcl):
            return False
        x.mode = novalue
        if recordTypes:
            check.recordBuiltinType(call.Fun, makeSig(None, x.typ))
    elif id == _Complex:
        y = args[1]
        d = (1 if isUntyped(x.typ) else 0) | (2 if isUntyped(y.typ) else 0)
        if d == 1:
            check.convertUntyped(x, y.typ)
        elif d == 2:
            check.convertUntyped(y, x.typ)
        elif d == 3:
            if x.mode == constant_ and y.mode == constant_:
                for o in (x, y):
                    assert o.val is not None
                    if isNumeric(o.typ) and constant.Sign(constant.Imag(o.val)) == 0:
                        o.typ = Typ[22]
            else:
                check.convertUntyped(x, Typ[14])
                check.convertUntyped(y, Typ[14])
        if x.mode == invalid or y.mode == invalid:
            return False
        if not Identical(x.typ, y.typ):
            check.errorf(x, Code.InvalidComplex, invalidOp + "%s (mismatched types %s and %s)",
                         call, x.typ, y.typ)
            return False

        def fcx(typ: Type) -> Type | None:
            t = typ.Underlying()
            if isinstance(t, Basic):
                return {13: Typ[15], 14: Typ[16], 22: Typ[23]}.get(t.kind)
            return None

        resTyp = applyTypeFunc(check, fcx, x, id)
        if resTyp is None:
            check.errorf(x, Code.InvalidComplex,
                         invalidArg + "arguments have type %s, expected floating-point", x.typ)
            return False
        if x.mode == constant_ and y.mode == constant_:
            assert x.val is not None and y.val is not None
            x.val = constant.BinaryOp(constant.ToFloat(x.val), token.ADD,
                                      constant.MakeImag(constant.ToFloat(y.val)))
        else:
            x.mode = value
        if recordTypes and x.mode != constant_:
            check.recordBuiltinType(call.Fun, makeSig(resTyp, x.typ, x.typ))
        x.typ = resTyp
    elif id == _Copy:
        dstE, err = sliceElem(x)
        if err is not None:
            check.errorf(x, Code.InvalidCopy, "invalid copy: %s", fmtTypeError(check, err))
            return False
        y = args[1]
        special = False
        ok, _ = x.assignableTo(check, Slice(universeByte), None)
        if ok:
            special, _ = _bytesOrString(check, y)
        if not special:
            srcE, err2 = sliceElem(y)
            if err2 is not None:
                if not allString(y.typ):
                    check.errorf(y, Code.InvalidCopy, "invalid copy: %s", fmtTypeError(check, err2))
                    return False
                srcE = universeByte
            assert dstE is not None and srcE is not None
            if not Identical(dstE, srcE):
                check.errorf(x, Code.InvalidCopy,
                             "invalid copy: arguments %s and %s have different element types %s and %s",
                             x, y, dstE, srcE)
                return False
        if recordTypes:
            check.recordBuiltinType(call.Fun, makeSig(Typ[2], x.typ, y.typ))
        x.mode = value
        x.typ = Typ[2]
    elif id == _Delete:
        map_ = x.typ
        key: list[Type | None] = [None]

        def fd(u: Type | None) -> bool:
            if not isinstance(u, Map):
                check.errorf(x, Code.InvalidDelete, invalidArg + "%s is not a map", x)
                return False
            if key[0] is not None and not Identical(u.key, key[0]):
                check.errorf(x, Code.InvalidDelete,
                             invalidArg + "maps of %s must have identical key types", x)
                return False
            key[0] = u.key
            return True

        if not underIs(map_, fd):
            return False
        x.assign(args[1])
        check.assignment(x, key[0], "argument to delete")
        if x.mode == invalid:
            return False
        x.mode = novalue
        if recordTypes:
            assert key[0] is not None
            check.recordBuiltinType(call.Fun, makeSig(None, map_, key[0]))
    elif id == _Imag or id == _Real:
        if isUntyped(x.typ):
            if x.mode == constant_:
                if isNumeric(x.typ):
                    x.typ = Typ[23]
            else:
                check.convertUntyped(x, Typ[16])
                if x.mode == invalid:
                    return False

        def fri(typ: Type) -> Type | None:
            t = typ.Underlying()
            if isinstance(t, Basic):
                return {15: Typ[13], 16: Typ[14], 23: Typ[22]}.get(t.kind)
            return None

        resTyp = applyTypeFunc(check, fri, x, id)
        if resTyp is None:
            code = Code.InvalidReal if id == _Real else Code.InvalidImag
            check.errorf(x, code, invalidArg + "argument has type %s, expected complex type", x.typ)
            return False
        if x.mode == constant_:
            assert x.val is not None
            x.val = constant.Real(x.val) if id == _Real else constant.Imag(x.val)
        else:
            x.mode = value
        if recordTypes and x.mode != constant_:
            check.recordBuiltinType(call.Fun, makeSig(resTyp, x.typ))
        x.typ = resTyp
    elif id == _Make:
        arg0 = argList[0]
        T = check.varType(arg0)
        if not isValid(T):
            return False

        def fm(_t: Type | None, u: Type | None) -> tuple[str, tuple[object, ...]] | None:
            if isinstance(u, (Slice, Map, Chan)):
                return None
            if u is None:
                return typeErrorf("no specific type")
            return typeErrorf("type must be slice, map, or channel")

        u, err3 = commonUnder(T, fm)
        if err3 is not None:
            check.errorf(arg0, Code.InvalidMake, invalidArg + "cannot make %s: %s", arg0,
                         fmtTypeError(check, err3))
            return False
        mn = 2 if isinstance(u, Slice) else 1
        if nargs < mn or mn + 1 < nargs:
            check.errorf(call, Code.WrongArgCount,
                         invalidOp + "%s expects %d or %d arguments; found %d", call, mn, mn + 1,
                         nargs)
            return False
        types: list[Type] = [T]
        sizes: list[int] = []
        for arg in argList[1:]:
            typ, size = check.index(arg, -1)
            types.append(typ)
            if size >= 0:
                sizes.append(size)
        if len(sizes) == 2 and sizes[0] > sizes[1]:
            check.error(argList[1], Code.SwappedMakeArgs, invalidArg + "length and capacity swapped")
        x.mode = value
        x.typ = T
        if recordTypes:
            check.recordBuiltinType(call.Fun, makeSig(x.typ, *types))
    elif id == _Max or id == _Min:
        check.verifyVersionf(call.Fun, go1_21, "built-in %s", name)
        cmpop = token.GTR if id == _Max else token.LSS
        for i, a in enumerate(args):
            if a.mode == invalid:
                return False
            if not allOrdered(a.typ):
                check.errorf(a, Code.InvalidMinMaxOperand, invalidArg + "%s cannot be ordered", a)
                return False
            if i > 0:
                check.matchTypes(x, a)
                if x.mode == invalid:
                    return False
                if not Identical(x.typ, a.typ):
                    check.errorf(a, Code.MismatchedTypes,
                                 invalidArg + "mismatched types %s (previous argument) and %s (type of %s)",
                                 x.typ, a.typ, a.expr)
                    return False
                if x.mode == constant_ and a.mode == constant_:
                    assert a.val is not None and x.val is not None
                    if constant.Compare(a.val, cmpop, x.val):
                        x.assign(a)
                else:
                    x.mode = value
        if x.mode != constant_:
            x.mode = value
            check.assignment(x, theEmptyInterface, "argument to built-in " + name)
            if x.mode == invalid:
                return False
        for a in args:
            if a.expr is not None:
                check.updateExprType(a.expr, x.typ, True)
        if recordTypes and x.mode != constant_:
            check.recordBuiltinType(call.Fun, makeSig(x.typ, *([x.typ] * nargs)))
    elif id == _New:
        arg = argList[0]
        check.exprOrType(x, arg, False)
        check.exclude(x, (1 << novalue) | (1 << builtin_mode))
        if x.mode == invalid:
            return False
        if x.mode == typexpr:
            check.validVarType(arg, x.typ)
        else:
            if isUntyped(x.typ):
                check.assignment(x, None, "argument to new")
                if x.mode == invalid:
                    return False
            check.verifyVersionf(call.Fun, go1_26, "new(%s)", arg)
        T = x.typ
        x.mode = value
        x.typ = Pointer(T)
        if recordTypes:
            check.recordBuiltinType(call.Fun, makeSig(x.typ, T))
    elif id == _Panic:
        if check.sig is not None and check.sig.results.vars:
            check.isPanic.add(call)
        check.assignment(x, theEmptyInterface, "argument to panic")
        if x.mode == invalid:
            return False
        x.mode = novalue
        if recordTypes:
            check.recordBuiltinType(call.Fun, makeSig(None, theEmptyInterface))
    elif id == _Print or id == _Println:
        params: list[Type] = []
        for a in args:
            check.assignment(a, None, "argument to built-in " + name)
            if a.mode == invalid:
                return False
            params.append(a.typ)
        x.mode = novalue
        if recordTypes:
            check.recordBuiltinType(call.Fun, makeSig(None, *params))
    elif id == _Recover:
        x.mode = value
        x.typ = theEmptyInterface
        if recordTypes:
            check.recordBuiltinType(call.Fun, makeSig(x.typ))
    elif id == _Add:
        check.verifyVersionf(call.Fun, go1_17, "unsafe.Add")
        check.assignment(x, Typ[18], "argument to unsafe.Add")
        if x.mode == invalid:
            return False
        y = args[1]
        if not check.isValidIndex(y, Code.InvalidUnsafeAdd, "length", True):
            return False
        x.mode = value
        x.typ = Typ[18]
        if recordTypes:
            check.recordBuiltinType(call.Fun, makeSig(x.typ, x.typ, y.typ))
    elif id == _Alignof:
        check.assignment(x, None, "argument to unsafe.Alignof")
        if x.mode == invalid:
            return False
        if hasVarSize(check, x.typ):
            x.mode = value
            if recordTypes:
                check.recordBuiltinType(call.Fun, makeSig(Typ[12], x.typ))
        else:
            x.mode = constant_
            x.val = constant.MakeInt64(check.sizes.Alignof(x.typ))
        x.typ = Typ[12]
    elif id == _Offsetof:
        arg0 = argList[0]
        selx = ast.Unparen(arg0)
        if not isinstance(selx, ast.SelectorExpr):
            check.errorf(arg0, Code.BadOffsetofSyntax, invalidArg + "%s is not a selector expression",
                         arg0)
            check.use(arg0)
            return False
        check.expr(None, x, selx.X)
        if x.mode == invalid:
            return False
        base = derefStructPtr(x.typ)
        sel = selx.Sel.Name
        obj, index, indirect = lookupFieldOrMethod(base, False, check.pkg, sel, False)
        if obj is None:
            check.errorf(x, Code.MissingFieldOrMethod, invalidArg + "%s has no single field %s",
                         base, sel)
            return False
        if isinstance(obj, Func):
            check.errorf(arg0, Code.InvalidOffsetof, invalidArg + "%s is a method value", arg0)
            return False
        if indirect:
            check.errorf(x, Code.InvalidOffsetof,
                         invalidArg + "field %s is embedded via a pointer in %s", sel, base)
            return False
        assert index is not None
        check.recordSelection(selx, FieldVal, base, obj, index, False)
        rec = operand()
        rec.mode = variable if x.mode == variable else value
        rec.expr = selx
        rec.typ = obj.Type()
        check.record(rec)
        if hasVarSize(check, base):
            x.mode = value
            if recordTypes:
                check.recordBuiltinType(call.Fun, makeSig(Typ[12], obj.Type()))
        else:
            offs = offsetof(check, base, index)
            if offs < 0:
                check.errorf(x, Code.TypeTooLarge, "%s is too large", x)
                return False
            x.mode = constant_
            x.val = constant.MakeInt64(offs)
        x.typ = Typ[12]
    elif id == _Sizeof:
        check.assignment(x, None, "argument to unsafe.Sizeof")
        if x.mode == invalid:
            return False
        if hasVarSize(check, x.typ):
            x.mode = value
            if recordTypes:
                check.recordBuiltinType(call.Fun, makeSig(Typ[12], x.typ))
        else:
            size = check.sizes.Sizeof(x.typ)
            if size < 0:
                check.errorf(x, Code.TypeTooLarge, "%s is too large", x)
                return False
            x.mode = constant_
            x.val = constant.MakeInt64(size)
        x.typ = Typ[12]
    elif id == _Slice:
        check.verifyVersionf(call.Fun, go1_17, "unsafe.Slice")
        u, _ = commonUnder(x.typ, None)
        if not isinstance(u, Pointer):
            check.errorf(x, Code.InvalidUnsafeSlice, invalidArg + "%s is not a pointer", x)
            return False
        y = args[1]
        if not check.isValidIndex(y, Code.InvalidUnsafeSlice, "length", False):
            return False
        x.mode = value
        x.typ = Slice(u.base)
        if recordTypes:
            check.recordBuiltinType(call.Fun, makeSig(x.typ, u, y.typ))
    elif id == _SliceData:
        check.verifyVersionf(call.Fun, go1_20, "unsafe.SliceData")
        u, _ = commonUnder(x.typ, None)
        if not isinstance(u, Slice):
            check.errorf(x, Code.InvalidUnsafeSliceData, invalidArg + "%s is not a slice", x)
            return False
        x.mode = value
        x.typ = Pointer(u.elem)
        if recordTypes:
            check.recordBuiltinType(call.Fun, makeSig(x.typ, u))
    elif id == _String:
        check.verifyVersionf(call.Fun, go1_20, "unsafe.String")
        check.assignment(x, Pointer(universeByte), "argument to unsafe.String")
        if x.mode == invalid:
            return False
        y = args[1]
        if not check.isValidIndex(y, Code.InvalidUnsafeString, "length", False):
            return False
        x.mode = value
        x.typ = Typ[17]
        if recordTypes:
            check.recordBuiltinType(call.Fun, makeSig(x.typ, Pointer(universeByte), y.typ))
    elif id == _StringData:
        check.verifyVersionf(call.Fun, go1_20, "unsafe.StringData")
        check.assignment(x, Typ[17], "argument to unsafe.StringData")
        if x.mode == invalid:
            return False
        x.mode = value
        x.typ = Pointer(universeByte)
        if recordTypes:
            check.recordBuiltinType(call.Fun, makeSig(x.typ, Typ[17]))
    else:
        return False
    return x.mode != invalid


def offsetof(check: Checker, T: Type, index: list[int]) -> int:
    offs = 0
    for i in index:
        s = T.Underlying()
        assert isinstance(s, Struct)
        d = check.sizes.Offsetsof(s.fields)[i]
        if d < 0:
            return -1
        offs += d
        T = s.fields[i].Type()
    return offs


def hasVarSize(check: Checker, t: Type) -> bool:
    """Whether t's size depends on a type parameter (reporting type cycles)."""
    from gort.go.types.alias import unalias

    t = unalias(t)
    if isinstance(t, Named):
        i = check.objPathIdx.get(t.obj)
        if i is not None:
            from gort.go.types.decl import firstInSrc

            cycle = check.objPath[i:]
            check.cycleError(cycle, firstInSrc(cycle))
            return True
        rhs = t.rhs()
        if rhs is None:
            return False
        check.push(t.obj)
        try:
            return hasVarSize(check, rhs)
        finally:
            check.pop()
    if isinstance(t, Array):
        return hasVarSize(check, t.elem)
    if isinstance(t, Struct):
        for f in t.fields:
            if hasVarSize(check, f.Type()):
                return True
        return False
    return isinstance(t, TypeParam)


def applyTypeFunc(check: Checker, f: object, x: operand, id: int) -> Type | None:
    from gort.go.types.alias import unalias
    from gort.go.types.interface import Interface as Iface
    from gort.go.types.union import Term, Union

    fn = f  # Callable[[Type], Type | None]
    tp = unalias(x.typ)
    if isinstance(tp, TypeParam):
        terms: list[Term] = []
        ts = tp.iface().typeSet()
        if not ts.hasTerms():
            return None
        for t in ts.terms:
            if t.typ is None:
                return None
            r = fn(t.typ)  # type: ignore[operator]
            if r is None:
                return None
            terms.append(Term(t.tilde, r))
        code = {_Real: Code.InvalidReal, _Imag: Code.InvalidImag}.get(id, Code.InvalidComplex)
        check.softErrorf(x, code,
                         "%s not supported as argument to built-in %s for go1.18 (see go.dev/issue/50937)",
                         x, predeclaredFuncs[id][0])
        tpar = TypeName(0, check.pkg, tp.obj.name, None)
        it = Iface([], [Union(terms)])
        ptyp = check.newTypeParam(tpar, it)
        ptyp.index = tp.index
        return ptyp
    return fn(x.typ)  # type: ignore[operator,no-any-return]


_ = (_Trace, ResultVar, isBoolean, isTyped)
