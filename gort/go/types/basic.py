"""Basic types (go/types basic.go): the predeclared boolean, numeric and string
types, unsafe.Pointer, and the untyped kinds of constants and nil.

`BasicKind` numbers the kinds as go/types does; `BasicInfo` is a bit set of
properties (`IsInteger`, `IsUntyped`, ...). The universe holds exactly one
`Basic` per kind (`Typ[kind]`), plus the aliases `byte` and `rune` whose
Basic objects carry their own names but the kinds Uint8 and Int32.

Invariants: a Basic is immutable; two Basics are identical iff their kinds
are equal (byte and uint8 are the same type).
"""

from __future__ import annotations

import enum

from gort.go.types.type import Type


class BasicKind(enum.IntEnum):
    """The kind of a basic type."""

    Invalid = 0
    Bool = 1
    Int = 2
    Int8 = 3
    Int16 = 4
    Int32 = 5
    Int64 = 6
    Uint = 7
    Uint8 = 8
    Uint16 = 9
    Uint32 = 10
    Uint64 = 11
    Uintptr = 12
    Float32 = 13
    Float64 = 14
    Complex64 = 15
    Complex128 = 16
    String = 17
    UnsafePointer = 18
    UntypedBool = 19
    UntypedInt = 20
    UntypedRune = 21
    UntypedFloat = 22
    UntypedComplex = 23
    UntypedString = 24
    UntypedNil = 25
    Byte = 8
    Rune = 5


# Plain-int copies of the kinds, for speed in the checker's hot paths.
Invalid = 0
Bool = 1
Int = 2
Int8 = 3
Int16 = 4
Int32 = 5
Int64 = 6
Uint = 7
Uint8 = 8
Uint16 = 9
Uint32 = 10
Uint64 = 11
Uintptr = 12
Float32 = 13
Float64 = 14
Complex64 = 15
Complex128 = 16
String = 17
UnsafePointer = 18
UntypedBool = 19
UntypedInt = 20
UntypedRune = 21
UntypedFloat = 22
UntypedComplex = 23
UntypedString = 24
UntypedNil = 25
Byte = 8
Rune = 5

# BasicInfo flags
IsBoolean = 1 << 0
IsInteger = 1 << 1
IsUnsigned = 1 << 2
IsFloat = 1 << 3
IsComplex = 1 << 4
IsString = 1 << 5
IsUntyped = 1 << 6
IsOrdered = IsInteger | IsFloat | IsString
IsNumeric = IsInteger | IsFloat | IsComplex
IsConstType = IsBoolean | IsNumeric | IsString

BasicInfo = int


class Basic(Type):
    """A predeclared type (or an untyped constant's type)."""

    __slots__ = ("kind", "info", "name")

    def __init__(self, kind: int, info: int, name: str) -> None:
        self.kind = kind  # BasicKind value
        self.info = info  # BasicInfo flags
        self.name = name  # "int", "untyped float", "byte", ...

    def Kind(self) -> BasicKind:
        return BasicKind(self.kind)

    def Info(self) -> int:
        return self.info

    def Name(self) -> str:
        return self.name

    def Underlying(self) -> Type:
        return self

    def String(self) -> str:
        if self.kind == UnsafePointer:
            return "unsafe.Pointer"
        return self.name
