"""Type predicates (go/types predicates.go): identity, comparability,
classification of basic types, and defaults of untyped types.

`Identical(x, y)` is the spec's type identity. It is the checker's most
called predicate, so it starts with `x is y` and dispatches on the exact
Python class; named types are identical only if they have the same origin
and identical type arguments (instances are shared through a Context, so
`is` usually decides). Interfaces compare their type sets; mutually
recursive interfaces are handled with a chain of interface pairs already
being compared (`_IfacePair`).

`comparableType` returns None if a type is comparable and otherwise the
cause as a string ("" when there is nothing more to say), which the
checker puts into its error messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go.types.alias import Alias, unalias, unaliasOrNone
from gort.go.types.array import Array
from gort.go.types.basic import (
    Basic,
    IsBoolean,
    IsComplex,
    IsConstType,
    IsFloat,
    IsInteger,
    IsNumeric,
    IsOrdered,
    IsString,
    IsUnsigned,
    IsUntyped,
)
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
    from gort.go.types.type import Type


def isValid(t: Type | None) -> bool:
    if t is None:
        return False
    if type(t) is Alias:
        t = unaliasOrNone(t)
        if t is None:
            return True  # an alias still being declared is not known to be invalid
    return not (type(t) is Basic and t.kind == 0)  # type: ignore[attr-defined]


def isBasic(t: Type, info: int) -> bool:
    u = t.Underlying()
    return type(u) is Basic and u.info & info != 0


def isBoolean(t: Type) -> bool:
    return isBasic(t, IsBoolean)


def isInteger(t: Type) -> bool:
    return isBasic(t, IsInteger)


def isUnsigned(t: Type) -> bool:
    return isBasic(t, IsUnsigned)


def isFloat(t: Type) -> bool:
    return isBasic(t, IsFloat)


def isComplex(t: Type) -> bool:
    return isBasic(t, IsComplex)


def isNumeric(t: Type) -> bool:
    return isBasic(t, IsNumeric)


def isString(t: Type) -> bool:
    return isBasic(t, IsString)


def isIntegerOrFloat(t: Type) -> bool:
    return isBasic(t, IsInteger | IsFloat)


def isConstType(t: Type) -> bool:
    return isBasic(t, IsConstType)


def allBasic(t: Type, info: int) -> bool:
    """isBasic for t, or for every term of t's type set if t is a type parameter."""
    t = unalias(t)
    if type(t) is TypeParam:
        ts = t.iface().typeSet()
        if not ts.hasTerms():
            return False
        for tm in ts.terms:
            if tm.typ is None or not isBasic(tm.typ, info):
                return False
        return True
    return isBasic(t, info)


def allBoolean(t: Type) -> bool:
    return allBasic(t, IsBoolean)


def allInteger(t: Type) -> bool:
    return allBasic(t, IsInteger)


def allUnsigned(t: Type) -> bool:
    return allBasic(t, IsUnsigned)


def allNumeric(t: Type) -> bool:
    return allBasic(t, IsNumeric)


def allString(t: Type) -> bool:
    return allBasic(t, IsString)


def allOrdered(t: Type) -> bool:
    return allBasic(t, IsOrdered)


def allNumericOrString(t: Type) -> bool:
    return allBasic(t, IsNumeric | IsString)


def hasName(t: Type) -> bool:
    t = unalias(t)
    return type(t) in (Basic, Named, TypeParam)


def isTypeLit(t: Type) -> bool:
    t = unalias(t)
    return type(t) not in (Named, TypeParam)


def isTyped(t: Type) -> bool:
    return type(t) is not Basic or t.info & IsUntyped == 0  # type: ignore[attr-defined]


def isUntyped(t: Type) -> bool:
    return type(t) is Basic and t.info & IsUntyped != 0  # type: ignore[attr-defined]


def isUntypedNumeric(t: Type) -> bool:
    return type(t) is Basic and t.info & IsUntyped != 0 and \
        t.info & IsNumeric != 0  # type: ignore[attr-defined]


def IsInterface(t: Type) -> bool:
    return type(t.Underlying()) is Interface


def isNonTypeParamInterface(t: Type) -> bool:
    return not isTypeParam(t) and IsInterface(t)


def isTypeParam(t: Type | None) -> bool:
    if type(t) is Alias:
        t = unalias(t)
    return type(t) is TypeParam


