"""Scopes (go/types scope.go): the tree of blocks that map names to objects.

A `Scope` holds `elems` (name -> Object), its `parent` and `children`, and the
source extent [pos, end) of its block. Lookup walks from a scope towards the
universe; `LookupParent(name, pos)` only sees objects whose scope starts at
or before `pos` (a local variable is not visible before its declaration
ends), which is how the checker resolves names in function literals that are
checked after the surrounding statements.

Invariants: a name appears at most once in a scope; the universe is the
root; package scopes have the universe as parent; file scopes have the
package scope as parent (but the package scope does not list them as
children... it does here, for Info.Scopes users walking the tree).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go.token import NoPos

if TYPE_CHECKING:
    from gort.go.types.object import Object


class Scope:
    """A lexical block's name table."""

    __slots__ = ("parent", "children", "number", "elems", "pos", "end", "comment", "isFunc")

    def __init__(self, parent: Scope | None, pos: int, end: int, comment: str) -> None:
        self.parent = parent
        self.children: list[Scope] = []
        self.number = 0  # parent.children[number-1] is this scope; 0 if no parent
        self.elems: dict[str, Object] = {}
        self.pos = pos  # scope extent; may be NoPos
        self.end = end
        self.comment = comment  # for debugging only
        self.isFunc = False  # set for function scopes (the signature's scope)
        if parent is not None and parent is not _universe_holder[0]:
            parent.children.append(self)
            self.number = len(parent.children)

    def Parent(self) -> Scope | None:
        return self.parent

    def Len(self) -> int:
        return len(self.elems)

    def Names(self) -> list[str]:
        return sorted(self.elems)

    def NumChildren(self) -> int:
        return len(self.children)

    def Child(self, i: int) -> Scope:
        return self.children[i]

    def Lookup(self, name: str) -> Object | None:
        return self.elems.get(name)

    def LookupParent(self, name: str, pos: int = NoPos) -> tuple[Scope | None, Object | None]:
        """The innermost scope (from self outward) declaring name, and the object.

        If pos is valid, only objects declared at or before pos count.
        """
        s: Scope | None = self
        while s is not None:
            obj = s.elems.get(name)
            if obj is not None and (not pos or obj.scopePos_ <= pos):
                return s, obj
            s = s.parent
        return None, None

    def Insert(self, obj: Object) -> Object | None:
        """Insert obj unless its name is taken; returns the existing object if so."""
        name = obj.name
        alt = self.elems.get(name)
        if alt is not None:
            return alt
        self.elems[name] = obj
        if obj.parent is None:
            obj.parent = self
        return None

    def insert(self, name: str, obj: Object) -> None:
        self.elems[name] = obj

    def Pos(self) -> int:
        return self.pos

    def End(self) -> int:
        return self.end

    def Contains(self, pos: int) -> bool:
        return self.pos <= pos < self.end

    def Innermost(self, pos: int) -> Scope | None:
        if self.Contains(pos) or self.parent is None or self.pos == NoPos:
            for c in self.children:
                r = c.Innermost(pos)
                if r is not None:
                    return r
            if self.Contains(pos):
                return self
        return None

    def String(self) -> str:
        lines = [f"{self.comment} scope {id(self):#x} {{"]
        for name in self.Names():
            lines.append(f".  {self.elems[name]}")
        lines.append("}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"<Scope {self.comment}>"


def NewScope(parent: Scope | None, pos: int, end: int, comment: str) -> Scope:
    return Scope(parent, pos, end, comment)


# The universe scope registers itself here so that it does not collect
# every package scope as a child (go/types does the same).
_universe_holder: list[Scope | None] = [None]
