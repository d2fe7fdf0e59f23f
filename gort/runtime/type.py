"""Runtime type descriptors (runtime/type.go over internal/abi/type.go).

Every Go type a program uses at run time has a descriptor. The linker
(gort/cmd/link) creates one Python object per type and writes its bytes into
read-only Go memory with abi.Type's layout (48 bytes of common header, then
the kind-specific part), so the descriptor has a real address (`addr`):
interfaces hold it, reflect (compiled from Go source) reads it, and type
switches compare it. The runtime itself reads the Python object's fields,
which mirror the memory and never change after linking.

Header layout (abi.Type, linux/amd64):

    0  Size_       uintptr      24 Equal      func pointer (funcval address)
    8  PtrBytes    uintptr      32 GCData     *byte (1 bit per pointer word)
    16 Hash        uint32       40 Str        NameOff (int32)
    20 TFlag       uint8        44 PtrToThis  TypeOff (int32)
    21 Align_      uint8
    22 FieldAlign_ uint8
    23 Kind_       uint8

Differences from Go: `Str`/`PtrToThis` offsets are resolved by the linker
into `str` (the type's string) and `ptrToThis` (a descriptor or None) on the
Python side; `equal` and `hasher` are Python callables on the Python side
and funcval addresses in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

# abi.Kind
(
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    Array,
    Chan,
    Func,
    Interface,
    Map,
    Pointer,
    Slice,
    String,
    Struct,
    UnsafePointer,
) = range(27)

kindNames = [
    "invalid", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8",
    "uint16", "uint32", "uint64", "uintptr", "float32", "float64", "complex64",
    "complex128", "array", "chan", "func", "interface", "map", "ptr", "slice",
    "string", "struct", "unsafe.Pointer",
]  # fmt: skip

# abi.TFlag
TFlagUncommon = 1 << 0
TFlagExtraStar = 1 << 1
TFlagNamed = 1 << 2
TFlagRegularMemory = 1 << 3
TFlagGCMaskOnDemand = 1 << 4
TFlagDirectIface = 1 << 5

# abi.ChanDir
RecvDir = 1
SendDir = 2
BothDir = RecvDir | SendDir

TYPE_HEADER_SIZE = 48


class _type:
    """The common part of every type descriptor (abi.Type). Set once by the linker."""

    __slots__ = (
        "size",
        "ptrdata",
        "hash",
        "tflag",
        "align",
        "fieldAlign",
        "kind",
        "equal",
        "gcdata",
        "str",
        "ptrToThis",
        "addr",
        "uncommon",
        "gotype",
        "mallocInfo",
    )

    def __init__(
        self,
        kind: int,
        size: int,
        align: int,
        ptrdata: int = 0,
        gcdata: bytes = b"",
        s: str = "",
    ) -> None:
        self.size = size  # bytes
        self.ptrdata = ptrdata  # bytes of prefix that can hold pointers (PtrBytes)
        self.hash = 0  # uint32 hash of the type, for maps and type switches
        self.tflag = 0
        self.align = align  # alignment of a variable of this type
        self.fieldAlign = align  # alignment as a struct field
        self.kind = kind  # abi.Kind
        # (p, q) -> bool comparing two values in memory; None if not comparable.
        self.equal: Callable[[int, int], bool] | None = None
        # Pointer bitmask: bit i set if word i holds a pointer (ptrdata/8 bits).
        self.gcdata = gcdata
        self.str = s  # the type's string, e.g. "main.T", "*int", "chan int"
        self.ptrToThis: _type | None = None
        self.addr = 0  # address of the descriptor in Go memory (0 until linked)
        self.uncommon: Any = None  # method table of defined types (uncommontype)
        self.gotype: Any = None  # the gort.go.types type this describes (compile side)
        # What the allocator needs to allocate one value of this type (how,
        # span class, slot size, pointer bits, ...): computed by malloc.py at
        # the first allocation, None until then. Derived from size, ptrdata
        # and gcdata, which never change after linking.
        self.mallocInfo: tuple[Any, ...] | None = None

    def pointers(self) -> bool:
        return self.ptrdata != 0

    def isDirectIface(self) -> bool:
        return self.tflag & TFlagDirectIface != 0

    def string(self) -> str:
        return self.str

    def __repr__(self) -> str:
        return f"<type {self.str}>"


class arraytype(_type):
    __slots__ = ("elem", "slice", "len")

    def __init__(self, elem: _type, n: int, **kw: Any) -> None:
        super().__init__(Array, **kw)
        self.elem = elem
        self.slice: _type | None = None
        self.len = n


class chantype(_type):
    __slots__ = ("elem", "dir")

    def __init__(self, elem: _type, dir: int = BothDir, **kw: Any) -> None:
        super().__init__(Chan, **kw)
        self.elem = elem
        self.dir = dir


class ptrtype(_type):
    __slots__ = ("elem",)

    def __init__(self, elem: _type | None, **kw: Any) -> None:
        super().__init__(Pointer, **kw)
        self.elem = elem  # None only while a recursive type is being built


class slicetype(_type):
    __slots__ = ("elem",)

    def __init__(self, elem: _type, **kw: Any) -> None:
        super().__init__(Slice, **kw)
        self.elem = elem


class functype(_type):
    __slots__ = ("inCount", "outCount", "ins", "outs", "variadic")

    def __init__(self, ins: list[_type], outs: list[_type], variadic: bool, **kw: Any) -> None:
        super().__init__(Func, **kw)
        self.ins = ins
        self.outs = outs
        self.inCount = len(ins)
        self.outCount = len(outs) | (0x8000 if variadic else 0)
        self.variadic = variadic


class imethod:
    __slots__ = ("name", "typ", "pkgPath")

    def __init__(self, name: str, typ: functype, pkgPath: str = "") -> None:
        self.name = name
        self.typ = typ
        self.pkgPath = pkgPath  # set for unexported names


class interfacetype(_type):
    __slots__ = ("pkgpath", "methods")

    def __init__(self, methods: list[imethod], pkgpath: str = "", **kw: Any) -> None:
        super().__init__(Interface, **kw)
        self.pkgpath = pkgpath
        self.methods = methods  # sorted by name, as the linker sorts them


class structfield:
    __slots__ = ("name", "typ", "offset", "embedded", "tag", "exported")

    def __init__(
        self, name: str, typ: _type, offset: int, embedded: bool = False, tag: str = ""
    ) -> None:
        self.name = name
        self.typ = typ
        self.offset = offset  # bytes from the start of the struct
        self.embedded = embedded
        self.tag = tag
        self.exported = bool(name) and name[0].isupper()


class structtype(_type):
    __slots__ = ("pkgPath", "fields")

    def __init__(self, fields: list[structfield], pkgPath: str = "", **kw: Any) -> None:
        super().__init__(Struct, **kw)
        self.pkgPath = pkgPath
        self.fields = fields


class maptype(_type):
    __slots__ = ("key", "elem", "bucket", "hasher", "keysize", "valuesize", "bucketsize", "flags")

    def __init__(self, key: _type, elem: _type, **kw: Any) -> None:
        super().__init__(Map, **kw)
        self.key = key
        self.elem = elem
        self.bucket: _type | None = None  # internal bucket type (map.py)
        self.hasher: Callable[[int, int], int] | None = None  # (p, seed) -> hash
        self.keysize = key.size
        self.valuesize = elem.size
        self.bucketsize = 0
        self.flags = 0


class method:
    """One entry of a defined type's method table (abi.Method)."""

    __slots__ = ("name", "mtyp", "ifn", "tfn", "pkgPath")

    def __init__(self, name: str, mtyp: functype | None, ifn: int, tfn: int, pkgPath: str = "") -> None:
        self.name = name
        self.mtyp = mtyp
        self.ifn = ifn  # function index used in interface calls (pointer receiver word)
        self.tfn = tfn  # function index for direct method calls
        self.pkgPath = pkgPath


