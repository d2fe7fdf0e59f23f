"""How each Go type is represented: in Python variables and in Go memory.

For every type the compiler needs its representation in a Python variable
(`Rep`, docs/design/0001), its gc size and alignment, the code that loads
it from and stores it to an address, its zero value, its pointer bitmask
(for the garbage collector), a canonical key (so that the linker can give
identical types one descriptor), and the description the linker turns into
a runtime type descriptor.

The representation, by underlying type:

    bool                         BOOL     Python bool, one byte in memory
    integers, uintptr            INT      int, in range (wrapped after arithmetic)
    float32, float64             FLOAT    float (float32 rounded)
    complex64, complex128        COMPLEX  complex
    pointers, chan, map, func,   PTR      int address
    unsafe.Pointer
    string                       STRING   (ptr, len)
    slice                        SLICE    (ptr, len, cap)
    interface                    IFACE    (tab, data)
    struct, array                MEM      int address of the storage
"""

from __future__ import annotations

import enum
import re
from typing import Any, TypeVar

from gort.cmd.compile import gotypes as types

PtrSize = 8


class Rep(enum.IntEnum):
    VOID = 0
    BOOL = 1
    INT = 2
    FLOAT = 3
    COMPLEX = 4
    PTR = 5
    STRING = 6
    SLICE = 7
    IFACE = 8
    MEM = 9


B = types.BasicKind if hasattr(types, "BasicKind") else None


def _gcSizes() -> types.Sizes:
    s = types.SizesFor("gc", "amd64")
    assert s is not None  # gc knows amd64
    return s


_sizes = _gcSizes()


def sizeof(t: types.Type) -> int:
    return int(_sizes.Sizeof(t))


def alignof(t: types.Type) -> int:
    return int(_sizes.Alignof(t))


def offsetsof(st: types.Struct) -> list[int]:
    return [int(o) for o in _sizes.Offsetsof([st.Field(i) for i in range(st.NumFields())])]


def under(t: types.Type) -> types.Type:
    return t.Underlying()


def rep(t: types.Type) -> Rep:
    u = t.Underlying()
    if isinstance(u, types.Basic):
        k = u.Kind()
        if k in (types.Bool, types.UntypedBool):
            return Rep.BOOL
        if k in (types.Float32, types.Float64, types.UntypedFloat):
            return Rep.FLOAT
        if k in (types.Complex64, types.Complex128, types.UntypedComplex):
            return Rep.COMPLEX
        if k in (types.String, types.UntypedString):
            return Rep.STRING
        if k in (types.UnsafePointer, types.UntypedNil):
            return Rep.PTR
        return Rep.INT
    if isinstance(u, (types.Pointer, types.Chan, types.Map, types.Signature)):
        return Rep.PTR
    if isinstance(u, types.Slice):
        return Rep.SLICE
    if isinstance(u, types.Interface):
        return Rep.IFACE
    if isinstance(u, (types.Struct, types.Array)):
        return Rep.MEM
    if isinstance(u, types.Tuple):
        return Rep.VOID
    raise TypeError(f"no representation for {t}")


def multiword(t: types.Type) -> bool:
    """Is t held in more than one word (loads and stores use the address twice)?"""
    return rep(t) in (Rep.STRING, Rep.SLICE, Rep.IFACE, Rep.COMPLEX)


def isMem(t: types.Type) -> bool:
    return rep(t) == Rep.MEM


# --- integers -----------------------------------------------------------------------

_intinfo = {
    types.Int: (64, True),
    types.Int8: (8, True),
    types.Int16: (16, True),
    types.Int32: (32, True),
    types.Int64: (64, True),
    types.Uint: (64, False),
    types.Uint8: (8, False),
    types.Uint16: (16, False),
    types.Uint32: (32, False),
    types.Uint64: (64, False),
    types.Uintptr: (64, False),
    types.UntypedInt: (64, True),
    types.UntypedRune: (32, True),
}


