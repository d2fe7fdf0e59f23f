"""Float formatting as strconv.FormatFloat does it (strconv/ftoa.go).

The runtime's `print` and the native fmt format floats exactly as Go does:
`print(1e6)` writes "1e+06", `fmt.Println(0.1+0.2)` writes
"0.30000000000000004". Python can give the shortest decimal digits that
round-trip (`repr`) and correctly rounded digits for a given precision
(`%.*e`); this module turns those digits into Go's %e, %f and %g layouts,
including Go's rule for %g with the shortest precision (exponent form when
the decimal exponent is below -4 or at least 6), and float32's shortest
digits.
"""

from __future__ import annotations

import math
import struct


def _digits_shortest(f: float, bitSize: int) -> tuple[str, int]:
    """(digits, dp): f = 0.d1d2d3... × 10^dp, shortest digits that round-trip."""
    if f == 0:
        return "0", 1
    if bitSize == 32:
        for p in range(1, 18):
            s = f"{f:.{p - 1}e}"
            if struct.unpack("<f", struct.pack("<f", float(s)))[0] == f:
                break
    else:
        s = repr(f)
        if "e" not in s:
            s = f"{f:.{_sigdigits(s) - 1}e}"
    mant, _, exp = s.partition("e")
    digits = mant.replace(".", "").replace("-", "")
    digits = digits.rstrip("0") or "0"
    return digits, int(exp) + 1


def _sigdigits(s: str) -> int:
    d = s.replace("-", "").replace(".", "").lstrip("0").rstrip("0")
    return max(len(d), 1)


def _digits_prec(f: float, nsig: int) -> tuple[str, int]:
    """Correctly rounded digits with nsig significant digits (trailing zeros trimmed)."""
    if f == 0:
        return "0", 1
    s = f"{abs(f):.{max(nsig - 1, 0)}e}"
    mant, _, exp = s.partition("e")
    digits = mant.replace(".", "").rstrip("0") or "0"
    return digits, int(exp) + 1


def _fmtE(neg: bool, digits: str, dp: int, prec: int, fmtc: str) -> str:
    out = "-" if neg else ""
    d0 = digits[0] if digits else "0"
    out += d0
    if prec > 0:
        rest = digits[1 : 1 + prec]
        out += "." + rest + "0" * (prec - len(rest))
    exp = dp - 1
    if digits == "0":
        exp = 0
    out += fmtc
    if exp < 0:
        out += "-"
        exp = -exp
    else:
        out += "+"
    out += f"{exp:02d}"
    return out


def _fmtF(neg: bool, digits: str, dp: int, prec: int) -> str:
    out = "-" if neg else ""
    if dp > 0:
        ip = digits[:dp]
        out += ip + "0" * (dp - len(ip))
    else:
        out += "0"
    if prec > 0:
        out += "."
        for i in range(prec):
            j = dp + i
            out += digits[j] if 0 <= j < len(digits) else "0"
    return out


def formatFloat(f: float, fmt: str, prec: int, bitSize: int = 64) -> str:
    """strconv.FormatFloat(f, fmt, prec, bitSize) for fmt in e, E, f, F, g, G."""
    if math.isnan(f):
        return "NaN"
    if math.isinf(f):
        return "+Inf" if f > 0 else "-Inf"
    neg = math.copysign(1.0, f) < 0
    a = abs(f)
    shortest = prec < 0
    if fmt in "fF" and not shortest:
        s = f"{a:.{prec}f}"
        return ("-" if neg else "") + s
    if shortest:
        digits, dp = _digits_shortest(a, bitSize)
        nd = len(digits) if digits != "0" else 0
        if fmt in "eE":
            prec = max(nd - 1, 0)
        elif fmt in "fF":
            prec = max(nd - dp, 0)
        else:
            prec = nd
    else:
        if fmt in "eE":
            digits, dp = _digits_prec(a, prec + 1)
        else:  # g
            if prec == 0:
                prec = 1
            digits, dp = _digits_prec(a, prec)
        nd = len(digits) if digits != "0" else 0
    if fmt in "eE":
        return _fmtE(neg, digits, dp, prec, fmt)
    if fmt in "fF":
        return _fmtF(neg, digits, dp, prec)
    # %g
    eprec = prec
    if eprec > nd and nd >= dp:
        eprec = nd
    if shortest:
        eprec = 6
    exp = dp - 1
    if digits == "0":
        exp = 0
    if exp < -4 or exp >= eprec:
        if prec > nd:
            prec = nd
        return _fmtE(neg, digits, dp, max(prec - 1, 0), "e" if fmt == "g" else "E")
    if prec > dp:
        prec = nd
    return _fmtF(neg, digits, dp, max(prec - dp, 0))
