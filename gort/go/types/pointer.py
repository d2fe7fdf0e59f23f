"""Pointer types (go/types pointer.go): *T."""

from __future__ import annotations

from gort.go.types.type import Type


class Pointer(Type):
    """*base."""

    __slots__ = ("base",)

    def __init__(self, base: Type) -> None:
        self.base = base  # the pointed-to type

    def Elem(self) -> Type:
        return self.base


def NewPointer(elem: Type) -> Pointer:
    return Pointer(elem)