def intinfo(t: types.Type) -> tuple[int, bool]:
    """(bits, signed) of an integer type."""
    u = t.Underlying()
    assert isinstance(u, types.Basic)
    return _intinfo[u.Kind()]


def isFloat32(t: types.Type) -> bool:
    u = t.Underlying()
    return isinstance(u, types.Basic) and u.Kind() in (types.Float32, types.Complex64)


def isUnsigned(t: types.Type) -> bool:
    u = t.Underlying()
    return isinstance(u, types.Basic) and bool(u.Info() & types.IsUnsigned)


def isString(t: types.Type) -> bool:
    return rep(t) == Rep.STRING


U = TypeVar("U", bound=types.Type)


def underAs(t: types.Type, cls: type[U]) -> U:
    """t's underlying type, which the type checker has made sure is a cls."""
    u = t.Underlying()
    assert isinstance(u, cls)
    return u


def isEface(t: types.Type) -> bool:
    """Is interface type t empty: are its values (type, data) rather than (itab, data)?"""
    u = t.Underlying()
    assert isinstance(u, types.Interface)
    return u.Empty()


# --- memory views ---------------------------------------------------------------------

_intview = {
    (8, True): ("I8", 0),
    (8, False): ("U8", 0),
    (16, True): ("I16", 1),
    (16, False): ("U16", 1),
    (32, True): ("I32", 2),
    (32, False): ("U32", 2),
    (64, True): ("I64", 3),
    (64, False): ("U64", 3),
}


# Pointer locals that have a word-index companion in the function being
# compiled (name -> companion holding name >> 3): FuncGen.wordBase, made
# current by FuncGen.compile.
wordBase: dict[str, str] = {}


_plusConst = re.compile(r"^\((\w+) \+ (\d+)\)$")


def _at(addr: str, off: int, shift: int) -> str:
    if shift == 3 and wordBase:
        base, k = addr, 0
        m = _plusConst.match(addr)
        if m is not None:
            base, k = m.group(1), int(m.group(2))
        w = wordBase.get(base)
        if w is not None and not (k + off) & 7:
            return f"{w} + {(k + off) >> 3}" if k + off else w
    if off:
        addr = f"({addr} + {off})"
    if shift == 0:
        return addr
    return f"{addr} >> {shift}"


def load(t: types.Type, addr: str, off: int = 0) -> str:
    """A Python expression reading the value of type t at addr+off.

    addr must be a name or a side-effect-free expression (it may appear
    several times for multi-word values).
    """
    r = rep(t)
    if r == Rep.INT:
        view, shift = _intview[intinfo(t)]
        return f"{view}[{_at(addr, off, shift)}]"
    if r == Rep.BOOL:
        return f"(U8[{_at(addr, off, 0)}] != 0)"
    if r == Rep.FLOAT:
        if isFloat32(t):
            return f"F32[{_at(addr, off, 2)}]"
        return f"F64[{_at(addr, off, 3)}]"
    if r == Rep.COMPLEX:
        if isFloat32(t):
            return f"complex(F32[{_at(addr, off, 2)}], F32[{_at(addr, off + 4, 2)}])"
        return f"complex(F64[{_at(addr, off, 3)}], F64[{_at(addr, off + 8, 3)}])"
    if r == Rep.PTR:
        return f"U64[{_at(addr, off, 3)}]"
    if r == Rep.STRING:
        return f"(U64[{_at(addr, off, 3)}], I64[{_at(addr, off + 8, 3)}])"
    if r == Rep.SLICE:
        return f"(U64[{_at(addr, off, 3)}], I64[{_at(addr, off + 8, 3)}], I64[{_at(addr, off + 16, 3)}])"
    if r == Rep.IFACE:
        return f"(U64[{_at(addr, off, 3)}], U64[{_at(addr, off + 8, 3)}])"
    if r == Rep.MEM:
        return f"({addr} + {off})" if off else addr
    raise TypeError(t)


