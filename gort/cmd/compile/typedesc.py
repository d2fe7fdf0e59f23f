"""Type descriptions for the linker, and the method wrappers of defined types.

The compiler cannot know addresses, so for every type a package uses at run
time it writes a description (plain Python literals, cached with the
module) that the linker turns into a runtime descriptor with abi.Type's
layout (runtime/type.py):

    {"kind", "size", "align", "fieldAlign", "ptrdata", "gcdata", "str",
     "named", "pkgpath", "name", "elem", "key", "len", "dir", "fields",
     "imethods", "ins", "outs", "variadic", "eq", "methods"}

Types refer to each other by key (typeinfo.typeKey), so recursive types
describe themselves without recursing forever.

A defined type with methods also gets, in the package that defines it, one
wrapper per method for interface calls (gc's "ifn"): it receives the
interface's data word and finds the receiver from it (the value itself for
pointer-shaped types, else a pointer to the boxed copy), walks any
embedded fields the method was promoted through, and calls the method.
The descriptor's method table lists (name, pkgpath, method type, ifn, tfn).
"""

from __future__ import annotations

from typing import Any

from gort.cmd.compile import gotypes as types
from gort.cmd.compile import typeinfo as ti
from gort.cmd.compile.emit import mangle
from gort.cmd.compile.typeinfo import Rep
from gort.runtime import type as rtype

_kinds = {
    types.Bool: rtype.Bool,
    types.Int: rtype.Int,
    types.Int8: rtype.Int8,
    types.Int16: rtype.Int16,
    types.Int32: rtype.Int32,
    types.Int64: rtype.Int64,
    types.Uint: rtype.Uint,
    types.Uint8: rtype.Uint8,
    types.Uint16: rtype.Uint16,
    types.Uint32: rtype.Uint32,
    types.Uint64: rtype.Uint64,
    types.Uintptr: rtype.Uintptr,
    types.Float32: rtype.Float32,
    types.Float64: rtype.Float64,
    types.Complex64: rtype.Complex64,
    types.Complex128: rtype.Complex128,
    types.String: rtype.String,
    types.UnsafePointer: rtype.UnsafePointer,
}


def kindOf(t: types.Type) -> int:
    u = t.Underlying()
    if isinstance(u, types.Basic):
        return _kinds.get(u.Kind(), rtype.UnsafePointer)
    for cls, k in ((types.Pointer, rtype.Pointer), (types.Slice, rtype.Slice), (types.Array, rtype.Array),
                   (types.Chan, rtype.Chan), (types.Map, rtype.Map), (types.Signature, rtype.Func),
                   (types.Interface, rtype.Interface), (types.Struct, rtype.Struct)):
        if isinstance(u, cls):
            return k
    raise TypeError(t)


def ifaceMethods(it: types.Interface) -> list[tuple[str, str, types.Type]]:
    """(sort key, pkgpath, signature) of an interface's methods, in itab order."""
    out = []
    for i in range(it.NumMethods()):
        m = it.Method(i)
        name = m.Name()
        pkg = m.Pkg()
        pp = "" if m.Exported() or pkg is None else ti.pkgPath(pkg)
        key = name if not pp else f"{pp}.{name}"
        out.append((key, pp, m.Type()))
    out.sort(key=lambda x: x[0])
    return out


def eqKind(t: types.Type) -> Any:
    """How values of t compare: a descriptor for the linker's equal function."""
    u = t.Underlying()
    r = ti.rep(t)
    if r in (Rep.INT, Rep.BOOL, Rep.PTR):
        if isinstance(u, types.Signature):
            return None
        if isinstance(u, types.Map):
            return None
        return ["mem", ti.sizeof(t)]
    if r == Rep.FLOAT:
        return ["f32"] if ti.isFloat32(t) else ["f64"]
    if r == Rep.COMPLEX:
        return ["c64"] if ti.isFloat32(t) else ["c128"]
    if r == Rep.STRING:
        return ["str"]
    if r == Rep.IFACE:
        return ["eface"] if ti.isEface(t) else ["iface"]
    if r == Rep.SLICE:
        return None
    if isinstance(u, types.Struct):
        offs = ti.offsetsof(u)
        fields = []
        for i in range(u.NumFields()):
            f = u.Field(i)
            if f.Name() == "_":
                continue
            fe = eqKind(f.Type())
            if fe is None:
                return None
            fields.append([offs[i], ti.typeKey(f.Type()), fe])
        return ["struct", fields]
    if isinstance(u, types.Array):
        ee = eqKind(u.Elem())
        if ee is None:
            return None
        return ["array", u.Len(), ti.sizeof(u.Elem()), ti.typeKey(u.Elem()), ee]
    return None


