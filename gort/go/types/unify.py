"""Type unification (go/types unify.go), the engine of type inference.

A `unifier` holds, for each type parameter being inferred, a handle: a
shared one-element list holding the inferred type or None. `unify(x, y,
mode)` walks two types in parallel; where one side is a bound type
parameter it records the other side as its inferred type (or unifies with
the already inferred type), and joined type parameters share one handle.
Modes: `assign` (x is assigned to y: named and unnamed types may match by
underlying type, channel directions may differ) and `exact` (types must be
identical). Interfaces unify by their methods when inexact (go1.21
interface inference).

Invariants: handles of joined parameters are the same list object; the
recursion depth is bounded (a depth above 50 is treated as failure).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go.types.alias import unalias
from gort.go.types.array import Array
from gort.go.types.basic import Basic
from gort.go.types.chan import Chan
from gort.go.types.interface import Interface
from gort.go.types.lookup import LookupFieldOrMethod
from gort.go.types.map import Map
from gort.go.types.named import Named, asNamed
from gort.go.types.object import Func
from gort.go.types.pointer import Pointer
from gort.go.types.predicates import Identical, IsInterface, _IfacePair, isTypeLit, isTypeParam
from gort.go.types.signature import Signature
from gort.go.types.slice import Slice
from gort.go.types.struct import Struct
from gort.go.types.termlist import tl_equal
from gort.go.types.tuple import Tuple
from gort.go.types.typeparam import TypeParam
from gort.go.types.under import commonUnder

if TYPE_CHECKING:
    from gort.go.types.check import Checker
    from gort.go.types.type import Type

assign = 1
exact = 2

unificationDepthLimit = 50


class _DepthLimitError(Exception):
    """Unification recursed too deeply."""


def asInterface(x: Type) -> Interface | None:
    if not isinstance(unalias(x), TypeParam):
        i = x.Underlying()
        if isinstance(i, Interface):
            return i
    return None


class unifier:
    """Inference state: type parameter -> handle (a 1-element list)."""

    __slots__ = ("check", "handles", "depth", "enableInterfaceInference")

    def __init__(self, check: Checker | None, tparams: list[TypeParam], targs: list[Type | None],
                 enableInterfaceInference: bool) -> None:
        self.check = check
        self.handles: dict[TypeParam, list[Type | None]] = {}
        for i, x in enumerate(tparams):
            t = targs[i] if i < len(targs) else None
            self.handles[x] = [t]
        self.depth = 0
        self.enableInterfaceInference = enableInterfaceInference

    def unify(self, x: Type, y: Type, mode: int) -> bool:
        try:
            return self.nify(x, y, mode, None)
        except _DepthLimitError:
            return False

    def join(self, x: TypeParam, y: TypeParam) -> bool:
        hx, hy = self.handles[x], self.handles[y]
        if hx is hy:
            pass
        elif hx[0] is not None and hy[0] is not None:
            return False
        elif hx[0] is not None:
            self.setHandle(y, hx)
        else:
            self.setHandle(x, hy)
        return True

    def asBoundTypeParam(self, x: Type) -> TypeParam | None:
        x = unalias(x)
        if type(x) is TypeParam and x in self.handles:
            return x  # type: ignore[return-value]
        return None

    def setHandle(self, x: TypeParam, h: list[Type | None]) -> None:
        hx = self.handles[x]
        for y, hy in self.handles.items():
            if hy is hx:
                self.handles[y] = h

    def at(self, x: TypeParam) -> Type | None:
        return self.handles[x][0]

    def set(self, x: TypeParam, t: Type) -> None:
        self.handles[x][0] = t

    def unknowns(self) -> int:
        return sum(1 for h in self.handles.values() if h[0] is None)

    def inferred(self, tparams: list[TypeParam]) -> list[Type | None]:
        return [self.at(x) for x in tparams]

    def nify(self, x: Type, y: Type, mode: int, p: _IfacePair | None) -> bool:
        self.depth += 1
        try:
            return self._nify(x, y, mode, p)
        finally:
            self.depth -= 1

    def _nify(self, x: Type, y: Type, mode: int, p: _IfacePair | None) -> bool:
        if x is y or unalias(x) is unalias(y):
            return True
        if self.depth > unificationDepthLimit:
            raise _DepthLimitError()
        if asNamed(x) is not None or self.asBoundTypeParam(y) is not None:
            x, y = y, x
        ny = asNamed(y)
        if mode & exact == 0 and ny is not None and isTypeLit(x) and \
                not (self.enableInterfaceInference and IsInterface(x)):
            y = ny.Underlying()
            if x is y or unalias(x) is unalias(y):
                return True
        px, py = self.asBoundTypeParam(x), self.asBoundTypeParam(y)
        if px is not None and py is not None:
            if self.join(px, py):
                return True
            ax, ay = self.at(px), self.at(py)
            assert ax is not None and ay is not None
            return self.nify(ax, ay, mode, p)
        if px is not None:
            xt = self.at(px)
            if xt is not None:
                if self.nify(xt, y, mode, p):
                    xi = asInterface(xt)
                    yi = asInterface(y)
                    xn = asNamed(xt) is not None
                    yn = asNamed(y) is not None
                    if xi is not None and yi is not None:
                        if xn and yn:
                            return Identical(xt, y)
                        if len(xi.typeSet().methods) != len(yi.typeSet().methods):
                            return False
                    elif xi is not None or yi is not None:
                        return False
                    if mode & exact == 0:
                        if xn:
                            pass
                        elif yn:
                            self.set(px, y)
                        else:
                            yc = y.Underlying()
                            if isinstance(yc, Chan) and yc.dir != 0:
                                self.set(px, y)
                    return True
                return False
            self.set(px, y)
            return True

        if self.enableInterfaceInference and mode & exact == 0:
            xi = asInterface(x)
            yi = asInterface(y)
            if xi is not None and yi is not None:
                xset = xi.typeSet()
                yset = yi.typeSet()
                if xset.comparable != yset.comparable:
                    return False
                if not tl_equal(xset.terms, yset.terms):
                    return False
                q = _IfacePair(xi, yi, p)
                pp = p
                while pp is not None:
                    if pp.identical(q):
                        return True
                    pp = pp.prev
                xmethods = xset.methods
                ymethods = yset.methods
                if len(xmethods) > len(ymethods):
                    xmethods, ymethods = ymethods, xmethods
                ymap = {ym.Id(): ym for ym in ymethods}
                for xm in xmethods:
                    ym2 = ymap.get(xm.Id())
                    if ym2 is None or not self.nify(xm.Type(), ym2.Type(), exact, p):
                        return False
                return True
            if yi is not None:
                xi = yi
                y = x
            if xi is not None:
                for xm in xi.typeSet().methods:
                    obj, _, _ = LookupFieldOrMethod(y, False, xm.pkg, xm.name)
                    if not isinstance(obj, Func):
                        return False
                    if self.check is not None:
                        self.check.objDecl(obj)
                    sig = obj.Type()
                    if (isinstance(sig, Signature) and sig.tparams) or \
                            not self.nify(xm.Type(), sig, exact, p):
                        return False
                return True

        if isTypeParam(y):
            x, y = y, x
        emode = mode
        if mode & assign:
            emode |= exact
        xorig, x = x, unalias(x)
        yorig, y = y, unalias(y)
        tx = type(x)
        if tx is Basic:
            return isinstance(y, Basic) and x.kind == y.kind  # type: ignore[attr-defined]
        if tx is Pointer:
            return isinstance(y, Pointer) and self.nify(x.base, y.base, emode, p)  # type: ignore[attr-defined]
        if tx is Slice:
            return isinstance(y, Slice) and self.nify(x.elem, y.elem, emode, p)  # type: ignore[attr-defined]
        if tx is Array:
            assert isinstance(x, Array)
            return isinstance(y, Array) and (x.len < 0 or y.len < 0 or x.len == y.len) and \
                self.nify(x.elem, y.elem, emode, p)
        if tx is Map:
            assert isinstance(x, Map)
            return isinstance(y, Map) and self.nify(x.key, y.key, emode, p) and \
                self.nify(x.elem, y.elem, emode, p)
        if tx is Chan:
            assert isinstance(x, Chan)
            return isinstance(y, Chan) and (mode & exact == 0 or x.dir == y.dir) and \
                self.nify(x.elem, y.elem, emode, p)
        if tx is Struct:
            assert isinstance(x, Struct)
            if isinstance(y, Struct) and len(x.fields) == len(y.fields):
                for i, f in enumerate(x.fields):
                    g = y.fields[i]
                    if f.embedded != g.embedded or x.Tag(i) != y.Tag(i) or \
                            not f.sameId(g.pkg, g.name) or \
                            not self.nify(f.Type(), g.Type(), emode, p):
                        return False
                return True
            return False
        if tx is Tuple:
            assert isinstance(x, Tuple)
            if isinstance(y, Tuple) and len(x.vars) == len(y.vars):
                for i, v in enumerate(x.vars):
                    if not self.nify(v.Type(), y.vars[i].Type(), mode, p):
                        return False
                return True
            return False
        if tx is Signature:
            assert isinstance(x, Signature)
            return isinstance(y, Signature) and x.variadic == y.variadic and \
                self.nify(x.params, y.params, emode, p) and \
                self.nify(x.results, y.results, emode, p)
        if tx is Interface:
            assert isinstance(x, Interface)
            if isinstance(y, Interface):
                xset = x.typeSet()
                yset = y.typeSet()
                if xset.comparable != yset.comparable:
                    return False
                if not tl_equal(xset.terms, yset.terms):
                    return False
                a, b = xset.methods, yset.methods
                if len(a) == len(b):
                    q = _IfacePair(x, y, p)
                    pp = p
                    while pp is not None:
                        if pp.identical(q):
                            return True
                        pp = pp.prev
                    for i, fm in enumerate(a):
                        gm = b[i]
                        if fm.Id() != gm.Id() or not self.nify(fm.Type(), gm.Type(), exact, q):
                            return False
                    return True
            return False
        if tx is Named:
            assert isinstance(x, Named)
            ynamed = asNamed(y)
            if ynamed is not None:
                xargs = x.targs or []
                yargs = ynamed.targs or []
                if len(xargs) != len(yargs):
                    return False
                for i, xa in enumerate(xargs):
                    if not self.nify(xa, yargs[i], mode, p):
                        return False
                return x.Origin().obj is ynamed.Origin().obj
            return False
        if tx is TypeParam:
            cx, _ = commonUnder(x, None)
            if cx is not None:
                return self.nify(cx, yorig, assign, p)
            return False
        del xorig
        return False