def view(t: types.Type) -> tuple[str, int] | None:
    """(view name, log2 size) for a one-word scalar type read through one typed view."""
    r = rep(t)
    if r == Rep.INT:
        v, shift = _intview[intinfo(t)]
        return v, shift
    if r == Rep.FLOAT:
        return ("F32", 2) if isFloat32(t) else ("F64", 3)
    if r == Rep.PTR:
        return "U64", 3
    if r == Rep.BOOL:
        return "U8", 0
    return None


def chanByValue(t: types.Type) -> bool:
    """Does a channel pass its elements of type t by value (an integer or a
    float: the runtime's trysend takes the value, tryrecv returns it)? It
    must agree with the runtime's choice, chan.py's `_byValue`, which goes
    by the element's kind."""
    return rep(t) in (Rep.INT, Rep.FLOAT)


def store(t: types.Type, addr: str, val: str, off: int = 0) -> list[str]:
    """Statements storing the Python value val (a name or simple expression,
    evaluated once per word for multi-word types) of type t at addr+off.

    For MEM types val is the source address: the statement copies the bytes.
    A multi-word val that is not a plain name is evaluated once, into a temporary.
    """
    r = rep(t)
    if r in (Rep.STRING, Rep.SLICE, Rep.IFACE, Rep.COMPLEX) and not val.isidentifier():
        global _storeTemps
        _storeTemps += 1
        tmp = f"_sv{_storeTemps}"
        return [f"{tmp} = {val}"] + store(t, addr, tmp, off)
    if r == Rep.INT:
        view, shift = _intview[intinfo(t)]
        return [f"{view}[{_at(addr, off, shift)}] = {val}"]
    if r == Rep.BOOL:
        return [f"U8[{_at(addr, off, 0)}] = 1 if {val} else 0"]
    if r == Rep.FLOAT:
        if isFloat32(t):
            return [f"F32[{_at(addr, off, 2)}] = {val}"]
        return [f"F64[{_at(addr, off, 3)}] = {val}"]
    if r == Rep.COMPLEX:
        if isFloat32(t):
            return [f"F32[{_at(addr, off, 2)}] = {val}.real", f"F32[{_at(addr, off + 4, 2)}] = {val}.imag"]
        return [f"F64[{_at(addr, off, 3)}] = {val}.real", f"F64[{_at(addr, off + 8, 3)}] = {val}.imag"]
    if r == Rep.PTR:
        return [f"U64[{_at(addr, off, 3)}] = {val}"]
    # A multi-word value is unpacked into its words in one statement (the
    # tuple's items are not indexed one by one).
    if r == Rep.STRING:
        return [f"U64[{_at(addr, off, 3)}], I64[{_at(addr, off + 8, 3)}] = {val}"]
    if r == Rep.SLICE:
        return [f"U64[{_at(addr, off, 3)}], I64[{_at(addr, off + 8, 3)}], I64[{_at(addr, off + 16, 3)}] = {val}"]
    if r == Rep.IFACE:
        return [f"U64[{_at(addr, off, 3)}], U64[{_at(addr, off + 8, 3)}] = {val}"]
    if r == Rep.MEM:
        dst = f"({addr} + {off})" if off else addr
        return [copyMem(t, dst, val)]
    raise TypeError(t)


_storeTemps = 0


# Up to this many bytes, a copy or clear of whole words is done by word
# stores in line: `U64[d >> 3] = U64[s >> 3]` costs a few bytecodes, a call
# of memmove or memclr some thirty, whatever the size.
INLINE_WORDS_MAX = 32

# An address the word stores may repeat: a name, or a name plus a constant.
_addrShape = re.compile(r"^(?:(\w+)|\((\w+) \+ (\d+)\))$")


def _wordAddr(addr: str) -> tuple[str, int] | None:
    m = _addrShape.match(addr)
    if m is None:
        return None
    if m.group(1) is not None:
        return m.group(1), 0
    return m.group(2), int(m.group(3))


