"""Equality of Go values in memory (alg.go): the `equal` of each type descriptor.

The linker builds each comparable type's equal function from the
compiler's description ("eq"): memory equality for plain bytes, float
equality (NaN != NaN, +0 == -0), strings by content, interfaces by dynamic
type then value, structs field by field, arrays element by element.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gort.runtime.unsafe import F32, F64, U8, U64

Equal = Callable[[int, int], bool]


def memequal_n(n: int) -> Equal:
    if n == 8:
        return lambda p, q: U64[p >> 3] == U64[q >> 3]
    if n == 1:
        return lambda p, q: U8[p] == U8[q]
    return lambda p, q: U8[p : p + n] == U8[q : q + n]


def f64equal(p: int, q: int) -> bool:
    return F64[p >> 3] == F64[q >> 3]


def f32equal(p: int, q: int) -> bool:
    return F32[p >> 2] == F32[q >> 2]


def c128equal(p: int, q: int) -> bool:
    return F64[p >> 3] == F64[q >> 3] and F64[(p + 8) >> 3] == F64[(q + 8) >> 3]


def c64equal(p: int, q: int) -> bool:
    return F32[p >> 2] == F32[q >> 2] and F32[(p + 4) >> 2] == F32[(q + 4) >> 2]


def strequal(p: int, q: int) -> bool:
    from gort.runtime.string import eqstring

    return eqstring((U64[p >> 3], U64[(p + 8) >> 3]), (U64[q >> 3], U64[(q + 8) >> 3]))


def nilinterequal(p: int, q: int) -> bool:
    from gort.runtime.iface import efaceeq

    return efaceeq((U64[p >> 3], U64[(p + 8) >> 3]), (U64[q >> 3], U64[(q + 8) >> 3]))


def interequal(p: int, q: int) -> bool:
    from gort.runtime.iface import ifaceeq

    return ifaceeq((U64[p >> 3], U64[(p + 8) >> 3]), (U64[q >> 3], U64[(q + 8) >> 3]))


def makeEqual(eq: Any) -> Equal | None:
    """The equal function for a compiler "eq" description (None: not comparable)."""
    if eq is None:
        return None
    k = eq[0]
    if k == "mem":
        return memequal_n(eq[1])
    if k == "f64":
        return f64equal
    if k == "f32":
        return f32equal
    if k == "c128":
        return c128equal
    if k == "c64":
        return c64equal
    if k == "str":
        return strequal
    if k == "eface":
        return nilinterequal
    if k == "iface":
        return interequal
    if k == "struct":
        parts = [(off, makeEqual(sub)) for off, _key, sub in eq[1]]

        def structequal(p: int, q: int) -> bool:
            for off, f in parts:
                if not f(p + off, q + off):  # type: ignore[misc]
                    return False
            return True

        return structequal
    if k == "array":
        n, size, _key, sub = eq[1], eq[2], eq[3], eq[4]
        f = makeEqual(sub)

        def arrayequal(p: int, q: int) -> bool:
            for i in range(n):
                if not f(p + i * size, q + i * size):  # type: ignore[misc]
                    return False
            return True

        return arrayequal
    return None
