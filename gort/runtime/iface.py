"""Interfaces: itabs, conversions to interfaces, assertions, comparison (iface.go).

An itab pairs an interface type with a concrete type (abi.ITab, 32 bytes
plus 8 per method beyond the first):

    0  Inter  *interfacetype
    8  Type   *_type
    16 Hash   uint32     copy of Type.Hash, for type switches
    24 Fun    [n]uintptr the methods, in the interface's (sorted) order;
                         Fun[0] == 0 means "Type does not implement Inter"

Each Fun entry is a function index: calling the method through an
interface is `FUNCTAB[Fun[k]](gp, data, args...)`. Itabs are unique per
(interface, type) pair: the linker builds those the program needs
(`itabsinit` enters them in `itabTable`), `getitab` builds the rest at run
time, so comparing itab addresses compares dynamic types.

convT* box a value for an interface's data word the way gc's do, including
the cases that do not allocate (values below 256 point into
`staticuint64s`; empty strings and nil slices point at `zeroVal`).

Differences from Go: the itab table is a Python dict keyed by the pair of
addresses rather than an open-addressed hash table in Go memory.
"""

from __future__ import annotations

import struct
from typing import Any

from gort.runtime.lock import lock, mutex, unlock
from gort.runtime.panic import GoPanic
from gort.runtime.type import _type, interfacetype, typeByAddr
from gort.runtime.unsafe import F32, U32, U64

itabLock = mutex("itab")
itabTable: dict[tuple[int, int], int] = {}  # (inter addr, type addr) -> itab addr
itabsByAddr: dict[int, tuple[interfacetype, _type]] = {}

from gort.runtime.staticdata import staticuint64s, zeroVal  # noqa: E402

# Descriptors the runtime needs for its own boxing (set by the linker).
uint64Type: _type | None = None
stringType: _type | None = None
sliceType: _type | None = None


def itabSize(n: int) -> int:
    return 32 + 8 * max(n - 1, 0)


# go: runtime/iface.go itabInit
def itabInit(m: int, inter: interfacetype, typ: _type, firstTime: bool) -> str:
    """Fill m.Fun from typ's method table. Returns the name of a missing method ("" if none)."""
    methods = typ.uncommon.methods if typ.uncommon is not None else []
    j = 0
    for k, im in enumerate(inter.methods):
        name = im.name
        found = 0
        while j < len(methods):
            tm = methods[j]
            j += 1
            if tm.name == name and tm.pkgPath == im.pkgPath and _sameMtype(tm.mtyp, im.typ):
                found = tm.ifn
                break
        if not found:
            U64[(m + 24) >> 3] = 0
            return name
        if firstTime:
            U64[(m + 24 + 8 * k) >> 3] = found
    return ""


def _sameMtype(a: Any, b: Any) -> bool:
    return a is b or a is None or b is None or (getattr(a, "str", None) == getattr(b, "str", None))


# go: runtime/iface.go itabAdd
def itabAdd(m: int) -> None:
    """Enter an itab (built by the linker or by getitab) in the table."""
    inter_addr = U64[m >> 3]
    typ_addr = U64[(m + 8) >> 3]
    itabTable[(inter_addr, typ_addr)] = m
    itabsByAddr[m] = (typeByAddr[inter_addr], typeByAddr[typ_addr])  # type: ignore[assignment]


def newitab(inter: interfacetype, typ: _type) -> int:
    from gort.runtime.mfixalloc import persistentalloc
    from gort.runtime.mstats import memstats

    m = persistentalloc(itabSize(len(inter.methods)), 8, memstats.other_sys)
    U64[m >> 3] = inter.addr
    U64[(m + 8) >> 3] = typ.addr
    U32[(m + 16) >> 2] = typ.hash & 0xFFFFFFFF
    itabInit(m, inter, typ, True)
    return m


# go: runtime/iface.go getitab
def getitab(inter: interfacetype, typ: _type, canfail: bool) -> int:
    if not inter.methods:
        from gort.runtime.panic import throw

        throw("internal error - misuse of itab")
    key = (inter.addr, typ.addr)
    m = itabTable.get(key)
    if m is None:
        lock(itabLock)
        m = itabTable.get(key)
        if m is None:
            m = newitab(inter, typ)
            itabAdd(m)
        unlock(itabLock)
    if U64[(m + 24) >> 3] != 0:
        return m
    if canfail:
        return 0
    missing = itabInit(m, inter, typ, False)
    raise typeAssertionError(typ.addr, inter.addr, 0, missing)


def typeAssertionError(concrete: int, asserted: int, iface: int, missing: str = "") -> GoPanic:
    """A *runtime.TypeAssertionError panic (its Error() text is the message)."""
    inter = "interface"
    if iface:
        inter = typeByAddr[iface].str
    as_ = typeByAddr[asserted].str
    if not concrete:
        msg = f"interface conversion: {inter} is nil, not {as_}"
    else:
        cs = typeByAddr[concrete].str
        if not missing:
            msg = f"interface conversion: {inter} is {cs}, not {as_}"
            if cs == as_:
                msg += " (types from different scopes)"
        else:
            msg = f"interface conversion: {cs} is not {as_}: missing method {missing}"
    return GoPanic(None, "TypeAssertionError", msg)


def panicdottype(have: int, want: int, iface: int) -> None:
    """x.(T) failed: have is x's dynamic type (0 if nil)."""
    raise typeAssertionError(have, want, iface)