def copyMem(t: types.Type, dst: str, src: str) -> str:
    """A statement copying a value of memory type t from src to dst."""
    n = sizeof(t)
    if n == 0:
        return "pass"
    if alignof(t) == 8 and n <= INLINE_WORDS_MAX:
        # Both addresses hold a t, so both are 8-aligned, and n is a whole
        # number of words. All words are read before any is written, as
        # memmove would have it if the two overlapped.
        d, s = _wordAddr(dst), _wordAddr(src)
        if d is not None and s is not None:
            lhs = ", ".join(f"U64[{_at(d[0], d[1] + i, 3)}]" for i in range(0, n, 8))
            rhs = ", ".join(f"U64[{_at(s[0], s[1] + i, 3)}]" for i in range(0, n, 8))
            return f"{lhs} = {rhs}"
    return f"memmove({dst}, {src}, {n})"


def clearSlot(addr: str, n: int) -> str:
    """A statement zeroing the n bytes at addr, the start of a frame slot.

    A slot is 8-aligned and owns its size rounded up to words (FuncGen.slot),
    so it can be cleared a word at a time.
    """
    words = (n + 7) >> 3
    a = _wordAddr(addr)
    if a is None or words * 8 > INLINE_WORDS_MAX:
        return f"memclr({addr}, {n})"
    return " = ".join(f"U64[{_at(a[0], a[1] + 8 * i, 3)}]" for i in range(words)) + " = 0"


def zero(t: types.Type) -> str:
    """The Python zero value of t (not for MEM types)."""
    r = rep(t)
    return {
        Rep.INT: "0",
        Rep.BOOL: "False",
        Rep.FLOAT: "0.0",
        Rep.COMPLEX: "0j",
        Rep.PTR: "0",
        Rep.STRING: "ZS",
        Rep.SLICE: "ZSL",
        Rep.IFACE: "ZI",
    }[r]


# --- pointer bitmaps --------------------------------------------------------------------


