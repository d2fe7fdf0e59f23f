"""Defined (named) types (go/types named.go).

A `Named` is either declared (`type T U`, `type G[P any] struct{...}`) or an
instance of a generic declared type (`G[int]`).

Declared: `obj` is the TypeName, `fromRHS` the type on the right-hand side
(set by check.typeDecl; None while the declaration is being checked),
`tparams` the type parameters and `methods` the declared methods (appended
by the checker as it collects method declarations).

Instance: `orig` is the generic type, `targs` the type arguments. Its
right-hand side is computed on first use by substituting targs for orig's
type parameters (`expandRHS`); its methods are instantiated one at a time
(`Method(i)`), because instantiating all of them eagerly can recurse forever
through mutually recursive generic types.

`Underlying()` follows the chain of right-hand sides through Named and Alias
types until it reaches a type literal or a basic type, then memoizes that
result on every Named in the chain (`underlying`). A Named whose
right-hand side is not known yet (inside its own declaration) has an invalid
underlying type; the checker reports such cycles before asking (see
check.isComplete).

Invariants: `underlying`, once set, is never Named/Alias/TypeParam; an
instance's `orig` is a declared generic type and len(targs) ==
len(orig.tparams) unless an error was reported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go.types.type import Type

if TYPE_CHECKING:
    from gort.go.types.check import Checker
    from gort.go.types.context import Context
    from gort.go.types.object import Func, TypeName
    from gort.go.types.package import Package
    from gort.go.types.typeparam import TypeParam


class Named(Type):
    """A defined type, or an instance of a generic defined type."""

    __slots__ = ("check", "obj", "fromRHS", "underlying", "tparams", "methods", "orig",
                 "targs", "ctxt", "expanded", "methodsExpanded")

    def __init__(self, obj: TypeName, fromRHS: Type | None = None,
                 methods: list[Func] | None = None) -> None:
        self.check: Checker | None = None  # set while the declaring package is checked
        self.obj = obj  # the declared TypeName (a fresh one for instances)
        self.fromRHS = fromRHS  # declared right-hand side; None until known
        self.underlying: Type | None = None  # memoized underlying type
        self.tparams: list[TypeParam] | None = None  # type parameters of a generic type
        self.methods: list[Func] = methods if methods is not None else []
        self.orig: Named | None = None  # generic type of an instance; None if declared
        self.targs: list[Type] | None = None  # type arguments of an instance
        self.ctxt: Context | None = None  # instance context, while expanding
        self.expanded = False  # instance: fromRHS has been computed
        self.methodsExpanded = 0  # instance: number of instantiated methods
        if obj.typ is None:
            obj.typ = self

    # -- API

    def Obj(self) -> TypeName:
        if self.orig is not None:
            return self.orig.obj
        return self.obj

    def Origin(self) -> Named:
        return self.orig if self.orig is not None else self

    def TypeParams(self) -> list[TypeParam]:
        if self.orig is not None:
            return self.orig.tparams or []
        return self.tparams or []

    def SetTypeParams(self, tparams: list[TypeParam]) -> None:
        from gort.go.types.typeparam import bindTParams

        self.tparams = bindTParams(tparams)

    def TypeArgs(self) -> list[Type]:
        return self.targs or []

    def NumMethods(self) -> int:
        if self.orig is not None:
            return len(self.orig.methods)
        return len(self.methods)

    def Method(self, i: int) -> Func:
        orig = self.orig
        if orig is None:
            return self.methods[i]
        n = len(orig.methods)
        if len(self.methods) != n:
            self.methods = [None] * n  # type: ignore[list-item]
        m = self.methods[i]
        if m is None:
            m = self.expandMethod(i)
            self.methods[i] = m
            self.methodsExpanded += 1
        return m

    def Methods(self) -> list[Func]:
        return [self.Method(i) for i in range(self.NumMethods())]

    def SetUnderlying(self, u: Type) -> None:
        self.fromRHS = u
        self.underlying = None
        if not isinstance(u, (Named,)):
            from gort.go.types.alias import Alias

            if not isinstance(u, Alias):
                self.underlying = u

    def AddMethod(self, m: Func) -> None:
        if self.methodIndex(m.name, False) < 0:
            self.methods.append(m)

    def rhs(self) -> Type | None:
        if self.orig is not None and not self.expanded:
            if self.orig.rhs() is None:
                # the origin is still being declared: expand later
                return None
            self.expanded = True
            self.fromRHS = self.expandRHS()
        return self.fromRHS

    def Underlying(self) -> Type:
        u = self.underlying
        if u is not None:
            return u
        return self.resolveUnderlying()

    def resolveUnderlying(self) -> Type:
        from gort.go.types.alias import Alias, unalias
        from gort.go.types.universe import Typ

        path: list[Named] = []
        t: Type | None = self
        u: Type | None = None
        seen: set[int] = set()
        while u is None:
            if isinstance(t, Alias):
                t = unalias(t)
            elif isinstance(t, Named):
                if t.underlying is not None:
                    u = t.underlying
                    break
                if id(t) in seen:
                    u = Typ[0]  # cycle: reported elsewhere
                    break
                seen.add(id(t))
                path.append(t)
                t = t.rhs()
                if t is None:
                    # right-hand side not known yet: do not memoize
                    return Typ[0]
            else:
                u = t
        for n in path:
            if n.underlying is None:
                n.underlying = u
        return u

    # -- implementation

    def methodIndex(self, name: str, foldCase: bool) -> int:
        if not name or name == "_":
            return -1
        if foldCase:
            low = name.lower()
            for i, m in enumerate(self.methods):
                if m.name.lower() == low:
                    return i
        else:
            for i, m in enumerate(self.methods):
                if m.name == name:
                    return i
        return -1

    def lookupMethod(self, pkg: Package | None, name: str, foldCase: bool) -> tuple[int, Func | None]:
        from gort.go.types.object import isExported, samePkg

        if samePkg(self.Obj().pkg, pkg) or isExported(name) or foldCase:
            i = self.Origin().methodIndex(name, foldCase)
            if i >= 0:
                return i, self.Method(i)
        return -1, None

    def expandRHS(self) -> Type:
        """Substitute an instance's type arguments into its origin's RHS."""
        from gort.go.types.context import Context
        from gort.go.types.interface import Interface
        from gort.go.types.subst import makeSubstMap, replaceRecvType, subst
        from gort.go.types.universe import Typ

        orig = self.orig
        assert orig is not None and self.targs is not None
        tpars = orig.tparams or []
        if len(self.targs) != len(tpars):
            return Typ[0]
        if self.ctxt is None:
            self.ctxt = Context()
        ctxt = self.ctxt
        h = ctxt.instanceHash(orig, self.targs)
        ctxt.update(h, orig, self.targs, self)
        orhs = orig.rhs()
        if orhs is None:
            orhs = Typ[0]
        check = self.check
        smap = makeSubstMap(tpars, self.targs)
        if check is not None:
            ctxt = check.context()
        rhs = subst(check, self.obj.pos, orhs, smap, self, ctxt)
        if isinstance(rhs, Interface):
            methods, copied = replaceRecvType(rhs.methods, orig, self)
            if copied:
                if rhs is orhs:
                    crafted = Interface([], rhs.embeddeds)
                    crafted.check = check
                    crafted.embedPos = rhs.embedPos
                    rhs = crafted
                rhs.methods = methods
                rhs.tset = None
        return rhs

    def expandMethod(self, i: int) -> Func:
        from gort.go.types.object import Func, Var
        from gort.go.types.pointer import Pointer
        from gort.go.types.signature import Signature
        from gort.go.types.subst import makeSubstMap, subst

        assert self.orig is not None and self.targs is not None
        origm = self.orig.Method(i)
        check = self.check or self.orig.check
        if check is not None:
            check.objDecl(origm)
        oldSig = origm.typ
        if not isinstance(oldSig, Signature):
            return origm
        rtpars = oldSig.rparams or []
        rtargs = self.targs
        newSig = oldSig
        if len(rtpars) == len(rtargs):
            smap = makeSubstMap(rtpars, rtargs)
            ctxt = check.context() if check is not None else None
            s = subst(check, origm.pos, oldSig, smap, self, ctxt)
            assert isinstance(s, Signature)
            newSig = s
        if newSig is oldSig:
            newSig = Signature(oldSig.recv, oldSig.params, oldSig.results, oldSig.scope,
                               oldSig.variadic)
            newSig.tparams = oldSig.tparams
        rtyp: Type = Pointer(self) if origm.hasPtrRecv() else self
        orecv = oldSig.recv
        if orecv is not None:
            nv = Var(orecv.pos, orecv.pkg, orecv.name, rtyp, orecv.kind, orecv.embedded)
            nv.origin = orecv.Origin()
            newSig.recv = nv
        newSig.rparams = None
        f = Func(origm.pos, origm.pkg, origm.name, newSig)
        f.origin = origm.Origin()
        f.hasPtrRecv_ = origm.hasPtrRecv_
        return f


def NewNamed(obj: TypeName, underlying: Type | None, methods: list[Func] | None) -> Named:
    t = Named(obj, None, methods)
    if underlying is not None:
        t.SetUnderlying(underlying)
    return t


def asNamed(t: Type | None) -> Named | None:
    from gort.go.types.alias import Alias, unalias

    if isinstance(t, Alias):
        t = unalias(t)
    return t if isinstance(t, Named) else None