class uncommontype:
    __slots__ = ("pkgpath", "methods")

    def __init__(self, pkgpath: str, methods: list[method]) -> None:
        self.pkgpath = pkgpath
        self.methods = methods  # sorted by name; exported first is not required


def rawtype(size: int, align: int = 8, s: str = "") -> _type:
    """A pointer-free descriptor for runtime-internal allocations."""
    return _type(Uint8 if size == 1 else Uintptr, size=size, align=align, s=s)


# --- descriptors in Go memory ---------------------------------------------------

typeByAddr: dict[int, _type] = {}  # descriptor address -> descriptor


def _extraSize(t: _type) -> int:
    if isinstance(t, arraytype):
        return 24
    if isinstance(t, (chantype,)):
        return 16
    if isinstance(t, (ptrtype, slicetype)):
        return 8
    if isinstance(t, maptype):
        return 64  # Key, Elem, Group, Hasher, GroupSize, ... (abi.MapType)
    if isinstance(t, structtype):
        return 32
    if isinstance(t, interfacetype):
        return 32
    if isinstance(t, functype):
        return 8 + 8 * (t.inCount + (t.outCount & 0x7FFF))
    return 0


# Type.Equal and MapType.Hasher are Go func values: a closure over the
# descriptor's address whose function (one for all types) looks the type up
# and runs its Python equal or hash function. Compiled code calls func
# values with `yield from`, so the functions are generators.
_eqFunc: Any = None
_hashFunc: Any = None