def describe(pg: Any, t: types.Type) -> str:
    """Record t's description (and those of the types it refers to); return its key."""
    key = ti.typeKey(t)
    if key in pg.typeDescs:
        return key
    d: dict[str, Any] = {}
    pg.typeDescs[key] = d  # placeholder first: recursive types refer back
    if isinstance(t, types.Alias):
        t = types.Unalias(t)
    u = t.Underlying()
    ptrdata, gcdata = ti.gcinfo(t)
    d["kind"] = kindOf(t)
    d["size"] = ti.sizeof(t)
    d["align"] = ti.alignof(t)
    d["ptrdata"] = ptrdata
    d["gcdata"] = gcdata
    d["str"] = typeString(t)
    d["eq"] = eqKind(t)
    d["direct"] = _direct(t)
    if isinstance(t, types.Named):
        obj = t.Obj()
        d["named"] = True
        d["name"] = obj.Name()
        d["pkgpath"] = ti.pkgPath(obj.Pkg()) if obj.Pkg() is not None else ""
        d["methods"] = methodTable(pg, t, False)
    elif isinstance(t, types.Basic):
        d["named"] = True
        d["name"] = t.Name()
        d["pkgpath"] = ""
    if isinstance(u, types.Pointer):
        d["elem"] = describe(pg, u.Elem())
        el = types.Unalias(u.Elem())
        if isinstance(el, types.Named):
            d["methods"] = methodTable(pg, el, True)
    elif isinstance(u, types.Slice):
        d["elem"] = describe(pg, u.Elem())
    elif isinstance(u, types.Array):
        d["elem"] = describe(pg, u.Elem())
        d["len"] = u.Len()
        d["slice"] = describe(pg, types.NewSlice(u.Elem()))
    elif isinstance(u, types.Chan):
        d["elem"] = describe(pg, u.Elem())
        d["dir"] = {0: 3, 1: 2, 2: 1}.get(int(u.Dir()), 3)
    elif isinstance(u, types.Map):
        d["key"] = describe(pg, u.Key())
        d["elem"] = describe(pg, u.Elem())
    elif isinstance(u, types.Signature):
        ps, rs = u.Params(), u.Results()
        d["ins"] = [describe(pg, ps.At(i).Type()) for i in range(ps.Len())]
        d["outs"] = [describe(pg, rs.At(i).Type()) for i in range(rs.Len())]
        d["variadic"] = u.Variadic()
    elif isinstance(u, types.Struct):
        offs = ti.offsetsof(u)
        fields = []
        for i in range(u.NumFields()):
            f = u.Field(i)
            fields.append([f.Name(), describe(pg, f.Type()), offs[i], f.Embedded(), u.Tag(i),
                           ti.pkgPath(f.Pkg()) if f.Pkg() is not None and not f.Exported() else ""])
        d["fields"] = fields
    elif isinstance(u, types.Interface):
        d["imethods"] = [[k, pp, describe(pg, sig)] for k, pp, sig in ifaceMethods(u)]
    return key


def _direct(t: types.Type) -> bool:
    from gort.cmd.compile.ifaces import isDirectIface

    return isDirectIface(t)


