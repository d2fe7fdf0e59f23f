"""Instantiation of generic types and functions (go/types instantiate.go).

`instance(check, pos, orig, targs, expanding, ctxt)` returns the instance of
a generic Named, Alias or Signature for the given type arguments, shared
through the Context (and through the context of the instance being
expanded, which stops infinite expansion of recursive generic types).
Named instances are expanded lazily (named.py); signatures are substituted
at once.

`verify` checks type arguments against their constraints; `implements(V,
T, constraint)` is the spec's implements/satisfies relation with gc's
causes ("T does not satisfy comparable", "int does not satisfy ~string
(possibly missing ~ for string in ...)", "missing method M" ...).
`Instantiate`, `Implements`, `Satisfies`, `AssignableTo`, `ConvertibleTo`
are the API versions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go.types.alias import Alias
from gort.go.types.errcodes import Code
from gort.go.types.interface import Interface
from gort.go.types.named import Named
from gort.go.types.object import TypeName
from gort.go.types.pointer import Pointer
from gort.go.types.predicates import Identical, comparableType, isValid
from gort.go.types.signature import Signature
from gort.go.types.typeterm import term, term_includes
from gort.go.types.union import Union
from gort.go.types.universe import Typ
from gort.go.types.version import go1_20

if TYPE_CHECKING:
    from gort.go.token import Pos
    from gort.go.types.check import Checker
    from gort.go.types.context import Context
    from gort.go.types.type import Type
    from gort.go.types.typeparam import TypeParam


def Instantiate(ctxt: Context | None, orig: Type, targs: list[Type], validate: bool) -> Type:
    """The instance of generic orig for targs; raises ValueError if invalid."""
    from gort.go.types.context import Context

    if ctxt is None:
        ctxt = Context()
    if validate:
        tparams = _tparams(orig)
        if not tparams:
            raise ValueError(f"cannot instantiate non-generic {orig}: has no type parameters")
        if len(targs) != len(tparams):
            raise ValueError(f"cannot instantiate {orig}: got {len(targs)} type arguments but have "
                             f"{len(tparams)} type parameters")
        i, err = verify(None, 0, tparams, targs, ctxt)
        if err:
            raise ValueError(err)
    return checker_instance(None, 0, orig, targs, None, ctxt)


def _tparams(t: Type) -> list[TypeParam]:
    if isinstance(t, Named):
        return t.TypeParams()
    if isinstance(t, (Alias, Signature)):
        return t.tparams or []
    return []


def checker_instance(check: Checker | None, pos: Pos, orig: Type, targs: list[Type],
                     expanding: Named | None, ctxt: Context | None) -> Type:
    from gort.go.types.subst import makeSubstMap, subst
    ctxts: list[Context] = []
    if expanding is not None and expanding.ctxt is not None:
        ctxts.append(expanding.ctxt)
    if ctxt is not None:
        ctxts.append(ctxt)
    if not ctxts and check is not None:
        ctxts.append(check.context())
    for c in ctxts:
        inst = c.lookup(id(orig), orig, targs)
        if inst is not None:
            for c2 in reversed(ctxts):
                inst = c2.update(id(orig), orig, targs, inst)
            return inst
    res: Type
    if isinstance(orig, Named):
        obj = TypeName(pos, orig.obj.pkg, orig.obj.name, None)
        n = Named(obj)
        n.orig = orig
        n.targs = list(targs)
        n.check = check if check is not None else orig.check
        if expanding is not None and expanding.Obj().pkg is obj.pkg:
            n.ctxt = expanding.ctxt
        res = n
    elif isinstance(orig, Alias):
        tparams = orig.tparams or []
        if not validateTArgLen(check, pos, orig.obj.name, len(tparams), len(targs)):
            return Typ[0]
        if not tparams:
            return orig
        a = Alias(TypeName(pos, orig.obj.pkg, orig.obj.name, None), None)
        a.orig = orig
        a.targs = list(targs)
        rhs = orig.fromRHS if orig.fromRHS is not None else Typ[0]
        a.fromRHS = subst(check, pos, rhs, makeSubstMap(tparams, targs), expanding, ctxt)
        res = a
    elif isinstance(orig, Signature):
        tparams = orig.tparams or []
        if not validateTArgLen(check, pos, orig.String(), len(tparams), len(targs)):
            return Typ[0]
        if not tparams:
            return orig
        sig = subst(check, pos, orig, makeSubstMap(tparams, targs), None, ctxt)
        assert isinstance(sig, Signature)
        if sig is orig:
            s2 = Signature(sig.recv, sig.params, sig.results, sig.scope, sig.variadic)
            sig = s2
        else:
            sig = Signature(sig.recv, sig.params, sig.results, sig.scope, sig.variadic)
        sig.tparams = None
        sig.rparams = orig.rparams
        res = sig
    else:
        raise ValueError(f"cannot instantiate {orig}")
    for c in reversed(ctxts):
        res = c.update(id(orig), orig, targs, res)
    return res


def validateTArgLen(check: Checker | None, pos: Pos, name: str, want: int, got: int) -> bool:
    if got < want:
        qual = "not enough"
    elif got > want:
        qual = "too many"
    else:
        return True
    msg = f"{qual} type arguments for type {name}: have {got}, want {want}"
    if check is not None:
        check.error(pos, Code.WrongTypeArgCount, msg)
        return False
    raise ValueError(msg)


def verify(check: Checker | None, pos: Pos, tparams: list[TypeParam], targs: list[Type],
           ctxt: Context | None) -> tuple[int, str]:
    """(-1, "") if every targ satisfies its constraint, else (index, cause)."""
    from gort.go.types.subst import makeSubstMap, subst

    smap = makeSubstMap(tparams, targs)
    for i, tpar in enumerate(tparams):
        tpar.iface()
        assert tpar.bound is not None
        bound = subst(check, pos, tpar.bound, smap, None, ctxt)
        cause = [""]
        if not checker_implements(check, targs[i], bound, True, cause):
            return i, cause[0]
    return -1, ""


def _sprintf(check: Checker | None, fmt: str, *args: object) -> str:
    from gort.go.types.format import sprintf

    if check is not None:
        return check.sprintf(fmt, *args)
    return sprintf(None, False, fmt, *args)


def checker_implements(check: Checker | None, V: Type, T: Type, constraint: bool,
                       cause: list[str] | None) -> bool:
    from gort.go.types.lookup import hasAllMethods, interfacePtrError, isInterfacePtr

    Vu = V.Underlying()
    Tu = T.Underlying()
    if not isValid(Vu) or not isValid(Tu):
        return True
    if isinstance(Vu, Pointer) and not isValid(Vu.base.Underlying()):
        return True
    verb = "satisfy" if constraint else "implement"
    if not isinstance(Tu, Interface):
        if cause is not None:
            if isInterfacePtr(Tu):
                detail = interfacePtrError(check, T)
            else:
                detail = _sprintf(check, "%s is not an interface", T)
            cause[0] = _sprintf(check, "%s does not %s %s (%s)", V, verb, T, detail)
        return False
    Ti = Tu
    tts = Ti.typeSet()
    if tts.IsAll():
        return True
    Vi = Vu if isinstance(Vu, Interface) else None
    if Vi is not None and Vi.typeSet().IsEmpty():
        return True
    if tts.IsEmpty():
        if cause is not None:
            cause[0] = _sprintf(check, "cannot %s %s (empty type set)", verb, T)
        return False
    if not hasAllMethods(check, V, T, True, Identical, cause):
        if cause is not None:
            cause[0] = _sprintf(check, "%s does not %s %s %s", V, verb, T, cause[0])
        return False

    def checkComparability() -> bool:
        if not tts.IsComparable(None):
            return True
        if comparableType(V, False, None) is None:
            return True
        if constraint and comparableType(V, True, None) is None:
            if check is None or check.allowVersion(go1_20):
                return True
            if cause is not None:
                cause[0] = _sprintf(check, "%s to %s comparable requires go1.20 or later", V, verb)
            return False
        if cause is not None:
            cause[0] = _sprintf(check, "%s does not %s comparable", V, verb)
        return False

    if not tts.hasTerms():
        return checkComparability()
    if Vi is not None:
        if not Vi.typeSet().subsetOf(tts):
            if cause is not None:
                cause[0] = _sprintf(check, "%s does not %s %s", V, verb, T)
            return False
        return checkComparability()
    alt: Type | None = None
    for t in tts.terms:
        if term_includes(t, V):
            break
        if alt is None and not t.tilde and t.typ is not None and Identical(t.typ, t.typ.Underlying()):
            if term_includes(term(True, t.typ), V):
                alt = t.typ
    else:
        if cause is not None:
            if alt is not None:
                detail = _sprintf(check, "possibly missing ~ for %s in %s", alt, T)
            elif mentions(Ti, V):
                detail = _sprintf(check, "%s mentions %s, but %s is not in the type set of %s", T,
                                  V, V, T)
            else:
                from gort.go.types.termlist import tl_String

                detail = _sprintf(check, "%s missing in %s", V, tl_String(tts.terms))
            cause[0] = _sprintf(check, "%s does not %s %s (%s)", V, verb, T, detail)
        return False
    return checkComparability()


def mentions(T: Type, typ: Type) -> bool:
    if isinstance(T, Interface):
        for e in T.embeddeds:
            if mentions(e, typ):
                return True
        return False
    if isinstance(T, Union):
        for t in T.terms:
            if mentions(t.typ, typ):
                return True
        return False
    return Identical(T, typ)


def checkComparability(check: Checker, V: Type) -> bool:
    return comparableType(V, False, None) is None


# -- API predicates (go/types api_predicates.go)


def AssignableTo(V: Type, T: Type) -> bool:
    from gort.go.types.operand import operand, value

    x = operand()
    x.mode = value
    x.typ = V
    ok, _ = x.assignableTo(None, T, None)
    return ok


def ConvertibleTo(V: Type, T: Type) -> bool:
    from gort.go.types.conversions import convertibleTo
    from gort.go.types.operand import operand, value

    x = operand()
    x.mode = value
    x.typ = V
    return convertibleTo(x, None, T, None)


def Implements(V: Type, T: Interface) -> bool:
    if T.typeSet().IsEmpty():
        return False
    if not T.IsMethodSet():
        return False
    return checker_implements(None, V, T, False, None)


def Satisfies(V: Type, T: Interface) -> bool:
    return checker_implements(None, V, T, True, None)


def AssertableTo(V: Interface, T: Type) -> bool:
    from gort.go.types.lookup import assertableTo
    from gort.go.types.predicates import isTypeParam

    if isTypeParam(T):
        return False
    return assertableTo(None, V, T, None)