# go: runtime/iface.go typeAssert (assertE2I)
def assertE2I(inter: interfacetype, e: tuple[int, int], src: Any = None) -> tuple[int, int]:
    """x.(I), x's dynamic type and data in e. A nil x panics without naming
    x's static type src ("interface is nil, not I"), as Go's does."""
    t = e[0]
    if not t:
        raise typeAssertionError(0, inter.addr, 0)
    return (getitab(inter, typeByAddr[t], False), e[1])


def assertE2I2(inter: interfacetype, e: tuple[int, int]) -> tuple[tuple[int, int], bool]:
    t = e[0]
    if not t:
        return (0, 0), False
    tab = getitab(inter, typeByAddr[t], True)
    if not tab:
        return (0, 0), False
    return (tab, e[1]), True


def implements(inter: interfacetype, t: int) -> bool:
    """Does the dynamic type at t implement inter (a type switch case)?"""
    if not t:
        return False
    return getitab(inter, typeByAddr[t], True) != 0


def convE2I(inter: interfacetype, e: tuple[int, int]) -> tuple[int, int]:
    if not e[0]:
        return (0, 0)
    return (getitab(inter, typeByAddr[e[0]], False), e[1])


# go: runtime/iface.go convI2I
def convI2I(inter: interfacetype, i: tuple[int, int]) -> tuple[int, int]:
    tab = i[0]
    if not tab:
        return (0, 0)
    t = U64[(tab + 8) >> 3]
    if U64[tab >> 3] == inter.addr:
        return i
    return (getitab(inter, typeByAddr[t], False), i[1])


# --- boxing (convT*) ---------------------------------------------------------------


# go: runtime/iface.go convT
def convT(t: _type, v: int) -> int:
    from gort.runtime.malloc import mallocgc
    from gort.runtime.mbarrier import typedmemmove

    x = mallocgc(t.size, t, True)
    typedmemmove(t, x, v)
    return x


def _u64type() -> _type:
    global uint64Type
    if uint64Type is None:
        from gort.runtime.type import Uint64, basicType, placeType

        uint64Type = basicType(Uint64, 8, "uint64")
        placeType(uint64Type)
    return uint64Type


def convT8(v: int) -> int:
    """A one-byte value's data word: always a pointer into staticuint64s."""
    return staticuint64s + 8 * (int(v) & 0xFF)


# go: runtime/iface.go convT64
def convT64(v: int) -> int:
    u = v & 0xFFFFFFFFFFFFFFFF
    if u < 256:
        return staticuint64s + 8 * u
    from gort.runtime.malloc import mallocgc

    x = mallocgc(8, _u64type(), False)
    U64[x >> 3] = u
    return x


# go: runtime/iface.go convT32
def convT32(v: int) -> int:
    u = v & 0xFFFFFFFF
    if u < 256:
        return staticuint64s + 8 * u
    from gort.runtime.malloc import mallocgc

    x = mallocgc(4, _u64type(), False)
    U32[x >> 2] = u
    return x


# go: runtime/iface.go convT16
def convT16(v: int) -> int:
    u = v & 0xFFFF
    if u < 256:
        return staticuint64s + 8 * u
    from gort.runtime.malloc import mallocgc
    from gort.runtime.unsafe import U16

    x = mallocgc(2, _u64type(), False)
    U16[x >> 1] = u
    return x


def convTf64(f: float) -> int:
    return convT64(struct.unpack("<Q", struct.pack("<d", f))[0])


def convTf32(f: float) -> int:
    u: int = struct.unpack("<I", struct.pack("<f", f))[0]
    if u < 256:
        return staticuint64s + 8 * u
    from gort.runtime.malloc import mallocgc

    x = mallocgc(4, _u64type(), False)
    F32[x >> 2] = f
    return x


def convTcomplex(t: _type, c: complex) -> int:
    from gort.runtime.malloc import mallocgc
    from gort.runtime.unsafe import F64

    x = mallocgc(t.size, t, False)
    if t.size == 8:
        F32[x >> 2] = c.real
        F32[(x + 4) >> 2] = c.imag
    else:
        F64[x >> 3] = c.real
        F64[(x + 8) >> 3] = c.imag
    return x


# go: runtime/iface.go convTstring
def convTstring(s: tuple[int, int]) -> int:
    if s[1] == 0:
        return zeroVal
    from gort.runtime.malloc import mallocgc

    x = mallocgc(16, stringType, True)
    U64[x >> 3] = s[0]
    U64[(x + 8) >> 3] = s[1]
    return x


# go: runtime/iface.go convTslice
def convTslice(s: tuple[int, int, int]) -> int:
    if s[0] == 0:
        return zeroVal
    from gort.runtime.malloc import mallocgc

    x = mallocgc(24, sliceType, True)
    U64[x >> 3] = s[0]
    U64[(x + 8) >> 3] = s[1]
    U64[(x + 16) >> 3] = s[2]
    return x


# --- comparison ------------------------------------------------------------------


def _efaceeq(t: _type, x: int, y: int) -> bool:
    eq = t.equal
    if eq is None:
        from gort.runtime.panic import panicRuntimeError

        panicRuntimeError("comparing uncomparable type " + t.str)
    if t.isDirectIface():
        return x == y
    return eq(x, y)


# go: runtime/alg.go efaceeq
def efaceeq(x: tuple[int, int], y: tuple[int, int]) -> bool:
    if x[0] != y[0]:
        return False
    if not x[0]:
        return True
    return _efaceeq(typeByAddr[x[0]], x[1], y[1])


# go: runtime/alg.go ifaceeq
def ifaceeq(x: tuple[int, int], y: tuple[int, int]) -> bool:
    if x[0] != y[0]:
        return False
    if not x[0]:
        return True
    return _efaceeq(typeByAddr[U64[(x[0] + 8) >> 3]], x[1], y[1])
