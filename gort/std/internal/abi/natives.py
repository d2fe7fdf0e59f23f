"""Natives of internal/abi: FuncPCABI0 and FuncPCABIInternal (compiler intrinsics in gc).

They return a function's entry PC; for gort a PC names a function by its
index in the function table (runtime/symtab.py): index << 24, as the
runtime package's Callers encodes it.
"""

from __future__ import annotations

from typing import Any

from gort.runtime.unsafe import U64


def F_FuncPCABI0(gp: Any, f: tuple[int, int]) -> int:
    fv = f[1]
    if not fv:
        return 0
    return int(U64[fv >> 3]) << 24


def F_FuncPCABIInternal(gp: Any, f: tuple[int, int]) -> int:
    return F_FuncPCABI0(gp, f)
