"""Sizes and alignments of types (go/types sizes.go and gcsizes.go).

`Sizes` is the interface (Alignof, Offsetsof, Sizeof); `gcSizes` computes
exactly what gc computes for `unsafe.Sizeof/Alignof/Offsetof` (and what the
compiler lays out in memory): basic types have their natural size, int,
uint, uintptr and pointers one word, strings two words, slices three,
interfaces two; a struct's fields are placed at increasing offsets aligned
to each field's alignment, a zero-size final field after a non-empty prefix
is padded to one byte, and the struct's size is rounded up to its
alignment; complex types align like their halves. `StdSizes` is go/types'
generic model (used when Config.Sizes is a StdSizes).

`SizesFor("gc", "amd64")` returns the linux/amd64 model gort uses.

Invariants: Alignof >= 1; a negative size or offset means "too large".
Results are memoized per type object (the cache keeps its keys alive).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go.types.array import Array
from gort.go.types.basic import Basic, IsComplex, IsString
from gort.go.types.interface import Interface
from gort.go.types.slice import Slice
from gort.go.types.struct import Struct

if TYPE_CHECKING:
    from gort.go.types.object import Var
    from gort.go.types.type import Type

# sizes of the basic kinds that are not word-sized (indexed by kind)
basicSizes = [0, 1, 0, 1, 2, 4, 8, 0, 1, 2, 4, 8, 0, 4, 8, 8, 16]

_MAX_INT64 = (1 << 63) - 1


def align(x: int, a: int) -> int:
    return (x + a - 1) & ~(a - 1)


def IsSyncAtomicAlign64(T: Type) -> bool:
    from gort.go.types.named import asNamed

    named = asNamed(T)
    if named is None:
        return False
    obj = named.Obj()
    return obj.name == "align64" and obj.pkg is not None and \
        obj.pkg.path in ("sync/atomic", "internal/runtime/atomic")


class Sizes:
    """The size model of a target: Alignof, Offsetsof, Sizeof."""

    __slots__ = ()

    def Alignof(self, T: Type) -> int:
        raise NotImplementedError

    def Offsetsof(self, fields: list[Var]) -> list[int]:
        raise NotImplementedError

    def Sizeof(self, T: Type) -> int:
        raise NotImplementedError


class gcSizes(Sizes):
    """gc's layout rules for a word size and maximum alignment."""

    __slots__ = ("WordSize", "MaxAlign", "_size", "_align", "_offs")

    def __init__(self, WordSize: int, MaxAlign: int) -> None:
        self.WordSize = WordSize
        self.MaxAlign = MaxAlign
        self._size: dict[int, tuple[Type, int]] = {}
        self._align: dict[int, tuple[Type, int]] = {}
        self._offs: dict[int, tuple[Struct, list[int]]] = {}

    def Alignof(self, T: Type) -> int:
        c = self._align.get(id(T))
        if c is not None and c[0] is T:
            return c[1]
        self._align[id(T)] = (T, 1)  # guards invalid recursive types
        a = self._alignof(T)
        self._align[id(T)] = (T, a)
        return a

    def _alignof(self, T: Type) -> int:
        u = T.Underlying()
        tu = type(u)
        if tu is Array:
            return self.Alignof(u.elem)  # type: ignore[attr-defined]
        if tu is Struct:
            assert isinstance(u, Struct)
            if not u.fields and IsSyncAtomicAlign64(T):
                return 8
            m = 1
            for f in u.fields:
                a = self.Alignof(f.Type())
                if a > m:
                    m = a
            return m
        if tu is Slice or tu is Interface:
            return self.WordSize
        if tu is Basic and u.info & IsString:  # type: ignore[attr-defined]
            return self.WordSize
        a = self.Sizeof(T)
        if a < 1:
            return 1
        if tu is Basic and u.info & IsComplex:  # type: ignore[attr-defined]
            a //= 2
        if a > self.MaxAlign:
            return self.MaxAlign
        return a

    def Offsetsof(self, fields: list[Var]) -> list[int]:
        offsets: list[int] = []
        offs = 0
        for f in fields:
            if offs < 0:
                offsets.append(-1)
                continue
            a = self.Alignof(f.Type())
            offs = align(offs, a)
            offsets.append(offs)
            d = self.Sizeof(f.Type())
            if d >= 0 and offs >= 0:
                offs += d
                if offs > _MAX_INT64:
                    offs = -1
            else:
                offs = -1
        return offsets

    def structOffsets(self, s: Struct) -> list[int]:
        c = self._offs.get(id(s))
        if c is not None and c[0] is s:
            return c[1]
        o = self.Offsetsof(s.fields)
        self._offs[id(s)] = (s, o)
        return o

    def Sizeof(self, T: Type) -> int:
        c = self._size.get(id(T))
        if c is not None and c[0] is T:
            return c[1]
        self._size[id(T)] = (T, -1)  # guards invalid recursive types
        s = self._sizeof(T)
        self._size[id(T)] = (T, s)
        return s

    def _sizeof(self, T: Type) -> int:
        u = T.Underlying()
        tu = type(u)
        if tu is Basic:
            k = u.kind  # type: ignore[attr-defined]
            if k < len(basicSizes) and basicSizes[k] > 0:
                return int(basicSizes[k])
            if k == 17:
                return self.WordSize * 2
            return self.WordSize
        if tu is Array:
            assert isinstance(u, Array)
            n = u.len
            if n <= 0:
                return 0
            esize = self.Sizeof(u.elem)
            if esize < 0:
                return -1
            if esize == 0:
                return 0
            if esize > _MAX_INT64 // n:
                return -1
            return esize * n
        if tu is Slice:
            return self.WordSize * 3
        if tu is Struct:
            assert isinstance(u, Struct)
            n = len(u.fields)
            if n == 0:
                return 0
            offsets = self.structOffsets(u)
            offs = offsets[n - 1]
            size = self.Sizeof(u.fields[n - 1].Type())
            if offs < 0 or size < 0:
                return -1
            if offs > 0 and size == 0:
                size = 1
            r = align(offs + size, self.Alignof(T))
            return r if r <= _MAX_INT64 else -1
        if tu is Interface:
            return self.WordSize * 2
        return self.WordSize


