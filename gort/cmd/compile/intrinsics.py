"""sync/atomic as intrinsics, as gc compiles it (ssagen/intrinsics.go).

gc turns `atomic.AddInt32(&x, 1)` and the methods of the typed values
(`n.Add(1)` with `n` an atomic.Int64, `b.Load()`, `p.CompareAndSwap(old,
new)` on an atomic.Pointer[T]...) into single instructions at the call
site. Compiled as ordinary calls they cost gort up to three Python calls:
the compiled method of type.go, the native of sync/atomic's natives.py,
and the word operation of gort.runtime.atomic. Here each call site does
the operation itself:

  * a load is a read of the typed view (`I32[p >> 2]`, `U64[p >> 3]`;
    a Bool is a uint32, `U32[p >> 2] != 0`), a store a write of it: one
    aligned word is a single operation for the interpreter, as it is for
    the natives;
  * Swap, CompareAndSwap, Add, And and Or call the word operation of
    gort.runtime.atomic through the module (`A_.Xadd64(p, d)`), so that
    `atomic.useLocks()` still rebinds it for free-threaded Python; the
    module imports it as `A_` when it uses one (gen.py, assemble);
  * an Add whose result is a statement's whole value (`v := n.Add(1)`,
    `n.Add(1)`) is the word operation's body itself where the GIL makes it
    atomic (`A_.gilAtomic`: a load, an add and a store, with no call
    between them), and the call otherwise: the call was most of its cost;
  * the word operations work on unsigned words: a signed operand is
    masked to the width first (a constant is masked here), an unsigned
    result of Int32 and Int64 operations is brought back into the signed
    range (`(r ^ 0x80000000) - 0x80000000`), a Bool's is compared with 0.

Which calls: static calls of the package's functions and of the methods
of Int32, Int64, Uint32, Uint64, Uintptr, Bool and Pointer[T] (not Value,
whose methods are Go code over the functions, and so reach the intrinsics
inside). A method value (`f := n.Add`), a method expression, a call
through an interface, and `defer`/`go` of such a call still call the
compiled method or the native, which do the same.

Nil: gc's instructions fault on a nil address, so a pointer that may be
nil is checked (`if not p: panicmem()`) after the arguments are
evaluated, as the fault would come after them; an address the code takes
itself (`&x`, `&s.f` through a checked pointer) needs no check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gort.cmd.compile import gotypes as types
from gort.cmd.compile import typeinfo as ti
from gort.go import ast

if TYPE_CHECKING:
    from gort.cmd.compile.gen import FuncGen

# Kind of value -> (bits, signed). Bool is stored as a uint32, Pointer as a word.
_KINDS = {
    "Int32": (32, True), "Uint32": (32, False), "Int64": (64, True), "Uint64": (64, False),
    "Uintptr": (64, False), "Pointer": (64, False), "Bool": (32, False),
}
# Operations; the package's functions are named <op><kind> (AddInt32, LoadPointer).
_OPS = ("Load", "Store", "Swap", "CompareAndSwap", "Add", "And", "Or")
# gort.runtime.atomic's word operation for each read-modify-write.
_WORDOP = {"Swap": "Xchg", "CompareAndSwap": "Cas", "Add": "Xadd", "And": "And", "Or": "Or"}


def atomicOp(kind: str, fn: types.Func) -> tuple[str, str] | None:
    """(operation, kind of value) if a call of fn is a sync/atomic intrinsic;
    kind is classifyCall's ("static" for a function, "method" for x.M)."""
    pkg = fn.Pkg()
    if pkg is None or ti.pkgPath(pkg) != "sync/atomic":
        return None
    name = fn.Name()
    recv = fn.Signature().Recv()
    if (recv is None) != (kind == "static"):
        return None  # a method expression (*atomic.Int32).Add(p, 1) is called
    if recv is None:
        for op in _OPS:
            kind = name[len(op):]
            if name.startswith(op) and kind in _KINDS and kind != "Bool":
                return op, kind
        return None
    rt = recv.Type()
    if isinstance(rt, types.Pointer):
        rt = rt.Elem()
    if not isinstance(rt, types.Named) or rt.Obj().Name() not in _KINDS or name not in _OPS:
        return None
    return name, rt.Obj().Name()


