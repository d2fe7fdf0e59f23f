"""Valid types (go/types validtype.go): types must not contain themselves
without indirection (`type T struct{ f T }`, `type A [1]A`, or through
generic instances `type G[P any] struct{ f P }; type T G[T]`).

`validType(T)` walks T's declared right-hand side through arrays, struct
fields, unions and embedded interfaces (but not pointers, slices, maps,
channels or functions), tracking the named types being expanded (`nest`)
and the declaration path (`path`); meeting a type already on the nest is
an invalid recursive type, reported once with the cycle from the path.
Type parameters are replaced by the type arguments of the instance that
introduced them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go.types.alias import unalias
from gort.go.types.array import Array
from gort.go.types.interface import Interface
from gort.go.types.named import Named
from gort.go.types.predicates import Identical
from gort.go.types.struct import Struct
from gort.go.types.typeparam import TypeParam
from gort.go.types.union import Union
from gort.go.types.universe import Typ

if TYPE_CHECKING:
    from gort.go.types.check import Checker
    from gort.go.types.object import Object
    from gort.go.types.type import Type


def validType(check: Checker, typ: Named) -> None:
    validType0(check, typ, [], [])


def validType0(check: Checker, typ: Type | None, nest: list[Named], path: list[Named]) -> bool:
    if typ is None:
        return True
    typ = unalias(typ)
    if isinstance(typ, Array):
        return validType0(check, typ.elem, nest, path)
    if isinstance(typ, Struct):
        for f in typ.fields:
            if not validType0(check, f.typ, nest, path):
                return False
        return True
    if isinstance(typ, Union):
        for t in typ.terms:
            if not validType0(check, t.typ, nest, path):
                return False
        return True
    if isinstance(typ, Interface):
        for e in typ.embeddeds:
            if not validType0(check, e, nest, path):
                return False
        return True
    if isinstance(typ, Named):
        for e in nest:
            if e is typ or Identical(e, typ):
                orig = typ.Origin()
                orig.fromRHS = Typ[0]
                orig.underlying = Typ[0]
                for start, p in enumerate(path):
                    if p is typ or Identical(p, typ):
                        objs: list[Object] = [t.obj for t in path[start:]]
                        check.cycleError(objs, 0)
                        return False
                return False
        orig = typ.Origin()
        return validType0(check, orig.rhs(), nest + [typ], path + [typ])
    if isinstance(typ, TypeParam):
        d = len(nest) - 1
        if d >= 0:
            inst = nest[d]
            tparams = inst.TypeParams()
            targs = inst.targs or []
            for i, tparam in enumerate(tparams):
                if typ is tparam and i < len(targs):
                    return validType0(check, targs[i], nest[:d], path)
    return True
