"""Term lists (go/types termlist.go): a type set as a union of terms.

A termlist is a Python list of `term`s meaning their union; [] is the empty
set and `allTermlist` ([𝓤]) the set of all types. `norm` rewrites a list so
that its terms are pairwise disjoint, which every other operation assumes
of its result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go.types.typeterm import (
    Term,
    term,
    term_disjoint,
    term_includes,
    term_intersect,
    term_subsetOf,
    term_union,
)

if TYPE_CHECKING:
    from gort.go.types.type import Type

termlist = list[term]

allTermlist: termlist = [term(False, None)]

# Implementation limit on the number of terms of a union, as go/types.
maxTermCount = 100


def tl_String(xl: termlist) -> str:
    if not xl:
        return "∅"
    return " | ".join(x.String() for x in xl)


def tl_isEmpty(xl: termlist) -> bool:
    return not xl


def tl_isAll(xl: termlist) -> bool:
    for x in xl:
        if x.typ is None:
            return True
    return False


def tl_norm(xl: termlist) -> termlist:
    used = [False] * len(xl)
    rl: termlist = []
    for i, xi in enumerate(xl):
        if used[i]:
            continue
        cur: Term = xi
        for j in range(i + 1, len(xl)):
            if used[j]:
                continue
            xj = xl[j]
            if cur is None or xj is None:
                continue
            if cur.typ is None or xj.typ is None:
                return list(allTermlist)
            if not term_disjoint(cur, xj):
                u1, _ = term_union(cur, xj)
                used[j] = True
                cur = u1
        if cur is not None:
            rl.append(cur)
    return rl


def tl_union(xl: termlist, yl: termlist) -> termlist:
    return tl_norm(xl + yl)


def tl_intersect(xl: termlist, yl: termlist) -> termlist:
    if not xl or not yl:
        return []
    rl: termlist = []
    for x in xl:
        for y in yl:
            r = term_intersect(x, y)
            if r is not None:
                rl.append(r)
    return tl_norm(rl)


def tl_includes(xl: termlist, t: Type) -> bool:
    for x in xl:
        if term_includes(x, t):
            return True
    return False


def tl_supersetOf(xl: termlist, y: Term) -> bool:
    for x in xl:
        if term_subsetOf(y, x):
            return True
    return False


def tl_subsetOf(xl: termlist, yl: termlist) -> bool:
    if not yl:
        return not xl
    for x in xl:
        if not tl_supersetOf(yl, x):
            return False
    return True


def tl_equal(xl: termlist, yl: termlist) -> bool:
    return tl_subsetOf(xl, yl) and tl_subsetOf(yl, xl)


_ = (term_includes, term_intersect)
