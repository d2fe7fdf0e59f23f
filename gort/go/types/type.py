"""The Type interface of go/types: the root of all type representations.

Every type is an instance of a subclass of `Type` (Basic, Pointer, Slice,
Array, Map, Chan, Struct, Tuple, Signature, Interface, Union, Named,
TypeParam, Alias). `Underlying()` is the spec's underlying type: itself for
type literals and basic types, the declared type for Named types (memoized),
the constraint interface for type parameters, and the aliased type's
underlying type for aliases.

Invariants:
  * Types are immutable once the checker has finished with them (Named and
    Interface are completed lazily but only ever grow towards their final
    state).
  * `Underlying()` never returns a Named, Alias or TypeParam.

Differences from Go: `String()` and `__str__` both print the type as
go/types' TypeString with no qualifier.
"""

from __future__ import annotations


class Type:
    """A Go type."""

    __slots__ = ()

    def Underlying(self) -> Type:
        """The underlying type (self for type literals)."""
        return self

    def String(self) -> str:
        from gort.go.types.typestring import TypeString

        return TypeString(self, None)

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.String()}>"