def typeString(t: types.Type) -> str:
    """t as gc's runtime names it (reflect's Type.String): package names, and
    spaces inside struct and interface braces ("struct { X int }")."""
    if isinstance(t, types.Alias):
        t = types.Unalias(t)
    if isinstance(t, types.Basic):
        return "unsafe.Pointer" if t.Kind() == types.UnsafePointer else t.Name()
    if isinstance(t, types.Named):
        obj = t.Obj()
        name = obj.Name()
        pkg = obj.Pkg()
        if pkg is not None:
            name = pkg.Name() + "." + name
        targs = t.TypeArgs()
        if targs:
            name += "[" + ",".join(typeString(a) for a in targs) + "]"
        return name
    if isinstance(t, types.Pointer):
        return "*" + typeString(t.Elem())
    if isinstance(t, types.Slice):
        return "[]" + typeString(t.Elem())
    if isinstance(t, types.Array):
        return f"[{t.Len()}]" + typeString(t.Elem())
    if isinstance(t, types.Map):
        return f"map[{typeString(t.Key())}]{typeString(t.Elem())}"
    if isinstance(t, types.Chan):
        d = int(t.Dir())
        e = typeString(t.Elem())
        if d == 1:
            return "chan<- " + e
        if d == 2:
            return "<-chan " + e
        el = t.Elem()
        if isinstance(el, types.Chan) and int(el.Dir()) == 2:
            e = "(" + e + ")"
        return "chan " + e
    if isinstance(t, types.Signature):
        return "func" + _sigString(t)
    if isinstance(t, types.Struct):
        if t.NumFields() == 0:
            return "struct {}"
        parts = []
        for i in range(t.NumFields()):
            f = t.Field(i)
            ft = typeString(f.Type())
            p = ft if f.Embedded() else f"{f.Name()} {ft}"
            tag = t.Tag(i)
            if tag:
                p += " " + _quote(tag)
            parts.append(p)
        return "struct { " + "; ".join(parts) + " }"
    if isinstance(t, types.Interface):
        if t.NumMethods() == 0 and t.Empty():
            return "interface {}"
        ms = []
        for i in range(t.NumMethods()):
            m = t.Method(i)
            ms.append(m.Name() + _sigString(m.Type()))
        return "interface { " + "; ".join(ms) + " }"
    return str(t)


def _sigString(sig: Any) -> str:
    ps, rs = sig.Params(), sig.Results()
    params = []
    for i in range(ps.Len()):
        pt = ps.At(i).Type()
        if sig.Variadic() and i == ps.Len() - 1:
            params.append("..." + typeString(pt.Elem()))
        else:
            params.append(typeString(pt))
    s = "(" + ", ".join(params) + ")"
    if rs.Len() == 1:
        s += " " + typeString(rs.At(0).Type())
    elif rs.Len() > 1:
        s += " (" + ", ".join(typeString(rs.At(i).Type()) for i in range(rs.Len())) + ")"
    return s


def _quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def methodTable(pg: Any, named: types.Named, ptr: bool) -> list[list[Any]]:
    """[name, pkgpath, mtype key, ifn ref, tfn ref] for the method set of named (or *named)."""
    if types.IsInterface(named):
        return []
    T: types.Type = types.NewPointer(named) if ptr else named
    mset = types.NewMethodSet(T)
    out: list[list[Any]] = []
    obj = named.Obj()
    defpkg = ti.pkgPath(obj.Pkg()) if obj.Pkg() is not None else ""
    tname = mangle(obj.Name())
    if named.TypeArgs():
        # An instance of a generic type: its methods (and their wrappers)
        # are compiled into the package that uses it.
        import zlib

        defpkg = pg.path
        tname += f"__i{zlib.crc32(ti.typeKey(named).encode()):08x}"
    for i in range(mset.Len()):
        sel = mset.At(i)
        fn = sel.Obj()
        if not isinstance(fn, types.Func):
            continue
        sig = fn.Signature()
        if sig.TypeParams():
            continue  # a generic method (Go 1.27) is in no method table
        name = fn.Name()
        pp = "" if fn.Exported() or fn.Pkg() is None else ti.pkgPath(fn.Pkg())
        msig = types.NewSignatureType(None, None, None, sig.Params(), sig.Results(), sig.Variadic())
        mkey = describe(pg, msig)
        ifn = f"{'IP' if ptr else 'I'}_{tname}__{mangle(name)}"
        out.append([name, pp, mkey, [defpkg, ifn], [defpkg, ifn]])
        if defpkg == pg.path:
            genIfaceWrapper(pg, named, ptr, sel, ifn)
    out.sort(key=lambda m: m[0] if not m[1] else f"{m[1]}.{m[0]}")
    return out


