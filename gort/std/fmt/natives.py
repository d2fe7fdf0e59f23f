"""Native fmt: Print, Println, Printf, Sprint, Sprintln, Sprintf.

Go's fmt walks its arguments with reflect. This native walks them the same
way through gort's runtime type descriptors: an argument is an interface
value (tab, data) in Go memory; its descriptor says how to read the value
(kind, size, fields, element type). It follows fmt's documented rules:
the verbs and flags, `Error()` and `String()` methods for %v %s %q %x %X
(called as Go methods through the descriptor's method table, so they run
as Go code on the calling goroutine), `&{...}` for a pointer to a struct at
the top level, `<nil>`, and the error forms `%!d(string=hi)`,
`%!d(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`.

Output goes to fd 1 with one write per call, like os.Stdout (unbuffered).

Differences from Go: a stand-in until fmt, reflect and os compile from
Go's source; Formatter/GoStringer and argument indexes (%[1]d) are not
supported; maps print in internal/fmtsort's key order, except that
interface keys of different dynamic types order by gort's descriptor addresses.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import Any

from gort.runtime import type as rt
from gort.runtime.ftoa import formatFloat
from gort.runtime.string import gobytes, makestring
from gort.runtime.type import typeByAddr
from gort.runtime.unsafe import F32, F64, I8, I16, I32, I64, U8, U16, U32, U64

G = Generator[Any, Any, Any]


def _args(a: tuple[int, int, int]) -> list[tuple[int, int]]:
    p, n = a[0], a[1]
    return [(U64[(p + 16 * i) >> 3], U64[(p + 16 * i + 8) >> 3]) for i in range(n)]


def _write(gp: Any, b: bytes) -> tuple[int, tuple[int, int]]:
    from gort.runtime import proc

    enter = getattr(proc, "entersyscall", None)
    if enter is not None:
        enter()
    try:
        n = len(b)
        while b:
            w = os.write(1, b)
            b = b[w:]
    except BrokenPipeError:
        # os.(*File).Write's epipecheck: a broken standard output kills
        # the program with SIGPIPE.
        from gort.std.os.natives import F_sigpipe

        F_sigpipe(gp)
    finally:
        if enter is not None:
            proc.exitsyscall()
    return n, (0, 0)


class fmtFlags:
    __slots__ = ("plus", "minus", "sharp", "space", "zero", "plusV", "sharpV", "wid", "prec")

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.plus = self.minus = self.sharp = self.space = self.zero = False
        self.plusV = self.sharpV = False
        self.wid = -1
        self.prec = -1


class pp:
    """One printing operation's state (fmt's pp)."""

    def __init__(self, gp: Any) -> None:
        self.gp = gp
        self.buf: list[str] = []
        self.f = fmtFlags()
        self.wrapErrs = False  # Errorf: %w is allowed
        self.erroring = False  # printing a bad verb's operand: no methods
        self.wrapped: list[int] = []  # operands of %w

    def out(self) -> str:
        return "".join(self.buf)

    # --- padding -----------------------------------------------------------------

    def pad(self, s: str) -> None:
        f = self.f
        if f.wid < 0 or len(s) >= f.wid:
            self.buf.append(s)
            return
        n = f.wid - len(s)
        if f.minus:
            self.buf.append(s + " " * n)
        elif f.zero and not f.minus:
            self.buf.append(s)  # numbers handle zero padding themselves
        else:
            self.buf.append(" " * n + s)

    def padNum(self, s: str) -> None:
        """Pad a formatted number, zero-padding after the sign when asked."""
        f = self.f
        if f.zero and not f.minus and f.wid > len(s):
            sign = ""
            if s and s[0] in "+- ":
                sign, s = s[0], s[1:]
            s = sign + "0" * (f.wid - len(s) - len(sign)) + s
            self.buf.append(s)
            return
        self.pad(s)

    # --- arguments ---------------------------------------------------------------

    def printArg(self, arg: tuple[int, int], verb: str) -> G:
        tab, data = arg
        if tab == 0:
            if verb in "Tv":
                self.pad("<nil>")
            else:
                self.badVerb(verb, None, arg)
            return
        t = typeByAddr[tab]
        if verb == "T":
            self.pad(t.str)
            return
        if verb == "p":
            self.fmtPointer(t, data, verb)
            return
        yield from self.printValue(t, self._addr(t, data), verb, 0, data)

    def _addr(self, t: rt._type, data: int) -> int:
        """Address of the value held by an interface data word."""
        if t.isDirectIface():
            from gort.runtime.malloc import mallocgc

            p = mallocgc(8, None, False)
            U64[p >> 3] = data
            return p
        return data

    def handleMethods(self, t: rt._type, a: int, verb: str) -> G:
        """Call Error() or String() if the value has one. Reports whether it did."""
        if self.erroring:
            return False
        if verb == "w":
            # Only Errorf takes %w, and only for an error operand.
            if not self.wrapErrs or self._method(t, "Error") is None:
                yield from self.badVerbArg(verb, t, a)
                return True
            verb = "v"
        if self.f.sharpV or verb not in "vsxXq":
            return False
        m = self._method(t, "Error") or self._method(t, "String")
        if m is None:
            return False
        from gort.runtime.symtab import FUNCTAB

        word = U64[a >> 3] if t.isDirectIface() else a
        r = FUNCTAB[m.ifn](self.gp, word)  # type: ignore[misc]
        if r is not None and hasattr(r, "send"):
            r = yield from r
        s = gobytes(r).decode("utf-8", "surrogateescape")
        self.fmtString(s, verb)
        return True

    def _method(self, t: rt._type, name: str) -> Any:
        u = t.uncommon
        if u is None:
            return None
        for m in u.methods:
            if m.name == name and not m.pkgPath:
                mt = m.mtyp
                if isinstance(mt, rt.functype) and mt.inCount == 0 and len(mt.outs) == 1 and mt.outs[0].kind == rt.String:
                    return m
        return None

    def printValue(self, t: rt._type, a: int, verb: str, depth: int, data: int = 0) -> G:
        if depth >= 0:
            handled = yield from self.handleMethods(t, a, verb)
            if handled:
                return
        k = t.kind
        f = self.f
        if k == rt.Bool:
            self.fmtBool(U8[a] != 0, verb, t)
        elif rt.Int <= k <= rt.Int64:
            v = {1: I8[a], 2: I16[a >> 1], 4: I32[a >> 2], 8: I64[a >> 3]}[t.size]
            self.fmtInteger(v, True, verb, t)
        elif rt.Uint <= k <= rt.Uintptr:
            v = {1: U8[a], 2: U16[a >> 1], 4: U32[a >> 2], 8: U64[a >> 3]}[t.size]
            self.fmtInteger(v, False, verb, t)
        elif k == rt.Float32:
            self.fmtFloat(F32[a >> 2], 32, verb, t)
        elif k == rt.Float64:
            self.fmtFloat(F64[a >> 3], 64, verb, t)
        elif k == rt.Complex64:
            self.fmtComplex(complex(F32[a >> 2], F32[(a + 4) >> 2]), 64, verb, t)
        elif k == rt.Complex128:
            self.fmtComplex(complex(F64[a >> 3], F64[(a + 8) >> 3]), 128, verb, t)
        elif k == rt.String:
            s = gobytes((U64[a >> 3], U64[(a + 8) >> 3])).decode("utf-8", "surrogateescape")
            self.fmtString(s, verb, t)
        elif k == rt.Interface:
            tab, d = U64[a >> 3], U64[(a + 8) >> 3]
            if tab and t.methods:  # type: ignore[attr-defined]
                tab = U64[(tab + 8) >> 3]
            if not tab:
                if f.sharpV:
                    self.buf.append(t.str + "(nil)")
                else:
                    self.pad("<nil>")
                return
            et = typeByAddr[tab]
            yield from self.printValue(et, self._addr(et, d), verb, depth + 1)
        elif k == rt.Struct:
            if f.sharpV:
                self.buf.append(t.str)
            self.buf.append("{")
            for i, fld in enumerate(t.fields):  # type: ignore[attr-defined]
                if i > 0:
                    self.buf.append(", " if f.sharpV else " ")
                if f.plusV or f.sharpV:
                    self.buf.append(fld.name + ":")
                sub = -1 if not fld.exported else depth + 1
                yield from self.printValue(fld.typ, a + fld.offset, verb, sub if sub >= 0 else -(depth + 2))
            self.buf.append("}")
        elif k == rt.Pointer:
            p = U64[a >> 3]
            et = t.elem  # type: ignore[attr-defined]
            if depth == 0 and p and et is not None and et.kind in (rt.Array, rt.Slice, rt.Struct, rt.Map):
                # pointer to array, slice, struct or map: &{...} at top level, whatever the verb
                self.buf.append("&")
                yield from self.printValue(et, p, verb, depth + 1)
                return
            self.fmtPointer(t, p, verb)
        elif k in (rt.Slice, rt.Array):
            et = t.elem  # type: ignore[attr-defined]
            if k == rt.Slice:
                base, n = U64[a >> 3], U64[(a + 8) >> 3]
                if f.sharpV and base == 0:
                    self.buf.append(t.str + "(nil)")
                    return
            else:
                base, n = a, t.len  # type: ignore[attr-defined]
            if et.kind == rt.Uint8 and verb in "sxXq":
                self.fmtBytes(bytes(U8[base : base + n]), verb, t)
                return
            if f.sharpV:
                self.buf.append(t.str + "{")
                for i in range(n):
                    if i:
                        self.buf.append(", ")
                    yield from self.printValue(et, base + i * et.size, verb, depth + 1)
                self.buf.append("}")
                return
            self.buf.append("[")
            for i in range(n):
                if i:
                    self.buf.append(" ")
                yield from self.printValue(et, base + i * et.size, verb, depth + 1)
            self.buf.append("]")
        elif k in (rt.Chan, rt.Func, rt.UnsafePointer, rt.Map):
            if k == rt.Map:
                yield from self.printMap(t, U64[a >> 3], verb, depth)
                return
            self.fmtPointer(t, U64[a >> 3], verb)
        else:
            self.buf.append("?")

    def printMap(self, t: rt._type, m: int, verb: str, depth: int) -> G:
        from gort.runtime.map import mapiterinit, mapiternext

        if self.f.sharpV:
            self.buf.append(t.str)
            if m == 0:
                self.buf.append("(nil)")
                return
            self.buf.append("{")
        else:
            self.buf.append("map[")
        entries = []
        if m and isinstance(t, rt.maptype):
            it = mapiterinit(t, m)
            while it.key:
                entries.append((it.key, it.elem))
                mapiternext(it)
        kt, et = t.key, t.elem  # type: ignore[attr-defined]
        entries.sort(key=lambda e: _sortkey(kt, e[0]))
        for i, (kp, ep) in enumerate(entries):
            if i:
                self.buf.append(", " if self.f.sharpV else " ")
            yield from self.printValue(kt, kp, verb, depth + 1)
            self.buf.append(":")
            yield from self.printValue(et, ep, verb, depth + 1)
        self.buf.append("}" if self.f.sharpV else "]")

    # --- formatters ----------------------------------------------------------------

    def badVerbArg(self, verb: str, t: rt._type, a: int) -> G:
        """%!verb(type=value): the value at a printed with %v, methods not called."""
        self.erroring = True
        self.buf.append("%!" + verb + "(" + t.str + "=")
        yield from self.printValue(t, a, "v", 0)
        self.buf.append(")")
        self.erroring = False

    def badVerb(self, verb: str, t: rt._type | None, arg: Any = None) -> None:
        self.buf.append("%!" + verb + "(")
        if t is None:
            self.buf.append("<nil>")
        self.buf.append(")")

    def fmtBool(self, v: bool, verb: str, t: rt._type) -> None:
        if verb in "tv":
            self.pad("true" if v else "false")
        else:
            self.buf.append(f"%!{verb}({t.str}={'true' if v else 'false'})")

    def fmtInteger(self, v: int, signed: bool, verb: str, t: rt._type) -> None:
        f = self.f
        if verb == "v":
            if f.sharpV and not signed:
                self.padNum(self._prefixed(v, 16, "0x"))
                return
            verb = "d"
        if verb == "d":
            s = str(abs(v))
        elif verb == "b":
            s = format(abs(v), "b")
        elif verb == "o" or verb == "O":
            s = format(abs(v), "o")
        elif verb == "x":
            s = format(abs(v), "x")
        elif verb == "X":
            s = format(abs(v), "X")
        elif verb == "c":
            self.pad(_runestr(v))
            return
        elif verb == "q":
            self.pad(_quoteRune(v))
            return
        elif verb == "U":
            s = f"U+{v:04X}"
            if f.sharp and 0 <= v <= 0x10FFFF:
                s += " '" + _runestr(v) + "'"
            self.pad(s)
            return
        else:
            self.buf.append(f"%!{verb}({t.str}={v})")
            return
        if f.prec >= 0:
            if f.prec == 0 and v == 0:
                s = ""
            s = s.rjust(f.prec, "0")
        if f.sharp:
            if verb == "o" and not s.startswith("0"):
                s = "0" + s
            elif verb == "x":
                s = "0x" + s
            elif verb == "X":
                s = "0X" + s
            elif verb == "b":
                s = "0b" + s
        if verb == "O":
            s = "0o" + s
        if v < 0:
            s = "-" + s
        elif f.plus:
            s = "+" + s
        elif f.space:
            s = " " + s
        if f.prec >= 0:
            saved = f.zero
            f.zero = False
            self.pad(s)
            f.zero = saved
            return
        self.padNum(s)

    def _prefixed(self, v: int, base: int, prefix: str) -> str:
        return prefix + format(v, "x")

    def fmtFloat(self, v: float, size: int, verb: str, t: rt._type) -> None:
        f = self.f
        prec = f.prec
        if verb == "v":
            verb = "g"
        if verb not in "eEfFgGxXb":
            self.buf.append(f"%!{verb}({t.str}={formatFloat(v, 'g', -1, size)})")
            return
        if verb in "xXb":
            self.buf.append(f"%!{verb}({t.str}={formatFloat(v, 'g', -1, size)})")
            return
        if prec < 0 and verb in "eEfF":
            prec = 6
        num = formatFloat(v, verb, prec, size)
        if num[0] not in "+-":
            num = "+" + num
        if f.space and num[0] == "+" and not f.plus:
            num = " " + num[1:]
        if num[1] in "IN":
            # Infinities and NaN: no zero padding; NaN keeps a sign only if asked.
            if num[1] == "N" and not f.space and not f.plus:
                num = num[1:]
            saved = f.zero
            f.zero = False
            self.pad(num)
            f.zero = saved
            return
        if f.sharp and verb in "gG" and "." not in num:
            mant, e, exp = num.partition("e" if verb == "g" else "E")
            num = mant + "." + e + exp if e else mant + "."
        if f.plus or num[0] != "+":
            self.padNum(num)
            return
        self.padNum(num[1:])

    def fmtComplex(self, v: complex, size: int, verb: str, t: rt._type) -> None:
        f = self.f
        half = size // 2
        saved = (f.plus, f.wid)
        self.buf.append("(")
        old = self.buf
        self.buf = []
        self.fmtFloat(v.real, half, verb, t)
        re = "".join(self.buf)
        self.buf = []
        f.plus = True
        self.fmtFloat(v.imag, half, verb, t)
        im = "".join(self.buf)
        self.buf = old
        f.plus, f.wid = saved
        self.buf.append(re + im + "i)")

    def fmtString(self, s: str, verb: str, t: rt._type | None = None) -> None:
        f = self.f
        if verb in "vs":
            if f.sharpV:
                self.pad(_quote(s))
                return
            if f.prec >= 0:
                s = s[: f.prec]
            self.pad(s)
        elif verb == "q":
            self.pad(_quote(s) if not f.sharp or "`" in s else "`" + s + "`")
        elif verb in "xX":
            b = s.encode("utf-8", "surrogateescape")
            self.fmtBytes(b, verb, t)
        else:
            self.buf.append(f"%!{verb}({t.str if t else 'string'}={s})")

    def fmtBytes(self, b: bytes, verb: str, t: Any) -> None:
        f = self.f
        if verb in "vd":
            self.buf.append("[" + " ".join(str(x) for x in b) + "]")
        elif verb == "s":
            self.pad(b.decode("utf-8", "surrogateescape"))
        elif verb == "q":
            self.pad(_quote(b.decode("utf-8", "surrogateescape")))
        elif verb in "xX":
            h = b.hex()
            if verb == "X":
                h = h.upper()
            if f.space:
                h = " ".join(("0x" if f.sharp else "") + h[i : i + 2] for i in range(0, len(h), 2))
            elif f.sharp and h:
                h = ("0x" if verb == "x" else "0X") + h
            self.pad(h)

    def fmtPointer(self, t: rt._type, p: int, verb: str) -> None:
        f = self.f
        if verb in "vp":
            if f.sharpV:
                self.buf.append(f"({t.str})({hex(p)})" if p else f"({t.str})(nil)")
                return
            if p == 0 and verb == "v":
                self.pad("<nil>")
                return
            self.pad(hex(p))
        elif verb in "xXdob":
            self.fmtInteger(p, False, verb, t)
        else:
            self.buf.append(f"%!{verb}({t.str}={hex(p)})")

    # --- the three entry points -----------------------------------------------------------

    def doPrint(self, args: list[tuple[int, int]]) -> G:
        prevString = False
        for i, arg in enumerate(args):
            isString = arg[0] != 0 and typeByAddr[arg[0]].kind == rt.String
            if i > 0 and not isString and not prevString:
                self.buf.append(" ")
            yield from self.printArg(arg, "v")
            prevString = isString

    def doPrintln(self, args: list[tuple[int, int]]) -> G:
        for i, arg in enumerate(args):
            if i > 0:
                self.buf.append(" ")
            yield from self.printArg(arg, "v")
        self.buf.append("\n")

    def doPrintf(self, format: str, args: list[tuple[int, int]]) -> G:
        end = len(format)
        argNum = 0
        i = 0
        while i < end:
            j = format.find("%", i)
            if j < 0:
                self.buf.append(format[i:])
                break
            if j > i:
                self.buf.append(format[i:j])
            i = j + 1
            f = self.f
            f.clear()
            # flags
            while i < end:
                c = format[i]
                if c == "#":
                    f.sharp = True
                elif c == "0":
                    f.zero = True
                elif c == "+":
                    f.plus = True
                elif c == "-":
                    f.minus = True
                elif c == " ":
                    f.space = True
                else:
                    break
                i += 1
            # width
            if i < end and format[i] == "*":
                i += 1
                if argNum < len(args):
                    f.wid = self._intArg(args[argNum])
                    argNum += 1
                    if f.wid < 0:
                        f.minus = True
                        f.wid = -f.wid
                else:
                    self.buf.append("%!(BADWIDTH)")
            else:
                st = i
                while i < end and format[i].isdigit():
                    i += 1
                if i > st:
                    f.wid = int(format[st:i])
            # precision
            if i < end and format[i] == ".":
                i += 1
                if i < end and format[i] == "*":
                    i += 1
                    if argNum < len(args):
                        f.prec = self._intArg(args[argNum])
                        argNum += 1
                        if f.prec < 0:
                            f.prec = -1
                    else:
                        self.buf.append("%!(BADPREC)")
                else:
                    st = i
                    while i < end and format[i].isdigit():
                        i += 1
                    f.prec = int(format[st:i]) if i > st else 0
            if i >= end:
                self.buf.append("%!(NOVERB)")
                break
            verb = format[i]
            i += 1
            if verb == "%":
                self.buf.append("%")
                continue
            if argNum >= len(args):
                self.buf.append("%!" + verb + "(MISSING)")
                continue
            if verb == "w":
                self.wrapped.append(argNum)
            if verb in "vw":
                if f.sharp:
                    f.sharp = False
                    f.sharpV = True
                if f.plus:
                    f.plus = False
                    f.plusV = True
            if f.minus:
                f.zero = False
            yield from self.printArg(args[argNum], verb)
            argNum += 1
        if argNum < len(args):
            self.f.clear()
            self.buf.append("%!(EXTRA ")
            for k, arg in enumerate(args[argNum:]):
                if k:
                    self.buf.append(", ")
                if arg[0] == 0:
                    self.buf.append("<nil>")
                else:
                    self.buf.append(typeByAddr[arg[0]].str + "=")
                    yield from self.printArg(arg, "v")
            self.buf.append(")")

    def _intArg(self, arg: tuple[int, int]) -> int:
        t = typeByAddr.get(arg[0])
        if t is None or not (rt.Int <= t.kind <= rt.Uintptr):
            return -1
        a = self._addr(t, arg[1])
        return {1: I8[a], 2: I16[a >> 1], 4: I32[a >> 2], 8: I64[a >> 3]}[t.size]


def _floatkey(f: float) -> tuple[int, float]:
    """fmtsort's float order: NaN first, then by value (-0 and +0 equal)."""
    return (0, 0.0) if f != f else (1, f)


