"""Instance deduplication (go/types context.go).

A `Context` remembers the instances it has created, so that instantiating
the same generic type (or function) with identical type arguments twice
yields the same object. That makes `Identical` on instances an `is` test in
the common case and breaks infinite expansion of recursive generic types.

Structure: `instances[id(orig)]` is a list of (orig, targs, instance); a
lookup scans that short list comparing type arguments with Identical.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gort.go.types.type import Type


class Context:
    """A cache of generic instances, keyed by origin and type arguments."""

    __slots__ = ("instances", "originIDs")

    def __init__(self) -> None:
        self.instances: dict[int, list[tuple[Type, list[Type], Type]]] = {}
        self.originIDs: dict[int, int] = {}

    def instanceHash(self, orig: Type, targs: list[Type]) -> int:
        """The bucket key for (orig, targs): orig's identity."""
        return id(orig)

    def lookup(self, h: int, orig: Type, targs: list[Type]) -> Type | None:
        from gort.go.types.predicates import Identical

        for o, ta, inst in self.instances.get(h, ()):
            if o is not orig or len(ta) != len(targs):
                continue
            for i, a in enumerate(ta):
                if a is not targs[i] and not Identical(a, targs[i]):
                    break
            else:
                return inst
        return None

    def update(self, h: int, orig: Type, targs: list[Type], inst: Type) -> Type:
        """Record inst unless an identical instance exists; return the one to use."""
        found = self.lookup(h, orig, targs)
        if found is not None:
            return found
        self.instances.setdefault(h, []).append((orig, list(targs), inst))
        return inst


def NewContext() -> Context:
    return Context()