class StdSizes(gcSizes):
    """go/types' StdSizes: gc's alignments, but no padding after a struct's
    final zero-size field."""

    __slots__ = ()

    def _sizeof(self, T: Type) -> int:
        u = T.Underlying()
        if type(u) is Struct:
            assert isinstance(u, Struct)
            n = len(u.fields)
            if n == 0:
                return 0
            offsets = self.structOffsets(u)
            offs = offsets[n - 1]
            size = self.Sizeof(u.fields[n - 1].Type())
            if offs < 0 or size < 0:
                return -1
            return align(offs + size, self.Alignof(T))
        return super()._sizeof(T)


_gcArchSizes = {
    "386": (4, 4), "amd64": (8, 8), "amd64p32": (4, 8), "arm": (4, 4), "arm64": (8, 8),
    "loong64": (8, 8), "mips": (4, 4), "mipsle": (4, 4), "mips64": (8, 8), "mips64le": (8, 8),
    "ppc64": (8, 8), "ppc64le": (8, 8), "riscv64": (8, 8), "s390x": (8, 8), "sparc64": (8, 8),
    "wasm": (8, 8),
}

_cache: dict[tuple[str, str], Sizes] = {}


def SizesFor(compiler: str, arch: str) -> Sizes | None:
    """The Sizes for a compiler ("gc") and GOARCH, or None if unknown."""
    if compiler != "gc":
        return None
    key = (compiler, arch)
    s = _cache.get(key)
    if s is None:
        ws = _gcArchSizes.get(arch)
        if ws is None:
            return None
        s = gcSizes(ws[0], ws[1])
        _cache[key] = s
    return s


stdSizes: Sizes = SizesFor("gc", "amd64")  # type: ignore[assignment]
