"""Printing types (go/types typestring.go).

`TypeString(t, qf)` formats a type as go/types does: "[]int",
"map[string]*T", "func(x int, s ...string) (int, error)",
"struct{a int; b string "tag"}", "interface{M(); ~int | ~string}",
"chan (<-chan int)", "pkg.T[int]". The qualifier `qf` decides how a
package is named before an exported object ("" to omit); without one the
package path is used.

A `_TypeWriter` guards against cycles (a type printed inside itself is
written "<cycle to T>"... in practice only broken programs produce those).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from gort.go.types.alias import Alias
from gort.go.types.array import Array
from gort.go.types.basic import Basic
from gort.go.types.chan import Chan
from gort.go.types.interface import Interface
from gort.go.types.map import Map
from gort.go.types.named import Named
from gort.go.types.pointer import Pointer
from gort.go.types.signature import Signature
from gort.go.types.slice import Slice
from gort.go.types.struct import Struct
from gort.go.types.tuple import Tuple
from gort.go.types.typeparam import TypeParam
from gort.go.types.union import Union

if TYPE_CHECKING:
    from gort.go.types.object import TypeName
    from gort.go.types.package import Package
    from gort.go.types.type import Type

Qualifier = Callable[["Package"], str]


def RelativeTo(pkg: Package | None) -> Qualifier | None:
    if pkg is None:
        return None

    def qf(other: Package) -> str:
        if other is pkg:
            return ""
        return other.path

    return qf


def packagePrefix(pkg: Package | None, qf: Qualifier | None) -> str:
    if pkg is None:
        return ""
    s = qf(pkg) if qf is not None else pkg.path
    if s:
        s += "."
    return s


_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


class _TypeWriter:
    __slots__ = ("buf", "seen", "qf", "paramNames", "tpSubscripts", "pkgInfo", "fset")

    def __init__(self, qf: Qualifier | None) -> None:
        self.buf: list[str] = []
        self.seen: set[int] = set()
        self.qf = qf
        self.paramNames = True
        self.tpSubscripts = False
        self.pkgInfo = False
        self.fset: object = None

    def typ(self, t: Type | None) -> None:
        buf = self.buf
        if t is None:
            buf.append("<nil>")
            return
        tt = type(t)
        if tt is Basic:
            assert isinstance(t, Basic)
            if t.kind == 18:
                buf.append(packagePrefix(_unsafe(), self.qf) + "Pointer")
            else:
                buf.append(t.name)
            return
        if id(t) in self.seen:
            buf.append("<cycle to " + _goTypeName(t) + ">")
            return
        self.seen.add(id(t))
        try:
            self._typ(t, tt)
        finally:
            self.seen.discard(id(t))

    def _typ(self, t: Type, tt: type) -> None:
        buf = self.buf
        if tt is Pointer:
            assert isinstance(t, Pointer)
            buf.append("*")
            self.typ(t.base)
        elif tt is Slice:
            assert isinstance(t, Slice)
            buf.append("[]")
            self.typ(t.elem)
        elif tt is Array:
            assert isinstance(t, Array)
            buf.append(f"[{t.len}]")
            self.typ(t.elem)
        elif tt is Map:
            assert isinstance(t, Map)
            buf.append("map[")
            self.typ(t.key)
            buf.append("]")
            self.typ(t.elem)
        elif tt is Chan:
            assert isinstance(t, Chan)
            parens = False
            if t.dir == 0:
                buf.append("chan ")
                e = t.elem
                if isinstance(e, Chan) and e.dir == 2:
                    parens = True
            elif t.dir == 1:
                buf.append("chan<- ")
            else:
                buf.append("<-chan ")
            if parens:
                buf.append("(")
            self.typ(t.elem)
            if parens:
                buf.append(")")
        elif tt is Named:
            assert isinstance(t, Named)
            self.typeName(t.Obj())
            if t.targs:
                self.typeList(t.targs)
            elif t.orig is None and t.tparams:
                self.tParamList(t.tparams)
        elif tt is Struct:
            assert isinstance(t, Struct)
            buf.append("struct{")
            for i, f in enumerate(t.fields):
                if i > 0:
                    buf.append("; ")
                pkgAnnotate = False
                if self.qf is None and self.pkgInfo and not f.Exported():
                    pkgAnnotate = True
                    self.pkgInfo = False
                if not f.embedded:
                    buf.append(f.name)
                    buf.append(" ")
                self.typ(f.typ)
                if pkgAnnotate and f.pkg is not None:
                    buf.append(f" /* package {f.pkg.path} */ ")
                tag = t.Tag(i)
                if tag:
                    from gort.go.constant.value import go_quote

                    buf.append(" ")
                    buf.append(go_quote(tag.encode("utf-8", "surrogateescape")))
            buf.append("}")
        elif tt is Signature:
            assert isinstance(t, Signature)
            buf.append("func")
            self.signature(t)
        elif tt is Tuple:
            assert isinstance(t, Tuple)
            self.tuple(t, False)
        elif tt is Interface:
            assert isinstance(t, Interface)
            from gort.go.types.universe import universeComparableIface

            if t is universeComparableIface:
                buf.append("interface{comparable}")
                return
            if t.implicit:
                if not t.methods and len(t.embeddeds) == 1:
                    self.typ(t.embeddeds[0])
                    return
                buf.append("/* implicit */ ")
            buf.append("interface{")
            first = True
            for m in t.methods:
                if not first:
                    buf.append("; ")
                first = False
                buf.append(m.name)
                sig = m.typ
                if isinstance(sig, Signature):
                    self.signature(sig)
            for e in t.embeddeds:
                if not first:
                    buf.append("; ")
                first = False
                self.typ(e)
            buf.append("}")
        elif tt is Union:
            assert isinstance(t, Union)
            if not t.terms:
                buf.append("<empty union>")
                return
            for i, term in enumerate(t.terms):
                if i > 0:
                    buf.append(" | ")
                if term.tilde:
                    buf.append("~")
                self.typ(term.typ)
        elif tt is TypeParam:
            assert isinstance(t, TypeParam)
            buf.append(t.obj.name)
            if self.tpSubscripts:
                buf.append(str(t.id).translate(_SUBSCRIPTS))
            from gort.go.types.universe import Universe

            if Universe.Lookup(t.obj.name) is not None:
                pos = t.obj.pos
                where = _posString(t.obj, pos)
                buf.append(f" /* with {t.obj.name} declared at {where} */")
        elif tt is Alias:
            assert isinstance(t, Alias)
            self.typeName(t.obj)
            if t.targs:
                self.typeList(t.targs)
            elif t.tparams:
                self.tParamList(t.tparams)
        else:
            buf.append(t.String())

    def typeName(self, obj: TypeName) -> None:
        self.buf.append(packagePrefix(obj.pkg, self.qf))
        self.buf.append(obj.name)

    def typeList(self, lst: list[Type]) -> None:
        self.buf.append("[")
        for i, t in enumerate(lst):
            if i > 0:
                self.buf.append(", ")
            self.typ(t)
        self.buf.append("]")

    def tParamList(self, lst: list[TypeParam]) -> None:
        buf = self.buf
        buf.append("[")
        prev: Type | None = None
        for i, tpar in enumerate(lst):
            if i > 0:
                if tpar.bound is not prev:
                    buf.append(" ")
                    self.typ(prev)
                buf.append(", ")
            prev = tpar.bound
            self.typ(tpar)
        if prev is not None:
            buf.append(" ")
            self.typ(prev)
        buf.append("]")

    def tuple(self, tup: Tuple, variadic: bool) -> None:
        buf = self.buf
        buf.append("(")
        n = len(tup.vars)
        for i, v in enumerate(tup.vars):
            if i > 0:
                buf.append(", ")
            if v.name and self.paramNames:
                buf.append(v.name)
                buf.append(" ")
            typ = v.typ
            if variadic and i == n - 1:
                if isinstance(typ, Slice):
                    buf.append("...")
                    self.typ(typ.elem)
                else:
                    self.typ(typ)
                    buf.append("...")
            else:
                self.typ(typ)
        buf.append(")")

    def signature(self, sig: Signature) -> None:
        if sig.tparams:
            self.tParamList(sig.tparams)
        self.tuple(sig.params, sig.variadic)
        n = len(sig.results.vars)
        if n == 0:
            return
        self.buf.append(" ")
        if n == 1 and not sig.results.vars[0].name:
            self.typ(sig.results.vars[0].typ)
            return
        self.tuple(sig.results, False)


def _posString(obj: object, pos: int) -> str:
    """The position of a type parameter's declaration, for disambiguation."""
    from gort.go.types import check as _check

    fset = _check.current_fset()
    if fset is not None and pos:
        p = fset.Position(pos)
        return f"{p.Filename}:{p.Line}:{p.Column}"
    return "?"


def _unsafe() -> Package:
    from gort.go.types.package import Package
    from gort.go.types.universe import Unsafe

    assert isinstance(Unsafe, Package)
    return Unsafe


def _goTypeName(t: Type) -> str:
    return type(t).__name__


def TypeString(t: Type | None, qf: Qualifier | None) -> str:
    w = _TypeWriter(qf)
    w.typ(t)
    return "".join(w.buf)


def TypeStringSubscripts(t: Type | None, qf: Qualifier | None) -> str:
    w = _TypeWriter(qf)
    w.tpSubscripts = True
    w.typ(t)
    return "".join(w.buf)


def WriteSignature(sig: Signature, qf: Qualifier | None) -> str:
    w = _TypeWriter(qf)
    w.signature(sig)
    return "".join(w.buf)


def tParamList(lst: list[TypeParam], qf: Qualifier | None) -> str:
    w = _TypeWriter(qf)
    w.tParamList(lst)
    return "".join(w.buf)


def typeListString(lst: list[Type], qf: Qualifier | None) -> str:
    w = _TypeWriter(qf)
    w.typeList(lst)
    return "".join(w.buf)
