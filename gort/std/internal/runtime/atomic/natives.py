"""Natives of internal/runtime/atomic: the runtime's atomics (atomic_amd64.s).

Each is a read-modify-write of a word of Go memory made atomic by
gort.runtime.atomic (see that module for how).
"""

from __future__ import annotations

from typing import Any

from gort.runtime import atomic as A  # noqa: N812
from gort.runtime.unsafe import I32, I64, U8, U32, U64

M32 = 0xFFFFFFFF
M64 = 0xFFFFFFFFFFFFFFFF


def _s32(v: int) -> int:
    v &= M32
    return v - (1 << 32) if v >= 1 << 31 else v


def _s64(v: int) -> int:
    v &= M64
    return v - (1 << 64) if v >= 1 << 63 else v


def F_Xadd(gp: Any, p: int, d: int) -> int:
    return A.Xadd32(p, d)


def F_Xadd64(gp: Any, p: int, d: int) -> int:
    return A.Xadd64(p, d)


F_Xadduintptr = F_Xadd64


def F_Xaddint32(gp: Any, p: int, d: int) -> int:
    return _s32(A.Xadd32(p, d))


def F_Xaddint64(gp: Any, p: int, d: int) -> int:
    return _s64(A.Xadd64(p, d))


def F_Xchg8(gp: Any, p: int, new: int) -> int:
    return A.Xchg8(p, new & 0xFF)


def F_Xchg(gp: Any, p: int, new: int) -> int:
    return A.Xchg32(p, new & M32)


def F_Xchg64(gp: Any, p: int, new: int) -> int:
    return A.Xchg64(p, new & M64)


F_Xchguintptr = F_Xchg64


def F_Xchgint32(gp: Any, p: int, new: int) -> int:
    return _s32(A.Xchg32(p, new & M32))


def F_Xchgint64(gp: Any, p: int, new: int) -> int:
    return _s64(A.Xchg64(p, new & M64))


def F_And8(gp: Any, p: int, v: int) -> None:
    A.And8(p, v & 0xFF)


def F_Or8(gp: Any, p: int, v: int) -> None:
    A.Or8(p, v & 0xFF)


def F_And(gp: Any, p: int, v: int) -> None:
    A.And32(p, v & M32)


def F_Or(gp: Any, p: int, v: int) -> None:
    A.Or32(p, v & M32)


def F_And32(gp: Any, p: int, v: int) -> int:
    return A.And32(p, v & M32)


def F_Or32(gp: Any, p: int, v: int) -> int:
    return A.Or32(p, v & M32)


def F_And64(gp: Any, p: int, v: int) -> int:
    return A.And64(p, v & M64)


def F_Or64(gp: Any, p: int, v: int) -> int:
    return A.Or64(p, v & M64)


F_Anduintptr = F_And64
F_Oruintptr = F_Or64


def F_Cas(gp: Any, p: int, old: int, new: int) -> bool:
    return A.Cas32(p, old & M32, new & M32)


F_CasRel = F_Cas


def F_Casint32(gp: Any, p: int, old: int, new: int) -> bool:
    return A.Cas32(p, old & M32, new & M32)


def F_Cas64(gp: Any, p: int, old: int, new: int) -> bool:
    return A.Cas64(p, old & M64, new & M64)


F_Casint64 = F_Cas64
F_Casuintptr = F_Cas64
F_Casp1 = F_Cas64
F_casPointer = F_Cas64


def F_Store(gp: Any, p: int, v: int) -> None:
    U32[p >> 2] = v & M32


F_StoreRel = F_Store
F_Storeint32 = F_Store


def F_Store8(gp: Any, p: int, v: int) -> None:
    U8[p] = v & 0xFF


def F_Store64(gp: Any, p: int, v: int) -> None:
    U64[p >> 3] = v & M64


F_StoreRel64 = F_Store64
F_StoreReluintptr = F_Store64
F_Storeint64 = F_Store64
F_Storeuintptr = F_Store64
F_StorepNoWB = F_Store64
F_storePointer = F_Store64


def F_Loaduintptr(gp: Any, p: int) -> int:
    return U64[p >> 3]


F_Loaduint = F_Loaduintptr


def F_Loadint32(gp: Any, p: int) -> int:
    return I32[p >> 2]


def F_Loadint64(gp: Any, p: int) -> int:
    return I64[p >> 3]
