"""The print and println builtins (print.go).

They write to standard error, unbuffered, in the runtime's own formats:
integers in decimal, floats as strconv's shortest 'g', pointers and
interface words in hex, slices as [len/cap]0xptr, strings as their bytes.
"""

from __future__ import annotations

import os
from typing import Any

from gort.runtime.ftoa import formatFloat


def _b(kind: str, v: Any) -> bytes:
    if kind == "s":
        from gort.runtime.string import gobytes

        return gobytes(v)
    if kind in ("i", "u"):
        return str(v).encode()
    if kind == "b":
        return b"true" if v else b"false"
    if kind == "f":
        return formatFloat(v, "g", -1, 64).encode()
    if kind == "c":
        return ("(" + formatFloat(v.real, "g", -1, 64) + formatFloat(v.imag, "g", -1, 64) + "i)").replace(
            "(+", "(").encode() if False else _complex(v)
    if kind == "sl":
        return f"[{v[1]}/{v[2]}]{hex(v[0])}".encode()
    if kind in ("e", "i2"):
        return f"({hex(v[0])},{hex(v[1])})".encode()
    return hex(v).encode()


def _complex(v: complex) -> bytes:
    re = formatFloat(v.real, "g", -1, 64)
    im = formatFloat(v.imag, "g", -1, 64)
    if not im.startswith(("+", "-")):
        im = "+" + im
    return f"({re}{im}i)".encode()


# go: runtime/print.go printlock/gwrite (print and println)
def printvals(parts: tuple[tuple[str, Any], ...], nl: bool) -> None:
    out = []
    for i, (kind, v) in enumerate(parts):
        if nl and i:
            out.append(b" ")
        out.append(_b(kind, v))
    if nl:
        out.append(b"\n")
    data = b"".join(out)
    while data:
        n = os.write(2, data)
        data = data[n:]
