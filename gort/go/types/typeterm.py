"""Type terms (go/types typeterm.go): the elements of a type set.

A term is None (the empty set ∅), `term(False, None)` (the universe 𝓤, all
types), `term(False, T)` (just T) or `term(True, T)` (~T: every type whose
underlying type is T). The operations are set operations on the types the
terms denote; two non-universe terms either are disjoint or one includes
the other, which keeps union and intersection cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gort.go.types.type import Type


class term:
    """~typ if tilde, else typ; typ None means 𝓤."""

    __slots__ = ("tilde", "typ")

    def __init__(self, tilde: bool, typ: Type | None) -> None:
        self.tilde = tilde
        self.typ = typ

    def String(self) -> str:
        if self.typ is None:
            return "𝓤"
        if self.tilde:
            return "~" + self.typ.String()
        return self.typ.String()

    __str__ = String


Term = term | None


def term_equal(x: Term, y: Term) -> bool:
    from gort.go.types.predicates import Identical

    if x is None or y is None:
        return x is y
    if x.typ is None or y.typ is None:
        return x.typ is y.typ
    return x.tilde == y.tilde and Identical(x.typ, y.typ)


def term_union(x: Term, y: Term) -> tuple[Term, Term]:
    if x is None and y is None:
        return None, None
    if x is None:
        return y, None
    if y is None:
        return x, None
    if x.typ is None:
        return x, None
    if y.typ is None:
        return y, None
    if term_disjoint(x, y):
        return x, y
    if x.tilde or not y.tilde:
        return x, None
    return y, None


def term_intersect(x: Term, y: Term) -> Term:
    if x is None or y is None:
        return None
    if x.typ is None:
        return y
    if y.typ is None:
        return x
    if term_disjoint(x, y):
        return None
    if not x.tilde or y.tilde:
        return x
    return y


def term_includes(x: Term, t: Type) -> bool:
    from gort.go.types.predicates import Identical

    if x is None:
        return False
    if x.typ is None:
        return True
    u = t
    if x.tilde:
        u = u.Underlying()
    return Identical(x.typ, u)


def term_subsetOf(x: Term, y: Term) -> bool:
    if x is None:
        return True
    if y is None:
        return False
    if y.typ is None:
        return True
    if x.typ is None:
        return False
    if term_disjoint(x, y):
        return False
    return not x.tilde or y.tilde


def term_disjoint(x: term, y: term) -> bool:
    from gort.go.types.predicates import Identical

    assert x.typ is not None and y.typ is not None
    ux = x.typ
    if y.tilde:
        ux = ux.Underlying()
    uy = y.typ
    if x.tilde:
        uy = uy.Underlying()
    return not Identical(ux, uy)
