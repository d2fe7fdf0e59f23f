"""Strings: concatenation, conversions, comparison, rune decoding (string.go, utf8.go).

A Go string is (ptr, len) over bytes in Go memory (docs/design/0001);
string data is never written after it is made. The functions here are the
ones gc's compiled code calls (`concatstrings`, `slicebytetostring`,
`stringtoslicebyte`, `intstring`, `decoderune`, `cmpstring`) with Go's
allocation behaviour: no allocation for an empty result or for a result
that is one of the operands; one-byte strings point into the static
`staticuint64s` table; []byte(s) gets the capacity of its size class.

Natives (fmt, os) use `gostring` / `makestring` to cross between Go strings
and Python str/bytes.
"""

from __future__ import annotations

from gort.runtime.panic import panicRuntimeError
from gort.runtime.stubs import memmove
from gort.runtime.unsafe import U8, U32

ZS = (0, 0)
RuneError = 0xFFFD
MaxRune = 0x10FFFF
surrogateMin = 0xD800
surrogateMax = 0xDFFF


def _static() -> int:
    from gort.runtime import staticdata

    return staticdata.staticuint64s


# go: runtime/string.go concatstrings
def concatstrings(a: tuple[tuple[int, int], ...]) -> tuple[int, int]:
    """a[0] + a[1] + ...: one allocation, unless the result is an operand."""
    l = 0
    count = 0
    idx = 0
    for i, x in enumerate(a):
        n = x[1]
        if n == 0:
            continue
        l += n
        count += 1
        idx = i
    if count == 0:
        return ZS
    if count == 1:
        return a[idx]
    p = rawstring(l)
    off = p
    for x in a:
        if x[1]:
            memmove(off, x[0], x[1])
            off += x[1]
    return (p, l)


def rawstring(size: int) -> int:
    """Storage for a new string of size bytes (not zeroed)."""
    from gort.runtime.malloc import mallocgc

    return mallocgc(size, None, False)


# go: runtime/string.go slicebytetostring
def slicebytetostring(b: tuple[int, int, int]) -> tuple[int, int]:
    n = b[1]
    if n == 0:
        return ZS
    if n == 1:
        return (_static() + 8 * U8[b[0]], 1)
    p = rawstring(n)
    memmove(p, b[0], n)
    return (p, n)


# go: runtime/string.go stringtoslicebyte
def stringtoslicebyte(s: tuple[int, int]) -> tuple[int, int, int]:
    from gort.runtime.malloc import mallocgc
    from gort.runtime.msize import roundupsize
    from gort.runtime.stubs import memclrNoHeapPointers

    n = s[1]
    cap_ = roundupsize(n, True)
    p = mallocgc(cap_, None, False)
    if cap_ != n:
        memclrNoHeapPointers(p + n, cap_ - n)
    memmove(p, s[0], n)
    return (p, n, cap_)


