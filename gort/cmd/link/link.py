"""The linker: lay out the program image and bind the compiled modules.

gc's linker writes an executable: text, read-only data (strings, type
descriptors, itabs), data and bss (package variables), the function table,
and the list of init tasks. gort's linker does the same for the compiled
Python modules, in memory, before `rt0_go` runs:

  1. register every function in the function table (symtab.addfunc) and
     give each module its FID_* constants;
  2. map one segment for the image (outside the heap, as the kernel maps a
     binary) and lay out string literals, type descriptors and package
     variables in it;
  3. build the runtime type descriptors from the compiler's descriptions
     (runtime/type.py classes), with their method tables, and the itabs the
     compiler asked for;
  4. bind each module's references: S* strings, T*/TA* types, G*/GX*
     variables, X_* functions of other packages and natives, FV_* funcvals,
     IT* itabs;
  5. record the init tasks (each package's init, in dependency order) and
     main.main for runtime.main.

Differences from Go: there is no executable file; the "image" is the set of
loaded modules plus the segment mapped here.
"""

from __future__ import annotations

import importlib
import zlib
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
    return zlib.crc32(key.encode()) & 0xFFFFFFFF


class Linker:
    def __init__(self) -> None:
        self.seg = Segment()
        self.types: dict[str, rtype._type] = {}
        self.descs: dict[str, dict[str, Any]] = {}
        self.strings: dict[bytes, int] = {}
        self.modules: dict[str, ModuleType] = {}  # import path -> module
        self.metas: dict[str, dict[str, Any]] = {}
        self.globals: dict[tuple[str, str], int] = {}
        self.funcs: dict[tuple[str, str], Any] = {}  # (path, pyname) -> python function
        self.fids: dict[tuple[str, str], int] = {}
        self.funcvals: dict[int, int] = {}  # function index -> static funcval
        self.itabs: dict[tuple[str, str], int] = {}

    # --- strings and types ----------------------------------------------------------------

    def string(self, b: bytes) -> tuple[int, int]:
        p = self.strings.get(b)
        if p is None:
            p = self.seg.alloc(len(b), 1)
            U8[p : p + len(b)] = b
            self.strings[b] = p
        return (p, len(b))

    def typ(self, key: str) -> rtype._type:
        t = self.types.get(key)
        if t is not None:
            return t
        d = self.descs.get(key)
        if d is None:
            raise LinkError(f"missing type description for {key}")
        k = d["kind"]
        common = dict(size=d["size"], align=d["align"], ptrdata=d["ptrdata"], gcdata=d["gcdata"], s=d["str"])
        if k == rtype.Pointer:
            t = rtype.ptrtype(None, **common)
        elif k == rtype.Slice:
            t = rtype.slicetype(None, **common)  # type: ignore[arg-type]
        elif k == rtype.Array:
            t = rtype.arraytype(None, d["len"], **common)  # type: ignore[arg-type]
        elif k == rtype.Chan:
            t = rtype.chantype(None, d["dir"], **common)  # type: ignore[arg-type]
        elif k == rtype.Map:
            t = rtype.maptype.__new__(rtype.maptype)
            rtype._type.__init__(t, rtype.Map, **common)
        elif k == rtype.Func:
            t = rtype.functype([], [], d.get("variadic", False), **common)
        elif k == rtype.Interface:
            t = rtype.interfacetype([], "", **common)
        elif k == rtype.Struct:
            t = rtype.structtype([], "", **common)
        else:
            t = rtype._type(k, **common)
        t.hash = typeHash(key)
        if d.get("named"):
            t.tflag |= rtype.TFlagNamed
        if d.get("direct"):
            t.tflag |= rtype.TFlagDirectIface
        if d.get("eq") is not None and d["eq"][0] == "mem":
            t.tflag |= rtype.TFlagRegularMemory
        self.types[key] = t
        # Referents (after registering t: types may be recursive).
        if "elem" in d:
            t.elem = self.typ(d["elem"])  # type: ignore[attr-defined]
        if k == rtype.Array and "slice" in d:
            t.slice = self.typ(d["slice"])  # type: ignore[attr-defined]
        if k == rtype.Map:
            t.key = self.typ(d["key"])  # type: ignore[attr-defined]
            t.elem = self.typ(d["elem"])  # type: ignore[attr-defined]
            t.keysize = t.key.size  # type: ignore[attr-defined]
            t.valuesize = t.elem.size  # type: ignore[attr-defined]
            t.bucket = None  # type: ignore[attr-defined]
            t.hasher = None  # type: ignore[attr-defined]
            t.bucketsize = 0  # type: ignore[attr-defined]
            t.flags = 0  # type: ignore[attr-defined]
        if k == rtype.Func:
            t.ins = [self.typ(x) for x in d["ins"]]  # type: ignore[attr-defined]
            t.outs = [self.typ(x) for x in d["outs"]]  # type: ignore[attr-defined]
            t.inCount = len(t.ins)  # type: ignore[attr-defined]
            t.outCount = len(t.outs) | (0x8000 if d.get("variadic") else 0)  # type: ignore[attr-defined]
        if k == rtype.Struct:
            t.fields = [rtype.structfield(f[0], self.typ(f[1]), f[2], f[3], f[4]) for f in d["fields"]]  # type: ignore[attr-defined]
        if k == rtype.Interface:
            t.methods = [rtype.imethod(m[0].rsplit(".", 1)[-1], self.functyp(m[2]), m[1]) for m in d["imethods"]]  # type: ignore[attr-defined]
        return t

    def functyp(self, key: str) -> rtype.functype:
        """The descriptor of a method's type (a func type, described by the compiler)."""
        t = self.typ(key)
        if not isinstance(t, rtype.functype):
            raise LinkError(f"method type {key} is not a func type")
        return t

    def finishType(self, key: str) -> None:
        """Equal functions and method tables (needs the function table)."""
        from gort.runtime.alg import makeEqual

        t = self.types[key]
        d = self.descs[key]
        t.equal = makeEqual(d.get("eq"))
        ms = d.get("methods")
        if ms:
            methods = []
            for name, pp, mkey, ifn, tfn in ms:
                ifnidx = self.fids.get((ifn[0], ifn[1]), 0)
                tfnidx = self.fids.get((tfn[0], tfn[1]), 0)
                methods.append(rtype.method(name, self.functyp(mkey), ifnidx, tfnidx, pp))
            t.uncommon = rtype.uncommontype(d.get("pkgpath", ""), methods)
            t.tflag |= rtype.TFlagUncommon

    # --- modules --------------------------------------------------------------------------

    def add(self, path: str, mod: ModuleType) -> None:
        meta = mod.__gort__
        self.modules[path] = mod
        self.metas[path] = meta
        self.descs.update(meta["types"])

    def link(self, order: list[str], mainpath: str) -> None:
        """order: import paths in dependency order (runtime deps first, main last)."""
        # 1. Natives and functions.
        for path in order:
            mod = self.modules[path]
            meta = self.metas[path]
            if meta["natives"]:
                nat = _natives(path)
                for py in meta["natives"]:
                    fn = getattr(nat, py, None) if nat is not None else None
                    if fn is None:
                        fn = _missingNative(path, py)
                    mod.__dict__[py] = fn
            for row in meta["funcs"]:
                (pyname, goname, file, line, isgen, frameSize, framePtrs, ptrLocals, linemap, nargs, hasRecover) = row
                fn = mod.__dict__.get(pyname)
                f = symtab._func(goname, file, line, frameSize, tuple(framePtrs), tuple(ptrLocals),
                                 dict(linemap), fn, nargs)
                f.isGenerator = isgen
                f.hasRecover = hasRecover
                if hasRecover and fn is not None:
                    fn.__gort_recover__ = True
                idx = symtab.addfunc(f)
                mod.__dict__[f"FID_{pyname}"] = idx
                self.fids[(path, pyname)] = idx
                self.funcs[(path, pyname)] = fn
            for py in meta["natives"]:
                fn = mod.__dict__[py]
                if (path, py) not in self.fids:
                    f = symtab._func(f"{path}.{py[2:] if py.startswith('F_') else py}", fn=fn)
                    idx = symtab.addfunc(f)
                    self.fids[(path, py)] = idx
                    self.funcs[(path, py)] = fn
                    mod.__dict__[f"FID_{py}"] = idx
        # 2. Types.
        for key in list(self.descs):
            self.typ(key)
        for key in list(self.types):
            self.finishType(key)
        for t in self.types.values():
            rtype.placeType(t)
        self.runtimeTypes()
        # 3. Per-module bindings.
        for path in order:
            self.bind(path)
        # 4. Init tasks and main.
        from gort.runtime import proc

        md = symtab.firstmoduledata
        md.modulename = mainpath
        md.pkgs = [self.modules[p] for p in order]
        md.inittasks = [self.modules[p].F_init__pkg for p in order]
        md.typelinks = list(self.types.values())
        mainmod = self.modules[mainpath]
        mm = mainmod.__dict__.get("F_main")
        if mm is None:
            raise LinkError("function main is undeclared in the main package")
        proc.main_main = mm
        installPanicHooks(self)
        from gort.runtime import stackpy

        stackpy.install()

    def bind(self, path: str) -> None:
        mod = self.modules[path]
        meta = self.metas[path]
        d = mod.__dict__
        for i, b in enumerate(meta["strings"]):
            d[f"S{i}"] = self.string(b)
        for i, key in enumerate(meta["typerefs"]):
            t = self.types[key]
            d[f"T{i}"] = t
            d[f"TA{i}"] = t.addr
        for row in meta["globals"]:
            name, goname, size, align, mask = row
            p = self.seg.alloc(size, max(align, 8))
            self.globals[(path, name)] = p
            d[name] = p
        for p_, name, local in meta["gimports"]:
            addr = self.globals.get((p_, name))
            if addr is None:
                raise LinkError(f"{path}: undefined variable {p_}.{name}")
            d[local] = addr
        for p_, name, local in meta["imports"]:
            fn = self.funcs.get((p_, name))
            if fn is None:
                fn = self.modules[p_].__dict__.get(name) if p_ in self.modules else None
            if fn is None:
                raise LinkError(f"{path}: undefined: {p_}.{name}")
            d[local] = fn
        for pyname, local in meta["funcvals"]:
            idx = self.fids.get((path, pyname))
            if idx is None:
                raise LinkError(f"{path}: no function {pyname} for a func value")
            fv = self.funcvals.get(idx)
            if fv is None:
                fv = self.seg.alloc(8)
                U64[fv >> 3] = idx
                self.funcvals[idx] = fv
            d[local] = fv
        for row in meta.get("itablist", []):
            tk, ik, name = row
            d[name] = self.itab(tk, ik)

    def itab(self, tk: str, ik: str) -> int:
        from gort.runtime import iface

        key = (tk, ik)
        m = self.itabs.get(key)
        if m is None:
            inter = self.types[ik]
            typ = self.types[tk]
            m = iface.getitab(inter, typ, False)  # type: ignore[arg-type]
            self.itabs[key] = m
        return m

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


def _natives(path: str) -> Any:
    try:
        return importlib.import_module("gort.std." + path.replace("/", ".") + ".natives")
    except ImportError:
        return None


def _missingNative(path: str, py: str) -> Any:
    def missing(gp: Any, *args: Any) -> Any:
        from gort.runtime.panic import throw

        throw(f"gort: no native implementation of {path}.{py[2:] if py.startswith('F_') else py}")

    # A code object of its own (the symbol table maps code objects to Go
    # functions, and equal code objects would all name the last one).
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
