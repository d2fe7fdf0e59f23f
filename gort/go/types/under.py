"""Type sets seen through type parameters (go/types under.go).

Many operations on a value of type parameter type P are allowed if they are
allowed on every type in P's type set. `typeset_all(t, f)` calls f(t, u) for
each specific type t in the type set of t (u its underlying type), or once
with (None, None) if the type set has no specific types; for an ordinary
type it calls f(t, t.Underlying()) once. `commonUnder` finds the common
underlying type of all types in a type set (channels may differ in
direction as long as they do not conflict), which is what core-type rules
use ("core type" in the spec).

Type errors are (format, args) pairs, formatted with check.sprintf when
reported (`fmtTypeError`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from gort.go.types.alias import unalias
from gort.go.types.chan import Chan
from gort.go.types.typeparam import TypeParam
from gort.go.types.universe import Typ

if TYPE_CHECKING:
    from gort.go.types.check import Checker
    from gort.go.types.type import Type

typeError = tuple[str, tuple[object, ...]]


def typeErrorf(fmt: str, *args: object) -> typeError:
    return (fmt, args)


def fmtTypeError(check: Checker | None, err: typeError) -> str:
    if check is None:
        from gort.go.types.format import sprintf

        return sprintf(None, False, err[0], *err[1])
    return check.sprintf(err[0], *err[1])


def typeset_all(t: Type, f: Callable[[Type | None, Type | None], bool]) -> bool:
    p = unalias(t)
    if type(p) is TypeParam:
        assert isinstance(p, TypeParam)
        from gort.go.types.alias import unalias as ua

        ts = p.iface().typeSet()
        if not ts.hasTerms():
            return f(None, None)
        for term in ts.terms:
            assert term.typ is not None
            u = ua(term.typ)
            if not term.tilde:
                u = u.Underlying()
            if not f(term.typ, u):
                return False
        return True
    return f(t, t.Underlying())


def underIs(typ: Type, f: Callable[[Type | None], bool]) -> bool:
    return typeset_all(typ, lambda _t, u: f(u))


def commonUnder(t: Type, cond: Callable[[Type | None, Type | None], typeError | None] | None
                ) -> tuple[Type | None, typeError | None]:
    from gort.go.types.predicates import Identical

    # fast path: not a type parameter
    p = unalias(t)
    if type(p) is not TypeParam:
        u = t.Underlying()
        if cond is not None:
            err = cond(t, u)
            if err is not None:
                return None, err
        return u, None

    state: list[Type | None] = [None, None]  # ct, cu
    result: list[typeError | None] = [None]

    def visit(t1: Type | None, u: Type | None) -> bool:
        if cond is not None:
            err = cond(t1, u)
            if err is not None:
                result[0] = err
                return False
        if u is None:
            result[0] = typeErrorf("no specific type")
            return False
        ct, cu = state
        if cu is None:
            state[0], state[1] = t1, u
            return True
        if isinstance(cu, Chan) and isinstance(u, Chan):
            if not Identical(cu.elem, u.elem):
                result[0] = typeErrorf("channels %s and %s have different element types", ct, t1)
                return False
            if cu.dir == u.dir:
                pass
            elif cu.dir == 0:
                state[0], state[1] = t1, u
            elif u.dir != 0:
                result[0] = typeErrorf("channels %s and %s have conflicting directions", ct, t1)
                return False
            return True
        if not Identical(cu, u):
            result[0] = typeErrorf("%s and %s have different underlying types", ct, t1)
            return False
        return True

    if not typeset_all(t, visit):
        return None, result[0]
    return state[1], None


def coreType(t: Type) -> Type | None:
    """The core type of t (its underlying type if t is not a type parameter)."""
    u, _ = commonUnder(t, None)
    return u


def coreString(t: Type) -> Type | None:
    """Like coreType, but []byte and string mix to string (for append, copy)."""
    from gort.go.types.basic import Basic, IsString
    from gort.go.types.predicates import Identical
    from gort.go.types.slice import Slice

    p = unalias(t)
    if type(p) is not TypeParam:
        return t.Underlying()
    su: list[Type | None] = [None]
    hasString = [False]

    def visit(_t: Type | None, u: Type | None) -> bool:
        if u is None:
            return False
        if isinstance(u, Basic) and u.info & IsString:
            u = Slice(Typ[8])
            hasString[0] = True
        if su[0] is not None:
            if not Identical(su[0], u):
                su[0] = None
                return False
        else:
            su[0] = u
        return True

    if not typeset_all(t, visit):
        return None
    if hasString[0]:
        return Typ[17]
    return su[0]
