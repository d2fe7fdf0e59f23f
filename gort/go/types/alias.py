"""Alias types (go/types alias.go): `type A = T`, possibly generic.

An `Alias` stands for its right-hand side (`fromRHS`) but keeps its own name
for printing and for Info. `actual` memoizes the end of the alias chain
(never an Alias). A generic alias has type parameters; an instance of one
has `orig` and `targs`, and its `fromRHS` is the substituted right-hand side.

Invariants: `unalias(t)` is never an Alias; an Alias's fromRHS is set before
anything asks for its actual type (the checker sets an invalid type while
resolving a cycle).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go.types.type import Type

if TYPE_CHECKING:
    from gort.go.types.object import TypeName
    from gort.go.types.typeparam import TypeParam


class Alias(Type):
    """type A = fromRHS."""

    __slots__ = ("obj", "orig", "tparams", "targs", "fromRHS", "actual")

    def __init__(self, obj: TypeName, rhs: Type | None) -> None:
        self.obj = obj
        self.orig: Alias | None = None  # generic alias of an instance
        self.tparams: list[TypeParam] | None = None
        self.targs: list[Type] | None = None
        self.fromRHS = rhs  # the aliased type, None while unknown
        self.actual: Type | None = None  # memoized unalias result
        if obj.typ is None:
            obj.typ = self

    def Obj(self) -> TypeName:
        return self.obj

    def Origin(self) -> Alias:
        return self.orig if self.orig is not None else self

    def TypeParams(self) -> list[TypeParam]:
        return self.tparams or []

    def SetTypeParams(self, tparams: list[TypeParam]) -> None:
        from gort.go.types.typeparam import bindTParams

        self.tparams = bindTParams(tparams)

    def TypeArgs(self) -> list[Type]:
        return self.targs or []

    def Rhs(self) -> Type:
        from gort.go.types.universe import Typ

        return self.fromRHS if self.fromRHS is not None else Typ[0]

    def Underlying(self) -> Type:
        return unalias(self).Underlying()


def NewAlias(obj: TypeName, rhs: Type) -> Alias:
    a = Alias(obj, rhs)
    return a


def unalias(t: Type) -> Type:
    """The type t aliases, following chains of aliases (t if not an alias)."""
    if type(t) is not Alias:
        return t
    a = t
    if a.actual is not None:
        return a.actual
    from gort.go.types.universe import Typ

    seen = 0
    x: Type | None = a
    while isinstance(x, Alias):
        x = x.fromRHS
        seen += 1
        if x is None or seen > 1000:
            return Typ[0]
    assert x is not None
    a.actual = x
    return x


def unaliasOrNone(t: Type) -> Type | None:
    """Like unalias, but None for an alias whose right-hand side is not yet known."""
    x: Type | None = t
    n = 0
    while type(x) is Alias:
        if x.actual is not None:  # type: ignore[union-attr]
            return x.actual  # type: ignore[union-attr]
        x = x.fromRHS  # type: ignore[union-attr]
        n += 1
        if n > 1000:
            return None
    return x


Unalias = unalias
