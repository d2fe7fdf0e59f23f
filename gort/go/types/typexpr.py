"""Type expressions (go/types typexpr.go): identifiers and type literals.

`check.ident(x, e, wantType)` resolves an identifier in the current scope:
it records the use, checks the object's declaration on demand
(`objDecl`), marks variables and imports as used, and sets x's mode from
the object kind (constant, type, variable, value, builtin, nil).
`check.typ(e)` / `check.varType(e)` evaluate a type expression; varType
additionally rejects constraint interfaces as variable types (later, once
the interface is complete). `typInternal` builds each type literal;
`instantiatedType` handles `G[T1, T2]`; `arrayLength` checks `[N]T`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast, constant, token
from gort.go.types.array import Array
from gort.go.types.chan import Chan
from gort.go.types.errcodes import Code
from gort.go.types.errors import invalidOp, startPos, synPos
from gort.go.types.interface import Interface
from gort.go.types.map import Map
from gort.go.types.object import (
    Builtin,
    Const,
    Func,
    Nil,
    PkgName,
    TypeName,
    Var,
    objectKind,
)
from gort.go.types.operand import (
    builtin,
    constant_,
    invalid,
    nilvalue,
    novalue,
    operand,
    typexpr,
    value,
    variable,
)
from gort.go.types.pointer import Pointer
from gort.go.types.predicates import (
    Comparable,
    isGeneric,
    isInteger,
    isTypeParam,
    isUntyped,
    isValid,
    isValidName,
)
from gort.go.types.signature import Signature
from gort.go.types.slice import Slice
from gort.go.types.struct import Struct
from gort.go.types.universe import Typ, universeAny, universeComparableObj, universeIota
from gort.go.types.version import go1_18

if TYPE_CHECKING:
    from gort.go.types.check import Checker
    from gort.go.types.type import Type


def ident(check: Checker, x: operand, e: ast.Ident, wantType: bool) -> None:
    x.mode = invalid
    x.expr = e
    name = e.Name
    scope, obj = check.lookupScope(name)
    if obj is None:
        if name == "_":
            check.error(e, Code.InvalidBlank, "cannot use _ as value or type")
        elif isValidName(name):
            check.errorf(e, Code.UndeclaredName, "undefined: %s", name)
        return
    if obj is universeAny or obj is universeComparableObj:
        if not check.verifyVersionf(e, go1_18, "predeclared %s", name):
            return
    check.recordUse(e, obj)
    gotType = type(obj) is TypeName
    if not gotType and wantType:
        check.errorf(e, Code.NotAType, "%s (%s) is not a type", obj.name, objectKind(obj))
        if type(obj) is Var and obj.pkg is check.pkg:
            check.usedVars.add(obj)  # type: ignore[arg-type]
        return
    typ = obj.typ
    if typ is None or (gotType and wantType and obj.pkg is check.pkg):
        check.objDecl(obj)
        typ = obj.typ
        if typ is None:
            typ = Typ[0]
    if check.dotImportMap and scope is not None:
        pkgName = check.dotImportMap.get((id(scope), obj.name))
        if pkgName is not None:
            check.usedPkgNames.add(pkgName)
    t = type(obj)
    if t is Var:
        if obj.pkg is check.pkg:
            check.usedVars.add(obj)  # type: ignore[arg-type]
        if check.decl is not None:
            check.addDeclDep(obj)
        if not isValid(typ):
            return
        x.mode = variable
    elif t is Const:
        assert isinstance(obj, Const)
        if check.decl is not None:
            check.addDeclDep(obj)
        if not isValid(typ):
            return
        if obj is universeIota:
            if check.iota is None:
                check.error(e, Code.InvalidIota, "cannot use iota outside constant declaration")
                return
            x.val = check.iota
        else:
            x.val = obj.val
        x.mode = constant_
    elif t is TypeName:
        x.mode = typexpr
    elif t is Func:
        if check.decl is not None:
            check.addDeclDep(obj)
        x.mode = value
    elif t is PkgName:
        check.errorf(e, Code.InvalidPkgUse, "use of package %s not in selector", obj.name)
        return
    elif t is Builtin:
        assert isinstance(obj, Builtin)
        x.id = obj.id
        x.mode = builtin
    elif t is Nil:
        x.mode = nilvalue
    x.typ = typ


def typ(check: Checker, e: ast.Expr) -> Type:
    return check.declaredType(e, None)


def varType(check: Checker, e: ast.Expr) -> Type:
    t = check.declaredType(e, None)
    check.validVarType(e, t)
    return t


def validVarType(check: Checker, e: ast.Expr, typ: Type) -> None:
    if isTypeParam(typ):
        return
    u0 = typ.Underlying() if not isinstance(typ, TypeName) else None
    if u0 is not None and type(u0) is not Interface and type(typ) is not Interface \
            and u0 is not Typ[0]:
        # only interfaces can be constraint interfaces; no need to wait (an
        # instance of a type still being declared reads as invalid for now)
        from gort.go.types.named import Named

        if type(typ) is not Named or typ.fromRHS is not None:  # type: ignore[attr-defined]
            return

    def later() -> None:
        from gort.go.types.typeset import computeInterfaceTypeSet

        t = typ.Underlying()
        if isinstance(t, Interface):
            pos = e.Pos()
            tset = computeInterfaceTypeSet(check, pos, t)
            if not tset.IsMethodSet():
                if tset.comparable:
                    check.softErrorf(pos, Code.MisplacedConstraintIface,
                                     "cannot use type %s outside a type constraint: interface is (or embeds) comparable",
                                     typ)
                else:
                    check.softErrorf(pos, Code.MisplacedConstraintIface,
                                     "cannot use type %s outside a type constraint: interface contains type constraints",
                                     typ)

    check.later(later)


def declaredType(check: Checker, e: ast.Expr, defn: TypeName | None) -> Type:
    t = check.typInternal(e, defn)
    if isGeneric(t):
        check.errorf(e, Code.WrongTypeArgCount, "cannot use generic type %s without instantiation",
                     t)
        t = Typ[0]
    m = check.Types
    if m is not None:
        from gort.go.types.api import TypeAndValue

        m[e] = TypeAndValue(typexpr, t, None)
    return t


def genericType(check: Checker, e: ast.Expr, cause: list[str] | None) -> Type:
    t = check.typInternal(e, None)
    if isValid(t) and not isGeneric(t):
        if cause is not None:
            cause[0] = check.sprintf("%s is not a generic type", t)
        t = Typ[0]
    check.recordTypeAndValue(e, typexpr, t, None)
    return t


def typInternal(check: Checker, e0: ast.Expr, defn: TypeName | None) -> Type:
    e = e0
    te = type(e)
    if te is ast.Ident:
        assert isinstance(e, ast.Ident)
        x = operand()
        check.ident(x, e, True)
        if x.mode == typexpr:
            return x.typ
        if x.mode == invalid:
            pass
        elif x.mode == novalue:
            check.errorf(x, Code.NotAType, "%s used as type", x)
        else:
            check.errorf(x, Code.NotAType, "%s is not a type", x)
        return Typ[0]
    if te is ast.SelectorExpr:
        assert isinstance(e, ast.SelectorExpr)
        x = operand()
        check.selector(x, e, True)
        if x.mode == typexpr:
            return x.typ
        if x.mode == invalid:
            pass
        elif x.mode == novalue:
            check.errorf(x, Code.NotAType, "%s used as type", x)
        else:
            check.errorf(x, Code.NotAType, "%s is not a type", x)
        return Typ[0]
    if te is ast.StarExpr:
        assert isinstance(e, ast.StarExpr)
        p = Pointer(Typ[0])
        p.base = check.varType(e.X)
        if not isValid(p.base):
            return Typ[0]
        return p
    if te is ast.ArrayType:
        assert isinstance(e, ast.ArrayType)
        if e.Len is None:
            return Slice(check.varType(e.Elt))
        a = Array(Typ[0], -1)
        if isinstance(e.Len, ast.Ellipsis) and e.Len.Elt is None:
            check.error(e, Code.BadDotDotDotSyntax,
                        "invalid use of [...] array (outside a composite literal)")
            a.len = -1
        else:
            a.len = check.arrayLength(e.Len)
        a.elem = check.varType(e.Elt)
        if a.len >= 0:
            return a
        return Typ[0]
    if te is ast.MapType:
        assert isinstance(e, ast.MapType)
        m = Map(Typ[0], Typ[0])
        m.key = check.varType(e.Key)
        m.elem = check.varType(e.Value)
        key_expr = e.Key

        def later() -> None:
            if not Comparable(m.key):
                why = ""
                if isTypeParam(m.key):
                    why = " (missing comparable constraint)"
                check.errorf(key_expr, Code.IncomparableMapKey, "invalid map key type %s%s",
                             m.key, why)

        check.later(later)
        return m
    if te is ast.ChanType:
        assert isinstance(e, ast.ChanType)
        d = 0
        if e.Dir == ast.SEND:
            d = 1
        elif e.Dir == ast.RECV:
            d = 2
        c = Chan(d, Typ[0])
        c.elem = check.varType(e.Value)
        return c
    if te is ast.FuncType:
        assert isinstance(e, ast.FuncType)
        sig = Signature(None, None, None, None, False)
        check.funcType(sig, None, None, e)
        return sig
    if te is ast.StructType:
        assert isinstance(e, ast.StructType)
        s = Struct([], None)
        check.structType(s, e)
        return s
    if te is ast.InterfaceType:
        assert isinstance(e, ast.InterfaceType)
        it = Interface([], [])
        it.check = check
        it.complete = False
        check.interfaceType(it, e, defn)
        return it
    if te is ast.IndexExpr or te is ast.IndexListExpr:
        assert isinstance(e, (ast.IndexExpr, ast.IndexListExpr))
        check.verifyVersionf(e, go1_18, "type instantiation")
        idx = [e.Index] if isinstance(e, ast.IndexExpr) else e.Indices
        return check.instantiatedType(e.X, idx)
    if te is ast.ParenExpr:
        assert isinstance(e, ast.ParenExpr)
        return check.declaredType(e.X, defn)
    if te is ast.Ellipsis:
        check.error(e, Code.InvalidSyntaxTree, "invalid use of ...")
        return Typ[0]
    if te is ast.BadExpr:
        return Typ[0]
    check.errorf(e0, Code.NotAType, "%s is not a type", e0)
    check.use(e0)
    return Typ[0]


def instantiatedType(check: Checker, x: ast.Expr, xlist: list[ast.Expr]) -> Type:
    cause = [""]
    gtyp = check.genericType(x, cause)
    if cause[0]:
        from gort.go.types.exprstring import ExprString

        lst = "[" + ", ".join(ExprString(a) for a in xlist) + "]"
        check.errorf(x, Code.NotAGenericType, invalidOp + "%s%s (%s)", x, lst, cause[0])
    if not isValid(gtyp):
        return gtyp
    targs = check.typeList(xlist)
    if targs is None:
        return Typ[0]
    ityp = check.instance(synPos(x), gtyp, targs, None, check.context())
    inst = ityp
    if inst is None or not isValid(inst):
        return Typ[0]

    def later() -> None:
        check.recordInstance(x, targs, inst)
        name = inst.obj.name  # type: ignore[attr-defined]
        orig = inst.Origin()  # type: ignore[attr-defined]
        tparams = orig.tparams or []
        if check.validateTArgLen(synPos(x), name, len(tparams), len(targs)):
            i, err = check.verify(synPos(x), tparams, targs, check.context())
            if err:
                pos = synPos(x)
                if i < len(xlist):
                    pos = startPos(xlist[i])
                check.softErrorf(pos, Code.InvalidTypeArg, "%s", err)
            else:
                check.mono.recordInstance(check.pkg, synPos(x), tparams, targs, xlist)

    check.later(later)
    return inst


def arrayLength(check: Checker, e: ast.Expr) -> int:
    if isinstance(e, ast.Ident):
        obj = check.lookup(e.Name)
        if obj is None:
            check.errorf(e, Code.InvalidArrayLen,
                         "undefined array length %s or missing type constraint", e.Name)
            return -1
        if not isinstance(obj, Const):
            check.errorf(e, Code.InvalidArrayLen, "invalid array length %s", e.Name)
            return -1
    x = operand()
    check.expr(None, x, e)
    if x.mode != constant_:
        if x.mode != invalid:
            check.errorf(x, Code.InvalidArrayLen, "array length %s must be constant", x)
        return -1
    if isUntyped(x.typ) or isInteger(x.typ):
        assert x.val is not None
        val = constant.ToInt(x.val)
        if val.Kind() == constant.Int:
            from gort.go.types.const import representableConst

            if representableConst(val, check, Typ[2], None):
                n, ok = constant.Int64Val(val)
                if ok and n >= 0:
                    return n
    if isInteger(x.typ):
        check.errorf(x, Code.InvalidArrayLen, "invalid array length %s", x)
    else:
        check.errorf(x, Code.InvalidArrayLen, "array length %s must be integer", x)
    return -1


def typeList(check: Checker, lst: list[ast.Expr]) -> list[Type] | None:
    res: list[Type] | None = []
    for x in lst:
        t = check.varType(x)
        if not isValid(t):
            res = None
        if res is not None:
            res.append(t)
    return res


_ = (token, nilvalue, value)