def _sortkey(kt: rt._type, p: int) -> Any:
    """A Python sort key for the map key of type kt at p, ordering as Go's
    internal/fmtsort compares: numbers and strings by value, floats with NaN
    first, false before true, pointers and channels by address, structs and
    arrays element by element, interfaces nil first, then by dynamic type
    (the descriptor's address, as fmtsort compares reflect.Type pointers)
    and then by value. Python's sort is stable, as fmtsort's is."""
    k = kt.kind
    if rt.Int <= k <= rt.Int64:
        return {1: I8[p], 2: I16[p >> 1], 4: I32[p >> 2], 8: I64[p >> 3]}[kt.size]
    if rt.Uint <= k <= rt.Uintptr:
        return {1: U8[p], 2: U16[p >> 1], 4: U32[p >> 2], 8: U64[p >> 3]}[kt.size]
    if k == rt.String:
        return gobytes((U64[p >> 3], U64[(p + 8) >> 3]))
    if k == rt.Float64:
        return _floatkey(F64[p >> 3])
    if k == rt.Float32:
        return _floatkey(F32[p >> 2])
    if k == rt.Complex128:
        return (_floatkey(F64[p >> 3]), _floatkey(F64[(p + 8) >> 3]))
    if k == rt.Complex64:
        return (_floatkey(F32[p >> 2]), _floatkey(F32[(p + 4) >> 2]))
    if k == rt.Bool:
        return U8[p]
    if k in (rt.Pointer, rt.Chan, rt.UnsafePointer, rt.Map, rt.Func):
        return U64[p >> 3]
    if k == rt.Struct:
        return tuple(_sortkey(f.typ, p + f.offset) for f in kt.fields)  # type: ignore[attr-defined]
    if k == rt.Array:
        et = kt.elem  # type: ignore[attr-defined]
        return tuple(_sortkey(et, p + i * et.size) for i in range(kt.len))  # type: ignore[attr-defined]
    if k == rt.Interface:
        w = U64[p >> 3]
        if not w:
            return (0,)
        ta = U64[(w + 8) >> 3] if kt.methods else w  # type: ignore[attr-defined]
        dt = typeByAddr.get(ta)
        if dt is None:
            return (1, ta)
        data = p + 8 if dt.isDirectIface() else U64[(p + 8) >> 3]
        return (1, ta, _sortkey(dt, data))
    return p


