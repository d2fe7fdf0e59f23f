"""Map types (go/types map.go): map[K]V."""

from __future__ import annotations

from gort.go.types.type import Type


class Map(Type):
    """map[key]elem."""

    __slots__ = ("key", "elem")

    def __init__(self, key: Type, elem: Type) -> None:
        self.key = key
        self.elem = elem

    def Key(self) -> Type:
        return self.key

    def Elem(self) -> Type:
        return self.elem


def NewMap(key: Type, elem: Type) -> Map:
    return Map(key, elem)
