"""What the compiler knows of an integer expression's range: wraps it can leave out.

An integer value in a Python variable is always inside its Go type's range
(docs/design/0001), so the compiler reduces every result that could leave
it: `(x & 0xff)` for a uint8, a compare-and-fix for signed types. Many
results cannot leave it, and gc's prove pass would not reduce them either:
`state & mask` is never wider than the mask, `uint32(x >> 40)` fits,
`uint16(b0) | uint16(b1) << 8` fits. This module bounds an expression
from its syntax tree, so that a wrap or a conversion's mask is emitted
only when the value may fall outside the type:

  exprRange(fg, e)    the interval of e's value as compiled (inside its
                      type's range: a leaf is assumed anywhere in it);
  rawRange(fg, e, t)  the interval of the exact result of a tree of +, -,
                      *, &, |, ^, &^ that gen.py computes with Python's
                      integers and wraps once, at the root (`ringRaw` says
                      which subtrees it leaves unwrapped);
  fits(r, t)          whether an interval lies inside t's range.

Bounds, for operands in [lo, hi]:
  + - *            interval arithmetic (exact integers, no overflow);
                   x * x (one variable) is never negative;
  x & y            [0, hi] of an operand that is never negative; else
                   both within [-2^n, 2^n) for the smallest such n;
  x | y, x ^ y     [0, 2^n) for non-negative operands below 2^n; else as &;
  x &^ y           x & ~y, ~y being [-hi-1, -lo-1];
  x >> k, x << k   shifted bounds for a constant k (<< only if it fits);
                   a variable >> keeps x between its bound and 0;
  x % c, x / c     by a positive constant: below c, shrunk by c;
  T(x)             x's bounds if they fit T, else T's range;
  len, cap         [0, 2^63);
  i                [0, 2^63 - 1) for the index of a range loop whose body
                   never assigns it (FuncGen.bounded).
Anything else is its type's range. The bounds are sound for every value
the operands can have, so leaving a wrap out never changes a result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gort.cmd.compile import gotypes as types
from gort.cmd.compile import typeinfo as ti
from gort.cmd.compile.color import classifyCall, unparen
from gort.cmd.compile.typeinfo import Rep
from gort.go import ast, token

if TYPE_CHECKING:
    from gort.cmd.compile.gen import FuncGen

Range = tuple[int, int]

RING = {token.ADD, token.SUB, token.MUL, token.AND, token.OR, token.XOR, token.AND_NOT}


def typeRange(t: types.Type) -> Range:
    bits, signed = ti.intinfo(t)
    if signed:
        return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return 0, (1 << bits) - 1


def fits(r: Range, t: types.Type) -> bool:
    lo, hi = typeRange(t)
    return lo <= r[0] and r[1] <= hi


def _isInt(t: Any) -> bool:
    return t is not None and ti.rep(t) == Rep.INT and isinstance(t.Underlying(), types.Basic)


def ringRaw(fg: FuncGen, u: Any, t: types.Type) -> bool:
    """Whether gen.py computes ring operand u (unparenthesized) of a tree of type t
    unwrapped, as part of the tree."""
    return (isinstance(u, ast.BinaryExpr) and u.Op in RING and fg.constOf(u) is None
            and ti.typeKey(fg.typeOf(u)) == ti.typeKey(t))


def _constRange(fg: FuncGen, c: Any, t: types.Type) -> Range | None:
    try:
        v = int(fg.constant(c, t))
    except (ValueError, TypeError):
        return None
    return v, v


def exprRange(fg: FuncGen, e: Any, t: types.Type | None = None) -> Range:
    """Bounds of integer expression e as compiled with type t (default: e's type)."""
    if t is None or _isUntypedT(t):
        t = fg.typeOf(e)
    full = typeRange(t)
    c = fg.constOf(e)
    if c is not None:
        return _constRange(fg, c, t) or full
    u = unparen(e)
    r: Range | None = None
    if isinstance(u, ast.BinaryExpr):
        if u.Op in RING and ti.typeKey(fg.typeOf(u)) == ti.typeKey(t):
            r = rawRange(fg, u, t)
        elif u.Op in (token.SHL, token.SHR):
            r = _shiftRange(fg, u, t)
        elif u.Op in (token.REM, token.QUO):
            r = _divRange(fg, u, t)
    elif isinstance(u, ast.CallExpr):
        r = _callRange(fg, u, t)
    elif isinstance(u, ast.Ident):
        v = fg.info.Uses.get(u)
        vi = fg.vars.get(v) if isinstance(v, types.Var) else None
        if vi is not None and vi.kind == "py" and vi.name in fg.bounded:
            r = 0, (1 << 63) - 2  # a range loop's index (FuncGen.bounded)
    if r is None or not (full[0] <= r[0] and r[1] <= full[1]):
        return full
    return r


def _isUntypedT(t: types.Type) -> bool:
    return isinstance(t, types.Basic) and bool(t.Info() & types.IsUntyped)


def rawRange(fg: FuncGen, e: ast.BinaryExpr, t: types.Type) -> Range:
    """Bounds of the exact (unwrapped) result of ring tree e of type t."""
    x = _operandRange(fg, e.X, t)
    if e.Op == token.MUL and _sameVar(fg, e.X, e.Y):
        # A square is never negative.
        sq = (x[0] * x[0], x[1] * x[1])
        return (0 if x[0] <= 0 <= x[1] else min(sq)), max(sq)
    return ringRange(e.Op, x, _operandRange(fg, e.Y, t))


def _sameVar(fg: FuncGen, x: Any, y: Any) -> bool:
    """x and y read the same variable (so have the same value in one expression)."""
    x, y = unparen(x), unparen(y)
    if not isinstance(x, ast.Ident) or not isinstance(y, ast.Ident):
        return False
    v = fg.info.Uses.get(x)
    return isinstance(v, types.Var) and fg.info.Uses.get(y) is v


def ringRange(op: Any, x: Range, y: Range) -> Range:
    """Bounds of the exact result of ring operation op on operands in x and y."""
    if op == token.ADD:
        return x[0] + y[0], x[1] + y[1]
    if op == token.SUB:
        return x[0] - y[1], x[1] - y[0]
    if op == token.MUL:
        ps = (x[0] * y[0], x[0] * y[1], x[1] * y[0], x[1] * y[1])
        return min(ps), max(ps)
    if op == token.AND_NOT:
        return _and(x, (-y[1] - 1, -y[0] - 1))
    if op == token.AND:
        return _and(x, y)
    return _orxor(x, y)  # | and ^


def _operandRange(fg: FuncGen, e: Any, t: types.Type) -> Range:
    u = unparen(e)
    if ringRaw(fg, u, t):
        return rawRange(fg, u, t)
    return exprRange(fg, e, t)


def _width(r: Range) -> int:
    """The smallest n with r inside [-2^n, 2^n)."""
    return max((-r[0] - 1).bit_length() if r[0] < 0 else 0, r[1].bit_length() if r[1] >= 0 else (-r[1] - 1).bit_length())


def _and(x: Range, y: Range) -> Range:
    if x[0] >= 0 and y[0] >= 0:
        return 0, min(x[1], y[1])
    if x[0] >= 0:
        return 0, x[1]
    if y[0] >= 0:
        return 0, y[1]
    n = max(_width(x), _width(y))
    return -(1 << n), (1 << n) - 1


def _orxor(x: Range, y: Range) -> Range:
    n = max(_width(x), _width(y))
    if x[0] >= 0 and y[0] >= 0:
        return 0, (1 << n) - 1
    return -(1 << n), (1 << n) - 1


def _shiftRange(fg: FuncGen, e: ast.BinaryExpr, t: types.Type) -> Range | None:
    x = exprRange(fg, e.X, t)
    kc = fg.constOf(e.Y)
    k: int | None = None
    if kc is not None:
        kr = _constRange(fg, kc, types.Typ[types.Uint])
        k = kr[0] if kr is not None else None
    if e.Op == token.SHR:
        if k is not None:
            return x[0] >> k, x[1] >> k
        return min(x[0], 0), max(x[1], 0)  # x >> k lies between x and 0 (or -1)
    if k is not None and k < 64:
        r = (x[0] << k, x[1] << k)
        return r if fits(r, t) else None
    return None


def _divRange(fg: FuncGen, e: ast.BinaryExpr, t: types.Type) -> Range | None:
    cc = fg.constOf(e.Y)
    if cc is None:
        return None
    cr = _constRange(fg, cc, t)
    if cr is None or cr[0] <= 0:
        return None
    c = cr[0]
    x = exprRange(fg, e.X, t)
    if e.Op == token.REM:
        # Go's remainder has the dividend's sign and is smaller than c.
        return (max(x[0], -(c - 1)) if x[0] < 0 else 0), (min(x[1], c - 1) if x[1] > 0 else 0)
    return _trunc(x[0], c), _trunc(x[1], c)


def _trunc(a: int, c: int) -> int:
    return a // c if a >= 0 else -(-a // c)


def _callRange(fg: FuncGen, e: ast.CallExpr, t: types.Type) -> Range | None:
    kind, x = classifyCall(fg.info, e)
    if kind == "conv" and len(e.Args) == 1:
        ft = fg.typeOf(e.Args[0])
        if _isInt(ft) and not _isUntypedT(ft):
            r = exprRange(fg, e.Args[0], ft)
            return r if fits(r, t) else None
        return None
    if kind == "builtin" and x in ("len", "cap"):
        return 0, (1 << 63) - 1
    return None


def shlFits(fg: FuncGen, e: Any, t: types.Type) -> bool:
    """Whether x << k (e, a shift by a constant) cannot leave t's range."""
    return isinstance(e, ast.BinaryExpr) and e.Op == token.SHL and _shiftRange(fg, e, t) is not None