def hasEmptyTypeset(t: Type) -> bool:
    t = unalias(t)
    if type(t) is TypeParam and t.bound is not None:
        b = t.bound
        iface = b.underlying if isinstance(b, Named) else b.Underlying()
        return isinstance(iface, Interface) and iface.tset is not None and iface.tset.IsEmpty()
    return False


def isGeneric(t: Type) -> bool:
    if type(t) is Alias and t.tparams and t.targs is None:
        return True
    t = unalias(t)
    return type(t) is Named and t.orig is None and bool(t.tparams)


def Comparable(T: Type) -> bool:
    return comparableType(T, True, None) is None


def comparableType(T: Type, dynamic: bool,
                   seen: dict[int, bool] | None) -> tuple[str, tuple[object, ...]] | None:
    """None if T is comparable; otherwise the reason as a type error (format and
    arguments, formatted by the caller with its qualifier; "" if no reason).

    dynamic: interfaces count as comparable (they may panic at run time).
    """
    if seen is None:
        seen = {}
    elif id(T) in seen:
        return None
    seen[id(T)] = True
    t = T.Underlying()
    tt = type(t)
    if tt is Basic:
        if t.kind == 25:  # type: ignore[attr-defined]
            return ("", ())
        return None
    if tt is Pointer or tt is Chan:
        return None
    if tt is Struct:
        for f in t.fields:  # type: ignore[attr-defined]
            if comparableType(f.Type(), dynamic, seen) is not None:
                return ("struct containing %s cannot be compared", (f.Type(),))
        return None
    if tt is Array:
        if comparableType(t.elem, dynamic, seen) is not None:  # type: ignore[attr-defined]
            return ("%s cannot be compared", (T,))
        return None
    if tt is Interface:
        ts = t.typeSet()  # type: ignore[attr-defined]
        if (dynamic and not isTypeParam(T)) or ts.IsComparable(seen):
            return None
        if ts.IsEmpty():
            return ("empty type set", ())
        return ("incomparable types in type set", ())
    return ("", ())


def hasNil(t: Type) -> bool:
    u = t.Underlying()
    tu = type(u)
    if isinstance(u, Basic):
        return u.kind == 18
    if tu in (Slice, Pointer, Signature, Map, Chan):
        return True
    if isinstance(u, Interface):
        if not isTypeParam(t):
            return True
        return u.typeSet().underIs(lambda x: x is not None and hasNil(x))
    return False


class _IfacePair:
    __slots__ = ("x", "y", "prev")

    def __init__(self, x: Interface, y: Interface, prev: _IfacePair | None) -> None:
        self.x = x
        self.y = y
        self.prev = prev

    def identical(self, q: _IfacePair) -> bool:
        return (self.x is q.x and self.y is q.y) or (self.x is q.y and self.y is q.x)


def Identical(x: Type, y: Type) -> bool:
    """Whether x and y are identical types (struct tags matter)."""
    if x is y:
        return True
    return _identical(x, y, False, None)


def IdenticalIgnoreTags(x: Type, y: Type) -> bool:
    if x is y:
        return True
    return _identical(x, y, True, None)


