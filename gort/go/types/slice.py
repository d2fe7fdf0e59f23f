"""Slice types (go/types slice.go): []T."""

from __future__ import annotations

from gort.go.types.type import Type


class Slice(Type):
    """[]elem."""

    __slots__ = ("elem",)

    def __init__(self, elem: Type) -> None:
        self.elem = elem

    def Elem(self) -> Type:
        return self.elem


def NewSlice(elem: Type) -> Slice:
    return Slice(elem)
