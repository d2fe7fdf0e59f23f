"""Natives of crypto/internal/fips140/subtle: xorBytes, which gc writes in
assembly (xor_amd64.s).

With the purego tag Go's portable xorBytes (xor_generic.go) runs instead,
and on amd64 it reads and writes the slices a machine word at a time at
whatever byte offset they start, since the CPU allows unaligned access.
gort's memory is read through word-indexed views, which reach only
aligned words, so gort runs its own xorBytes (OVERRIDES: compiled as a
native although Go gives it a body). It works on the bytes whatever their
alignment, with Python's big-int XOR doing the work in C; dst may be x or
y exactly, as Go's allows (the caller, XORBytes, panics on any other
overlap).
"""

from __future__ import annotations

from typing import Any

from gort.runtime.unsafe import U8

OVERRIDES = frozenset({"F_xorBytes"})


def F_xorBytes(gp: Any, dstb: int, xb: int, yb: int, n: int) -> None:
    """dst[:n] = x[:n] ^ y[:n] for the n bytes at dstb, xb and yb."""
    if n <= 0:
        return
    a = int.from_bytes(U8[xb : xb + n], "little")
    b = int.from_bytes(U8[yb : yb + n], "little")
    U8[dstb : dstb + n] = (a ^ b).to_bytes(n, "little")
