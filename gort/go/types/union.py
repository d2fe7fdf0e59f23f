"""Unions (go/types union.go): `A | ~B | C` in constraint interfaces.

A `Union` is a list of `Term`s (tilde, type). Unions only appear as embedded
elements of interfaces; their type set is the union of their terms' sets.
`check.parseUnion` (in this module) builds one from a binary | expression
and validates it later (no overlapping terms, no interfaces with methods,
no comparable, ~T only for T its own underlying type).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast, token
from gort.go.types.type import Type

if TYPE_CHECKING:
    from gort.go.types.check import Checker


class Term:
    """One term of a union: ~typ if tilde, else typ."""

    __slots__ = ("tilde", "typ")

    def __init__(self, tilde: bool, typ: Type) -> None:
        self.tilde = tilde
        self.typ = typ

    def Tilde(self) -> bool:
        return self.tilde

    def Type(self) -> Type:
        return self.typ

    def String(self) -> str:
        return ("~" if self.tilde else "") + self.typ.String()


class Union(Type):
    """term0 | term1 | ..."""

    __slots__ = ("terms",)

    def __init__(self, terms: list[Term]) -> None:
        self.terms = terms

    def Len(self) -> int:
        return len(self.terms)

    def Term(self, i: int) -> Term:
        return self.terms[i]


def NewTerm(tilde: bool, typ: Type) -> Term:
    return Term(tilde, typ)


def NewUnion(terms: list[Term]) -> Union:
    return Union(terms)


# -- checking unions


def parseUnion(check: Checker, uexpr: ast.Expr) -> Type:
    from gort.go.types.errcodes import Code
    from gort.go.types.interface import Interface
    from gort.go.types.operand import typexpr
    from gort.go.types.predicates import Identical, IsInterface, isValid
    from gort.go.types.termlist import maxTermCount
    from gort.go.types.typeterm import term, term_disjoint
    from gort.go.types.universe import Typ, universeComparable

    blist: list[ast.Expr] = []
    tlist: list[ast.Expr] = []
    x = uexpr
    stack: list[ast.BinaryExpr] = []
    while isinstance(x, ast.BinaryExpr) and x.Op == token.OR:
        stack.append(x)
        x = x.X
    tlist.append(x)
    for b in reversed(stack):
        blist.append(b)
        tlist.append(b.Y)
    terms: list[Term] = []
    u: Type | None = None
    for i, tx in enumerate(tlist):
        t = parseTilde(check, tx)
        if len(tlist) == 1 and not t.tilde:
            return t.typ
        if len(terms) >= maxTermCount:
            if u is not None and isValid(u):
                check.errorf(tx, Code.InvalidUnion,
                             "cannot handle more than %d union terms (implementation limitation)",
                             maxTermCount)
                u = Typ[0]
        else:
            terms.append(t)
            u = Union(terms)
        if i > 0:
            assert u is not None
            check.recordTypeAndValue(blist[i - 1], typexpr, u, None)
    assert u is not None
    if not isValid(u):
        return u

    def later() -> None:
        for i, t in enumerate(terms):
            if not isValid(t.typ):
                continue
            uu = t.typ.Underlying()
            f = uu if isinstance(uu, Interface) else None
            if t.tilde:
                if f is not None:
                    check.errorf(tlist[i], Code.InvalidUnion, "invalid use of ~ (%s is an interface)",
                                 t.typ)
                    continue
                if not Identical(uu, t.typ):
                    check.errorf(tlist[i], Code.InvalidUnion,
                                 "invalid use of ~ (underlying type of %s is %s)", t.typ, uu)
                    continue
            if f is not None:
                tset = f.typeSet()
                if tset.methods:
                    check.errorf(tlist[i], Code.InvalidUnion,
                                 "cannot use %s in union (%s contains methods)", t.String(),
                                 t.String())
                elif t.typ is universeComparable:
                    check.error(tlist[i], Code.InvalidUnion, "cannot use comparable in union")
                elif tset.comparable:
                    check.errorf(tlist[i], Code.InvalidUnion,
                                 "cannot use %s in union (%s embeds comparable)", t.String(),
                                 t.String())
                continue
            for j, x2 in enumerate(terms[:i]):
                if IsInterface(x2.typ):
                    continue
                if not term_disjoint(term(x2.tilde, x2.typ), term(t.tilde, t.typ)):
                    check.softErrorf(tlist[i], Code.InvalidUnion, "overlapping terms %s and %s",
                                     t.String(), terms[j].String())
                    break

    check.later(later)
    return u


def parseTilde(check: Checker, tx: ast.Expr) -> Term:
    from gort.go.types.errcodes import Code
    from gort.go.types.operand import typexpr
    from gort.go.types.predicates import isTypeParam
    from gort.go.types.universe import Typ

    x = tx
    tilde = False
    if isinstance(x, ast.UnaryExpr) and x.Op == token.TILDE:
        x = x.X
        tilde = True
    typ = check.typ(x)
    if isTypeParam(typ):
        if tilde:
            check.errorf(x, Code.MisplacedTypeParam, "type in term %s cannot be a type parameter", tx)
        else:
            check.error(x, Code.MisplacedTypeParam, "term cannot be a type parameter")
        typ = Typ[0]
    t = Term(tilde, typ)
    if tilde:
        check.recordTypeAndValue(tx, typexpr, Union([t]), None)
    return t