# go: runtime/string.go stringtoslicerune
def stringtoslicerune(s: tuple[int, int]) -> tuple[int, int, int]:
    from gort.runtime.malloc import mallocgc
    from gort.runtime.msize import roundupsize
    from gort.runtime.stubs import memclrNoHeapPointers

    runes = []
    k = 0
    while k < s[1]:
        r, k = decoderune(s, k)
        runes.append(r)
    n = len(runes)
    mem = roundupsize(n * 4, True)
    p = mallocgc(mem, None, False)
    if mem != n * 4:
        memclrNoHeapPointers(p + n * 4, mem - n * 4)
    for i, r in enumerate(runes):
        U32[(p >> 2) + i] = r
    return (p, n, mem // 4)


# go: runtime/string.go slicerunetostring
def slicerunetostring(a: tuple[int, int, int]) -> tuple[int, int]:
    out = bytearray()
    for i in range(a[1]):
        r = U32[(a[0] >> 2) + i]
        if r >= 0x80000000:
            r -= 1 << 32
        out += encoderune(r)
    return makestring(bytes(out))


# go: runtime/string.go intstring
def intstring(v: int) -> tuple[int, int]:
    """string(rune(v))."""
    b = encoderune(v if -(1 << 63) <= v < (1 << 63) else RuneError)
    if len(b) == 1:
        return (_static() + 8 * b[0], 1)
    return makestring(b)


def encoderune(r: int) -> bytes:
    if r < 0 or r > MaxRune or surrogateMin <= r <= surrogateMax:
        r = RuneError
    return chr(r).encode("utf-8")


# go: runtime/utf8.go decoderune
def decoderune(s: tuple[int, int], k: int) -> tuple[int, int]:
    """The rune at byte k of s and the index after it (RuneError, k+1 if invalid)."""
    p = s[0]
    n = s[1]
    c0 = U8[p + k]
    if c0 < 0x80:
        return c0, k + 1
    if c0 < 0xC2 or c0 > 0xF4:
        return RuneError, k + 1
    if c0 < 0xE0:
        if k + 1 < n:
            c1 = U8[p + k + 1]
            if 0x80 <= c1 <= 0xBF:
                return ((c0 & 0x1F) << 6) | (c1 & 0x3F), k + 2
        return RuneError, k + 1
    if c0 < 0xF0:
        if k + 2 < n:
            c1 = U8[p + k + 1]
            c2 = U8[p + k + 2]
            lo = 0xA0 if c0 == 0xE0 else 0x80
            hi = 0x9F if c0 == 0xED else 0xBF
            if lo <= c1 <= hi and 0x80 <= c2 <= 0xBF:
                return ((c0 & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F), k + 3
        return RuneError, k + 1
    if k + 3 < n:
        c1 = U8[p + k + 1]
        c2 = U8[p + k + 2]
        c3 = U8[p + k + 3]
        lo = 0x90 if c0 == 0xF0 else 0x80
        hi = 0x8F if c0 == 0xF4 else 0xBF
        if lo <= c1 <= hi and 0x80 <= c2 <= 0xBF and 0x80 <= c3 <= 0xBF:
            return ((c0 & 0x07) << 18) | ((c1 & 0x3F) << 12) | ((c2 & 0x3F) << 6) | (c3 & 0x3F), k + 4
    return RuneError, k + 1


def eqstring(a: tuple[int, int], b: tuple[int, int]) -> bool:
    n = a[1]
    if n != b[1]:
        return False
    if a[0] == b[0] or n == 0:
        return True
    return U8[a[0] : a[0] + n] == U8[b[0] : b[0] + n]


# go: runtime/string.go cmpstring
def cmpstring(a: tuple[int, int], b: tuple[int, int]) -> int:
    x = bytes(U8[a[0] : a[0] + a[1]])
    y = bytes(U8[b[0] : b[0] + b[1]])
    return (x > y) - (x < y)


def gostring(s: tuple[int, int]) -> str:
    """A Go string as a Python str (invalid UTF-8 kept through surrogateescape)."""
    if s[1] == 0:
        return ""
    return bytes(U8[s[0] : s[0] + s[1]]).decode("utf-8", "surrogateescape")


def gobytes(s: tuple[int, int]) -> bytes:
    if s[1] == 0:
        return b""
    return bytes(U8[s[0] : s[0] + s[1]])


def makestring(b: bytes | str) -> tuple[int, int]:
    """A new Go string holding b."""
    if isinstance(b, str):
        b = b.encode("utf-8", "surrogateescape")
    n = len(b)
    if n == 0:
        return ZS
    p = rawstring(n)
    U8[p : p + n] = b
    return (p, n)


def strmin(vals: tuple[tuple[int, int], ...]) -> tuple[int, int]:
    best = vals[0]
    for v in vals[1:]:
        if cmpstring(v, best) < 0:
            best = v
    return best


def strmax(vals: tuple[tuple[int, int], ...]) -> tuple[int, int]:
    best = vals[0]
    for v in vals[1:]:
        if cmpstring(v, best) > 0:
            best = v
    return best


_ = panicRuntimeError


def makestringslice(items: list[str]) -> tuple[int, int, int]:
    """A new []string holding items (for natives such as os.Args and environ)."""
    from gort.runtime import iface
    from gort.runtime.malloc import mallocgc
    from gort.runtime.unsafe import U64

    n = len(items)
    if n == 0:
        return (0, 0, 0)
    p = mallocgc(16 * n, iface.stringType, True)
    for i, s in enumerate(items):
        gs = makestring(s)
        U64[(p >> 3) + 2 * i] = gs[0]
        U64[(p >> 3) + 2 * i + 1] = gs[1]
    return (p, n, n)
