"""Type parameters (go/types typeparam.go).

A `TypeParam` belongs to a generic type or function (its `index` in that
list) and has a constraint (`bound`), which the checker always makes an
interface (`[T ~int]` gets an implicit `interface{~int}`). Its underlying
type is that interface; operations on a type parameter's values are those
permitted by every type in the constraint's type set (see under.py's
coreType). Each type parameter gets a unique `id` for printing subscripts
and for ordering.

Invariants: `bound` is set before the parameter is used in type
expressions other than its own constraint; `index` is fixed by
bindTParams.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from gort.go.types.type import Type

if TYPE_CHECKING:
    from gort.go.types.check import Checker
    from gort.go.types.interface import Interface
    from gort.go.types.object import TypeName

_lastID = itertools.count(1)


class TypeParam(Type):
    """A type parameter P of a generic declaration."""

    __slots__ = ("check", "id", "obj", "index", "bound")

    def __init__(self, obj: TypeName, constraint: Type | None,
                 check: Checker | None = None) -> None:
        self.check = check  # for lazy type-bound completion
        self.id = next(_lastID)  # unique id, for debugging and subscripts
        self.obj = obj  # the type parameter's name
        self.index = -1  # index in its type parameter list, -1 if not yet bound
        self.bound: Type | None = constraint  # constraint, usually an Interface
        if obj.typ is None:
            obj.typ = self

    def Obj(self) -> TypeName:
        return self.obj

    def Index(self) -> int:
        return self.index

    def Constraint(self) -> Type:
        from gort.go.types.universe import Typ

        return self.bound if self.bound is not None else Typ[0]

    def SetConstraint(self, bound: Type) -> None:
        self.bound = bound

    def Underlying(self) -> Type:
        return self.iface()

    def iface(self) -> Interface:
        """The constraint's underlying interface (a type-set view of the bound)."""
        from gort.go.types.basic import Basic
        from gort.go.types.interface import Interface
        from gort.go.types.universe import theEmptyInterface

        bound = self.bound
        if bound is None:
            return theEmptyInterface
        u = bound.Underlying()
        ityp: Interface | None = None
        if isinstance(u, Basic):
            if u.kind == 0:
                return theEmptyInterface
        elif isinstance(u, Interface):
            if isinstance(bound, TypeParam):
                return theEmptyInterface
            ityp = u
        if ityp is None:
            # not an interface: the constraint is the implicit interface{bound}
            ityp = Interface([], [bound])
            ityp.implicit = True
            ityp.check = self.check
            self.bound = ityp
        if ityp.tset is None:
            ityp.typeSet()
        return ityp

    def typeset(self) -> object:
        return self.iface().typeSet()


def NewTypeParam(obj: TypeName, constraint: Type | None) -> TypeParam:
    return TypeParam(obj, constraint)


def bindTParams(lst: list[TypeParam]) -> list[TypeParam] | None:
    if not lst:
        return None
    for i, t in enumerate(lst):
        if t.index >= 0 and t.index != i:
            raise ValueError("type parameter bound more than once")
        t.index = i
    return lst
