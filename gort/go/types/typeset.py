"""Type sets of interfaces (go/types typeset.go).

An interface's type set is the set of types that implement it: those that
have all its methods (`methods`, sorted) and belong to its `terms` (a
termlist; [𝓤] when unrestricted), and, if `comparable` is set, are strictly
comparable. `computeInterfaceTypeSet` flattens embedded interfaces and
unions: methods are unioned (a method embedded twice must have identical
signatures, else "duplicate method"), term lists are intersected.

Invariants: `comparable` implies terms is all (the comparable restriction is
folded into the terms when there are terms); methods are sorted by
object order (exported first, then name, then package path).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go.token import NoPos, Pos
from gort.go.types.errcodes import Code
from gort.go.types.termlist import (
    allTermlist,
    maxTermCount,
    termlist,
    tl_intersect,
    tl_isAll,
    tl_isEmpty,
    tl_String,
    tl_subsetOf,
    tl_union,
)
from gort.go.types.typeterm import term

if TYPE_CHECKING:
    from gort.go.types.check import Checker
    from gort.go.types.interface import Interface
    from gort.go.types.object import Func
    from gort.go.types.package import Package
    from gort.go.types.union import Union


class _TypeSet:
    """The type set of an interface: methods, terms, comparable."""

    __slots__ = ("methods", "terms", "comparable")

    def __init__(self, methods: list[Func] | None = None, terms: termlist | None = None,
                 comparable: bool = False) -> None:
        self.methods: list[Func] = methods if methods is not None else []
        self.terms: termlist = terms if terms is not None else allTermlist
        self.comparable = comparable

    def IsEmpty(self) -> bool:
        return tl_isEmpty(self.terms)

    def IsAll(self) -> bool:
        return not self.comparable and tl_isAll(self.terms) and not self.methods

    def IsMethodSet(self) -> bool:
        return not self.comparable and tl_isAll(self.terms)

    def IsComparable(self, seen: dict[int, bool] | None) -> bool:
        from gort.go.types.predicates import comparableType

        if tl_isAll(self.terms):
            return self.comparable
        if not self.terms:
            return False  # the empty type set
        for t in self.terms:
            if t.typ is None or comparableType(t.typ, False, seen) is not None:
                return False
        return True

    def NumMethods(self) -> int:
        return len(self.methods)

    def Method(self, i: int) -> Func:
        return self.methods[i]

    def LookupMethod(self, pkg: Package | None, name: str, foldCase: bool) -> tuple[int, Func | None]:
        from gort.go.types.lookup import methodIndex

        return methodIndex(self.methods, pkg, name, foldCase)

    def hasTerms(self) -> bool:
        return bool(self.terms) and not tl_isAll(self.terms)

    def subsetOf(self, s2: _TypeSet) -> bool:
        return tl_subsetOf(self.terms, s2.terms)

    def String(self) -> str:
        if self.IsEmpty():
            return "∅"
        if self.IsAll():
            return "𝓤"
        parts: list[str] = []
        if self.comparable:
            parts.append("comparable")
        parts.extend(m.String() for m in self.methods)
        if self.hasTerms():
            parts.append(tl_String(self.terms))
        return "{" + "; ".join(parts) + "}"

    def underIs(self, f: object) -> bool:
        """Whether f(u) holds for the underlying type u of every term (f(None) if none)."""
        from gort.go.types.alias import unalias

        fn = f  # Callable[[Type | None], bool]
        if not self.hasTerms():
            return bool(fn(None))  # type: ignore[operator]
        for t in self.terms:
            assert t.typ is not None
            u = unalias(t.typ)
            if not t.tilde:
                u = u.Underlying()
            if not fn(u):  # type: ignore[operator]
                return False
        return True


topTypeSet = _TypeSet()
invalidTypeSet = _TypeSet()


def _objcmp_key(m: Func) -> tuple[bool, str, str]:
    exported = m.Exported()
    path = m.pkg.path if (m.pkg is not None and not exported) else ""
    return (not exported, m.name, path)


def sortMethods(lst: list[Func]) -> None:
    lst.sort(key=_objcmp_key)


def computeInterfaceTypeSet(check: Checker | None, pos: Pos, ityp: Interface) -> _TypeSet:
    """Compute (once) and return the type set of ityp."""
    from gort.go.types.basic import Basic
    from gort.go.types.interface import Interface
    from gort.go.types.predicates import Identical
    from gort.go.types.typeparam import TypeParam
    from gort.go.types.union import Union
    from gort.go.types.version import go1_14, go1_18

    if ityp.tset is not None:
        return ityp.tset
    if not ityp.complete:
        return topTypeSet
    tset = _TypeSet()
    ityp.tset = tset  # break cycles (invalid ones are reported elsewhere)
    if check is None:
        check = ityp.check

    seen: dict[str, Func] = {}
    allMethods: list[Func] = []
    mpos: dict[int, Pos] = {}

    def addMethod(pos: Pos, m: Func, explicit: bool) -> None:
        other = seen.get(m.Id())
        if other is None:
            seen[m.Id()] = m
            allMethods.append(m)
            mpos[id(m)] = pos
            return
        if check is None:
            return
        c = check
        opos = mpos.get(id(other), NoPos)
        if explicit:
            err = c.newError(Code.DuplicateDecl)
            err.addf(pos, "duplicate method %s", m.name)
            err.addf(opos, "other declaration of method %s", m.name)
            err.report()
            return

        def later() -> None:
            if (pos and not c.allowVersion(go1_14)) or not Identical(m.Type(), other.Type()):
                err = c.newError(Code.DuplicateDecl)
                err.addf(pos, "duplicate method %s", m.name)
                err.addf(opos, "other declaration of method %s", m.name)
                err.report()

        c.later(later)

    for m in ityp.methods:
        addMethod(m.pos, m, True)

    allTerms: termlist = allTermlist
    allComparable = False
    for i, typ in enumerate(ityp.embeddeds):
        epos: Pos = NoPos
        if ityp.embedPos is not None and i < len(ityp.embedPos):
            epos = ityp.embedPos[i]
        comparable = False
        u = typ.Underlying()
        if isinstance(u, Interface):
            if isinstance(typ, TypeParam):
                continue
            ts = computeInterfaceTypeSet(check, epos, u)
            if epos and check is not None and check.isImportedConstraint(typ) and \
                    not check.verifyVersionf(epos, go1_18, "embedding constraint interface %s", typ):
                continue
            comparable = ts.comparable
            for m in ts.methods:
                addMethod(epos, m, False)
            terms = ts.terms
        elif isinstance(u, Union):
            if epos and check is not None and \
                    not check.verifyVersionf(epos, go1_18, "embedding interface element %s", u):
                continue
            uts = computeUnionTypeSet(check, epos, u)
            if uts is invalidTypeSet:
                continue
            terms = uts.terms
        else:
            if isinstance(u, Basic) and u.kind == 0:
                continue
            if epos and check is not None and \
                    not check.verifyVersionf(epos, go1_18, "embedding non-interface type %s", typ):
                continue
            terms = [term(False, typ)]
        allTerms, allComparable = intersectTermLists(allTerms, allComparable, terms, comparable)

    tset.comparable = allComparable
    if allMethods:
        sortMethods(allMethods)
        tset.methods = allMethods
    tset.terms = allTerms
    return tset


def intersectTermLists(xterms: termlist, xcomp: bool, yterms: termlist,
                       ycomp: bool) -> tuple[termlist, bool]:
    from gort.go.types.predicates import comparableType

    terms = tl_intersect(xterms, yterms)
    comp = xcomp or ycomp
    if comp and not tl_isAll(terms):
        terms = [t for t in terms if t.typ is not None and comparableType(t.typ, False, None) is None]
        if not tl_isAll(terms):
            comp = False
    return terms, comp


_unionSets: dict[int, tuple[Union, _TypeSet]] = {}


def computeUnionTypeSet(check: Checker | None, pos: Pos, utyp: Union) -> _TypeSet:
    """The type set of a union (memoized per Union)."""
    from gort.go.types.basic import Basic
    from gort.go.types.interface import Interface
    from gort.go.types.predicates import Identical

    cached = _unionSets.get(id(utyp))
    if cached is not None and cached[0] is utyp:
        return cached[1]
    ts = _TypeSet()
    _unionSets[id(utyp)] = (utyp, ts)
    allTerms: termlist = []
    for t in utyp.terms:
        u = t.typ.Underlying()
        if isinstance(u, Interface):
            terms = computeInterfaceTypeSet(check, pos, u).terms
        elif isinstance(u, Basic) and u.kind == 0:
            continue
        else:
            if t.tilde and not Identical(t.typ, u):
                terms = []
            else:
                terms = [term(t.tilde, t.typ)]
        allTerms = tl_union(allTerms, terms)
        if len(allTerms) > maxTermCount:
            if check is not None:
                check.errorf(pos, Code.InvalidUnion,
                             "cannot handle more than %d union terms (implementation limitation)",
                             maxTermCount)
            _unionSets[id(utyp)] = (utyp, invalidTypeSet)
            return invalidTypeSet
    ts.terms = allTerms
    return ts
