"""Natives of gort's errors package: the reflection Is and As need.

`comparable(e)`: is the dynamic type of e comparable (has an equal
function)? `checkAsTarget` / `assignTo` do what reflectlite does for As:
target must be a non-nil pointer whose element type is an interface or
implements error; err is stored in *target when its dynamic type is
assignable to that element type.
"""

from __future__ import annotations

from typing import Any

from gort.runtime import type as rt
from gort.runtime.panic import GoPanic
from gort.runtime.type import typeByAddr
from gort.runtime.unsafe import U64


def _dyn(e: tuple[int, int]) -> rt._type | None:
    """The dynamic type of a non-empty interface value (tab is an itab)."""
    if not e[0]:
        return None
    return typeByAddr[U64[(e[0] + 8) >> 3]]


def F_comparable(gp: Any, e: tuple[int, int]) -> bool:
    t = _dyn(e)
    return t is None or t.equal is not None


def _implementsError(t: rt._type) -> bool:
    u = t.uncommon
    if u is None:
        return False
    return any(m.name == "Error" and not m.pkgPath for m in u.methods)


def F_checkAsTarget(gp: Any, target: tuple[int, int]) -> None:
    if not target[0]:
        raise GoPanic(None, "errorString", "errors: target cannot be nil")
    t = typeByAddr[target[0]]
    if t.kind != rt.Pointer or target[1] == 0:
        raise GoPanic(None, "errorString", "errors: target must be a non-nil pointer")
    et = t.elem  # type: ignore[attr-defined]
    if et.kind != rt.Interface and not _implementsError(et):
        raise GoPanic(None, "errorString", "errors: *target must be interface or implement error")


def F_assignTo(gp: Any, err: tuple[int, int], target: tuple[int, int]) -> bool:
    from gort.runtime.iface import getitab
    from gort.runtime.mbarrier import typedmemmove

    t = typeByAddr[target[0]]
    et = t.elem  # type: ignore[attr-defined]
    dyn = _dyn(err)
    if dyn is None:
        return False
    p = target[1]
    if et.kind == rt.Interface:
        if et.methods:  # type: ignore[attr-defined]
            tab = getitab(et, dyn, True)  # type: ignore[arg-type]
            if not tab:
                return False
            U64[p >> 3] = tab
        else:
            U64[p >> 3] = dyn.addr
        U64[(p + 8) >> 3] = err[1]
        return True
    if dyn is not et:
        return False
    if dyn.isDirectIface():
        U64[p >> 3] = err[1]
    else:
        typedmemmove(dyn, p, err[1])
    return True
