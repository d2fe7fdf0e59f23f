"""Everything compiled Go code may call, in one namespace.

Generated modules start with `from gort.runtime.builtin import *`. This is
gort's counterpart of gc's `typecheck/_builtin/runtime.go`: the list of
runtime functions the compiler emits calls to, plus the memory views and a
few arithmetic helpers that Go gets from machine instructions (wrapping
division, shifts with Go's rules, float32 rounding).

Names here must not change without changing the compiler (gort/cmd/compile).
"""

from __future__ import annotations

import ctypes
import math
from typing import Any, NoReturn

from gort.runtime import symtab
from gort.runtime.chan import (  # noqa: F401
    chancap,
    chanlen,
    chanrecv1,
    chanrecv2,
    chanrecvpark,
    chansend1,
    chansendpark,
    closechan,
    makechan,
    selectnbrecv,
    selectnbsend,
    tryrecv,
    trysend,
)
from gort.runtime.iface import (  # noqa: F401
    assertE2I,
    assertE2I2,
    convE2I,
    convI2I,
    convT,
    convT8,
    convT16,
    convT32,
    convT64,
    convTcomplex,
    convTf32,
    convTf64,
    convTslice,
    convTstring,
    efaceeq,
    ifaceeq,
    implements,
    panicdottype,
)
from gort.runtime.malloc import (  # noqa: F401
    growslice,
    growslice_g,
    makeslice,
    makeslice_g,
    mallocgc,
    mallocgc_g,
    newarray,
    newarray_g,
    newobject,
    newobject_g,
)
from gort.runtime.panic import (  # noqa: F401
    GoexitUnwind,
    GoPanic,
    gopanic,
    gorecover,
    panicdivide,
    panicIndex,
    panicmem,
    panicRuntimeError,
    panicshift,
    panicSlice,
    rundefers,
    rundefers_g,
)
from gort.runtime.print import printvals  # noqa: F401
from gort.runtime.proc import newproc  # noqa: F401
from gort.runtime.staticdata import zerobase  # noqa: F401
from gort.runtime.string import (  # noqa: F401
    cmpstring,
    concatstrings,
    decoderune,
    eqstring,
    intstring,
    slicebytetostring,
    slicerunetostring,
    stringtoslicebyte,
    stringtoslicerune,
    strmax,
    strmin,
)
from gort.runtime.stubs import memclrNoHeapPointers as memclr  # noqa: F401,N813
from gort.runtime.stubs import memmove
from gort.runtime.type import Struct, _type
from gort.runtime.unsafe import F32, F64, I8, I16, I32, I64, U8, U16, U32, U64  # noqa: F401

FUNCTAB = symtab.FUNCTAB

ZS = (0, 0)  # the empty string
ZSL = (0, 0, 0)  # the nil slice
ZI = (0, 0)  # the nil interface
INF = math.inf
NAN = math.nan


# --- the parts that park, and the stack guard --------------------------------------------

from gort.runtime.map import (  # noqa: E402,F401
    makemap,
    mapaccess1,
    mapaccess2,
    mapassign,
    mapclear,
    mapdelete,
    mapiterinit,
    mapiternext,
    maplen,
)
from gort.runtime.preempt import gopreempt, gopreemptPlain, morestack, morestackg  # noqa: E402,F401
from gort.runtime.select import block, selectgo  # noqa: E402,F401

# --- integer arithmetic with Go's rules ---------------------------------------------------


def idiv(a: int, b: int) -> int:
    """a / b for signed integers: truncated toward zero (the caller wraps)."""
    if b == 0:
        panicdivide()
    q = a // b
    if q < 0 and q * b != a:
        q += 1
    return q


def imod(a: int, b: int) -> int:
    """a % b for signed integers: the sign of the dividend."""
    if b == 0:
        panicdivide()
    r = a % b
    if r and (r < 0) != (a < 0):
        r -= b
    return r


def udiv(a: int, b: int) -> int:
    if b == 0:
        panicdivide()
    return a // b


def umod(a: int, b: int) -> int:
    if b == 0:
        panicdivide()
    return a % b


def shl(x: int, s: int, bits: int, signedCount: bool = False) -> int:
    """x << s before wrapping: 0 once s reaches the width; negative s panics."""
    if s < 0:
        panicshift()
    if s >= bits:
        return 0
    return x << s


def shr(x: int, s: int, signedCount: bool = False) -> int:
    """x >> s: arithmetic for signed x, logical for unsigned (x is never negative then)."""
    if s < 0:
        panicshift()
    return x >> s


# --- floating point ------------------------------------------------------------------


def f32r(x: float) -> float:
    """x rounded to float32 (overflow gives ±Inf, as the conversion does)."""
    return ctypes.c_float(x).value


def c64r(c: complex) -> complex:
    return complex(ctypes.c_float(c.real).value, ctypes.c_float(c.imag).value)


def fdiv(a: float, b: float) -> float:
    """a / b with IEEE results for a zero divisor (Python raises)."""
    try:
        return a / b
    except ZeroDivisionError:
        if a != a or a == 0:
            return NAN
        return math.copysign(INF, a) * math.copysign(1.0, b)


