"""Equality of Go values in memory (alg.go): the `equal` of each type descriptor.

The linker builds each comparable type's equal function from the
compiler's description ("eq"): memory equality for plain bytes, float
equality (NaN != NaN, +0 == -0), strings by content, interfaces by dynamic
type then value, structs field by field, arrays element by element.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

from gort.runtime.type import (
    Bool,
    Chan,
    Complex64,
    Complex128,
    Float32,
    Float64,
    Pointer,
    String,
    TFlagDirectIface,
    TFlagRegularMemory,
    Uintptr,
    UnsafePointer,
    _type,
    arraytype,
    interfacetype,
    structtype,
    typeByAddr,
)
from gort.runtime.unsafe import F32, F64, U8, U16, U32, U64

Equal = Callable[[int, int], bool]


def memequal_n(n: int) -> Equal:
    if n == 8:
        return lambda p, q: U64[p >> 3] == U64[q >> 3]
    if n == 1:
        return lambda p, q: U8[p] == U8[q]
    return lambda p, q: U8[p : p + n] == U8[q : q + n]


def f64equal(p: int, q: int) -> bool:
    return F64[p >> 3] == F64[q >> 3]


def f32equal(p: int, q: int) -> bool:
    return F32[p >> 2] == F32[q >> 2]


def c128equal(p: int, q: int) -> bool:
    return F64[p >> 3] == F64[q >> 3] and F64[(p + 8) >> 3] == F64[(q + 8) >> 3]


def c64equal(p: int, q: int) -> bool:
    return F32[p >> 2] == F32[q >> 2] and F32[(p + 4) >> 2] == F32[(q + 4) >> 2]


def strequal(p: int, q: int) -> bool:
    from gort.runtime.string import eqstring

    return eqstring((U64[p >> 3], U64[(p + 8) >> 3]), (U64[q >> 3], U64[(q + 8) >> 3]))


def nilinterequal(p: int, q: int) -> bool:
    from gort.runtime.iface import efaceeq

    return efaceeq((U64[p >> 3], U64[(p + 8) >> 3]), (U64[q >> 3], U64[(q + 8) >> 3]))


def interequal(p: int, q: int) -> bool:
    from gort.runtime.iface import ifaceeq

    return ifaceeq((U64[p >> 3], U64[(p + 8) >> 3]), (U64[q >> 3], U64[(q + 8) >> 3]))


def makeEqual(eq: Any) -> Equal | None:
    """The equal function for a compiler "eq" description (None: not comparable)."""
    if eq is None:
        return None
    k = eq[0]
    if k == "mem":
        return memequal_n(eq[1])
    if k == "f64":
        return f64equal
    if k == "f32":
        return f32equal
    if k == "c128":
        return c128equal
    if k == "c64":
        return c64equal
    if k == "str":
        return strequal
    if k == "eface":
        return nilinterequal
    if k == "iface":
        return interequal
    if k == "struct":
        parts = [(off, makeEqual(sub)) for off, _key, sub in eq[1]]

        def structequal(p: int, q: int) -> bool:
            for off, f in parts:
                if not f(p + off, q + off):  # type: ignore[misc]
                    return False
            return True

        return structequal
    if k == "array":
        n, size, _key, sub = eq[1], eq[2], eq[3], eq[4]
        f = makeEqual(sub)

        def arrayequal(p: int, q: int) -> bool:
            for i in range(n):
                if not f(p + i * size, q + i * size):  # type: ignore[misc]
                    return False
            return True

        return arrayequal
    return None


# --- hashing (alg.go): the hasher of each map key type ------------------------------------
#
# A hasher maps (p, h) to a 64-bit hash of the value at p, seeded by h (the
# map's hash0, or the hash so far when a struct or array is hashed field by
# field, as Go's typehash chains its calls). Every hasher ends in one call to
# Python's hash() of a tuple (seed, value): for an integer value that is
# CPython's xxHash-style tuple mix, for bytes SipHash-1-3 (randomised per
# process, as Go's aeshash key is). The contract is Go's: equal values have
# equal hashes for a given seed, and different seeds scatter the same keys
# differently, so iteration orders differ between maps.
#
# Differences from Go: Go hashes with AES instructions (aeshash) or wyhash;
# gort with Python's hash(), the cheapest mixing a Python program has
# (~40 ns for a word). The values differ from Go's; nothing observes them.

Hasher = Callable[[int, int], int]

_M64 = (1 << 64) - 1
_pyhash = hash


def _randword() -> int:
    from gort.runtime.proc import rand

    return rand()


# go: runtime/alg.go memhash8
def memhash8(p: int, h: int) -> int:
    return _pyhash((h, U8[p])) & _M64


# go: runtime/alg.go memhash16
def memhash16(p: int, h: int) -> int:
    return _pyhash((h, U16[p >> 1])) & _M64


# go: runtime/alg.go memhash32
def memhash32(p: int, h: int) -> int:
    return _pyhash((h, U32[p >> 2])) & _M64


# go: runtime/alg.go memhash64
def memhash64(p: int, h: int) -> int:
    return _pyhash((h, U64[p >> 3])) & _M64


# go: runtime/alg.go memhash
def memhash(p: int, h: int, s: int) -> int:
    """Hash the s bytes at p."""
    return _pyhash((h, U8[p : p + s].tobytes())) & _M64


def memhash_n(n: int) -> Hasher:
    """The hasher of n bytes of plain memory (Go's memhash_varlen)."""
    if n == 8:
        return memhash64
    if n == 4:
        return memhash32
    if n == 2:
        return memhash16
    if n == 1:
        return memhash8
    if n == 0:
        return memhash0

    def memhash_varlen(p: int, h: int) -> int:
        return _pyhash((h, U8[p : p + n].tobytes())) & _M64

    return memhash_varlen


# go: runtime/alg.go memhash0
def memhash0(p: int, h: int) -> int:
    return h


# go: runtime/alg.go strhash
def strhash(p: int, h: int) -> int:
    """Hash the string header at p by its bytes."""
    s = U64[p >> 3]
    return _pyhash((h, U8[s : s + U64[(p + 8) >> 3]].tobytes())) & _M64


# go: runtime/alg.go f32hash
def f32hash(p: int, h: int) -> int:
    f = F32[p >> 2]
    if f == 0:
        return _pyhash((h, 0)) & _M64  # +0 and -0 hash alike
    if f != f:
        return _pyhash((h, _randword())) & _M64  # NaN: random, so NaN keys spread
    return _pyhash((h, U32[p >> 2])) & _M64


# go: runtime/alg.go f64hash
def f64hash(p: int, h: int) -> int:
    f = F64[p >> 3]
    if f == 0:
        return _pyhash((h, 0)) & _M64
    if f != f:
        return _pyhash((h, _randword())) & _M64
    return _pyhash((h, U64[p >> 3])) & _M64


# go: runtime/alg.go c64hash
def c64hash(p: int, h: int) -> int:
    return f32hash(p + 4, f32hash(p, h))


# go: runtime/alg.go c128hash
def c128hash(p: int, h: int) -> int:
    return f64hash(p + 8, f64hash(p, h))


def _unhashable(t: _type) -> NoReturn:
    from gort.runtime.panic import panicRuntimeError

    panicRuntimeError("hash of unhashable type " + t.str)


# go: runtime/alg.go interhash
def interhash(p: int, h: int) -> int:
    """Hash a non-empty interface: its dynamic type, then its value by that type."""
    tab = U64[p >> 3]
    if tab == 0:
        return h
    t = typeByAddr[U64[(tab + 8) >> 3]]
    if t.equal is None:
        _unhashable(t)
    if t.tflag & TFlagDirectIface:
        return typehash(t, p + 8, h ^ t.hash)
    return typehash(t, U64[(p + 8) >> 3], h ^ t.hash)


# go: runtime/alg.go nilinterhash
def nilinterhash(p: int, h: int) -> int:
    """Hash an empty interface: its dynamic type, then its value by that type."""
    tp = U64[p >> 3]
    if tp == 0:
        return h
    t = typeByAddr[tp]
    if t.equal is None:
        _unhashable(t)
    if t.tflag & TFlagDirectIface:
        return typehash(t, p + 8, h ^ t.hash)
    return typehash(t, U64[(p + 8) >> 3], h ^ t.hash)


_hashers: dict[_type, Hasher] = {}


# go: runtime/alg.go typehash
def typehash(t: _type, p: int, h: int) -> int:
    """Hash the value of type t at p, seeded with h (for a dynamic type inside an interface)."""
    f = _hashers.get(t)
    if f is None:
        f = hasherFor(t)
    return f(p, h)


def hasherFor(t: _type) -> Hasher:
    """The hasher of type t, built once from its descriptor and cached (Go's compiler
    picks one per type: genhash)."""
    f = _hashers.get(t)
    if f is None:
        f = _makeHasher(t)
        _hashers[t] = f
    return f


_plainKinds = frozenset(range(Bool, Uintptr + 1)) | {Chan, Pointer, UnsafePointer}


def _plainRuns(t: _type, off: int, runs: list[list[int]]) -> bool:
    """Append t's bytes that equality compares as [start, end) runs (merging neighbours);
    report whether every part of t is plain memory (no floats, strings, interfaces)."""
    k = t.kind
    if t.tflag & TFlagRegularMemory or k in _plainKinds:
        if t.size:
            if runs and runs[-1][1] == off:
                runs[-1][1] = off + t.size
            else:
                runs.append([off, off + t.size])
        return True
    if isinstance(t, arraytype):
        return all(_plainRuns(t.elem, off + i * t.elem.size, runs) for i in range(t.len))
    if isinstance(t, structtype):
        return all(_plainRuns(f.typ, off + f.offset, runs) for f in t.fields if f.name != "_")
    return False


def _makeHasher(t: _type) -> Hasher:
    k = t.kind
    if t.tflag & TFlagRegularMemory or k in _plainKinds:
        return memhash_n(t.size)
    if k == Float32:
        return f32hash
    if k == Float64:
        return f64hash
    if k == Complex64:
        return c64hash
    if k == Complex128:
        return c128hash
    if k == String:
        return strhash
    if isinstance(t, interfacetype):
        return interhash if t.methods else nilinterhash
    if t.equal is None or not isinstance(t, (arraytype, structtype)):

        def unhashable(p: int, h: int) -> int:
            _unhashable(t)

        return unhashable
    # Arrays and structs of plain memory hash the bytes equality compares
    # (padding and blank fields left out) in one call.
    runs: list[list[int]] = []
    if _plainRuns(t, 0, runs):
        if len(runs) == 1:
            lo, hi = runs[0]
            if lo == 0:
                return memhash_n(hi)

            def memhashrun(p: int, h: int) -> int:
                return _pyhash((h, U8[p + lo : p + hi].tobytes())) & _M64

            return memhashrun
        spans = tuple((lo, hi) for lo, hi in runs)

        def memhashruns(p: int, h: int) -> int:
            return (
                _pyhash((h, b"".join([U8[p + lo : p + hi].tobytes() for lo, hi in spans]))) & _M64
            )

        return memhashruns
    if isinstance(t, arraytype):
        n, size, ef = t.len, t.elem.size, hasherFor(t.elem)

        def arrayhash(p: int, h: int) -> int:
            for i in range(n):
                h = ef(p + i * size, h)
            return h

        return arrayhash
    assert isinstance(t, structtype)
    parts = tuple((f.offset, hasherFor(f.typ)) for f in t.fields if f.name != "_")

    def structhash(p: int, h: int) -> int:
        for off, ff in parts:
            h = ff(p + off, h)
        return h

    return structhash


# go: runtime/alg.go mapKeyError
def mapKeyError(t: _type, p: int) -> str:
    """Why hashing the key of type t at p would panic ("" if it would not): an interface
    holding a value of an unhashable type. Lets a nil or empty map report the panic a
    non-empty map's hasher would, without hashing."""
    if t.tflag & TFlagRegularMemory:
        return ""
    if isinstance(t, interfacetype):
        w = U64[p >> 3]
        if w == 0:
            return ""
        dt = typeByAddr[U64[(w + 8) >> 3]] if t.methods else typeByAddr[w]
        if dt.equal is None:
            return "hash of unhashable type: " + dt.str
        if dt.tflag & TFlagDirectIface:
            return mapKeyError(dt, p + 8)
        return mapKeyError(dt, U64[(p + 8) >> 3])
    if isinstance(t, arraytype):
        for i in range(t.len):
            e = mapKeyError(t.elem, p + i * t.elem.size)
            if e:
                return e
        return ""
    if isinstance(t, structtype):
        for f in t.fields:
            if f.name != "_":
                e = mapKeyError(f.typ, p + f.offset)
                if e:
                    return e
    return ""
