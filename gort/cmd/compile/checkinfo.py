"""What the front end guarantees, as the compiler reads it.

`types.Info` leaves a map None when its maker did not ask for it to be
recorded. The compiler needs every one of them, and the loader always
makes a full `types.Info()`; `CheckInfo` is a view of such an Info with
the maps typed as present. It shares the Info's dicts (nothing is
copied), so whatever the checker recorded is what the compiler sees.

`clausesOf` gives the clauses of a switch, type switch or select body with
the type the parser guarantees (ast.BlockStmt holds any statements), and
`identsOf` the left-hand side of a `:=`, which the checker allows to hold
only identifiers (ast.AssignStmt holds any expressions).

Differences from Go: none; cmd/compile has its own IR instead.
"""

from __future__ import annotations

from typing import TypeVar

from gort.cmd.compile import gotypes as types
from gort.go import ast


class CheckInfo:
    """The maps of a types.Info that recorded everything."""

    __slots__ = ("Types", "Instances", "Defs", "Uses", "Implicits", "Selections", "InitOrder")

    def __init__(self, info: types.Info) -> None:
        """info was made by types.Info() (all maps recorded); raises ValueError otherwise."""
        if (info.Types is None or info.Instances is None or info.Defs is None or info.Uses is None
                or info.Implicits is None or info.Selections is None):
            raise ValueError("gort: the compiler needs a types.Info that records every map")
        self.Types: dict[ast.Expr, types.TypeAndValue] = info.Types
        self.Instances: dict[ast.Ident, types.Instance] = info.Instances
        self.Defs: dict[ast.Ident, types.Object | None] = info.Defs
        self.Uses: dict[ast.Ident, types.Object] = info.Uses
        self.Implicits: dict[ast.Node, types.Object] = info.Implicits
        self.Selections: dict[ast.SelectorExpr, types.Selection] = info.Selections
        self.InitOrder: list[types.Initializer] = info.InitOrder


C = TypeVar("C", ast.CaseClause, ast.CommClause)


def clausesOf(body: ast.BlockStmt, kind: type[C]) -> list[C]:
    """The clauses of a switch or type switch (CaseClause) or select (CommClause) body."""
    out: list[C] = []
    for c in body.List:
        assert isinstance(c, kind)  # the parser puts nothing else there
        out.append(c)
    return out


def identsOf(lhs: list[ast.Expr]) -> list[ast.Ident]:
    """The left-hand side of a short variable declaration (:=)."""
    out: list[ast.Ident] = []
    for x in lhs:
        assert isinstance(x, ast.Ident)  # the checker reports anything else
        out.append(x)
    return out