def cdiv(a: complex, b: complex) -> complex:
    try:
        return a / b
    except ZeroDivisionError:
        re = fdiv(a.real, 0.0) if a.real else NAN
        im = fdiv(a.imag, 0.0) if a.imag else NAN
        return complex(re, im)


def _cvtt(x: float, bits: int) -> int:
    """amd64's truncating conversion to a 32- or 64-bit signed integer
    (CVTTSD2SL / CVTTSD2SQ): out of range, or NaN, gives the smallest one."""
    lo = -(1 << (bits - 1))
    if x != x or math.isinf(x):
        return lo
    v = int(x)
    if not lo <= v < -lo:
        return lo
    return v


def f2i(x: float, bits: int, signed: bool) -> int:
    """Convert a float to an integer type (truncating); out of range as gc on
    amd64 does (the spec leaves it to the implementation): int64 and int32
    by the conversion of their size, uint32 as the low bits of the 64-bit
    one, 8- and 16-bit types as the low bits of the 32-bit one, and uint64
    by the 64-bit one of x, or of x - 2^63 with the top bit then set."""
    if bits == 64:
        if signed:
            return _cvtt(x, 64)
        if x < 9223372036854775808.0:
            return _cvtt(x, 64) & 0xFFFFFFFFFFFFFFFF
        return (_cvtt(x - 9223372036854775808.0, 64) | (1 << 63)) & 0xFFFFFFFFFFFFFFFF
    if bits == 32:
        return _cvtt(x, 32) if signed else _cvtt(x, 64) & 0xFFFFFFFF
    v = _cvtt(x, 32) & ((1 << bits) - 1)
    if signed and v >> (bits - 1):
        v -= 1 << bits
    return v


def fmin(vals: tuple[float, ...]) -> float:
    r = vals[0]
    for v in vals[1:]:
        if v != v or r != r:
            return NAN
        if v < r or (v == r == 0 and math.copysign(1, v) < 0):
            r = v
    return r


def fmax(vals: tuple[float, ...]) -> float:
    r = vals[0]
    for v in vals[1:]:
        if v != v or r != r:
            return NAN
        if v > r or (v == r == 0 and math.copysign(1, v) > 0):
            r = v
    return r


# --- slices --------------------------------------------------------------------------


# go: runtime/slice.go slicecopy
def slicecopy(dst: tuple[int, ...], src: tuple[int, ...], width: int) -> int:
    n = min(dst[1], src[1])
    if n:
        memmove(dst[0], src[0], n * width)
    return n


def appendslice(s: tuple[int, int, int], t: tuple[int, ...], width: int, et: _type | None) -> tuple[int, int, int]:
    """append(s, t...)."""
    n = t[1]
    if n == 0:
        return s
    newlen = s[1] + n
    if newlen > s[2]:
        if et is None:

            et = _bytetype()
        s = growslice(s[0], newlen, s[2], n, et)
    else:
        s = (s[0], newlen, s[2])
    memmove(s[0] + (newlen - n) * width, t[0], n * width)
    return s


_bt: _type | None = None


def _bytetype() -> _type:
    global _bt
    if _bt is None:
        from gort.runtime.type import Uint8, basicType, placeType

        _bt = basicType(Uint8, 1, "uint8")
        placeType(_bt)
    return _bt


def panicSliceConvert(want: int, have: int) -> None:
    from gort.runtime.panic import panicBounds

    panicBounds(f"cannot convert slice with length {have} to array or pointer to array with length {want}")


# --- closures, go statements and method values ------------------------------------------------

_closuretypes: dict[tuple[int, tuple[int, ...]], _type] = {}


def closuretype(size: int, ptrs: tuple[int, ...]) -> _type:
    """The descriptor of a closure's funcval layout (for the GC's pointer map)."""
    key = (size, ptrs)
    t = _closuretypes.get(key)
    if t is None:
        if ptrs:
            mask = bytearray(max(ptrs) // 8 + 1)
            for w in ptrs:
                mask[w // 8] |= 1 << (w % 8)
            t = _type(Struct, size=size, align=8, ptrdata=(max(ptrs) + 1) * 8, gcdata=bytes(mask), s="struct {F uintptr; X0 ...}")
        else:
            t = _type(Struct, size=size, align=8, s="struct {F uintptr}")
        from gort.runtime.type import placeType

        placeType(t)
        _closuretypes[key] = t
    return t


# The callee and arguments of `go f(x)` and of method values, by funcval address.
# Differences from Go: gc stores them in the funcval; gort keeps the Python
# pieces beside it (they are GC roots while the entry exists).
_goargs: dict[int, Any] = {}


def gonilfunc(*args: Any) -> NoReturn:
    """The callee of `go f(x)` when f is nil: the new goroutine's call faults,
    as the call in gc's wrapper does (the go statement itself goes on)."""
    panicmem()


def goargs_put(fid: int, fn: Any, args: Any, keep: bool = False) -> int:
    fv = mallocgc(8, None, True)
    U64[fv >> 3] = fid
    _goargs[fv] = (fn, args)
    return fv


def goargs_take(fv: int) -> Any:
    return _goargs.pop(fv)


def goargs_peek(fv: int) -> Any:
    return _goargs[fv]


def panicRangeFuncDone() -> None:
    """A range-over-func iterator called yield after the loop body stopped it."""

    panicRuntimeError("range function continued iteration after function for loop body returned false")
