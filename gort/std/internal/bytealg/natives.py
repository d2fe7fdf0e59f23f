"""Natives of internal/bytealg: what gc writes in assembly (indexbyte_amd64.s, ...).

The bodies work on the bytes in Go memory with Python's bytes methods,
which run the same searches in C.
"""

from __future__ import annotations

from typing import Any

from gort.runtime.unsafe import U8

Slice = tuple[int, int, int]
String = tuple[int, int]


def _b(x: tuple[int, ...]) -> bytes:
    return bytes(U8[x[0] : x[0] + x[1]]) if x[1] else b""


def F_MakeNoZero(gp: Any, n: int) -> Slice:
    from gort.runtime.malloc import mallocgc
    from gort.runtime.msize import roundupsize

    if n < 0:
        from gort.runtime.malloc import panicmakeslicelen

        panicmakeslicelen()
    cap_ = roundupsize(n, True)
    return (mallocgc(cap_, None, False), n, cap_)


def F_Compare(gp: Any, a: Slice, b: Slice) -> int:
    x, y = _b(a), _b(b)
    return (x > y) - (x < y)


def F_abigen_runtime_cmpstring(gp: Any, a: String, b: String) -> int:
    x, y = _b(a), _b(b)
    return (x > y) - (x < y)


def F_Count(gp: Any, b: Slice, c: int) -> int:
    return _b(b).count(bytes((c,)))


def F_CountString(gp: Any, s: String, c: int) -> int:
    return _b(s).count(bytes((c,)))


def F_abigen_runtime_memequal(gp: Any, a: int, b: int, size: int) -> bool:
    return a == b or U8[a : a + size] == U8[b : b + size]


def F_abigen_runtime_memequal_varlen(gp: Any, a: int, b: int) -> bool:
    from gort.runtime.panic import throw

    throw("memequal_varlen called without a closure")


def F_Index(gp: Any, a: Slice, b: Slice) -> int:
    return _b(a).find(_b(b))


def F_IndexString(gp: Any, a: String, b: String) -> int:
    return _b(a).find(_b(b))


def F_IndexByte(gp: Any, b: Slice, c: int) -> int:
    if not b[1]:
        return -1
    return U8[b[0] : b[0] + b[1]].tobytes().find(c)


def F_IndexByteString(gp: Any, s: String, c: int) -> int:
    if not s[1]:
        return -1
    return U8[s[0] : s[0] + s[1]].tobytes().find(c)