def genIfaceWrapper(pg: Any, named: types.Named, ptr: bool, sel: Any, wname: str) -> None:
    """def ifn(gp, d, args...): find the receiver from data word d, call the method."""
    if wname in pg.methodWrappers:
        return
    pg.methodWrappers.add(wname)
    from gort.cmd.compile.gen import FuncMeta
    from gort.runtime.symtab import FuncIDWrapper

    fn = sel.Obj()
    sig = fn.Type()
    n = sig.Params().Len()
    args = "".join(f", a{i}" for i in range(n))
    lines: list[str] = []
    emit = lines.append
    frame = 8
    framePtrs: list[int] = []
    # The receiver base: a pointer to a `named` value.
    if ptr:
        emit("    p = d")
    elif _direct(named):
        if ti.isMem(named):
            frame = 16
            framePtrs.append(8)
            emit("    p = _sp + 8")
            emit("    U64[p >> 3] = d")
        else:
            emit("    p = None")  # the receiver is d itself
    else:
        emit("    p = d")
    cur: types.Type = named
    path = sel.Index()[:-1]
    for i in path:
        st = cur.Underlying()
        if isinstance(st, types.Pointer):
            emit("    p = U64[p >> 3]")
            emit("    if not p: panicmem()")
            st = st.Elem().Underlying()
        assert isinstance(st, types.Struct)  # sel.Index() is a path of embedded fields
        off = ti.offsetsof(st)[i]
        if off:
            emit(f"    p = p + {off}")
        cur = st.Field(i).Type()
    cu = cur.Underlying()
    if isinstance(cu, types.Pointer) and path:
        emit("    p = U64[p >> 3]")
        cur = cu.Elem()
    recvT = sig.Recv().Type()
    iface = isinstance(cur.Underlying(), types.Interface)
    if iface:
        # Promoted from an embedded interface: a dynamic call through its itab.
        recv = ""
    elif isinstance(recvT, types.Pointer):
        recv = "p"
    elif ti.isMem(recvT):
        size = ti.sizeof(recvT)
        off = (frame + 15) & ~15
        frame = off + ((size + 7) & ~7)
        for w in ti.ptrwords(recvT):
            framePtrs.append(off + 8 * w)
        emit(f"    r = _sp + {off}")
        emit("    " + ti.copyMem(recvT, "r", "p"))
        recv = "r"
    elif not ptr and _direct(named) and not ti.isMem(named) and not path:
        recv = "d"
    else:
        recv = ti.load(recvT, "p")
    if iface:
        from gort.cmd.compile.calls import ifaceMethodIndex

        k = ifaceMethodIndex(cur.Underlying(), fn.Name(), fn.Pkg())
        emit("    t_ = U64[p >> 3]")
        emit("    if not t_: panicmem()")
        call = f"FUNCTAB[U64[(t_ + {24 + 8 * k}) >> 3]](gp, U64[(p + 8) >> 3]{args})"
        gen = None
    else:
        callee = pg.funcRef(fn) if fn.Pkg() is not None else pg.funcPyName(fn)
        gen = pg.isGenFunc(fn) if fn.Pkg() is None or ti.pkgPath(fn.Pkg()) != pg.path else None
        call = f"{callee}(gp, {recv}{args})"
    framed = frame > 8
    size = (frame + 15) & ~15
    head = [f"def {wname}(gp, d{args}):"]
    if framed:
        head += [f"    _sp = gp.sp - {size}",
                 f"    if _sp < gp.stackguard0: _sp = yield from morestackg(gp, {size})",
                 "    gp.sp = _sp",
                 f"    U64[_sp >> 3] = FID_{wname}",
                 "    try:"]
        body = ["    " + ln for ln in lines]
        body.append(f"        r_ = {call}")
        body += ["        if r_ is not None and hasattr(r_, 'send'):", "            r_ = yield from r_", "        return r_",
                 "    finally:", f"        gp.sp = _sp + {size}"]
    else:
        body = list(lines)
        body += [f"    r_ = {call}", "    if r_ is not None and hasattr(r_, 'send'):", "        r_ = yield from r_",
                 "    return r_", "    yield"]
    _ = gen
    pg.extra.extend(head + body + [""])
    m = FuncMeta(wname, f"{pg.path}.{'(*' + named.Obj().Name() + ')' if ptr else named.Obj().Name()}.{fn.Name()}", "", 0)
    m.funcID = FuncIDWrapper  # (left out of runtime.Callers, hidden in tracebacks below GOTRACEBACK=system)
    m.isgen = True
    m.frameSize = size if framed else 0
    m.framePtrs = framePtrs
    m.ptrLocals = ["d", "p", "_sp"]
    m.text = []
    m.lines = []
    pg.funcs.append(m)
