"""Type inference (go/types infer.go).

`check.infer(pos, tparams, targs, params, args, reverse, err)` infers the
missing type arguments of a generic function call:

  1. unify each typed argument's type with its parameter type (assignment
     mode), reporting "type X of arg does not match ...";
  2. repeatedly use the type parameters' constraints: unify an inferred
     type with the constraint's core type, or take a single non-tilde core
     type as the type argument; unify method signatures of the inferred
     type with the constraint's methods;
  3. give untyped constant arguments their (maximal) default type for
     parameters that are still unknown;
  4. substitute inferred types into each other until stable, then report
     "cannot infer P (declared at pos)" for any still unknown.

`renameTParams` gives a generic function fresh type parameters so a
recursive call's own type parameters are not confused with the ones being
inferred; `isParameterized` tells whether a type mentions given parameters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go.types.alias import Alias, unalias
from gort.go.types.array import Array
from gort.go.types.basic import Basic
from gort.go.types.chan import Chan
from gort.go.types.interface import Interface
from gort.go.types.map import Map
from gort.go.types.named import Named
from gort.go.types.object import TypeName
from gort.go.types.operand import invalid
from gort.go.types.pointer import Pointer
from gort.go.types.predicates import Default, isTyped, maxType
from gort.go.types.signature import Signature
from gort.go.types.slice import Slice
from gort.go.types.struct import Struct
from gort.go.types.tuple import Tuple
from gort.go.types.typeparam import TypeParam
from gort.go.types.typeterm import term
from gort.go.types.under import commonUnder
from gort.go.types.unify import assign, exact, unifier
from gort.go.types.union import Union
from gort.go.types.version import go1_21

if TYPE_CHECKING:
    from gort.go.token import Pos
    from gort.go.types.check import Checker
    from gort.go.types.errors import error_
    from gort.go.types.operand import operand
    from gort.go.types.type import Type


def infer(check: Checker, pos: Pos, tparams: list[TypeParam], targs: list[Type | None],
          params: Tuple, args: list[operand], reverse: bool, err: error_) -> list[Type] | None:
    from gort.go.types.subst import subst

    n = len(tparams)
    if len(targs) == n and all(t is not None for t in targs):
        return targs  # type: ignore[return-value]
    for arg in args:
        if arg.mode == invalid:
            return None
    targs = list(targs) + [None] * (n - len(targs))
    if params.vars:
        smap = {tp: t for tp, t in zip(tparams, targs, strict=True) if t is not None}
        if smap:
            p2 = subst(check, 0, params, smap, None, check.context())  # type: ignore[arg-type]
            assert isinstance(p2, Tuple)
            params = p2
    u = unifier(check, tparams, targs, check.allowVersion(go1_21))

    def errorf(tpar: Type, targ: Type, arg: operand) -> None:
        ts = u.inferred(tparams)
        if ts[0] is None and all(t is None for t in ts):
            err.addf(arg, "type %s of %s does not match %s (cannot infer %s)", targ, arg.expr,
                     tpar, typeParamsString(tparams))
            return
        smap = {tp: t for tp, t in zip(tparams, ts, strict=True) if t is not None}
        inferred = subst(check, arg.Pos(), tpar, smap, None, check.context())  # type: ignore[arg-type]
        if inferred is not tpar:
            if reverse:
                err.addf(arg, "inferred type %s for %s does not match type %s of %s", inferred,
                         tpar, targ, arg.expr)
            else:
                err.addf(arg, "type %s of %s does not match inferred type %s for %s", targ,
                         arg.expr, inferred, tpar)
        else:
            err.addf(arg, "type %s of %s does not match %s", targ, arg.expr, tpar)

    untyped: list[int] = []
    for i, arg in enumerate(args):
        if arg.mode == invalid:
            continue
        par = params.vars[i]
        ptyp = par.Type()
        if isParameterized(tparams, ptyp) or isParameterized(tparams, arg.typ):
            if isTyped(arg.typ):
                if not u.unify(ptyp, arg.typ, assign):
                    errorf(ptyp, arg.typ, arg)
                    return None
            elif isinstance(ptyp, TypeParam) and arg.mode != 8:
                untyped.append(i)

    while True:
        nn = u.unknowns()
        for tpar in tparams:
            tx = u.at(tpar)
            core, single = coreTerm(tpar)
            if core is not None:
                assert core.typ is not None
                if tx is not None:
                    if not u.unify(tx, core.typ, 0):
                        err.addf(pos, "%s (type %s) does not satisfy %s", tpar, tx,
                                 tpar.Constraint())
                        return None
                elif single and not core.tilde:
                    u.set(tpar, core.typ)
            tx = u.at(tpar)
            if tx is not None and not isParameterized(tparams, tx):
                cause = [""]
                constraint = tpar.iface()
                if not check.hasAllMethods(tx, constraint, True,
                                           lambda a, b: u.unify(a, b, exact), cause):
                    err.addf(pos, "%s (type %s) does not satisfy %s %s", tpar, tx,
                             tpar.Constraint(), cause[0])
                    return None
        if u.unknowns() == nn:
            break

    maxUntyped: dict[TypeParam, Type] = {}
    for index in untyped:
        ptp = params.vars[index].Type()
        assert isinstance(ptp, TypeParam)
        tpar = ptp
        if u.at(tpar) is None:
            arg = args[index]
            mx = maxUntyped.get(tpar)
            if mx is None:
                mx = arg.typ
            else:
                m = maxType(mx, arg.typ)
                if m is None:
                    err.addf(arg, "mismatched types %s and %s (cannot infer %s)", mx, arg.typ, tpar)
                    return None
                mx = m
            maxUntyped[tpar] = mx
    for tpar, typ in maxUntyped.items():
        u.set(tpar, Default(typ))

    inferred = u.inferred(tparams)
    killCycles(tparams, inferred)
    dirty = [i for i, t in enumerate(inferred) if t is not None and targs[i] is None]
    while dirty:
        smap = {tp: t for tp, t in zip(tparams, inferred, strict=True) if t is not None}
        nd = []
        for index in dirty:
            t0 = inferred[index]
            assert t0 is not None
            t1 = subst(check, 0, t0, smap, None, check.context())  # type: ignore[arg-type]
            if t1 is not t0:
                if isinstance(t1, Signature) and t1.tparams and not isParameterized(tparams, t1):
                    t1.tparams = None
                inferred[index] = t1
                nd.append(index)
        dirty = nd
    for i, ityp in enumerate(inferred):
        if ityp is None or isParameterized(tparams, ityp):
            obj = tparams[i].obj
            err.addf(pos, "cannot infer %s (declared at %s)", obj.name, check.posString(obj.pos))
            return None
    return inferred  # type: ignore[return-value]


def renameTParams(check: Checker | None, pos: Pos, tparams: list[TypeParam],
                  typ: Type) -> tuple[list[TypeParam], Type]:
    from gort.go.types.subst import makeRenameMap, subst

    if not tparams:
        return [], typ
    tparams2 = []
    for tp in tparams:
        tname = TypeName(tp.obj.pos, tp.obj.pkg, tp.obj.name, None)
        t2 = TypeParam(tname, None, check)
        t2.index = tp.index
        tparams2.append(t2)
    renameMap = makeRenameMap(tparams, tparams2)
    ctxt = check.context() if check is not None else None
    if ctxt is None:
        from gort.go.types.context import Context

        ctxt = Context()
    for i, tp in enumerate(tparams):
        assert tp.bound is not None
        tparams2[i].bound = subst(check, pos, tp.bound, renameMap, None, ctxt)  # type: ignore[arg-type]
    return tparams2, subst(check, pos, typ, renameMap, None, ctxt)  # type: ignore[arg-type]


def typeParamsString(lst: list[TypeParam]) -> str:
    n = len(lst)
    if n == 0:
        return ""
    if n == 1:
        return lst[0].obj.name
    if n == 2:
        return lst[0].obj.name + " and " + lst[1].obj.name
    return ", ".join(t.obj.name for t in lst[:-1]) + ", and " + lst[-1].obj.name


def isParameterized(tparams: list[TypeParam], typ: Type) -> bool:
    if not tparams:
        return False
    return _TPWalker(tparams).isParameterized(typ)


class _TPWalker:
    __slots__ = ("tparams", "seen")

    def __init__(self, tparams: list[TypeParam]) -> None:
        self.tparams = tparams
        self.seen: dict[int, bool] = {}

    def isParameterized(self, typ: Type) -> bool:
        k = id(typ)
        r = self.seen.get(k)
        if r is not None:
            return r
        self.seen[k] = False
        res = self._isp(typ)
        self.seen[k] = res
        return res

    def _isp(self, t: Type) -> bool:
        tt = type(t)
        if tt is Basic:
            return False
        if tt is TypeParam:
            return any(t is p for p in self.tparams)
        if tt is Alias:
            return self.isParameterized(unalias(t))
        if tt in (Array, Slice, Chan):
            return self.isParameterized(t.elem)  # type: ignore[attr-defined]
        if tt is Pointer:
            return self.isParameterized(t.base)  # type: ignore[attr-defined]
        if tt is Struct:
            return any(self.isParameterized(f.Type()) for f in t.fields)  # type: ignore[attr-defined]
        if tt is Tuple:
            return any(self.isParameterized(v.Type()) for v in t.vars)  # type: ignore[attr-defined]
        if tt is Signature:
            assert isinstance(t, Signature)
            return self.isParameterized(t.params) or self.isParameterized(t.results)
        if tt is Interface:
            assert isinstance(t, Interface)
            ts = t.typeSet()
            for m in ts.methods:
                if self.isParameterized(m.Type()):
                    return True
            if not ts.hasTerms():
                return False
            return all(tm.typ is not None and self.isParameterized(tm.typ) for tm in ts.terms)
        if tt is Map:
            assert isinstance(t, Map)
            return self.isParameterized(t.key) or self.isParameterized(t.elem)
        if tt is Named:
            assert isinstance(t, Named)
            return any(self.isParameterized(a) for a in (t.targs or ()))
        return False


def coreTerm(tpar: TypeParam) -> tuple[term | None, bool]:
    ts = tpar.iface().typeSet()
    if not ts.hasTerms():
        return None, False
    terms = ts.terms
    if len(terms) == 1:
        return terms[0], True
    tilde = any(t.tilde for t in terms)
    typ, _ = commonUnder(tpar, None)
    if typ is not None:
        return term(tilde, typ), False
    return None, False


def killCycles(tparams: list[TypeParam], inferred: list[Type | None]) -> None:
    seen: set[int] = set()

    def walk(typ: Type | None) -> None:
        if typ is None:
            return
        typ = unalias(typ)
        if id(typ) in seen:
            if isinstance(typ, TypeParam):
                for i, p in enumerate(tparams):
                    if p is typ:
                        inferred[i] = None
            return
        seen.add(id(typ))
        try:
            if isinstance(typ, (Array, Slice, Chan)):
                walk(typ.elem)
            elif isinstance(typ, Pointer):
                walk(typ.base)
            elif isinstance(typ, Struct):
                for f in typ.fields:
                    walk(f.Type())
            elif isinstance(typ, Signature):
                for v in typ.params.vars:
                    walk(v.Type())
                for v in typ.results.vars:
                    walk(v.Type())
            elif isinstance(typ, Union):
                for tm in typ.terms:
                    walk(tm.typ)
            elif isinstance(typ, Interface):
                for m in typ.methods:
                    walk(m.Type())
                for e in typ.embeddeds:
                    walk(e)
            elif isinstance(typ, Map):
                walk(typ.key)
                walk(typ.elem)
            elif isinstance(typ, Named):
                for a in typ.targs or ():
                    walk(a)
            elif isinstance(typ, TypeParam):
                for i, p in enumerate(tparams):
                    if p is typ and inferred[i] is not None:
                        walk(inferred[i])
        finally:
            seen.discard(id(typ))

    for t in tparams:
        walk(t)