def ptrwords(t: types.Type, base: int = 0, out: list[int] | None = None) -> list[int]:
    """Word indexes (from base) that hold pointers in a value of type t."""
    if out is None:
        out = []
    u = t.Underlying()
    r = rep(t)
    if r == Rep.PTR:
        if isinstance(u, types.Basic) and u.Kind() == types.Uintptr:
            return out
        out.append(base)
    elif r in (Rep.STRING, Rep.SLICE):
        out.append(base)
    elif r == Rep.IFACE:
        out.append(base)
        out.append(base + 1)
    elif isinstance(u, types.Struct):
        offs = offsetsof(u)
        for i in range(u.NumFields()):
            ptrwords(u.Field(i).Type(), base + offs[i] // PtrSize, out)
    elif isinstance(u, types.Array):
        n = u.Len()
        et = u.Elem()
        if n > 0 and hasPointers(et):
            ew = sizeof(et) // PtrSize
            for i in range(n):
                ptrwords(et, base + i * ew, out)
    return out


_hasptr: dict[int, bool] = {}


def hasPointers(t: types.Type) -> bool:
    u = t.Underlying()
    r = rep(t)
    if r == Rep.PTR:
        return not (isinstance(u, types.Basic) and u.Kind() == types.Uintptr)
    if r in (Rep.STRING, Rep.SLICE, Rep.IFACE):
        return True
    if isinstance(u, types.Struct):
        return any(hasPointers(u.Field(i).Type()) for i in range(u.NumFields()))
    if isinstance(u, types.Array):
        return u.Len() > 0 and hasPointers(u.Elem())
    return False


def gcinfo(t: types.Type) -> tuple[int, bytes]:
    """(ptrdata, gcdata bitmask) of t."""
    words = ptrwords(t)
    if not words:
        return 0, b""
    last = max(words)
    ptrdata = (last + 1) * PtrSize
    mask = bytearray((last // 8) + 1)
    for w in words:
        mask[w // 8] |= 1 << (w % 8)
    return ptrdata, bytes(mask)


# --- canonical keys -----------------------------------------------------------------------

_localIds: dict[int, int] = {}


def typeKey(t: types.Type) -> str:
    """A string naming t uniquely in the program; identical types get equal keys."""
    if isinstance(t, types.Alias):
        return typeKey(types.Unalias(t)) if hasattr(types, "Unalias") else typeKey(t.Underlying())
    if isinstance(t, types.Basic):
        k = t.Kind()
        if k == types.UntypedNil:
            return "unsafe.Pointer"
        return t.Name()
    if isinstance(t, types.Named):
        obj = t.Obj()
        pkg = obj.Pkg()
        name = obj.Name()
        base = f"{pkgPath(pkg)}.{name}" if pkg is not None else name
        # Types declared inside functions: give each declaration its own key.
        scope = obj.Parent()
        if pkg is not None and scope is not None and scope is not pkg.Scope():
            lid = _localIds.setdefault(id(obj.Origin() if hasattr(obj, "Origin") else obj), len(_localIds) + 1)
            base += f"·{lid}"
        targs = t.TypeArgs()
        if targs:
            base += "[" + ",".join(typeKey(a) for a in targs) + "]"
        return base
    if isinstance(t, types.Pointer):
        return "*" + typeKey(t.Elem())
    if isinstance(t, types.Slice):
        return "[]" + typeKey(t.Elem())
    if isinstance(t, types.Array):
        return f"[{t.Len()}]" + typeKey(t.Elem())
    if isinstance(t, types.Map):
        return f"map[{typeKey(t.Key())}]{typeKey(t.Elem())}"
    if isinstance(t, types.Chan):
        d = t.Dir()
        prefix = {0: "chan ", 1: "chan<- ", 2: "<-chan "}.get(int(d), "chan ")
        e = typeKey(t.Elem())
        if int(d) == 0 and e.startswith("<-chan"):
            e = "(" + e + ")"
        return prefix + e
    if isinstance(t, types.Signature):
        return "func" + sigKey(t)
    if isinstance(t, types.Struct):
        parts = []
        for i in range(t.NumFields()):
            f = t.Field(i)
            fk = typeKey(f.Type())
            name = f.Name()
            if not f.Exported() and f.Pkg() is not None:
                name = f"{pkgPath(f.Pkg())}.{name}"
            tag = t.Tag(i)
            s = fk if f.Embedded() else f"{name} {fk}"
            if f.Embedded():
                s = f"{name}={fk}"
            if tag:
                s += " " + repr(tag)
            parts.append(s)
        return "struct {" + "; ".join(parts) + "}"
    if isinstance(t, types.Interface):
        ms = []
        for i in range(t.NumMethods()):
            m = t.Method(i)
            name = m.Name()
            if not m.Exported() and m.Pkg() is not None:
                name = f"{pkgPath(m.Pkg())}.{name}"
            ms.append(name + sigKey(m.Type()))
        ms.sort()
        return "interface {" + "; ".join(ms) + "}"
    if isinstance(t, types.Tuple):
        return "(" + ",".join(typeKey(t.At(i).Type()) for i in range(t.Len())) + ")"
    raise TypeError(f"typeKey: {t!r}")


def sigKey(sig: Any) -> str:
    ps = sig.Params()
    rs = sig.Results()
    params = []
    for i in range(ps.Len()):
        pt = ps.At(i).Type()
        if sig.Variadic() and i == ps.Len() - 1:
            params.append("..." + typeKey(pt.Elem()))
        else:
            params.append(typeKey(pt))
    res = [typeKey(rs.At(i).Type()) for i in range(rs.Len())]
    s = "(" + ", ".join(params) + ")"
    if len(res) == 1:
        s += " " + res[0]
    elif res:
        s += " (" + ", ".join(res) + ")"
    return s


def typeString(t: types.Type) -> str:
    """The type's string as reflect and panics print it (package names, not paths)."""
    return str(types.TypeString(t, lambda p: p.Name())) if hasattr(types, "TypeString") else str(t)


def pkgPath(pkg: Any) -> str:
    """A package's path as the linker names it: the program's main package is "main"."""
    p = pkg.Path()
    return "main" if p == "command-line-arguments" else p
