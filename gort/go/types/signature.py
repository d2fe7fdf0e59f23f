"""Function signatures (go/types signature.go): the Signature type and
check.funcType, which builds one from an ast.FuncType and its receiver.

A `Signature` holds optional receiver type parameters (`rparams`, for
methods of generic types), type parameters (`tparams`), the receiver Var
(`recv`, None for functions), parameters and results (Tuples), whether the
last parameter is variadic (its type is then a Slice), and the function's
scope (for Info.Scopes; it holds the parameters).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast
from gort.go.types.tuple import EmptyTuple, Tuple
from gort.go.types.type import Type

if TYPE_CHECKING:
    from gort.go.types.check import Checker
    from gort.go.types.object import Var
    from gort.go.types.scope import Scope
    from gort.go.types.typeparam import TypeParam


class Signature(Type):
    """func[tparams](params) results, possibly with a receiver."""

    __slots__ = ("rparams", "tparams", "scope", "recv", "params", "results", "variadic")

    def __init__(self, recv: Var | None, params: Tuple | None, results: Tuple | None,
                 scope: Scope | None, variadic: bool) -> None:
        self.rparams: list[TypeParam] | None = None  # receiver type parameters
        self.tparams: list[TypeParam] | None = None  # type parameters
        self.scope = scope  # function scope for package-local signatures
        self.recv = recv
        self.params: Tuple = params if params is not None else EmptyTuple
        self.results: Tuple = results if results is not None else EmptyTuple
        self.variadic = variadic

    def Recv(self) -> Var | None:
        return self.recv

    def TypeParams(self) -> list[TypeParam]:
        return self.tparams or []

    def RecvTypeParams(self) -> list[TypeParam]:
        return self.rparams or []

    def Params(self) -> Tuple:
        return self.params

    def Results(self) -> Tuple:
        return self.results

    def Variadic(self) -> bool:
        return self.variadic


def NewSignatureType(recv: Var | None, recvTypeParams: list[TypeParam] | None,
                     typeParams: list[TypeParam] | None, params: Tuple | None,
                     results: Tuple | None, variadic: bool) -> Signature:
    sig = Signature(recv, params, results, None, variadic)
    sig.rparams = recvTypeParams or None
    sig.tparams = typeParams or None
    return sig


# -- checking function types


def funcType(check: Checker, sig: Signature, recvPar: ast.FieldList | None,
             tparams: ast.FieldList | None, ftyp: ast.FuncType) -> None:
    from gort.go.types.object import ParamVar, ResultVar

    check.openScope(ftyp, "function")
    scope = check.scope
    assert scope is not None
    scope.isFunc = True
    check.recordScope(ftyp, scope)
    sig.scope = scope
    try:
        recv = None
        rparams = None
        recvField = None
        if recvPar is not None:
            scopePos = ftyp.Pos()
            recv, rparams, recvField = check.collectRecv(recvPar, scopePos)
        if tparams is not None and tparams.List:
            check.collectTypeParams(lambda t: setattr(sig, "tparams", t), tparams)
        pnames, params, variadic = check.collectParams(ParamVar, ftyp.Params)
        rnames, results, _ = check.collectParams(ResultVar, ftyp.Results)
        scopePos = ftyp.End()
        if recv is not None and recv.name and recvField is not None and recvField.Names:
            check.declare(scope, recvField.Names[0], recv, scopePos)
        check.declareParams(pnames, params, scopePos)
        check.declareParams(rnames, results, scopePos)
        sig.recv = recv
        sig.rparams = rparams
        sig.params = Tuple(params)
        sig.results = Tuple(results)
        sig.variadic = variadic
    finally:
        check.closeScope()


def collectRecv(check: Checker, recvList: ast.FieldList,
                scopePos: int) -> tuple[Var, list[TypeParam] | None, ast.Field | None]:
    from gort.go.types.alias import Alias
    from gort.go.types.errcodes import Code
    from gort.go.types.named import Named
    from gort.go.types.object import RecvVar, Var
    from gort.go.types.operand import typexpr
    from gort.go.types.pointer import Pointer
    from gort.go.types.predicates import isValid
    from gort.go.types.subst import makeRenameMap, subst
    from gort.go.types.typeparam import bindTParams
    from gort.go.types.universe import Typ
    from gort.go.types.version import go1_18

    fields = recvList.List
    if not fields:
        check.error(recvList, Code.BadRecv, "method has no receiver")
        return Var(recvList.Pos(), check.pkg, "", Typ[0], RecvVar), None, None
    rparam = fields[0]
    if len(fields) > 1 or len(rparam.Names) > 1:
        check.error(fields[-1] if len(fields) > 1 else rparam.Names[1], Code.BadRecv,
                    "method has multiple receivers")
    assert rparam.Type is not None
    rptr, rbase, rtparams = check.unpackRecv(rparam.Type, True)
    recvType: Type = Typ[0]
    recvTParamsList: list[TypeParam] | None = None
    if not rtparams:
        recvType = check.varType(rparam.Type)
        a = _unpointer(recvType)
        while isinstance(a, Alias):
            baseType = _unpointer(a.fromRHS) if a.fromRHS is not None else None
            if isinstance(baseType, (Named, Alias)) and baseType.TypeParams():
                check.errorf(rbase, Code.InvalidRecv, "cannot define new methods on instantiated type %s",
                             baseType)
                recvType = Typ[0]
                break
            a = baseType  # type: ignore[assignment]
    else:
        baseType2: Named | None = None
        cause = [""]
        t = check.genericType(rbase, cause)
        if isValid(t):
            if isinstance(t, Named):
                baseType2 = t
            elif isinstance(t, Alias):
                check.errorf(rbase, Code.InvalidRecv,
                             "cannot define new methods on generic alias type %s", t)
        elif cause[0]:
            check.errorf(rbase, Code.InvalidRecv, "%s", cause[0])
        recvTParams: list[TypeParam] = []
        for rp in rtparams:
            tpar = check.declareTypeParam(rp, scopePos)
            recvTParams.append(tpar)
            check.recordUse(rp, tpar.obj)
            check.recordTypeAndValue(rp, typexpr, tpar, None)
        recvTParamsList = bindTParams(recvTParams)
        if baseType2 is not None:
            baseTParams = baseType2.TypeParams()
            if len(recvTParams) == len(baseTParams):
                smap = makeRenameMap(baseTParams, recvTParams)
                for i, rtp in enumerate(recvTParams):
                    btp = baseTParams[i]
                    check.mono.recordCanon(rtp, btp)
                    assert btp.bound is not None
                    rtp.bound = subst(check, rtp.obj.pos, btp.bound, smap, None, check.context())
            else:
                from gort.go.types.assignments import measure

                got = measure(len(recvTParams), "type parameter")
                check.errorf(rbase, Code.BadRecv,
                             "receiver declares %s, but receiver base type declares %d", got,
                             len(baseTParams))
            check.verifyVersionf(rbase, go1_18, "type instantiation")
            targs: list[Type] = list(recvTParams)
            recvType = check.instance(rparam.Type.Pos(), baseType2, targs, None, check.context())
            check.recordInstance(rbase, targs, recvType)
            if rptr and isValid(recvType):
                recvType = Pointer(recvType)
            e: ast.Expr = rparam.Type
            typ: Type = recvType
            while True:
                check.recordTypeAndValue(e, typexpr, typ, None)
                if isinstance(e, ast.ParenExpr):
                    e = e.X
                elif isinstance(e, ast.StarExpr) and isinstance(typ, Pointer):
                    e = e.X
                    typ = typ.base
                else:
                    break
    if rparam.Names and rparam.Names[0].Name:
        rname = rparam.Names[0]
        recv = Var(rname.Pos(), check.pkg, rname.Name, recvType, RecvVar)
    else:
        recv = Var(rparam.Pos(), check.pkg, "", recvType, RecvVar)
        check.recordImplicit(rparam, recv)

    def later() -> None:
        check.validRecv(rbase, recv)

    check.later(later)
    return recv, recvTParamsList, rparam


def _unpointer(t: Type) -> Type:
    from gort.go.types.pointer import Pointer

    while isinstance(t, Pointer):
        t = t.base
    return t


def collectParams(check: Checker, kind: int,
                  lst: ast.FieldList | None) -> tuple[list[ast.Ident | None], list[Var], bool]:
    from gort.go.types.errcodes import Code
    from gort.go.types.object import Var
    from gort.go.types.slice import Slice
    from gort.go.types.universe import Typ

    names: list[ast.Ident | None] = []
    params: list[Var] = []
    variadic = False
    if lst is None:
        return names, params, variadic
    named = anonymous = False
    n = len(lst.List)
    for i, field in enumerate(lst.List):
        ftype = field.Type
        if isinstance(ftype, ast.Ellipsis):
            ftype = ftype.Elt
            if kind == 4 and i == n - 1 and len(field.Names) <= 1:
                variadic = True
            else:
                check.softErrorf(field.Type, Code.BadDotDotDotSyntax,
                                 "can only use ... with final parameter in list")
        typ = check.varType(ftype) if ftype is not None else Typ[0]
        if field.Names:
            for name in field.Names:
                if not name.Name:
                    check.error(name, Code.InvalidSyntaxTree, "anonymous parameter")
                par = Var(name.Pos(), check.pkg, name.Name, typ, kind)
                names.append(name)
                params.append(par)
            named = True
        else:
            par = Var(field.Pos(), check.pkg, "", typ, kind)
            check.recordImplicit(field, par)
            names.append(None)
            params.append(par)
            anonymous = True
    if named and anonymous:
        check.error(lst.List[0], Code.InvalidSyntaxTree,
                    "list contains both named and anonymous parameters")
    if variadic:
        last = params[-1]
        last.typ = Slice(last.Type())
        t = lst.List[-1].Type
        if t is not None:
            check.recordTypeAndValue(t, 3, last.typ, None)
    return names, params, variadic


def declareParams(check: Checker, names: list[ast.Ident | None], params: list[Var],
                  scopePos: int) -> None:
    for i, name in enumerate(names):
        if name is not None and name.Name:
            check.declare(check.scope, name, params[i], scopePos)  # type: ignore[arg-type]


def validRecv(check: Checker, pos: object, recv: Var) -> None:
    from gort.go.types.alias import unalias
    from gort.go.types.basic import Basic
    from gort.go.types.errcodes import Code
    from gort.go.types.interface import Interface
    from gort.go.types.lookup import deref
    from gort.go.types.named import Named
    from gort.go.types.pointer import Pointer
    from gort.go.types.predicates import isValid

    rtyp, _ = deref(recv.Type())
    atyp = unalias(rtyp)
    if not isValid(atyp):
        return
    if isinstance(atyp, Named):
        if atyp.obj.pkg is not check.pkg:
            check.errorf(pos, Code.InvalidRecv, "cannot define new methods on non-local type %s", rtyp)
            return
        cause = ""
        u = atyp.Underlying()
        if isinstance(u, Basic):
            if u.kind == 18:
                cause = "unsafe.Pointer"
        elif isinstance(u, (Pointer, Interface)):
            cause = "pointer or interface type"
        if cause:
            check.errorf(pos, Code.InvalidRecv, "invalid receiver type %s (%s)", rtyp, cause)
    elif isinstance(atyp, Basic):
        check.errorf(pos, Code.InvalidRecv, "cannot define new methods on non-local type %s", rtyp)
    else:
        check.errorf(pos, Code.InvalidRecv, "invalid receiver type %s", recv.Type())
