"""Method sets (go/types methodset.go).

`NewMethodSet(T)` computes the method set of T as the spec defines it: the
methods declared on T (for a named type), the methods of T's interface,
and the methods promoted through embedded fields, depth by depth; a name
found twice at one depth is ambiguous and excluded, and a field at a
shallower depth shadows methods of the same name. Methods with a pointer
receiver belong to the method set of *T but not of T (unless reached
through an embedded pointer).

The result is a `MethodSet`: Selections sorted by the methods' Ids.
`methodSetCache` memoizes method sets per type object (the compiler asks
for them repeatedly).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go.types.interface import Interface
from gort.go.types.lookup import deref
from gort.go.types.named import Named, asNamed
from gort.go.types.object import Func, Object
from gort.go.types.predicates import Identical
from gort.go.types.selection import MethodVal, Selection
from gort.go.types.struct import Struct

if TYPE_CHECKING:
    from gort.go.types.package import Package
    from gort.go.types.type import Type


class MethodSet:
    """A sorted list of method Selections."""

    __slots__ = ("list",)

    def __init__(self, lst: list[Selection]) -> None:
        self.list = lst

    def Len(self) -> int:
        return len(self.list)

    def At(self, i: int) -> Selection:
        return self.list[i]

    def Lookup(self, pkg: Package | None, name: str) -> Selection | None:
        for s in self.list:
            if s.obj.sameId(pkg, name):
                return s
        return None

    def String(self) -> str:
        if not self.list:
            return "MethodSet {}"
        return "MethodSet {\n" + "".join(f"\t{s}\n" for s in self.list) + "}"

    __str__ = String


emptyMethodSet = MethodSet([])


class _Entry:
    """A method or field found during the search: obj None marks a collision."""

    __slots__ = ("obj", "index", "indirect", "multiples")

    def __init__(self, obj: Object | None, index: list[int], indirect: bool,
                 multiples: bool) -> None:
        self.obj = obj
        self.index = index
        self.indirect = indirect
        self.multiples = multiples


class _Embedded:
    __slots__ = ("typ", "index", "indirect", "multiples")

    def __init__(self, typ: Type, index: list[int], indirect: bool, multiples: bool) -> None:
        self.typ = typ
        self.index = index
        self.indirect = indirect
        self.multiples = multiples


_cache: dict[int, tuple[Type, MethodSet]] = {}


def NewMethodSet(T: Type) -> MethodSet:
    """The method set of T (memoized)."""
    c = _cache.get(id(T))
    if c is not None and c[0] is T:
        return c[1]
    ms = _newMethodSet(T)
    _cache[id(T)] = (T, ms)
    return ms


def _newMethodSet(T: Type) -> MethodSet:
    typ, isPtr = deref(T)
    if isPtr and isinstance(typ.Underlying(), Interface):
        return emptyMethodSet

    current = [_Embedded(typ, [], isPtr, False)]
    seen: list[Named] = []
    base: dict[str, _Entry] = {}  # methods found so far, by Id
    while current:
        nxt: list[_Embedded] = []
        mset: dict[str, _Entry] = {}  # methods at this depth
        fset: dict[str, bool] = {}  # fields at this depth (value: multiples)
        for e in current:
            typ = e.typ
            named = asNamed(typ)
            if named is not None:
                if any(s is named or Identical(s, named) for s in seen):
                    continue
                seen.append(named)
                for i in range(named.NumMethods()):
                    _addMethod(mset, named.Method(i), e.index + [i], e.indirect, e.multiples)
            u = typ.Underlying()
            if isinstance(u, Struct):
                for i, f in enumerate(u.fields):
                    key = f.Id()
                    if key in fset:
                        fset[key] = True  # collision
                    else:
                        fset[key] = e.multiples
                    if f.embedded:
                        ft, fptr = deref(f.Type())
                        nxt.append(_Embedded(ft, e.index + [i], e.indirect or fptr, e.multiples))
            elif isinstance(u, Interface):
                for i, im in enumerate(u.typeSet().methods):
                    _addMethod(mset, im, e.index + [i], True, e.multiples)
        # add methods and collisions at this depth to base if no entries with
        # the same names exist already
        for k, entry in mset.items():
            if k not in base:
                if k in fset:
                    base[k] = _Entry(None, [], False, False)  # collision with a field
                else:
                    base[k] = entry
        for k in fset:
            if k not in base:
                base[k] = _Entry(None, [], False, False)  # fields shadow later methods
        current = _consolidate(nxt)

    lst: list[Selection] = []
    for k in sorted(base):
        be = base[k]
        if be.obj is None:
            continue
        fn = be.obj
        assert isinstance(fn, Func)
        if be.indirect or not fn.hasPtrRecv() or isPtr:
            lst.append(Selection(MethodVal, T, fn, be.index, be.indirect))
    if not lst:
        return emptyMethodSet
    lst.sort(key=lambda s: s.obj.Id())
    return MethodSet(lst)


def _addMethod(mset: dict[str, _Entry], f: Func, index: list[int], indirect: bool,
               multiples: bool) -> None:
    key = f.Id()
    if multiples or key in mset:
        mset[key] = _Entry(None, [], False, False)  # collision
        return
    mset[key] = _Entry(f, index, indirect, False)


def _consolidate(lst: list[_Embedded]) -> list[_Embedded]:
    if len(lst) <= 1:
        return lst
    out: list[_Embedded] = []
    for e in lst:
        for o in out:
            if o.typ is e.typ or Identical(o.typ, e.typ):
                o.multiples = True
                break
        else:
            out.append(e)
    return out
