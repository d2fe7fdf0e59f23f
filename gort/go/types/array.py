"""Array types (go/types array.go): [N]T; a length of -1 means unknown."""

from __future__ import annotations

from gort.go.types.type import Type


class Array(Type):
    """[len]elem."""

    __slots__ = ("len", "elem")

    def __init__(self, elem: Type, len: int) -> None:
        self.len = len  # number of elements; -1 if unknown (after an error)
        self.elem = elem

    def Len(self) -> int:
        return self.len

    def Elem(self) -> Type:
        return self.elem


def NewArray(elem: Type, len: int) -> Array:
    return Array(elem, len)