def compileAtomic(fg: FuncGen, e: ast.CallExpr, kind_: str, fn: types.Func, sel: Any, op: str, kind: str) -> str:
    """The call e of fn (a function, or with sel a method) as the operation
    itself: an expression, or for Store a statement."""
    from gort.cmd.compile.calls import evalArgs
    from gort.cmd.compile.gen import _localArith

    if kind_ == "static":
        sig = fg.T(fn.Type())
        assert isinstance(sig, types.Signature)  # fn's type
        args = evalArgs(fg, e, sig)
        addrT = ti.underAs(sig.Params().At(0).Type(), types.Pointer).Elem()
        a = _checked(fg, args[0], unparen(e.Args[0]))
        rest = args[1:]
    else:
        fun = unparen(e.Fun)
        if isinstance(fun, (ast.IndexExpr, ast.IndexListExpr)):
            fun = unparen(fun.X)
        base, cur, root, path = _recvBase(fg, fun, sel)
        rest = evalArgs(fg, e, fg.T(sel.Obj().Type()))
        if root is not None:
            base = _checked(fg, base, root)
        a, addrT = _valueAddr(fg, base, cur, path)
    bits, signed = _KINDS[kind]
    if op == "Load":
        v = ti.load(addrT, a)
        return f"({v} != 0)" if kind == "Bool" else v
    if op == "Store":
        val = rest[0]
        if not _localArith.match(a):
            a = fg.spillIfNeeded(a)  # Python evaluates a subscript store's value first
        if kind == "Bool":
            val = _b32(val)
        stores = ti.store(addrT, a, val)
        return "; ".join(stores)
    if op in ("Swap", "CompareAndSwap", "And", "Or"):
        rest = [_b32(x) for x in rest] if kind == "Bool" else [_unsigned(x, bits) if signed else x for x in rest]
    fg.pg.usesAtomic = True
    if op == "Add" and (fg.discarded is e or fg.wholeRhs is e):
        call = _inlineXadd(fg, a, rest[0], bits)
    else:
        call = f"A_.{_WORDOP[op]}{bits}({a}{''.join(', ' + x for x in rest)})"
    if op == "CompareAndSwap" or fg.discarded is e:
        return call  # (a statement's result is not converted)
    if kind == "Bool":
        return f"({call} != 0)"
    if signed:
        h = hex(1 << (bits - 1))
        return f"(({call} ^ {h}) - {h})"
    return call


def _inlineXadd(fg: FuncGen, a: str, d: str, bits: int) -> str:
    """Add at address a, written out as the word operation's body (a load, an
    add and a store) where the GIL makes that atomic (atomic.gilAtomic),
    else a call of the word operation; returns the new value's temp. For a
    statement whose whole value is the call: the lines come after
    everything else it evaluates, as the call would.

    The sum is taken modulo 2**bits, so a wrap of the delta's own
    (`(x << 32) & 0xffffffffffffffff`) is left out, and the sum is wrapped
    only when it is out of range: each operation on a 64-bit value makes
    a new multi-digit int, a comparison does not."""
    view, shift, mask = ("U64", 3, "0xffffffffffffffff") if bits == 64 else ("U32", 2, "0xffffffff")
    a = fg.spillIfNeeded(a)  # the operands in order, before the load
    d = fg.spillIfNeeded(_unwrapped(d, mask))
    w, v = fg.tmp("_aw"), fg.tmp()
    fg.emit("if A_.gilAtomic:")
    with fg.indent():
        fg.emit(f"{w} = {a} >> {shift}")
        fg.emit(f"{v} = {view}[{w}] + {d}")
        fg.emit(f"if not 0 <= {v} <= {mask}: {v} &= {mask}")
        fg.emit(f"{view}[{w}] = {v}")
    fg.emit("else:")
    with fg.indent():
        fg.emit(f"{v} = A_.Xadd{bits}({a}, {d})")
    return v


