"""Type substitution (go/types subst.go): replace type parameters by types.

`subst(check, pos, typ, smap, expanding, ctxt)` returns typ with every type
parameter in `smap` replaced by its type argument. Unchanged sub-structures
are shared (the result is typ itself if nothing changed). Generic named
types and aliases met on the way are re-instantiated with substituted type
arguments (through `check.instance`, deduplicated by ctxt). A generic
signature nested inside typ gets fresh type parameters so that two
substitutions never share them. Interfaces get new methods whose receivers
are the new interface (`replaceRecvType`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go.types.alias import Alias
from gort.go.types.array import Array
from gort.go.types.basic import Basic
from gort.go.types.chan import Chan
from gort.go.types.interface import Interface
from gort.go.types.map import Map
from gort.go.types.named import Named
from gort.go.types.object import Func, TypeName, Var
from gort.go.types.pointer import Pointer
from gort.go.types.signature import Signature
from gort.go.types.slice import Slice
from gort.go.types.struct import Struct
from gort.go.types.tuple import Tuple
from gort.go.types.typeparam import TypeParam
from gort.go.types.union import Term, Union
from gort.go.types.universe import Typ

if TYPE_CHECKING:
    from gort.go.token import Pos
    from gort.go.types.check import Checker
    from gort.go.types.context import Context
    from gort.go.types.type import Type

substMap = dict[TypeParam, "Type"]


def makeSubstMap(tpars: list[TypeParam], targs: list[Type]) -> substMap:
    return {tp: targs[i] for i, tp in enumerate(tpars)}


def makeRenameMap(frm: list[TypeParam], to: list[TypeParam]) -> substMap:
    return {tp: to[i] for i, tp in enumerate(frm)}


def subst(check: Checker | None, pos: Pos, typ: Type, smap: substMap,
          expanding: Named | None, ctxt: Context | None) -> Type:
    if not smap:
        return typ
    t = type(typ)
    if t is Basic:
        return typ
    if t is TypeParam:
        return smap.get(typ, typ)  # type: ignore[call-overload,no-any-return]
    return _Subster(pos, smap, check, expanding, ctxt).typ(typ)


def cloneVar(v: Var, typ: Type) -> Var:
    c = Var(v.pos, v.pkg, v.name, typ, v.kind, v.embedded)
    c.parent = v.parent
    c.scopePos_ = v.scopePos_
    c.origin = v.Origin()
    return c


def cloneFunc(f: Func, typ: Type) -> Func:
    c = Func(f.pos, f.pkg, f.name, typ)  # type: ignore[arg-type]
    c.parent = f.parent
    c.hasPtrRecv_ = f.hasPtrRecv_
    c.decl = f.decl
    c.origin = f.Origin()
    return c


def replaceRecvType(methods: list[Func], old: Type, new: Type) -> tuple[list[Func], bool]:
    out = methods
    copied = False
    for i, m in enumerate(methods):
        sig = m.Signature()
        if sig.recv is not None and sig.recv.typ is old:
            if not copied:
                out = list(methods)
                copied = True
            ns = Signature(cloneVar(sig.recv, new), sig.params, sig.results, sig.scope,
                           sig.variadic)
            ns.tparams = sig.tparams
            ns.rparams = sig.rparams
            out[i] = cloneFunc(m, ns)
    return out, copied


class _Subster:
    __slots__ = ("pos", "smap", "check", "expanding", "ctxt")

    def __init__(self, pos: Pos, smap: substMap, check: Checker | None,
                 expanding: Named | None, ctxt: Context | None) -> None:
        self.pos = pos
        self.smap = smap
        self.check = check
        self.expanding = expanding
        self.ctxt = ctxt

    def typ(self, typ: Type) -> Type:
        t = type(typ)
        if t is Basic:
            return typ
        if t is TypeParam:
            return self.smap.get(typ, typ)  # type: ignore[call-overload,no-any-return]
        if t is Pointer:
            assert isinstance(typ, Pointer)
            base = self.typ(typ.base)
            return typ if base is typ.base else Pointer(base)
        if t is Slice:
            assert isinstance(typ, Slice)
            elem = self.typ(typ.elem)
            return typ if elem is typ.elem else Slice(elem)
        if t is Array:
            assert isinstance(typ, Array)
            elem = self.typ(typ.elem)
            return typ if elem is typ.elem else Array(elem, typ.len)
        if t is Map:
            assert isinstance(typ, Map)
            key = self.typ(typ.key)
            elem = self.typ(typ.elem)
            return typ if key is typ.key and elem is typ.elem else Map(key, elem)
        if t is Chan:
            assert isinstance(typ, Chan)
            elem = self.typ(typ.elem)
            return typ if elem is typ.elem else Chan(typ.dir, elem)
        if t is Named:
            assert isinstance(typ, Named)
            orig = typ.Origin()
            n = len(orig.tparams or ())
            if n == 0:
                return typ
            targs = typ.targs or []
            if len(targs) != n:
                return Typ[0] if targs else typ
            new = self.typeList(targs)
            if new is None:
                return typ
            from gort.go.types.instantiate import checker_instance as instance

            return instance(self.check, self.pos, orig, new, self.expanding, self.ctxt)
        if t is Alias:
            assert isinstance(typ, Alias)
            orig_a = typ.Origin()
            n = len(orig_a.tparams or ())
            if n == 0:
                return typ
            targs = typ.targs or []
            if len(targs) != n:
                return Typ[0] if targs else typ
            new = self.typeList(targs)
            if new is None:
                return typ
            from gort.go.types.instantiate import checker_instance as instance

            return instance(self.check, self.pos, orig_a, new, self.expanding, self.ctxt)
        if t is Struct:
            assert isinstance(typ, Struct)
            fields = None
            for i, f in enumerate(typ.fields):
                ft = self.typ(f.Type())
                if ft is not f.typ:
                    if fields is None:
                        fields = list(typ.fields)
                    fields[i] = cloneVar(f, ft)
            if fields is None:
                return typ
            return Struct(fields, typ.tags)
        if t is Tuple:
            assert isinstance(typ, Tuple)
            return self.tuple(typ)
        if t is Signature:
            assert isinstance(typ, Signature)
            return self.signature(typ)
        if t is Interface:
            assert isinstance(typ, Interface)
            methods = self.funcs(typ.methods)
            embeddeds = self.typeList(typ.embeddeds)
            if methods is None and embeddeds is None:
                return typ
            iface = Interface([], embeddeds if embeddeds is not None else typ.embeddeds)
            iface.check = self.check
            iface.embedPos = typ.embedPos
            iface.implicit = typ.implicit
            iface.complete = typ.complete
            iface.methods, _ = replaceRecvType(methods if methods is not None else typ.methods,
                                               typ, iface)
            if self.check is None:
                iface.typeSet()
            return iface
        if t is Union:
            assert isinstance(typ, Union)
            terms = None
            for i, tm in enumerate(typ.terms):
                nt = self.typ(tm.typ)
                if nt is not tm.typ:
                    if terms is None:
                        terms = list(typ.terms)
                    terms[i] = Term(tm.tilde, nt)
            return typ if terms is None else Union(terms)
        return typ

    def typeList(self, lst: list[Type]) -> list[Type] | None:
        out: list[Type] | None = None
        for i, t in enumerate(lst):
            u = self.typ(t)
            if u is not t:
                if out is None:
                    out = list(lst)
                out[i] = u
        return out

    def funcs(self, lst: list[Func]) -> list[Func] | None:
        out: list[Func] | None = None
        for i, f in enumerate(lst):
            ft = f.typ
            if ft is None:
                continue
            nt = self.typ(ft)
            if nt is not ft:
                if out is None:
                    out = list(lst)
                out[i] = cloneFunc(f, nt)
        return out

    def tuple(self, t: Tuple) -> Tuple:
        out: list[Var] | None = None
        for i, v in enumerate(t.vars):
            vt = v.Type()
            nt = self.typ(vt)
            if nt is not vt:
                if out is None:
                    out = list(t.vars)
                out[i] = cloneVar(v, nt)
        return t if out is None else Tuple(out)

    def signature(self, t: Signature) -> Type:
        tparams = t.tparams
        s = self
        if tparams:
            instantiating = tparams[0] in self.smap
            if not instantiating:
                fresh: list[TypeParam] = []
                smap = dict(self.smap)
                for tp in tparams:
                    tname = TypeName(tp.obj.pos, tp.obj.pkg, tp.obj.name, None)
                    ftp = TypeParam(tname, None, self.check)
                    ftp.index = tp.index
                    fresh.append(ftp)
                    smap[tp] = ftp
                    if self.check is not None:
                        self.check.mono.recordCanon(ftp, tp)
                for i, tp in enumerate(tparams):
                    b = tp.bound
                    fresh[i].bound = subst(self.check, self.pos, b, smap, self.expanding,
                                           self.ctxt) if b is not None else None
                tparams = fresh
                s = _Subster(self.pos, smap, self.check, self.expanding, self.ctxt)
        params = s.tuple(t.params)
        results = s.tuple(t.results)
        if params is not t.params or results is not t.results or tparams is not t.tparams:
            ns = Signature(t.recv, params, results, None, t.variadic)
            ns.rparams = t.rparams
            ns.tparams = tparams
            return ns
        return t
