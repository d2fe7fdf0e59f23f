"""The linker: lay out the program image and bind the compiled modules.

gc's linker writes an executable: text, read-only data (strings, type
descriptors, itabs), data and bss (package variables), the function table,
and the list of init tasks. gort's linker does the same for the compiled
Python modules, in memory, before `rt0_go` runs. It works in two halves,
as a build cache would split it:

  prelink (once per program, the result cached in the build plan): merge
  the packages' metadata (`__gort__`) into one table of plain data —
  every type described once and referring to others by index, the
  function numbering (each package's functions get consecutive indices),
  the string literals, package variables and static funcvals laid out in
  one data block, the type descriptors laid out as a relocatable image,
  and for each package the lists it binds;

  link (every run): from that table,
  1. bind each package's natives and register its functions in the
     function table (symtab.addfuncs: their rows decode only when read),
     giving each module its FID_* constants;
  2. map the data block in the image segment (outside the heap, as the
     kernel maps a binary): strings, package variables, funcvals;
  3. make the runtime type descriptors (runtime/type.py classes) with their
     equal functions and method tables, and copy their image into
     persistent memory, relocated;
  4. bind each module's references: S* strings, T*/TA* types, G*/GX*
     variables, X_* functions of other packages and natives, FV_* funcvals,
     IT* itabs (built by the runtime's getitab);
  5. record the init tasks (each package's init, in dependency order) and
     main.main for runtime.main.

Invariant: the prelinked table depends only on the packages' metadata and
their order (so on the cache keys the plan records) and on this file; what
depends on the process (addresses, function indices' base, natives) is
done by link.

Differences from Go: there is no executable file; the "image" is the set of
loaded modules plus the segment mapped here.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
from array import array
from types import ModuleType
from typing import Any

from gort.runtime import symtab
from gort.runtime import type as rtype
from gort.runtime.unsafe import U8, U64


class LinkError(Exception):
    pass


class Segment:
    """A bump allocator over one mapping (the image's rodata + data)."""

    def __init__(self) -> None:
        self.base = 0
        self.off = 0
        self.size = 0

    def alloc(self, n: int, align: int = 8) -> int:
        from gort.runtime.mem_linux import sysAllocImage

        n = max(n, 1)
        self.off = (self.off + align - 1) & ~(align - 1)
        if self.base == 0 or self.off + n > self.size:
            size = max(1 << 20, (n + 4095) & ~4095)
            self.base = sysAllocImage(size)
            if not self.base:
                raise LinkError("cannot map the program image")
            self.size = size
            self.off = 0
        p = self.base + self.off
        self.off += n
        return p


def typeHash(key: str) -> int:
    import zlib

    return zlib.crc32(key.encode()) & 0xFFFFFFFF


# --- prelink: the program's metadata as one table of plain data ----------------------------
#
# The table (a dict of lists, tuples, str, bytes and ints, so that marshal
# stores it) holds:
#
#   pkgs      per package, in link order: (path, natives, funcs, rows,
#             recover, fids, strings, typerefs, globals, imports, funcvals,
#             itabs)
#             funcs: Python names, compiled functions then natives without
#               a row; the package's functions are numbered consecutively
#             rows: the symtab rows of funcs, marshalled and compressed
#               with zlib (symtab.addfuncs; a quarter of the size)
#             recover: names of functions that call recover()
#             fids: (FID_* name, index in funcs) of those the code uses
#             strings, typerefs: indices in the string and type tables
#               (bound as S<i>, T<i> and TA<i>)
#             globals, gimports: (local name, offset in the data block)
#             imports: (local name, package path, Python name)
#             funcvals: (local name, index in the funcval table)
#             itabs: (local name, index in the itab table)
#   nfuncs    the number of functions of all packages
#   data      size of the data block: package variables (from offset 0),
#             then the static funcvals, one word each (from funcvalOff),
#             then the string literals (from stringOff)
#   funcvalOff, funcvals   offset of the funcvals and the function (relative
#             index) of each
#   stringOff, strings, stringBytes   offset of the strings, (offset, length)
#             of each string literal, and their bytes
#   typekeys, types, eqs   the key of each type the program can reach
#             (_reachable), its row (_typeRow) and the table of distinct
#             equality descriptions ("eq")
#   image     (size, words, gcdata, relocs, eqfix, hashfix, offsets): the type
#             descriptors in abi.Type's layout (type.py): words are the
#             descriptors and closures as 64-bit words with addresses
#             relative to the image, relocs the indices of the words that
#             hold one, eqfix/hashfix the words that hold the function index
#             of the Equal / Hasher closures; gcdata follows the words;
#             offsets the descriptor of each type
#   itabs     (type index, interface index) of each itab the program names


def _fnRel(fids: dict[tuple[str, str], int], ref: Any) -> int:
    """The relative function index of a method table's [path, pyname], or -1."""
    return fids.get((ref[0], ref[1]), -1)


def prelink(order: list[str], metas: dict[str, dict[str, Any]],
            uses: dict[str, set[str]] | None = None) -> dict[str, Any]:
    """The link table of the packages order (dependency order, main last).

    uses: the global names each package's code uses, if known (only the
    FID_* constants it names are bound, a seventh of them)."""
    import marshal
    import zlib

    # Functions: every package's compiled functions, then its natives
    # without a row, numbered consecutively in link order.
    fids: dict[tuple[str, str], int] = {}
    pkgFuncs: list[tuple[list[str], bytes, list[str], list[tuple[str, int]]]] = []
    for path in order:
        meta = metas[path]
        names: list[str] = []
        rows: list[tuple[Any, ...]] = []
        recover: list[str] = []
        for row in meta["funcs"]:
            (pyname, goname, file, line, isgen, frameSize, framePtrs, ptrLocals, linemap, nargs, hasRecover,
             funcID) = row
            names.append(pyname)
            rows.append((goname, file, line, isgen, frameSize, tuple(framePtrs), tuple(ptrLocals), dict(linemap),
                         nargs, hasRecover, funcID))
            if hasRecover:
                recover.append(pyname)
        for py in meta["natives"]:
            if py not in names:
                names.append(py)
                rows.append((f"{path}.{py[2:] if py.startswith('F_') else py}", "", 0, False, 0, (), (), {}, 0, False, 0))
        fidnames = []
        used = uses.get(path) if uses is not None else None
        for i, py in enumerate(names):
            fids[(path, py)] = len(fids)
            if used is None or "FID_" + py in used:
                fidnames.append(("FID_" + py, i))
        pkgFuncs.append((names, zlib.compress(marshal.dumps(rows)), recover, fidnames))

    # Types: one description per key (a later package's wins, as before),
    # those the program can reach (_reachable), numbered in the order
    # they are first met.
    alldescs: dict[str, dict[str, Any]] = {}
    for path in order:
        alldescs.update(metas[path]["types"])
    roots = [k for path in order for k in metas[path]["typerefs"]]
    roots += [k for path in order for tk, ik, _ in metas[path].get("itablist", []) for k in (tk, ik)]
    roots += [k for k in _linkerTypes if k in alldescs]
    live = _reachable(alldescs, roots)
    descs = {key: d for key, d in alldescs.items() if key in live}
    tidx: dict[str, int] = {}
    for key in descs:
        tidx[key] = len(tidx)

    def ti(key: str) -> int:
        i = tidx.get(key)
        if i is None:
            raise LinkError(f"missing type description for {key}")
        return i

    def functi(key: str) -> int:
        i = ti(key)
        if descs[key]["kind"] != rtype.Func:
            raise LinkError(f"method type {key} is not a func type")
        return i

    eqs: list[Any] = []
    eqIdx: dict[str, int] = {}
    types: list[tuple[Any, ...]] = []
    for key, d in descs.items():
        eq = d.get("eq")
        e = -1
        if eq is not None:
            r = repr(eq)
            e = eqIdx.get(r, -1)
            if e < 0:
                e = eqIdx[r] = len(eqs)
                eqs.append(eq)
        types.append(_typeRow(key, d, ti, functi, fids, e))

    # The data block: package variables, funcvals, strings.
    off = 0
    gaddr: dict[tuple[str, str], int] = {}
    for path in order:
        for name, _goname, size, align, _mask in metas[path]["globals"]:
            a = max(align, 8)
            off = (off + a - 1) & ~(a - 1)
            gaddr[(path, name)] = off
            off += max(size, 1)
    funcvalOff = off = (off + 7) & ~7
    fvIdx: dict[int, int] = {}
    fvs: list[int] = []
    stringIdx: dict[bytes, int] = {}
    pkgs = []
    itabs: list[tuple[int, int]] = []
    itabIdx: dict[tuple[str, str], int] = {}
    for path, (names, rowdata, recover, fidnames) in zip(order, pkgFuncs):
        meta = metas[path]
        strs = []
        for b in meta["strings"]:
            si = stringIdx.get(b)
            if si is None:
                si = stringIdx[b] = len(stringIdx)
            strs.append(si)
        globs = [(name, gaddr[(path, name)]) for name, *_ in meta["globals"]]
        for p_, name, local in meta["gimports"]:
            g = gaddr.get((p_, name))
            if g is None:
                raise LinkError(f"{path}: undefined variable {p_}.{name}")
            globs.append((local, g))
        imports = []
        for p_, name, local in meta["imports"]:
            if p_ not in metas:
                raise LinkError(f"{path}: undefined: {p_}.{name}")
            imports.append((local, p_, name))
        fvals = []
        for pyname, local in meta["funcvals"]:
            fid = fids.get((path, pyname))
            if fid is None:
                raise LinkError(f"{path}: no function {pyname} for a func value")
            k = fvIdx.get(fid)
            if k is None:
                k = fvIdx[fid] = len(fvs)
                fvs.append(fid)
            fvals.append((local, k))
        its = []
        for tk, ik, name in meta.get("itablist", []):
            k = itabIdx.get((tk, ik))
            if k is None:
                k = itabIdx[(tk, ik)] = len(itabs)
                itabs.append((ti(tk), ti(ik)))
            its.append((name, k))
        pkgs.append((path, list(meta["natives"]), names, rowdata, recover, fidnames, strs,
                     [ti(k) for k in meta["typerefs"]], globs, imports, fvals, its))
    stringOff = off = funcvalOff + 8 * len(fvs)
    strings = []
    for b in stringIdx:
        strings.append((off - stringOff, len(b)))
        off += len(b)
    return {
        "pkgs": pkgs,
        "nfuncs": len(fids),
        "data": off,
        "funcvalOff": funcvalOff,
        "funcvals": fvs,
        "stringOff": stringOff,
        "strings": strings,
        "stringBytes": b"".join(stringIdx),
        "typekeys": list(descs),
        "types": types,
        "eqs": eqs,
        "image": typeImage(types),
        "itabs": itabs,
    }


# The types the linker itself looks up by name (runtimeTypes, installPanicHooks).
_linkerTypes = (
    "string", "[]uint8", "runtime.errorString", "runtime.plainError", "runtime.boundsError",
    "runtime.TypeAssertionError", "*runtime.TypeAssertionError", "runtime.PanicNilError", "*runtime.PanicNilError",
)


def _reachable(descs: dict[str, dict[str, Any]], roots: list[str]) -> set[str]:
    """The keys of the types reachable from roots: the types the modules name
    (T*, itabs) and the linker's own, then every type a descriptor refers to,
    in memory or as a Python object (element, key, parameter and result,
    field, method and interface method types). The compiler describes more
    types than a program can reach (half of them for one that imports fmt);
    the others are neither made nor placed. Missing keys are left for ti()
    to report."""
    live: set[str] = set()
    stack = list(roots)
    while stack:
        key = stack.pop()
        if key in live:
            continue
        live.add(key)
        d = descs.get(key)
        if d is None:
            continue
        for f in ("elem", "slice", "key"):
            if f in d:
                stack.append(d[f])
        stack += d.get("ins", ())
        stack += d.get("outs", ())
        stack += [f[1] for f in d.get("fields", ())]
        stack += [m[2] for m in d.get("imethods", ())]
        stack += [m[2] for m in d.get("methods", ()) or ()]
    return live


# A type's row: (kind, size, align, ptrdata, gcdata, str, hash, tflag, eq,
# a, b, c, uncommon), eq an index in eqs (-1: not comparable), and a, b, c
# by kind (type references are indices):
#   Pointer, Slice  elem
#   Array           elem, slice (-1: none), len
#   Chan            elem, dir
#   Map             key, elem
#   Func            ins, outs, variadic
#   Interface       imethods: (name, pkgPath, func type)
#   Struct          fields: (name, type, offset, embedded, tag)
# uncommon: None, or (pkgpath, methods: (name, pkgPath, func type, ifn, tfn)),
# ifn/tfn relative function indices (-1: none).


def _typeRow(key: str, d: dict[str, Any], ti: Any, functi: Any, fids: dict[tuple[str, str], int],
             eq: int) -> tuple[Any, ...]:
    k = d["kind"]
    tflag = 0
    if d.get("named"):
        tflag |= rtype.TFlagNamed
    if d.get("direct"):
        tflag |= rtype.TFlagDirectIface
    if d.get("eq") is not None and d["eq"][0] == "mem":
        tflag |= rtype.TFlagRegularMemory
    a: Any = None
    b: Any = None
    c: Any = None
    if k in (rtype.Pointer, rtype.Slice):
        a = ti(d["elem"])
    elif k == rtype.Array:
        a, b, c = ti(d["elem"]), ti(d["slice"]) if "slice" in d else -1, d["len"]
    elif k == rtype.Chan:
        a, b = ti(d["elem"]), d["dir"]
    elif k == rtype.Map:
        a, b = ti(d["key"]), ti(d["elem"])
    elif k == rtype.Func:
        a, b, c = tuple(ti(x) for x in d["ins"]), tuple(ti(x) for x in d["outs"]), bool(d.get("variadic", False))
    elif k == rtype.Interface:
        a = tuple((m[0].rsplit(".", 1)[-1], m[1], functi(m[2])) for m in d["imethods"])
    elif k == rtype.Struct:
        a = tuple((f[0], ti(f[1]), f[2], f[3], f[4]) for f in d["fields"])
    unc = None
    ms = d.get("methods")
    if ms:
        unc = (d.get("pkgpath", ""),
               tuple((name, pp, functi(mkey), _fnRel(fids, ifn), _fnRel(fids, tfn)) for name, pp, mkey, ifn, tfn in ms))
        tflag |= rtype.TFlagUncommon
    return (k, d["size"], d["align"], d["ptrdata"], d["gcdata"], d["str"], typeHash(key), tflag, eq, a, b, c, unc)


def typeImage(types: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    """The descriptors of types laid out as runtime/type.py's placeType writes
    them, relative to the image's start (see prelink's table)."""
    import struct

    offsets = []
    off = 0
    for row in types:
        offsets.append(off)
        off += rtype.TYPE_HEADER_SIZE + _extraSize(row)
    nclosures = sum(1 for row in types if row[8] >= 0) + sum(1 for row in types if row[0] == rtype.Map)
    words = array("Q", bytes(off + 16 * nclosures))
    closure = off
    gcOff: dict[bytes, int] = {}
    gcdata = bytearray()
    relocs: list[int] = []
    eqfix: list[int] = []
    hashfix: list[int] = []
    end = off + 16 * nclosures

    def ref(word: int, target: int) -> None:
        words[word] = target
        relocs.append(word)

    hdr = struct.Struct("<QQIBBBB")
    buf = bytearray(24)
    for i, row in enumerate(types):
        k, size, align, ptrdata, gc, _s, h, tflag, eq, a, b, c, _unc = row
        p = offsets[i]
        w = p >> 3
        hdr.pack_into(buf, 0, size, ptrdata, h, tflag, align, align, k)
        words[w : w + 3] = array("Q", buf)
        if gc:
            g = gcOff.get(gc)
            if g is None:
                g = gcOff[gc] = end + len(gcdata)
                gcdata += gc
            ref(w + 4, g)
        if eq >= 0:
            ref(w + 3, closure)
            eqfix.append(closure >> 3)
            ref((closure >> 3) + 1, p)
            closure += 16
        if k in (rtype.Pointer, rtype.Slice, rtype.Chan, rtype.Array):
            ref(w + 6, offsets[a])
        if k == rtype.Chan:
            words[w + 7] = b
        elif k == rtype.Array:
            if b >= 0:
                ref(w + 7, offsets[b])
            words[w + 8] = c
        elif k == rtype.Map:
            ref(w + 6, offsets[a])
            ref(w + 7, offsets[b])
            ref(w + 9, closure)
            hashfix.append(closure >> 3)
            ref((closure >> 3) + 1, p)
            closure += 16
        elif k == rtype.Func:
            words[w + 6] = len(a) | (len(b) | (0x8000 if c else 0)) << 16
            for j, x in enumerate(a + b):
                ref(w + 7 + j, offsets[x])
    return (end + len(gcdata), words.tobytes(), bytes(gcdata), relocs, eqfix, hashfix, offsets)


def _extraSize(row: tuple[Any, ...]) -> int:
    """type.py's _extraSize, for a type's row."""
    k = row[0]
    if k == rtype.Array:
        return 24
    if k == rtype.Chan:
        return 16
    if k in (rtype.Pointer, rtype.Slice):
        return 8
    if k == rtype.Map:
        return 64
    if k in (rtype.Struct, rtype.Interface):
        return 32
    if k == rtype.Func:
        return 8 + 8 * (len(row[9]) + len(row[10]))
    return 0


# --- link ----------------------------------------------------------------------------------


_nameLists: dict[str, list[str]] = {}


def _names(prefix: str, n: int) -> list[str]:
    """[prefix0, prefix1, ...], at least n of them (the names of S*, T*, TA* constants)."""
    names = _nameLists.get(prefix)
    if names is None or len(names) < n:
        names = _nameLists[prefix] = [f"{prefix}{i}" for i in range(max(n, 256))]
    return names


class Linker:
    def __init__(self) -> None:
        self.seg = Segment()
        self.types: dict[str, rtype._type] = {}  # type key -> descriptor
        self.modules: dict[str, ModuleType] = {}  # import path -> module

    def link(self, table: dict[str, Any], modules: dict[str, ModuleType], mainpath: str) -> None:
        """Link modules (import path -> module) by the prelinked table."""
        self.modules = modules
        pkgs = table["pkgs"]
        # 1. Natives and functions. Natives first: importing one may
        # register runtime functions of its own.
        for path, natives, *_ in pkgs:
            if natives:
                d = modules[path].__dict__
                nat = _natives(path)
                for py in natives:
                    fn = getattr(nat, py, None) if nat is not None else None
                    d[py] = fn if fn is not None else _missingNative(path, py)
        base = len(symtab.functab)
        for path, _, names, rows, recover, fidnames, *_ in pkgs:
            d = modules[path].__dict__
            get = d.get
            start = symtab.addfuncs([get(py) for py in names], rows)
            for name, i in fidnames:
                d[name] = start + i
            for py in recover:
                fn = d.get(py)
                if fn is not None:
                    fn.__gort_recover__ = True
        if len(symtab.functab) != base + table["nfuncs"]:
            raise LinkError("function table out of step with the link table")
        # 2. The data block: package variables, funcvals, strings.
        data = self.seg.alloc(table["data"])
        fvaddr = []
        for k, rel in enumerate(table["funcvals"]):
            a = data + table["funcvalOff"] + 8 * k
            U64[a >> 3] = base + rel
            fvaddr.append(a)
        sp = data + table["stringOff"]
        sb = table["stringBytes"]
        U8[sp : sp + len(sb)] = sb
        strings = [(sp + off, n) for off, n in table["strings"]]
        # 3. Types.
        types = self.makeTypes(table, base)
        self.runtimeTypes()
        from gort.runtime import iface

        itabs = [iface.getitab(types[ik], types[tk], False) for tk, ik in table["itabs"]]  # type: ignore[arg-type]
        # 4. Per-module bindings.
        for (path, _n, _f, _r, _c, _i, strs, trefs, globs, imports, fvals, its) in pkgs:
            d = modules[path].__dict__
            d.update(zip(_names("S", len(strs)), [strings[i] for i in strs]))
            ts = [types[i] for i in trefs]
            d.update(zip(_names("T", len(ts)), ts))
            d.update(zip(_names("TA", len(ts)), [t.addr for t in ts]))
            for name, off in globs:
                d[name] = data + off
            for local, p_, name in imports:
                fn = modules[p_].__dict__.get(name)
                if fn is None:
                    raise LinkError(f"{path}: undefined: {p_}.{name}")
                d[local] = fn
            for local, k in fvals:
                d[local] = fvaddr[k]
            for name, k in its:
                d[name] = itabs[k]
        # 5. Init tasks and main.
        from gort.runtime import proc

        order = [p[0] for p in pkgs]
        md = symtab.firstmoduledata
        md.modulename = mainpath
        md.pkgs = [modules[p] for p in order]
        md.inittasks = [modules[p].F_init__pkg for p in order]
        md.typelinks = types
        mm = modules[mainpath].__dict__.get("F_main")
        if mm is None:
            raise LinkError("function main is undeclared in the main package")
        proc.main_main = mm
        installPanicHooks(self)
        from gort.runtime import stackpy

        stackpy.install()

    def makeTypes(self, table: dict[str, Any], base: int) -> list[rtype._type]:
        """The program's type descriptors, in persistent memory (placed by the image)."""
        from gort.runtime.alg import makeEqual
        from gort.runtime.mfixalloc import persistentalloc
        from gort.runtime.mstats import memstats

        rows = table["types"]
        types: list[rtype._type] = [_newType(row) for row in rows]
        equals = [makeEqual(eq) for eq in table["eqs"]]
        for t, row in zip(types, rows):
            _, _, _, _, _, _, _, _, eq, a, b, c, unc = row
            k = t.kind
            if eq >= 0:
                t.equal = equals[eq]
            if k == rtype.Pointer or k == rtype.Slice:
                t.elem = types[a]  # type: ignore[attr-defined]
            elif k == rtype.Struct:
                t.fields = [rtype.structfield(n, types[x], off, emb, tag) for n, x, off, emb, tag in a]  # type: ignore[attr-defined]
            elif k == rtype.Func:
                t.ins = [types[x] for x in a]  # type: ignore[attr-defined]
                t.outs = [types[x] for x in b]  # type: ignore[attr-defined]
            elif k == rtype.Interface:
                t.methods = [rtype.imethod(n, types[x], pp) for n, pp, x in a]  # type: ignore[attr-defined, arg-type]
            elif k == rtype.Array:
                t.elem = types[a]  # type: ignore[attr-defined]
                if b >= 0:
                    t.slice = types[b]  # type: ignore[attr-defined]
            elif k == rtype.Chan:
                t.elem = types[a]  # type: ignore[attr-defined]
            elif k == rtype.Map:
                t.key = kt = types[a]  # type: ignore[attr-defined]
                t.elem = et = types[b]  # type: ignore[attr-defined]
                t.keysize = kt.size  # type: ignore[attr-defined]
                t.valuesize = et.size  # type: ignore[attr-defined]
            if unc is not None:
                t.uncommon = rtype.uncommontype(unc[0], [
                    rtype.method(n, types[x], base + ifn if ifn >= 0 else 0, base + tfn if tfn >= 0 else 0, pp)  # type: ignore[arg-type]
                    for n, pp, x, ifn, tfn in unc[1]])
        # The descriptors' memory: the image, relocated.
        size, img, gcdata, relocs, eqfix, hashfix, offsets = table["image"]
        p = persistentalloc(max(size, 8), 8, memstats.other_sys)
        words = array("Q", img)
        for i in relocs:
            words[i] += p
        if eqfix:
            e = rtype._equalFunc().entry
            for i in eqfix:
                words[i] = e
        if hashfix:
            h = rtype._hasherFunc().entry
            for i in hashfix:
                words[i] = h
        n = len(img)
        U8[p : p + n] = words.tobytes()
        U8[p + n : p + n + len(gcdata)] = gcdata
        addrs = [p + off for off in offsets]
        for t, a in zip(types, addrs):
            t.addr = a
        rtype.typeByAddr.update(zip(addrs, types))
        self.types = dict(zip(table["typekeys"], types))
        return types

    def runtimeTypes(self) -> None:
        """Descriptors the runtime itself boxes with (string and slice headers)."""
        from gort.runtime import iface

        st = self.types.get("string")
        if st is None:
            st = rtype._type(rtype.String, size=16, align=8, ptrdata=8, gcdata=b"\x01", s="string")
            rtype.placeType(st)
        iface.stringType = st
        sl = self.types.get("[]uint8")
        if sl is None:
            sl = rtype.slicetype(rtype.basicType(rtype.Uint8, 1, "uint8"), size=24, align=8, ptrdata=8,
                                 gcdata=b"\x01", s="[]uint8")
            rtype.placeType(sl)
        iface.sliceType = sl


_typeClasses: dict[int, type[rtype._type]] = {
    rtype.Pointer: rtype.ptrtype,
    rtype.Slice: rtype.slicetype,
    rtype.Array: rtype.arraytype,
    rtype.Chan: rtype.chantype,
    rtype.Map: rtype.maptype,
    rtype.Func: rtype.functype,
    rtype.Interface: rtype.interfacetype,
    rtype.Struct: rtype.structtype,
}


def _newType(row: tuple[Any, ...]) -> rtype._type:
    """A descriptor of row's class with its common fields and its scalar
    kind-specific ones set (references are set by makeTypes)."""
    k, size, align, ptrdata, gcdata, s, h, tflag, _eq, a, b, c, _unc = row
    cls = _typeClasses.get(k, rtype._type)
    t = cls.__new__(cls)
    rtype._type.__init__(t, k, size, align, ptrdata, gcdata, s)
    t.hash = h
    t.tflag = tflag
    if k == rtype.Pointer:
        t.elem = None  # type: ignore[attr-defined]
    elif k == rtype.Array:
        t.slice = None  # type: ignore[attr-defined]
        t.len = c  # type: ignore[attr-defined]
    elif k == rtype.Chan:
        t.dir = b  # type: ignore[attr-defined]
    elif k == rtype.Map:
        t.bucket = None  # type: ignore[attr-defined]
        t.hasher = None  # type: ignore[attr-defined]
        t.bucketsize = 0  # type: ignore[attr-defined]
        t.flags = 0  # type: ignore[attr-defined]
    elif k == rtype.Func:
        t.inCount = len(a)  # type: ignore[attr-defined]
        t.outCount = len(b) | (0x8000 if c else 0)  # type: ignore[attr-defined]
        t.variadic = c  # type: ignore[attr-defined]
    elif k == rtype.Interface:
        t.pkgpath = ""  # type: ignore[attr-defined]
    elif k == rtype.Struct:
        t.pkgPath = ""  # type: ignore[attr-defined]
    return t


_stdDir = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "std")


def _natives(path: str) -> Any:
    """Package path's natives module (gort/std/PATH/natives.py), or None.

    Imported by its file name: its parent packages (empty but for a
    docstring) are not imported first, which takes half the time of
    importing the natives of a program (2 of 4 ms for one that imports
    fmt); an import of one by name finds it in sys.modules."""
    name = "gort.std." + path.replace("/", ".") + ".natives"
    mod = sys.modules.get(name)
    if mod is None:
        fn = os.path.join(_stdDir, *path.split("/"), "natives.py")
        if not os.path.isfile(fn):
            return None
        try:
            mod = importFile(name, fn)
        except ImportError:
            return None
    return mod


def importFile(name: str, path: str) -> ModuleType:
    """Import module name from the source file path, and its parent packages
    from the __init__.py files of the directories above it, as an import of
    name would but without the path finder's search of each: the linker's
    way to load gort/std/PATH/natives.py (18 of them and 23 parent packages
    for a program that imports fmt: 2 ms instead of 4)."""
    mod = sys.modules.get(name)
    if mod is not None:
        return mod
    is_package = os.path.basename(path) == "__init__.py"
    parent, _, child = name.rpartition(".")
    pmod = None
    if parent:
        up = os.path.dirname(path)
        pmod = importFile(parent, os.path.join(os.path.dirname(up) if is_package else up, "__init__.py"))
    from gort import _codecache

    loader: importlib.machinery.SourceFileLoader
    if _codecache._dir:
        loader = _codecache._Loader(name, path)  # (gort's bytecode in GORTCACHE/pyc)
    else:
        loader = importlib.machinery.SourceFileLoader(name, path)
    spec = importlib.util.spec_from_file_location(
        name, path, loader=loader, submodule_search_locations=[os.path.dirname(path)] if is_package else None)
    if spec is None:
        raise ImportError(f"cannot import {name} from {path}")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    try:
        loader.exec_module(mod)
    except BaseException:
        del sys.modules[name]
        raise
    if pmod is not None:
        setattr(pmod, child, mod)
    return mod


def _missingNative(path: str, py: str) -> Any:
    def missing(gp: Any, *args: Any) -> Any:
        from gort.runtime.panic import throw

        throw(f"gort: no native implementation of {path}.{py[2:] if py.startswith('F_') else py}")

    # A code object of its own (the symbol table maps code objects to Go
    # functions, and every closure of missing shares missing's).
    missing.__code__ = missing.__code__.replace(co_name=f"{path.replace('/', '_')}__{py}")
    return missing


# --- runtime hooks that need the program's types -------------------------------------------


def installPanicHooks(lk: Linker) -> None:
    """Let the runtime make and print Go panic values (panic.py's hooks)."""
    from gort.runtime import panic

    def makeRuntimeError(kind: str, msg: str) -> tuple[int, int]:
        from gort.runtime.iface import convTstring
        from gort.runtime.malloc import mallocgc, newobject
        from gort.runtime.string import makestring

        if kind in ("plainError", "errorString"):
            t = lk.types[f"runtime.{kind}"]
            return (t.addr, convTstring(makestring(msg)))
        if kind == "boundsError":
            t = lk.types["runtime.boundsError"]
            p = mallocgc(t.size, t, True)
            s = makestring(msg)
            U64[p >> 3] = s[0]
            U64[(p + 8) >> 3] = s[1]
            return (t.addr, p)
        if kind == "TypeAssertionError":
            pt = lk.types["*runtime.TypeAssertionError"]
            st = lk.types["runtime.TypeAssertionError"]
            p = newobject(st)
            s = makestring(msg)
            U64[p >> 3] = s[0]
            U64[(p + 8) >> 3] = s[1]
            return (pt.addr, p)
        if kind == "PanicNilError":
            pt = lk.types["*runtime.PanicNilError"]
            return (pt.addr, newobject(lk.types["runtime.PanicNilError"]))
        t = lk.types["runtime.errorString"]
        return (t.addr, convTstring(makestring(msg)))

    panic.makeRuntimeError = makeRuntimeError
    panic.printpanicvalHook = printpanicval


def _textMethod(t: rtype._type, name: str) -> Any:
    u = t.uncommon
    if u is None:
        return None
    for m in u.methods:
        if m.name == name and not m.pkgPath:
            mt = m.mtyp
            if isinstance(mt, rtype.functype) and mt.inCount == 0 and len(mt.outs) == 1 and mt.outs[0].kind == rtype.String:
                return m
    return None


def printpanicval(gp: Any, v: tuple[int, int]) -> Any:
    """The text after "panic: " for value v (panic.go printpanicval + preprintpanics)."""
    from gort.runtime.ftoa import formatFloat
    from gort.runtime.string import gostring
    from gort.runtime.type import typeByAddr
    from gort.runtime.unsafe import F32, F64, I8, I16, I32, I64, U16, U32

    tab, data = v
    if not tab:
        return "nil"
    t = typeByAddr[tab]
    m = _textMethod(t, "Error") or _textMethod(t, "String")
    if m is not None:
        r = symtab.FUNCTAB[m.ifn](gp, data)  # type: ignore[misc]
        if r is not None and hasattr(r, "send"):
            r = yield from r
        s = gostring(r)
        return s
    a = data
    if t.isDirectIface():
        return f"({t.str}) {hex(data)}"
    k = t.kind
    named = bool(t.tflag & rtype.TFlagNamed) and t.str not in _basicNames
    if k == rtype.String:
        s = gostring((U64[a >> 3], U64[(a + 8) >> 3]))
        return f'{t.str}("{s}")' if named else s
    if k == rtype.Bool:
        s = "true" if U8[a] else "false"
    elif rtype.Int <= k <= rtype.Int64:
        s = str({1: I8[a], 2: I16[a >> 1], 4: I32[a >> 2], 8: I64[a >> 3]}[t.size])
    elif rtype.Uint <= k <= rtype.Uintptr:
        s = str({1: U8[a], 2: U16[a >> 1], 4: U32[a >> 2], 8: U64[a >> 3]}[t.size])
    elif k == rtype.Float32:
        s = formatFloat(F32[a >> 2], "g", -1, 32)
    elif k == rtype.Float64:
        s = formatFloat(F64[a >> 3], "g", -1, 64)
    elif k in (rtype.Complex64, rtype.Complex128):
        if k == rtype.Complex64:
            re, im = F32[a >> 2], F32[(a + 4) >> 2]
            bits = 32
        else:
            re, im = F64[a >> 3], F64[(a + 8) >> 3]
            bits = 64
        ims = formatFloat(im, "g", -1, bits)
        if ims[0] not in "+-":
            ims = "+" + ims
        s = f"({formatFloat(re, 'g', -1, bits)}{ims}i)"
    else:
        return f"({t.str}) {hex(data)}"
    return f"{t.str}({s})" if named else s


_basicNames = {
    "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
    "uintptr", "float32", "float64", "complex64", "complex128", "string",
}
