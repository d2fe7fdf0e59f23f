"""Tuples (go/types tuple.go): ordered lists of variables, the parameter and
result lists of signatures and the type of multi-valued expressions.

An empty tuple is a Tuple with no vars (Go uses a nil *Tuple); `Len()` is 0
for both, and `EmptyTuple` is shared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go.types.type import Type

if TYPE_CHECKING:
    from gort.go.types.object import Var


class Tuple(Type):
    """(v0, v1, ...)."""

    __slots__ = ("vars",)

    def __init__(self, vars: list[Var] | None = None) -> None:
        self.vars: list[Var] = vars if vars is not None else []

    def Len(self) -> int:
        return len(self.vars)

    def At(self, i: int) -> Var:
        return self.vars[i]

    def Variables(self) -> list[Var]:
        return self.vars


def NewTuple(*x: Var) -> Tuple:
    return Tuple(list(x))


EmptyTuple = Tuple()