def _identical(x: Type, y: Type, ignoreTags: bool, p: _IfacePair | None) -> bool:
    tx = type(x)
    if tx is Alias:
        x = unalias(x)
        tx = type(x)
    if type(y) is Alias:
        y = unalias(y)
    if x is y:
        return True
    if tx is not type(y):
        return False
    if tx is Basic:
        return bool(x.kind == y.kind)  # type: ignore[attr-defined]
    if tx is Pointer:
        return _identical(x.base, y.base, ignoreTags, p)  # type: ignore[attr-defined]
    if tx is Slice:
        return _identical(x.elem, y.elem, ignoreTags, p)  # type: ignore[attr-defined]
    if tx is Named:
        assert isinstance(x, Named) and isinstance(y, Named)
        xargs = x.targs
        yargs = y.targs
        if xargs is None or yargs is None:
            if xargs is not yargs:
                return False
        else:
            if len(xargs) != len(yargs):
                return False
            for i, xa in enumerate(xargs):
                if not Identical(xa, yargs[i]):
                    return False
        return x.Origin().obj is y.Origin().obj
    if tx is Array:
        assert isinstance(x, Array) and isinstance(y, Array)
        return (x.len < 0 or y.len < 0 or x.len == y.len) and \
            _identical(x.elem, y.elem, ignoreTags, p)
    if tx is Map:
        assert isinstance(x, Map) and isinstance(y, Map)
        return _identical(x.key, y.key, ignoreTags, p) and _identical(x.elem, y.elem, ignoreTags, p)
    if tx is Chan:
        assert isinstance(x, Chan) and isinstance(y, Chan)
        return x.dir == y.dir and _identical(x.elem, y.elem, ignoreTags, p)
    if tx is Struct:
        assert isinstance(x, Struct) and isinstance(y, Struct)
        if len(x.fields) != len(y.fields):
            return False
        for i, f in enumerate(x.fields):
            g = y.fields[i]
            if f.embedded != g.embedded or (not ignoreTags and x.Tag(i) != y.Tag(i)) or \
                    not f.sameId(g.pkg, g.name) or \
                    not _identical(f.Type(), g.Type(), ignoreTags, p):
                return False
        return True
    if tx is Tuple:
        assert isinstance(x, Tuple) and isinstance(y, Tuple)
        if len(x.vars) != len(y.vars):
            return False
        for i, v in enumerate(x.vars):
            if not _identical(v.Type(), y.vars[i].Type(), ignoreTags, p):
                return False
        return True
    if tx is Signature:
        assert isinstance(x, Signature) and isinstance(y, Signature)
        xtp = x.tparams or []
        ytp = y.tparams or []
        if len(xtp) != len(ytp):
            return False
        yparams: Type = y.params
        yresults: Type = y.results
        if xtp:
            from gort.go.types.context import Context
            from gort.go.types.subst import makeSubstMap, subst

            smap = makeSubstMap(ytp, list(xtp))
            ctxt = Context()
            for i, xtparam in enumerate(xtp):
                yb = ytp[i].bound
                assert yb is not None and xtparam.bound is not None
                ybound = subst(None, 0, yb, smap, None, ctxt)
                if not _identical(xtparam.bound, ybound, ignoreTags, p):
                    return False
            yparams = subst(None, 0, y.params, smap, None, ctxt)
            yresults = subst(None, 0, y.results, smap, None, ctxt)
        return x.variadic == y.variadic and _identical(x.params, yparams, ignoreTags, p) and \
            _identical(x.results, yresults, ignoreTags, p)
    if tx is Interface:
        assert isinstance(x, Interface) and isinstance(y, Interface)
        xset = x.typeSet()
        yset = y.typeSet()
        if xset.comparable != yset.comparable:
            return False
        from gort.go.types.termlist import tl_equal

        if not tl_equal(xset.terms, yset.terms):
            return False
        a = xset.methods
        b = yset.methods
        if len(a) != len(b):
            return False
        q = _IfacePair(x, y, p)
        pp = p
        while pp is not None:
            if pp.identical(q):
                return True
            pp = pp.prev
        for i, fm in enumerate(a):
            gm = b[i]
            if fm.Id() != gm.Id() or not _identical(fm.Type(), gm.Type(), ignoreTags, q):
                return False
        return True
    if tx is Union:
        assert isinstance(x, Union) and isinstance(y, Union)
        from gort.go.types.termlist import tl_equal
        from gort.go.types.typeset import computeUnionTypeSet

        xs = computeUnionTypeSet(None, 0, x)
        ys = computeUnionTypeSet(None, 0, y)
        return tl_equal(xs.terms, ys.terms)
    return False


def identicalOrigin(x: Named, y: Named) -> bool:
    return x.Origin().obj is y.Origin().obj


def Default(t: Type) -> Type:
    """The default type of an untyped type (bool, int, rune, float64, ...); t if typed."""
    if type(t) is Basic:
        from gort.go.types.universe import Typ, universeRune

        k = t.kind  # type: ignore[attr-defined]
        if k == 19:
            return Typ[1]
        if k == 20:
            return Typ[2]
        if k == 21:
            return universeRune
        if k == 22:
            return Typ[14]
        if k == 23:
            return Typ[16]
        if k == 24:
            return Typ[17]
    return t


def maxType(x: Type, y: Type) -> Type | None:
    """The larger of two untyped numeric types (int < rune < float < complex)."""
    if x is y:
        return x
    if isUntypedNumeric(x) and isUntypedNumeric(y):
        if x.kind > y.kind:  # type: ignore[attr-defined]
            return x
        return y
    return None


def isValidName(s: str) -> bool:
    for i, ch in enumerate(s):
        if not (ch.isalpha() or ch == "_" or (i > 0 and ch.isdigit())):
            return False
    return True
