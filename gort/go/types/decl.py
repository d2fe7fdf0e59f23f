"""Declarations (go/types decl.go): checking package-level objects on demand
and local declarations.

`objDecl(obj)` determines the type of a package-level object, recursively
checking whatever it depends on first. Objects are white (no type yet),
grey (on `check.objPath`, being checked) or black (typed). Meeting a grey
object means a cycle: `validCycle` accepts cycles through type definitions
(`type T struct{ next *T }`) and through functions, and reports the others
("invalid recursive type", "invalid cycle in declaration", initialization
cycles of constants).

Constant declarations evaluate their (possibly inherited) init expression
with the spec's iota; variable declarations handle 1:1 and n:1 forms; type
declarations create a Named (or an Alias) with type parameters and check
the right-hand side; function declarations check the signature and queue
the body. `declStmt` does the same for declarations inside functions, where
names come into scope only after their declaration.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from gort.go import ast, constant, token
from gort.go.types.alias import Alias, unalias
from gort.go.types.errcodes import Code
from gort.go.types.interface import Interface
from gort.go.types.named import Named, asNamed
from gort.go.types.object import Const, Func, LocalVar, TypeName, Var
from gort.go.types.operand import operand
from gort.go.types.predicates import isConstType, isGeneric, isTypeParam, isValid
from gort.go.types.signature import Signature
from gort.go.types.struct import Struct
from gort.go.types.typeparam import TypeParam, bindTParams
from gort.go.types.typestring import TypeString, packagePrefix
from gort.go.types.universe import Typ
from gort.go.types.version import go1_9, go1_18, go1_23

if TYPE_CHECKING:
    from gort.go.token import Pos
    from gort.go.types.check import Checker
    from gort.go.types.object import Object
    from gort.go.types.scope import Scope
    from gort.go.types.type import Type


class declInfo:
    """What the resolver knows about a package-level declaration."""

    __slots__ = ("file", "version", "lhs", "vtyp", "init", "inherited", "tdecl", "fdecl", "deps")

    def __init__(self, file: Scope | None, version: str) -> None:
        self.file = file  # scope of the file containing the declaration
        self.version = version  # Go version of that file
        self.lhs: list[Var] | None = None  # lhs of n:1 variable declarations
        self.vtyp: ast.Expr | None = None  # type, for const and var declarations
        self.init: ast.Expr | None = None  # init expression, for const and var declarations
        self.inherited = False  # init expression inherited from a previous constant
        self.tdecl: ast.TypeSpec | None = None
        self.fdecl: ast.FuncDecl | None = None
        self.deps: dict[Object, bool] = {}  # objects this declaration depends on (ordered)

    def hasInitializer(self) -> bool:
        return self.init is not None or (self.fdecl is not None and self.fdecl.Body is not None)

    def addDep(self, obj: Object) -> None:
        self.deps[obj] = True


def declare(check: Checker, scope: Scope, id: ast.Ident | None, obj: Object, pos: Pos) -> None:
    if obj.name != "_":
        alt = scope.Insert(obj)
        if alt is not None:
            err = check.newError(Code.DuplicateDecl)
            err.addf(obj, "%s redeclared in this block", obj.name)
            err.addAltDecl(alt)
            err.report()
            return
        obj.scopePos_ = pos
    if id is not None:
        check.recordDef(id, obj)


def objDecl(check: Checker, obj: Object) -> None:
    if obj in check.objPathIdx:
        if isinstance(obj, (Const, Var)):
            if not check.validCycle(obj) or obj.typ is None:
                obj.typ = Typ[0]
        elif isinstance(obj, TypeName):
            if not check.validCycle(obj):
                obj.typ = Typ[0]
        elif isinstance(obj, Func):
            check.validCycle(obj)
        return
    if obj.typ is not None:
        return
    d = check.objMap.get(obj)
    if d is None:
        return
    check.push(obj)
    env = check.saveEnv()
    check.clearEnv()
    check.scope = d.file
    check.version = d.version
    try:
        if isinstance(obj, Const):
            check.decl = d
            check.constDecl(obj, d.vtyp, d.init, d.inherited)
        elif isinstance(obj, Var):
            check.decl = d
            check.varDecl(obj, d.lhs, d.vtyp, d.init)
        elif isinstance(obj, TypeName):
            assert d.tdecl is not None
            check.typeDecl(obj, d.tdecl)
            check.collectMethods(obj)
        elif isinstance(obj, Func):
            check.funcDecl(obj, d)
    finally:
        check.restoreEnv(env)
        check.pop()


def validCycle(check: Checker, obj: Object) -> bool:
    start = check.objPathIdx[obj]
    cycle = check.objPath[start:]
    tparCycle = False
    nval = 0
    ndef = 0
    for o in cycle:
        if isinstance(o, (Const, Var)):
            nval += 1
        elif isinstance(o, TypeName):
            if check.inTParamList and o.typ is not None and isGeneric(o.typ):
                tparCycle = True
                break
            if not o.IsAlias():
                ndef += 1
    if tparCycle:
        return True
    if nval == len(cycle):
        return True
    if nval == 0 and ndef > 0:
        return True
    check.cycleError(cycle, firstInSrc(cycle))
    return False


def cycleError(check: Checker, cycle: list[Object], start: int) -> None:
    def name(o: Object) -> str:
        n = asNamed(o.typ) if o.typ is not None else None
        if n is not None and n.orig is not None:
            return TypeString(n, check.qualifier)
        return packagePrefix(o.pkg, check.qualifier) + o.name

    obj = cycle[start]
    tname = obj if isinstance(obj, TypeName) else None
    if tname is not None and isinstance(tname.typ, Alias):
        tname.typ.fromRHS = Typ[0]
    if len(cycle) == 1:
        if tname is not None:
            check.errorf(obj, Code.InvalidDeclCycle, "invalid recursive type: %s refers to itself",
                         name(obj))
        else:
            check.errorf(obj, Code.InvalidDeclCycle,
                         "invalid cycle in declaration: %s refers to itself", name(obj))
        return
    err = check.newError(Code.InvalidDeclCycle)
    if tname is not None:
        err.addf(obj, "invalid recursive type %s", name(obj))
    else:
        err.addf(obj, "invalid cycle in declaration of %s", name(obj))
    for i in range(len(cycle)):
        nxt = cycle[(start + i + 1) % len(cycle)]
        err.addf(obj, "%s refers to %s", name(obj), name(nxt))
        obj = nxt
    err.report()


def firstInSrc(path: list[Object]) -> int:
    fst = 0
    pos = path[0].pos
    for i, t in enumerate(path[1:]):
        if t.pos < pos:
            fst, pos = i + 1, t.pos
    return fst


def constDecl(check: Checker, obj: Const, typ: ast.Expr | None, init: ast.Expr | None,
              inherited: bool) -> None:
    saved_iota, saved_errpos = check.iota, check.errpos
    check.iota = obj.val
    check.errpos = 0
    try:
        obj.val = constant.MakeUnknown()
        if typ is not None:
            t = check.typ(typ)
            if not isConstType(t):
                if isValid(t.Underlying()):
                    check.errorf(typ, Code.InvalidConstType, "invalid constant type %s", t)
                obj.typ = Typ[0]
                return
            obj.typ = t
        x = operand()
        if init is not None:
            if inherited:
                check.errpos = obj.pos
            check.expr(None, x, init)
        check.initConst(obj, x)
    finally:
        check.iota, check.errpos = saved_iota, saved_errpos


def varDecl(check: Checker, obj: Var, lhs: list[Var] | None, typ: ast.Expr | None,
            init: ast.Expr | None) -> None:
    from gort.go.types.expr import newTarget
    if typ is not None:
        obj.typ = check.varType(typ)
    if init is None:
        if typ is None:
            obj.typ = Typ[0]
        return
    if lhs is None or len(lhs) == 1:
        x = operand()
        check.expr(newTarget(obj.typ, obj.name), x, init)
        check.initVar(obj, x, "variable declaration")
        return
    if typ is not None:
        for v in lhs:
            v.typ = obj.typ
    check.initVars(lhs, [init], None)


def isImportedConstraint(check: Checker, typ: Type | None) -> bool:
    named = asNamed(typ)
    if named is None or named.obj.pkg is check.pkg or named.obj.pkg is None:
        return False
    u = named.Underlying()
    return isinstance(u, Interface) and not u.IsMethodSet()


def typeDecl(check: Checker, obj: TypeName, tdecl: ast.TypeSpec) -> None:
    versionErr = [False]
    rhs_holder: list[Type | None] = [None]

    def later() -> None:
        t = asNamed(obj.typ)
        if t is not None:
            check.validType(t)
        rhs = rhs_holder[0]
        if not versionErr[0] and rhs is not None and check.isImportedConstraint(rhs):
            check.verifyVersionf(tdecl.Type, go1_18, "using type constraint %s", rhs)

    check.later(later)

    tparam0 = None
    if tdecl.TypeParams is not None and tdecl.TypeParams.List:
        tparam0 = tdecl.TypeParams.List[0]

    if tdecl.Assign:
        if tparam0 is not None and not check.verifyVersionf(tparam0, go1_23, "generic type alias"):
            versionErr[0] = True
        if not versionErr[0] and not check.verifyVersionf(tdecl, go1_9, "type alias"):
            versionErr[0] = True
        alias = Alias(obj, None)
        obj.typ = alias
        opened = False
        try:
            if tparam0 is not None:
                check.openScope(tdecl, "type parameters")
                opened = True
                check.collectTypeParams(lambda t: setattr(alias, "tparams", t), tdecl.TypeParams)
            rhs = check.declaredType(tdecl.Type, obj)
            rhs_holder[0] = rhs
            alias.fromRHS = rhs
            if isinstance(rhs, TypeParam) and alias.tparams and rhs in alias.tparams:
                check.error(tdecl.Type, Code.MisplacedTypeParam,
                            "cannot use type parameter declared in alias declaration as RHS")
                alias.fromRHS = Typ[0]
        finally:
            if opened:
                check.closeScope()
            if alias.fromRHS is None:
                alias.fromRHS = Typ[0]
            unalias(alias)
        return

    if tparam0 is not None and not check.verifyVersionf(tparam0, go1_18, "type parameter"):
        versionErr[0] = True
    named = Named(obj)
    named.check = check
    opened = False
    try:
        if tdecl.TypeParams is not None:
            check.openScope(tdecl, "type parameters")
            opened = True
            check.collectTypeParams(lambda t: setattr(named, "tparams", t), tdecl.TypeParams)
        rhs = check.declaredType(tdecl.Type, obj)
        rhs_holder[0] = rhs
        named.fromRHS = rhs
        if isTypeParam(rhs):
            check.error(tdecl.Type, Code.MisplacedTypeParam,
                        "cannot use a type parameter as RHS in type declaration")
            named.fromRHS = Typ[0]
    finally:
        if opened:
            check.closeScope()


def collectTypeParams(check: Checker, setter: Callable[[list[TypeParam] | None], None],
                      lst: ast.FieldList | None) -> list[TypeParam] | None:
    """Declare the type parameters of lst, hand them to setter, then their bounds."""
    if lst is None:
        setter(None)
        return None
    tparams: list[TypeParam] = []
    scopePos = lst.Pos()
    for f in lst.List:
        for name in f.Names:
            tparams.append(check.declareTypeParam(name, scopePos))
    result = bindTParams(tparams)
    setter(result)
    saved = check.inTParamList
    check.inTParamList = True
    try:
        idx = 0
        for f in lst.List:
            if f.Type is not None:
                bound = check.bound(f.Type)
                if isTypeParam(bound):
                    check.error(f.Type, Code.MisplacedTypeParam,
                                "cannot use a type parameter as constraint")
                    bound = Typ[0]
            else:
                bound = Typ[0]
            for i in range(len(f.Names)):
                tparams[idx + i].bound = bound
            idx += len(f.Names)
    finally:
        check.inTParamList = saved
    return result


def bound(check: Checker, x: ast.Expr) -> Type:
    if (isinstance(x, ast.UnaryExpr) and x.Op == token.TILDE) or \
            (isinstance(x, ast.BinaryExpr) and x.Op == token.OR):
        it = ast.InterfaceType(x.Pos(), ast.FieldList(0, [ast.Field(None, [], x)], 0), False)
        t = check.typ(it)
        if isinstance(t, Interface):
            t.implicit = True
        return t
    return check.typ(x)


def newTypeParam(check: Checker, obj: TypeName, constraint: Type | None) -> TypeParam:
    return TypeParam(obj, constraint, check)


def declareTypeParam(check: Checker, name: ast.Ident, scopePos: Pos) -> TypeParam:
    tname = TypeName(name.Pos(), check.pkg, name.Name, None)
    tpar = check.newTypeParam(tname, Typ[0])
    check.declare(check.scope, name, tname, scopePos)  # type: ignore[arg-type]
    return tpar


def collectMethods(check: Checker, obj: TypeName) -> None:
    methods = check.methods.pop(obj, None)
    if not methods:
        return
    mset: dict[str, Object] = {}
    base = asNamed(obj.typ)
    if base is not None:
        b = base

        def later() -> None:
            check.checkFieldUniqueness(b)

        check.later(later)
        for i in range(base.NumMethods()):
            m = base.Method(i)
            mset[m.Id()] = m
    for m in methods:
        alt = mset.get(m.Id())
        if alt is not None:
            if alt.pos:
                check.errorf(m.pos, Code.DuplicateMethod, "method %s.%s already declared at %s",
                             obj.name, m.name, check.posString(alt.pos))
            else:
                check.errorf(m.pos, Code.DuplicateMethod, "method %s.%s already declared",
                             obj.name, m.name)
            continue
        mset[m.Id()] = m
        if base is not None:
            base.AddMethod(m)


def checkFieldUniqueness(check: Checker, base: Named) -> None:
    t = base.Underlying()
    if isinstance(t, Struct):
        mset: dict[str, Object] = {}
        for i in range(base.NumMethods()):
            m = base.Method(i)
            mset[m.Id()] = m
        for fld in t.fields:
            if fld.name != "_":
                alt = mset.get(fld.Id())
                if alt is not None:
                    err = check.newError(Code.DuplicateFieldAndMethod)
                    err.addf(alt, "field and method with the same name %s", fld.name)
                    err.addAltDecl(fld)
                    err.report()
                else:
                    mset[fld.Id()] = fld


def funcDecl(check: Checker, obj: Func, d: declInfo) -> None:
    sig = Signature(None, None, None, None, False)
    obj.typ = sig
    fdecl = d.fdecl
    assert fdecl is not None
    check.funcType(sig, fdecl.Recv, fdecl.Type.TypeParams, fdecl.Type)
    if sig.scope is not None:
        sig.scope.pos = fdecl.Pos()
        sig.scope.end = fdecl.End()
    if fdecl.Type.TypeParams is not None and fdecl.Type.TypeParams.List and fdecl.Body is None:
        check.softErrorf(fdecl.Name, Code.BadDecl, "generic function is missing function body")
    if not check.conf.IgnoreFuncBodies and fdecl.Body is not None:
        body = fdecl.Body

        def later() -> None:
            check.funcBody(d, obj.name, sig, body, None)

        check.later(later)


def declStmt(check: Checker, d: ast.Decl) -> None:
    pkg = check.pkg
    if not isinstance(d, ast.GenDecl):
        return
    tok = d.Tok
    if tok == token.CONST:
        last: ast.ValueSpec | None = None
        for iota, spec in enumerate(d.Specs):
            assert isinstance(spec, ast.ValueSpec)
            top = len(check.delayed)
            inherited = True
            if spec.Type is not None or spec.Values:
                last = spec
                inherited = False
            elif last is None:
                last = ast.ValueSpec(None, [], None, [])
                inherited = False
            lhs: list[Const] = []
            values = last.Values
            iv = constant.MakeInt64(iota)
            for i, name in enumerate(spec.Names):
                obj = Const(name.Pos(), pkg, name.Name, None, iv)
                lhs.append(obj)
                init = values[i] if i < len(values) else None
                check.constDecl(obj, last.Type, init, inherited)
            check.arity(spec.Pos(), spec.Names, values, True, inherited)
            check.processDelayed(top)
            scopePos = spec.End()
            for i, name in enumerate(spec.Names):
                check.declare(check.scope, name, lhs[i], scopePos)  # type: ignore[arg-type]
    elif tok == token.VAR:
        for spec in d.Specs:
            assert isinstance(spec, ast.ValueSpec)
            top = len(check.delayed)
            lhs0 = [Var(name.Pos(), pkg, name.Name, None, LocalVar) for name in spec.Names]
            values = spec.Values
            for i, vobj in enumerate(lhs0):
                lhsv: list[Var] | None = None
                init = None
                if len(values) == len(spec.Names):
                    init = values[i]
                elif len(values) == 1:
                    lhsv = lhs0
                    init = values[0]
                elif i < len(values):
                    init = values[i]
                check.varDecl(vobj, lhsv, spec.Type, init)
                if len(values) == 1:
                    break
            if spec.Type is None or values:
                check.arity(spec.Pos(), spec.Names, values, False, False)
            check.processDelayed(top)
            scopePos = spec.End()
            for i, name in enumerate(spec.Names):
                check.declare(check.scope, name, lhs0[i], scopePos)  # type: ignore[arg-type]
    elif tok == token.TYPE:
        for spec in d.Specs:
            assert isinstance(spec, ast.TypeSpec)
            tn = TypeName(spec.Name.Pos(), pkg, spec.Name.Name, None)
            scopePos = spec.Name.Pos()
            check.declare(check.scope, spec.Name, tn, scopePos)  # type: ignore[arg-type]
            check.push(tn)
            try:
                check.typeDecl(tn, spec)
            finally:
                check.pop()


_ = unalias
