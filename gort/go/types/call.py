"""Calls and selectors (go/types call.go).

`callExpr` handles the three kinds of call: conversions T(x), builtin calls
(builtins.py), and function calls. A function call evaluates the function,
instantiates it if it is generic (explicit type arguments `f[int](x)`,
then inference from the arguments), matches arguments to parameters
(`arguments`: count check with gc's "not enough/too many arguments in call
to f\\n\\thave (...)\\n\\twant (...)" message, variadic adjustment, ...
handling), and assigns each argument to its parameter type.

`selector` handles x.f: qualified identifiers (pkg.Name), fields and
methods found by LookupFieldOrMethod (recording a Selection), method
expressions T.m, and the detailed "x.f undefined (type T has no field or
method f, but does have ...)" errors.

`use*` evaluate expressions only to mark variables as used after an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast
from gort.go.types.assignments import operandTypes, varTypes
from gort.go.types.errcodes import Code
from gort.go.types.errors import invalidOp, startPos, synPos
from gort.go.types.expr import _EXCL_EXPR, newTarget
from gort.go.types.infer import isParameterized, renameTParams
from gort.go.types.interface import Interface
from gort.go.types.lookup import interfacePtrError, isInterfacePtr, lookupFieldOrMethod
from gort.go.types.object import (
    Builtin,
    Const,
    Func,
    ParamVar,
    PkgName,
    TypeName,
    Var,
    isExported,
)
from gort.go.types.operand import (
    builtin,
    commaerr,
    constant_,
    invalid,
    novalue,
    operand,
    typexpr,
    value,
    variable,
)
from gort.go.types.pointer import Pointer
from gort.go.types.predicates import isTypeParam, isValid, isValidName
from gort.go.types.selection import FieldVal, MethodExpr, MethodVal
from gort.go.types.signature import Signature
from gort.go.types.slice import Slice
from gort.go.types.subst import makeSubstMap, subst
from gort.go.types.tuple import Tuple
from gort.go.types.under import commonUnder, fmtTypeError, typeErrorf
from gort.go.types.universe import Typ, predeclaredFuncs
from gort.go.types.version import go1_18, go1_21

if TYPE_CHECKING:
    from gort.go.token import Pos
    from gort.go.types.check import Checker
    from gort.go.types.expr import target
    from gort.go.types.object import Object
    from gort.go.types.type import Type
    from gort.go.types.typeparam import TypeParam

conversion = 0
expression = 1
statement = 2


def _indices(e: ast.Expr) -> list[ast.Expr]:
    if isinstance(e, ast.IndexExpr):
        return [e.Index]
    if isinstance(e, ast.IndexListExpr):
        return list(e.Indices)
    return []


def funcInst(check: Checker, T: target | None, pos: Pos, x: operand,
             inst: ast.Expr | None, infer: bool) -> list[Type] | None:
    if inst is not None:
        instErrPos: object = synPos(inst)
        x.expr = inst
    else:
        instErrPos = pos
    versionErr = not check.verifyVersionf(instErrPos, go1_18, "function instantiation")
    targs: list[Type | None] = []
    xlist: list[ast.Expr] = []
    if inst is not None:
        xlist = _indices(inst)
        tl = check.typeList(xlist)
        if tl is None:
            x.mode = invalid
            return None
        targs = list(tl)
    sig = x.typ
    assert isinstance(sig, Signature)
    got, want = len(targs), len(sig.tparams or ())
    if got > want:
        check.errorf(xlist[got - 1], Code.WrongTypeArgCount, "got %d type arguments but want %d",
                     got, want)
        x.mode = invalid
        return None
    if got < want:
        if not infer:
            return [t for t in targs if t is not None]
        args: list[operand] = []
        params: list[Var] = []
        reverse = False
        if T is not None and sig.tparams:
            if not versionErr and not check.allowVersion(go1_21):
                if inst is not None:
                    check.versionErrorf(instErrPos, go1_21,
                                        "partially instantiated function in assignment")
                else:
                    check.versionErrorf(instErrPos, go1_21,
                                        "implicitly instantiated function in assignment")
            gsig = Signature(None, sig.params, sig.results, None, sig.variadic)
            params = [Var(x.Pos(), check.pkg, "", gsig, ParamVar)]
            a = operand()
            a.mode = value
            a.expr = ast.Ident(x.Pos(), T.desc)
            a.typ = T.sig
            args = [a]
            reverse = True
        tparams, params2 = renameTParams(check, pos, sig.tparams or [], Tuple(params))
        err = check.newError(Code.CannotInferTypeArgs)
        assert isinstance(params2, Tuple)
        inferred = check.infer(pos, tparams, targs, params2, args, reverse, err)
        if inferred is None:
            if not err.empty():
                err.report()
            x.mode = invalid
            return None
        targs = list(inferred)
        got = len(targs)
    if x.expr is None:
        x.expr = ast.Ident(pos, "_")
    sig = check.instantiateSignature(synPos(x.expr), x.expr, sig,
                                     [t for t in targs if t is not None], xlist)
    x.typ = sig
    x.mode = value
    return None


def instantiateSignature(check: Checker, pos: Pos, expr: ast.Expr, typ: Signature,
                         targs: list[Type], xlist: list[ast.Expr]) -> Signature:
    inst = check.instance(pos, typ, targs, None, check.context())
    assert isinstance(inst, Signature)
    check.recordInstance(expr, targs, inst)
    tparams = list(typ.tparams or [])

    def later() -> None:
        i, err = check.verify(pos, tparams, targs, check.context())
        if err:
            p = pos
            if i < len(xlist):
                p = startPos(xlist[i])
            check.softErrorf(p, Code.InvalidTypeArg, "%s", err)
        else:
            check.mono.recordInstance(check.pkg, pos, tparams, targs, xlist)

    check.later(later)
    return inst


def callExpr(check: Checker, x: operand, call: ast.CallExpr) -> int:
    inst: ast.Expr | None = None
    fun = call.Fun
    if isinstance(fun, (ast.IndexExpr, ast.IndexListExpr)):
        if check.indexExpr(x, fun):
            inst = fun
        x.expr = fun
        check.record(x)
    else:
        check.exprOrType(x, fun, True)
    mode = x.mode
    if mode == invalid:
        check.use(*call.Args)
        x.expr = call
        return statement
    if mode == typexpr:
        check.nonGeneric(None, x)
        if x.mode == invalid:
            return conversion
        T = x.typ
        x.mode = invalid
        if not check.isComplete(T):
            x.expr = call
            return conversion
        n = len(call.Args)
        if n == 0:
            check.errorf(call, Code.WrongArgCount, "missing argument in conversion to %s", T)
        elif n == 1:
            check.expr(newTarget(T, "conversion"), x, call.Args[0])
            if x.mode != invalid:
                t = T.Underlying()
                if isinstance(t, Interface) and not isTypeParam(T) and not t.IsMethodSet():
                    check.errorf(call, Code.MisplacedConstraintIface,
                                 "cannot use interface %s in conversion (contains specific type constraints or is comparable)",
                                 T)
                elif call.Ellipsis:
                    check.errorf(call.Args[0], Code.BadDotDotDotSyntax,
                                 "invalid use of ... in conversion to %s", T)
                else:
                    check.conversion(x, T)
        else:
            check.use(*call.Args)
            check.errorf(call.Args[n - 1], Code.WrongArgCount,
                         "too many arguments in conversion to %s", T)
        x.expr = call
        return conversion
    if mode == builtin:
        bid = x.id
        if not check.builtin(x, call, bid):
            x.mode = invalid
        x.expr = call
        if x.mode != invalid and x.mode != constant_:
            check.hasCallOrRecv = True
        return predeclaredFuncs[bid][3]

    cgocall = x.mode == 11

    def cond(t: Type | None, u: Type | None) -> tuple[str, tuple[object, ...]] | None:
        if u is not None and not isinstance(u, Signature):
            return typeErrorf("%s is not a function", t)
        return None

    u, err = commonUnder(x.typ, cond)
    if err is not None:
        check.errorf(x, Code.InvalidCall, invalidOp + "cannot call %s: %s", x,
                     fmtTypeError(check, err))
        x.mode = invalid
        x.expr = call
        return statement
    sig = u
    if not isinstance(sig, Signature):
        check.errorf(x, Code.InvalidCall, invalidOp + "cannot call non-function %s", x)
        x.mode = invalid
        x.expr = call
        return statement
    wasGeneric = bool(sig.tparams)
    xlist: list[ast.Expr] = []
    targs: list[Type] = []
    if inst is not None:
        xlist = _indices(inst)
        tl = check.typeList(xlist)
        if tl is None:
            check.use(*call.Args)
            x.mode = invalid
            x.expr = call
            return statement
        targs = tl
        got, want = len(targs), len(sig.tparams or ())
        if got > want:
            check.errorf(xlist[want], Code.WrongTypeArgCount, "got %d type arguments but want %d",
                         got, want)
            check.use(*call.Args)
            x.mode = invalid
            x.expr = call
            return statement
        if got == want and want > 0:
            check.verifyVersionf(inst, go1_18, "function instantiation")
            sig = check.instantiateSignature(synPos(inst), inst, sig, targs, xlist)
            targs = []
            xlist = []
    args, atargs = check.genericExprList(call.Args)
    sig = check.arguments(call, sig, targs, xlist, args, atargs)
    if wasGeneric and not sig.tparams:
        check.recordTypeAndValue(call.Fun, value, sig, None)
    nres = len(sig.results.vars)
    if nres == 0:
        x.mode = novalue
    elif nres == 1:
        x.mode = commaerr if cgocall else value
        typ = sig.results.vars[0].Type()
        if not check.isComplete(typ):
            x.mode = invalid
            x.expr = call
            return statement
        x.typ = typ
    else:
        x.mode = value
        x.typ = sig.results
    x.expr = call
    check.hasCallOrRecv = True
    if x.mode == value and sig.tparams and isParameterized(sig.tparams, x.typ):
        x.mode = invalid
    return statement


def exprList(check: Checker, elist: list[ast.Expr]) -> list[operand]:
    n = len(elist)
    if n == 1:
        lst, _ = check.multiExpr(elist[0], False)
        return lst
    out = []
    for e in elist:
        x = operand()
        check.expr(None, x, e)
        out.append(x)
    return out


def genericExprList(check: Checker, elist: list[ast.Expr]) -> tuple[list[operand], list[list[Type] | None]]:

    infer = True
    n = len(elist)
    if n > 0 and check.allowVersion(go1_21):
        infer = False
    resList: list[operand] = []
    targsList: list[list[Type] | None] = []
    if n == 1:
        e = elist[0]
        x = operand()
        if isinstance(e, (ast.IndexExpr, ast.IndexListExpr)) and check.indexExpr(x, e):
            targs = check.funcInst(None, x.Pos(), x, e, infer)
            if targs is not None:
                targsList = [targs]
                x.expr = e
            else:
                check.record(x)
            resList = [x]
        else:
            check.rawExpr(None, x, e, None, True)
            check.exclude(x, _EXCL_EXPR)
            t = x.typ
            if isinstance(t, Tuple) and x.mode != invalid:
                for v in t.vars:
                    o = operand()
                    o.mode = value
                    o.expr = e
                    o.typ = v.Type()
                    resList.append(o)
            else:
                resList = [x]
    elif n > 1:
        for e in elist:
            x = operand()
            ta: list[Type] | None = None
            if isinstance(e, (ast.IndexExpr, ast.IndexListExpr)) and check.indexExpr(x, e):
                targs = check.funcInst(None, x.Pos(), x, e, infer)
                if targs is not None:
                    ta = targs
                    x.expr = e
                else:
                    check.record(x)
            else:
                check.genericExpr(x, e, None)
            resList.append(x)
            targsList.append(ta)
    return resList, targsList


def arguments(check: Checker, call: ast.CallExpr, sig: Signature, targs: list[Type],
              xlist: list[ast.Expr], args: list[operand],
              atargs: list[list[Type] | None]) -> Signature:

    rsig = sig
    nargs = len(args)
    npars = len(sig.params.vars)
    ddd = bool(call.Ellipsis)
    sigParams = sig.params
    adjusted = False
    if sig.variadic:
        if ddd:
            if len(call.Args) == 1 and nargs > 1:
                check.errorf(call, Code.InvalidDotDotDot, "cannot use ... with %d-valued %s", nargs,
                             call.Args[0])
                return rsig
        else:
            if nargs >= npars - 1:
                vars = list(sig.params.vars[:npars - 1])
                last = sig.params.vars[npars - 1]
                lt = last.Type()
                ltu = lt.Underlying()
                typ = ltu.elem if isinstance(ltu, Slice) else lt
                while len(vars) < nargs:
                    vars.append(Var(last.pos, last.pkg, last.name, typ, ParamVar))
                sigParams = Tuple(vars)
                adjusted = True
                npars = nargs
            else:
                npars -= 1
    else:
        if ddd:
            check.errorf(call, Code.NonVariadicDotDotDot, "cannot use ... in call to non-variadic %s",
                         call.Fun)
            return rsig
    if nargs != npars:
        at: object = call
        qualifier = "not enough"
        if nargs > npars:
            at = args[npars].expr
            qualifier = "too many"
        elif nargs > 0:
            at = args[nargs - 1].expr
        params = sig.params.vars
        err = check.newError(Code.WrongArgCount)
        err.addf(at, "%s arguments in call to %s", qualifier, call.Fun)
        err.addf(0, "have %s", check.typesSummary(operandTypes(args), False, ddd))
        err.addf(0, "want %s", check.typesSummary(varTypes(params), sig.variadic, False))
        err.report()
        return rsig

    tparams: list[TypeParam] = []
    targs2: list[Type | None] = list(targs)
    n = len(sig.tparams or ())
    if n > 0:
        if not check.allowVersion(go1_18):
            if isinstance(call.Fun, (ast.IndexExpr, ast.IndexListExpr)):
                check.versionErrorf(call.Fun, go1_18, "function instantiation")
            else:
                check.versionErrorf(call, go1_18, "implicit function instantiation")
        tparams, tmp = renameTParams(check, call.Lparen, sig.tparams or [], sigParams)
        assert isinstance(tmp, Tuple)
        sigParams = tmp
        while len(targs2) < len(tparams):
            targs2.append(None)
    genericArgs: list[int] = []
    for i, arg in enumerate(args):
        asig = arg.typ
        if isinstance(asig, Signature) and asig.tparams:
            atparams, tmp2 = renameTParams(check, call.Lparen, asig.tparams, asig)
            assert isinstance(tmp2, Signature)
            nsig = Signature(tmp2.recv, tmp2.params, tmp2.results, tmp2.scope, tmp2.variadic)
            nsig.tparams = atparams
            arg.typ = nsig
            tparams = tparams + atparams
            ata = atargs[i] if i < len(atargs) else None
            if ata:
                targs2.extend(ata)
            while len(targs2) < len(tparams):
                targs2.append(None)
            genericArgs.append(i)
    if genericArgs:
        check.verifyVersionf(args[genericArgs[0]], go1_21,
                             "implicitly instantiated function as argument")
    if tparams:
        err = check.newError(Code.CannotInferTypeArgs)
        inferred = check.infer(call.Lparen, tparams, targs2, sigParams, args, False, err)
        if inferred is None:
            if not err.empty():
                check.errorf(err.pos(), Code.CannotInferTypeArgs, "in call to %s, %s", call.Fun,
                             err.msg())
            return rsig
        targs = inferred
        if n > 0:
            rsig = check.instantiateSignature(call.Lparen, call.Fun, sig, targs[:n], xlist)
            if adjusted:
                s2 = subst(check, call.Lparen, sigParams, makeSubstMap(tparams[:n], targs[:n]),
                           None, check.context())
                assert isinstance(s2, Tuple)
                sigParams = s2
            else:
                sigParams = rsig.params
        j = n
        for i in genericArgs:
            arg = args[i]
            asig2 = arg.typ
            assert isinstance(asig2, Signature)
            k = j + len(asig2.tparams or ())
            assert arg.expr is not None
            arg.typ = check.instantiateSignature(call.Lparen, arg.expr, asig2, targs[j:k], [])
            check.record(arg)
            j = k
    if args:
        context = check.sprintf("argument to %s", call.Fun)
        for i, a in enumerate(args):
            check.assignment(a, sigParams.vars[i].Type(), context)
    return rsig


def selector(check: Checker, x: operand, e: ast.SelectorExpr, wantType: bool) -> None:
    sel = e.Sel.Name
    X = e.X
    if isinstance(X, ast.Ident):
        obj = check.lookup(X.Name)
        if isinstance(obj, PkgName):
            check.recordUse(X, obj)
            check.usedPkgNames.add(obj)
            pkg = obj.imported
            exp = pkg.scope.Lookup(sel)
            if exp is None:
                if not pkg.fake and isValidName(sel):
                    alt = None
                    low = sel.lower()
                    for n2, o2 in pkg.scope.elems.items():
                        if n2.lower() == low and isExported(n2):
                            alt = o2
                            break
                    if alt is not None:
                        check.errorf(e.Sel, Code.UndeclaredImportedName,
                                     "undefined: %s (but have %s)", e, alt.name)
                    else:
                        check.errorf(e.Sel, Code.UndeclaredImportedName, "undefined: %s", e)
                x.mode = invalid
                x.typ = Typ[0]
                x.expr = e
                return
            if not exp.Exported():
                check.errorf(e.Sel, Code.UnexportedName, "name %s not exported by package %s", sel,
                             pkg.name)
            check.recordUse(e.Sel, exp)
            if isinstance(exp, Const):
                x.mode = constant_
                x.typ = exp.Type()
                x.val = exp.val
            elif isinstance(exp, TypeName):
                x.mode = typexpr
                x.typ = exp.Type()
            elif isinstance(exp, Var):
                x.mode = variable
                x.typ = exp.Type()
            elif isinstance(exp, Func):
                x.mode = value
                x.typ = exp.Type()
            elif isinstance(exp, Builtin):
                x.mode = builtin
                x.typ = exp.Type()
                x.id = exp.id
            x.expr = e
            return

    check.exprOrType(x, X, False)
    if x.mode == builtin:
        check.errorf(e.Sel.Pos() - 1, Code.UncalledBuiltin,
                     "invalid use of %s in selector expression", x)
        _selError(x, e)
        return
    if x.mode == invalid:
        _selError(x, e)
        return
    if not check.isComplete(x.typ):
        _selError(x, e)
        return
    if wantType:
        check.errorf(e.Sel, Code.NotAType, "%s is not a type", e)
        _selError(x, e)
        return
    pu = x.typ.Underlying()
    if isinstance(pu, Pointer) and not check.isComplete(pu.base):
        _selError(x, e)
        return
    obj2, index, indirect = lookupFieldOrMethod(x.typ, x.mode == variable, check.pkg, sel, False)
    if obj2 is None:
        if not isValid(x.typ.Underlying()):
            _selError(x, e)
            return
        if index is not None:
            check.errorf(e.Sel, Code.AmbiguousSelector, "ambiguous selector %s.%s", x.expr, sel)
            _selError(x, e)
            return
        if indirect:
            if x.mode == typexpr:
                check.errorf(e.Sel, Code.InvalidMethodExpr,
                             "invalid method expression %s.%s (needs pointer receiver (*%s).%s)",
                             x.typ, sel, x.typ, sel)
            else:
                check.errorf(e.Sel, Code.InvalidMethodExpr, "cannot call pointer method %s on %s",
                             sel, x.typ)
            _selError(x, e)
            return
        if isInterfacePtr(x.typ):
            why = interfacePtrError(check, x.typ)
        else:
            alt2, _, _ = lookupFieldOrMethod(x.typ, x.mode == variable, check.pkg, sel, True)
            why = lookupError(check, x.typ, sel, alt2, False)
        check.errorf(e.Sel, Code.MissingFieldOrMethod, "%s.%s undefined (%s)", x.expr, sel, why)
        _selError(x, e)
        return
    assert index is not None
    if isinstance(obj2, Var):
        if x.mode == typexpr:
            check.errorf(e.X, Code.MissingFieldOrMethod,
                         "operand for field selector %s must be value of type %s", sel, x.typ)
            _selError(x, e)
            return
        check.recordSelection(e, FieldVal, x.typ, obj2, index, indirect)
        x.mode = variable if (x.mode == variable or indirect) else value
        x.typ = obj2.Type()
    elif isinstance(obj2, Func):
        check.objDecl(obj2)
        check.addDeclDep(obj2)
        sig = obj2.typ
        if not isinstance(sig, Signature):
            _selError(x, e)
            return
        if x.mode == typexpr:
            check.recordSelection(e, MethodExpr, x.typ, obj2, index, indirect)
            if sig.recv is None:
                check.error(e, Code.InvalidDeclCycle, "illegal cycle in method declaration")
                _selError(x, e)
                return
            params = list(sig.params.vars)
            name = ""
            if params and params[0].name:
                name = sig.recv.name or "_"
            params.insert(0, Var(sig.recv.pos, sig.recv.pkg, name, x.typ, ParamVar))
            ns = Signature(None, Tuple(params), sig.results, None, sig.variadic)
            ns.tparams = sig.tparams
            x.mode = value
            x.typ = ns
        else:
            check.recordSelection(e, MethodVal, x.typ, obj2, index, indirect)
            x.mode = value
            ns = Signature(None, sig.params, sig.results, sig.scope, sig.variadic)
            ns.tparams = sig.tparams
            x.typ = ns
    x.expr = e


def _selError(x: operand, e: ast.SelectorExpr) -> None:
    x.mode = invalid
    x.typ = Typ[0]
    x.expr = e


def lookupError(check: Checker, typ: Type, sel: str, obj: Object | None, structLit: bool) -> str:
    missing, misspelled, unexported, inaccessible = 1, 2, 3, 4
    e = missing
    alt = ""
    if obj is not None:
        alt = obj.name
        if obj.pkg is check.pkg:
            e = misspelled
        elif isExported(sel):
            if isExported(alt):
                e = misspelled
            elif sel[1:] == alt[1:]:
                e = unexported
        elif isExported(alt):
            if sel[1:] == alt[1:]:
                e = misspelled
        elif sel == alt:
            e = inaccessible
    if structLit:
        if e == missing:
            return check.sprintf("unknown field %s in struct literal of type %s", sel, typ)
        if e == misspelled:
            return check.sprintf("unknown field %s in struct literal of type %s, but does have %s",
                                 sel, typ, alt)
        if e == unexported:
            return check.sprintf(
                "unknown field %s in struct literal of type %s, but does have unexported %s", sel,
                typ, alt)
        return check.sprintf("cannot refer to unexported field %s in struct literal of type %s",
                             alt, typ)
    what = "object"
    if isinstance(obj, Var):
        what = "field"
    elif isinstance(obj, Func):
        what = "method"
    if e == missing:
        return check.sprintf("type %s has no field or method %s", typ, sel)
    if e == misspelled:
        return check.sprintf("type %s has no field or method %s, but does have %s %s", typ, sel,
                             what, alt)
    if e == unexported:
        return check.sprintf("type %s has no field or method %s, but does have unexported %s %s",
                             typ, sel, what, alt)
    return check.sprintf("cannot refer to unexported %s %s", what, alt)


def isBrokenAlias(check: Checker, alias: TypeName) -> bool:
    return alias in check.brokenAliases


def use(check: Checker, *args: ast.Expr | None) -> bool:
    return check.useN(list(args), False)


def useLHS(check: Checker, *args: ast.Expr | None) -> bool:
    return check.useN(list(args), True)


def useN(check: Checker, args: list[ast.Expr | None], lhs: bool) -> bool:
    ok = True
    for e in args:
        if not check.use1(e, lhs):
            ok = False
    return ok


def use1(check: Checker, e: ast.Expr | None, lhs: bool) -> bool:
    x = operand()
    x.mode = value
    if e is None:
        return True
    n = ast.Unparen(e)
    if isinstance(n, ast.Ident):
        if n.Name == "_":
            return True
        v: Var | None = None
        v_used = False
        if lhs:
            obj = check.lookup(n.Name)
            if isinstance(obj, Var) and obj.pkg is check.pkg:
                v = obj
                v_used = v in check.usedVars
        check.exprOrType(x, n, True)
        if v is not None and not v_used:
            check.usedVars.discard(v)
    else:
        check.rawExpr(None, x, e, None, True)
    return x.mode != invalid


_ = (Interface, Slice)