def _runestr(v: int) -> str:
    if v < 0 or v > 0x10FFFF or 0xD800 <= v <= 0xDFFF:
        v = 0xFFFD
    return chr(v)


def _quoteRune(v: int) -> str:
    r = _runestr(v)
    if r == "'":
        return "'\\''"
    q = _quote(r)
    return "'" + q[1:-1].replace('\\"', '"') + "'"


def _quote(s: str) -> str:
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\a":
            out.append("\\a")
        elif ch == "\b":
            out.append("\\b")
        elif ch == "\f":
            out.append("\\f")
        elif ch == "\v":
            out.append("\\v")
        elif 0xDC80 <= o <= 0xDCFF:
            out.append(f"\\x{o - 0xDC00:02x}")
        elif o < 0x20 or o == 0x7F:
            out.append(f"\\x{o:02x}")
        elif not ch.isprintable() and o > 0x7F:
            out.append(f"\\u{o:04x}" if o <= 0xFFFF else f"\\U{o:08x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


# --- natives ---------------------------------------------------------------------------


def F_Print(gp: Any, a: tuple[int, int, int]) -> G:
    p = pp(gp)
    yield from p.doPrint(_args(a))
    return _write(gp, p.out().encode("utf-8", "surrogateescape"))


def F_Println(gp: Any, a: tuple[int, int, int]) -> G:
    p = pp(gp)
    yield from p.doPrintln(_args(a))
    return _write(gp, p.out().encode("utf-8", "surrogateescape"))


def F_Printf(gp: Any, format: tuple[int, int], a: tuple[int, int, int]) -> G:
    p = pp(gp)
    yield from p.doPrintf(gobytes(format).decode("utf-8", "surrogateescape"), _args(a))
    return _write(gp, p.out().encode("utf-8", "surrogateescape"))


def F_Sprint(gp: Any, a: tuple[int, int, int]) -> G:
    p = pp(gp)
    yield from p.doPrint(_args(a))
    return makestring(p.out())


def F_Sprintln(gp: Any, a: tuple[int, int, int]) -> G:
    p = pp(gp)
    yield from p.doPrintln(_args(a))
    return makestring(p.out())


def F_errorf(gp: Any, format: tuple[int, int], a: tuple[int, int, int]) -> G:
    from gort.runtime.malloc import mallocgc

    p = pp(gp)
    p.wrapErrs = True
    yield from p.doPrintf(gobytes(format).decode("utf-8", "surrogateescape"), _args(a))
    n = len(p.wrapped)
    arr = mallocgc(8 * n, None, False) if n else 0
    for i, k in enumerate(p.wrapped):
        I64[(arr >> 3) + i] = k
    return makestring(p.out()), (arr, n, n)


def F_Sprintf(gp: Any, format: tuple[int, int], a: tuple[int, int, int]) -> G:
    p = pp(gp)
    yield from p.doPrintf(gobytes(format).decode("utf-8", "surrogateescape"), _args(a))
    return makestring(p.out())