def _unwrapped(d: str, mask: str) -> str:
    """d without its wrap to the width, `(X) & mask` as (X), when it has
    that shape (X one parenthesized group); else d."""
    tail = f" & {mask})"
    if not (d.startswith("((") and d.endswith(tail)) or "'" in d or '"' in d:
        return d
    g = d[1 : -len(tail)]
    depth = 0
    for i, ch in enumerate(g):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and i != len(g) - 1:
            return d  # the first group closes before the end: not one group
    return g if depth == 0 else d


def _checked(fg: FuncGen, p: str, x: Any) -> str:
    """The pointer p (the value of expression x), nil-checked unless known not nil."""
    if fg.isNonNil(x) or p in fg.nilknown:
        return p
    p = fg.nilChecked(p)
    if fg.isParam(x):
        fg.nilknown.add(p)
    return p


def _recvBase(fg: FuncGen, fun: ast.SelectorExpr, sel: Any) -> tuple[str, types.Type, Any, list[int]]:
    """The receiver x of x.M as (base, type, root, path): base points to a
    value of that type (root, the expression it comes from, when it is a
    pointer that may be nil; else None), and the atomic value is reached
    from it through the fields of path. Selections of fields (`p.s.n`) are
    left on the path, so that a nil pointer among them faults where Go's
    does, after the arguments."""
    path = list(sel.Index()[:-1])
    x = unparen(fun.X)
    while isinstance(x, ast.SelectorExpr) and (s := fg.info.Selections.get(x)) is not None \
            and s.Kind() == types.FieldVal:
        path[:0] = s.Index()
        x = unparen(x.X)
    xt = fg.typeOf(x)
    xu = xt.Underlying()
    if isinstance(xu, types.Pointer):
        p = fg.spillIfNeeded(fg.expr(x))
        return p, xu.Elem(), None if fg.isNonNil(x) or p in fg.nilknown else x, path
    # A pointer method's operand is addressable (or a composite in memory).
    return fg.baseAddr(x), xt, None, path


def _valueAddr(fg: FuncGen, base: str, cur: types.Type, path: list[int]) -> tuple[str, types.Type]:
    """The address of the atomic value's word, reached from base (a checked
    pointer to cur) through the fields of path; and its type."""
    off = 0
    for i in path:
        st = cur.Underlying()
        if isinstance(st, types.Pointer):
            base, off = _deref(fg, base, off), 0
            st = st.Elem().Underlying()
        assert isinstance(st, types.Struct)  # a path of fields
        off += ti.offsetsof(st)[i]
        cur = st.Field(i).Type()
    if isinstance(cur.Underlying(), types.Pointer):
        # The method's receiver is an embedded *atomic.T.
        base, off = _deref(fg, base, off), 0
        cur = ti.underAs(cur, types.Pointer).Elem()
    st = ti.underAs(cur, types.Struct)
    k = next(k for k in range(st.NumFields()) if st.Field(k).Name() == "v")
    off += ti.offsetsof(st)[k]
    return (f"({base} + {off})" if off else base), fg.T(st.Field(k).Type())


def _deref(fg: FuncGen, base: str, off: int) -> str:
    """Load the embedded pointer at base+off, nil-checked."""
    p = fg.tmp()
    fg.emit(f"{p} = U64[{f'({base} + {off})' if off else base} >> 3]")
    fg.emit(f"if not {p}: panicmem()")
    return p


def _unsigned(x: str, bits: int) -> str:
    """A signed operand as the word op's unsigned operand."""
    from gort.cmd.compile.gen import _literalInt

    m = (1 << bits) - 1
    c = _literalInt(x)
    if c is not None:
        return str(c & m)
    return f"({x} & {hex(m)})"


def unparen(e: Any) -> Any:
    while isinstance(e, ast.ParenExpr):
        e = e.X
    return e


def _b32(x: str) -> str:
    """A bool operand as the uint32 a Bool holds (a Python bool stores as 1 or 0)."""
    return {"True": "1", "False": "0"}.get(x, x)
