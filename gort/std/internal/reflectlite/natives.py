"""Natives of internal/reflectlite: what it takes from package runtime.

reflectlite reads type descriptors directly (kind, size, element type,
pointer bytes), which gort lays out in Go memory as abi.Type; these are
its calls into the runtime, by their Go names (reflect_unsafe_New,
typedmemmove, chanlen, maplen, ifaceE2I).

Differences from Go: resolveNameOff and resolveTypeOff are not provided:
gort's descriptors carry no name or method offsets yet, so Type.Name(),
String() and method lookups of reflectlite do not work (errors.As, which
needs them, is a native of gort's errors overlay).
"""

from __future__ import annotations

from typing import Any


def _type(t: int) -> Any:
    from gort.runtime.type import typeByAddr

    return typeByAddr[t]


def F_unsafe_New(gp: Any, t: int) -> int:
    from gort.runtime.malloc import mallocgc_g

    typ = _type(t)
    return mallocgc_g(gp, typ.size, typ, True)


def F_typedmemmove(gp: Any, t: int, dst: int, src: int) -> None:
    from gort.runtime.mbarrier import typedmemmove

    typedmemmove(_type(t), dst, src)


def F_chanlen(gp: Any, c: int) -> int:
    from gort.runtime.chan import chanlen

    return chanlen(c)


def F_maplen(gp: Any, m: int) -> int:
    from gort.runtime.map import maplen

    return maplen(m)


def F_ifaceE2I(gp: Any, t: int, src: tuple[int, int], dst: int) -> None:
    """Store the empty interface src, converted to the interface type t, at dst."""
    from gort.runtime.iface import getitab
    from gort.runtime.panic import panicPlain
    from gort.runtime.unsafe import U64

    typ, data = src
    if typ == 0:
        panicPlain("reflect: nil to interface conversion")  # reflectlite checks nil first
    tab = getitab(_type(t), _type(typ), False)
    U64[dst >> 3] = tab
    U64[(dst + 8) >> 3] = data