def _typeEqual(gp: Any, ctx: int, x: int, y: int) -> Generator[Any, Any, bool]:
    from gort.runtime.unsafe import U64

    t = typeByAddr[U64[(ctx + 8) >> 3]]
    assert t.equal is not None  # set whenever Equal is
    return t.equal(x, y)
    yield


def _mapHasher(gp: Any, ctx: int, p: int, seed: int) -> Generator[Any, Any, int]:
    from gort.runtime.alg import hasherFor
    from gort.runtime.unsafe import U64

    t = typeByAddr[U64[(ctx + 8) >> 3]]
    return hasherFor(t.key)(p, seed)  # type: ignore[attr-defined]
    yield


def _equalFunc() -> Any:
    global _eqFunc
    if _eqFunc is None:
        from gort.runtime import symtab

        _eqFunc = symtab._func("runtime.memequal_varlen", fn=_typeEqual)
        symtab.addfunc(_eqFunc)
    return _eqFunc


def _hasherFunc() -> Any:
    global _hashFunc
    if _hashFunc is None:
        from gort.runtime import symtab

        _hashFunc = symtab._func("runtime.typehash", fn=_mapHasher)
        symtab.addfunc(_hashFunc)
    return _hashFunc


def _typeClosure(f: Any, addr: int) -> int:
    """A persistent funcval {f, addr}."""
    from gort.runtime.mfixalloc import persistentalloc
    from gort.runtime.mstats import memstats
    from gort.runtime.unsafe import U64

    fv = persistentalloc(16, 8, memstats.other_sys)
    U64[fv >> 3] = f.entry
    U64[(fv + 8) >> 3] = addr
    return fv


def placeType(t: _type) -> int:
    """Give t an address: write its descriptor into persistent Go memory.

    Idempotent. Element types are placed first so their addresses can be
    stored. Used by the linker for the program's types and by the runtime
    for its own (the `chan int` of gcenable).
    """
    if t.addr:
        return t.addr
    from gort.runtime.mfixalloc import persistentalloc
    from gort.runtime.mstats import memstats
    from gort.runtime.unsafe import U8, U16, U32, U64, write_bytes

    size = TYPE_HEADER_SIZE + _extraSize(t)
    p = persistentalloc(size, 8, memstats.other_sys)
    t.addr = p  # set before placing referents: types may be recursive
    typeByAddr[p] = t
    gcdata = 0
    if t.gcdata:
        gcdata = persistentalloc(len(t.gcdata), 1, memstats.other_sys)
        write_bytes(gcdata, t.gcdata)
    U64[p >> 3] = t.size
    U64[(p + 8) >> 3] = t.ptrdata
    U32[(p + 16) >> 2] = t.hash & 0xFFFFFFFF
    U8[p + 20] = t.tflag
    U8[p + 21] = t.align
    U8[p + 22] = t.fieldAlign
    U8[p + 23] = t.kind
    U64[(p + 32) >> 3] = gcdata
    if t.equal is not None:
        U64[(p + 24) >> 3] = _typeClosure(_equalFunc(), p)  # Type.Equal
    if isinstance(t, (ptrtype, slicetype, chantype, arraytype)) and t.elem is not None:
        U64[(p + 48) >> 3] = placeType(t.elem)
    if isinstance(t, chantype):
        U64[(p + 56) >> 3] = t.dir
    if isinstance(t, arraytype):
        if t.slice is not None:
            U64[(p + 56) >> 3] = placeType(t.slice)
        U64[(p + 64) >> 3] = t.len
    if isinstance(t, maptype):
        U64[(p + 48) >> 3] = placeType(t.key)
        U64[(p + 56) >> 3] = placeType(t.elem)
        U64[(p + 72) >> 3] = _typeClosure(_hasherFunc(), p)  # MapType.Hasher
    if isinstance(t, functype):
        U16[(p + 48) >> 1] = t.inCount
        U16[(p + 50) >> 1] = t.outCount
        for i, a in enumerate(t.ins + t.outs):
            U64[(p + 56 + 8 * i) >> 3] = placeType(a)
    return p


def basicType(kind: int, size: int, name: str) -> _type:
    t = _type(kind, size=size, align=size if size <= 8 else 8, s=name)
    t.tflag = TFlagRegularMemory | TFlagNamed
    return t


# The runtime's own uses of basic types (gcenable's `make(chan int, 2)`).
inttype = basicType(Int, 8, "int")
