"""Exact constant values of Go, as go/constant: the arithmetic of untyped constants.

A `Value` is an immutable constant of one of six kinds (`Kind`): Unknown,
Bool, String, Int, Float, Complex. The type checker folds every constant
expression with `BinaryOp`, `UnaryOp`, `Shift` and `Compare`, and turns
literals into values with `MakeFromLiteral`.

Representations (one class each, all private):

    _unknownVal   no value (an erroneous operand or an overflowing float)
    _boolVal      .b: bool
    _stringVal    .s: bytes; Go strings are byte strings, so "\\xff" is kept
    _intVal       .i: Python int (any size: Go's int64Val and intVal in one)
    _ratVal       .r: fractions.Fraction, an exact rational Float
    _floatVal     .f: _BigFloat, a 512-bit binary float, for Floats too large
                  or too small to hold as a reasonably sized fraction
    _complexVal   .re, .im: Values of kind Int or Float

Algorithm (as go/constant): binary operations first bring both operands to
the larger representation (`_match`: int < rat < float < complex), then
compute exactly. Floats stay exact fractions while numerator and denominator
fit in 4096 bits (`_MAX_EXP`); past that they become 512-bit floats and
never return to fractions, since the exactness would be an illusion. A float
whose exponent overflows becomes Unknown (Go: infinity is not a constant).

Invariants:
  * values are immutable; every operation returns a new value.
  * an `_intVal` is never converted to a float implicitly except by `_match`
    or `ToFloat`; a `_floatVal` never holds zero's sign (-0 == 0).
  * `_ratVal` components are below 2**4096 in magnitude.

Differences from Go:
  * Int values are Python ints, so there is no separate int64 fast path.
  * String values hold `bytes`; `StringVal` returns a `str` decoded as UTF-8
    with surrogate escapes (invalid bytes survive a round trip through
    `s.encode("utf-8", "surrogateescape")`); `StringBytes` returns the bytes.
  * The 512-bit float is a small mantissa/exponent class (`_BigFloat`), not
    math/big; it rounds to nearest-even after every operation as big.Float
    does with its default mode.
"""

from __future__ import annotations

import enum
import math
from fractions import Fraction

from gort.go import token

__all__ = [
    "Kind", "Value", "Unknown", "Bool", "String", "Int", "Float", "Complex",
    "MakeUnknown", "MakeBool", "MakeString", "MakeInt64", "MakeUint64", "MakeFloat64",
    "MakeFromLiteral", "MakeImag", "Make", "MakeFromBytes", "MakeInt", "MakeRat",
    "BoolVal", "StringVal", "StringBytes", "Int64Val", "Uint64Val", "Float32Val",
    "Float64Val", "Val", "StringLen", "BitLen", "Sign", "Bytes", "Num", "Denom",
    "Real", "Imag", "ToInt", "ToFloat", "ToComplex", "UnaryOp", "BinaryOp", "Shift",
    "Compare", "go_quote", "IntVal", "RatVal",
]


class Kind(enum.IntEnum):
    """The kind of a Value."""

    Unknown = 0
    Bool = 1
    String = 2
    Int = 3
    Float = 4
    Complex = 5


Unknown = Kind.Unknown
Bool = Kind.Bool
String = Kind.String
Int = Kind.Int
Float = Kind.Float
Complex = Kind.Complex

# Maximum mantissa precision of a _floatVal, in bits (go/constant's prec).
_PREC = 512
# Fractions whose components reach 2**_MAX_EXP switch to _floatVal.
_MAX_EXP = 4 << 10
# big.Float's exponent range (MantExp convention, 0.5 <= mant < 1).
_MAX_FLOAT_EXP = (1 << 31) - 1
_MIN_FLOAT_EXP = -(1 << 31)


# ---------------------------------------------------------------------------
# A 512-bit binary floating-point number.


class _BigFloat:
    """m * 2**e, |m| < 2**_PREC, m odd (or m == 0, e == 0): a rounded float."""

    __slots__ = ("m", "e")

    def __init__(self, m: int, e: int) -> None:
        self.m = m  # signed mantissa, odd unless zero
        self.e = e  # binary exponent of the mantissa's lowest bit

    @staticmethod
    def round(m: int, e: int, sticky: bool = False) -> _BigFloat:
        """Round m * 2**e (plus a nonzero tail if sticky) to _PREC bits."""
        if m == 0:
            return _BigFloat(0, 0)
        neg = m < 0
        a = -m if neg else m
        n = a.bit_length()
        if n > _PREC:
            shift = n - _PREC
            keep = a >> shift
            rem = a & ((1 << shift) - 1)
            half = 1 << (shift - 1)
            if rem > half or (rem == half and (sticky or keep & 1)):
                keep += 1
            a = keep
            e += shift
        # strip trailing zero bits so equal values have equal fields
        tz = (a & -a).bit_length() - 1
        if tz:
            a >>= tz
            e += tz
        return _BigFloat(-a if neg else a, e)

    @staticmethod
    def from_fraction(r: Fraction) -> _BigFloat:
        n, d = r.numerator, r.denominator
        if d == 1:
            return _BigFloat.round(n, 0)
        neg = n < 0
        if neg:
            n = -n
        # scale so the quotient has at least _PREC + 2 bits
        k = _PREC + 2 - (n.bit_length() - d.bit_length())
        if k < 0:
            k = 0
        q, rem = divmod(n << k, d)
        return _BigFloat.round(-q if neg else q, -k, rem != 0)

    def sign(self) -> int:
        return (self.m > 0) - (self.m < 0)

    def mant_exp(self) -> int:
        """The exponent x of self = mant * 2**x with 0.5 <= |mant| < 1."""
        if self.m == 0:
            return 0
        return self.e + abs(self.m).bit_length()

    def is_int(self) -> bool:
        return self.e >= 0 or self.m == 0

    def to_fraction(self) -> Fraction:
        if self.e >= 0:
            return Fraction(self.m << self.e)
        return Fraction(self.m, 1 << -self.e)

    def to_int_trunc(self) -> tuple[int, bool]:
        """Truncate toward zero; the flag says whether that was exact."""
        if self.e >= 0:
            return self.m << self.e, True
        a = abs(self.m) >> -self.e
        exact = (a << -self.e) == abs(self.m)
        return (-a if self.m < 0 else a), exact

    def float64(self) -> tuple[float, bool]:
        """The nearest float64 and whether it is exact (inf if too large)."""
        if self.m == 0:
            return 0.0, True
        x = self.mant_exp()
        if x > 1025:
            return (math.inf if self.m > 0 else -math.inf), False
        if x < -1080:
            return (0.0 if self.m > 0 else -0.0), False
        try:
            f = float(self.to_fraction())
        except OverflowError:
            return (math.inf if self.m > 0 else -math.inf), False
        return f, Fraction(f) == self.to_fraction()

    def neg(self) -> _BigFloat:
        return _BigFloat(-self.m, self.e)

    def add(self, y: _BigFloat) -> _BigFloat:
        if self.m == 0:
            return y
        if y.m == 0:
            return self
        e = min(self.e, y.e)
        # avoid gigantic shifts when exponents are far apart
        if abs(self.e - y.e) > 4 * _PREC + abs(self.m).bit_length() + abs(y.m).bit_length():
            big, small = (self, y) if self.mant_exp() > y.mant_exp() else (y, self)
            shift = 2 * _PREC + 4
            m = (big.m << shift) + (1 if small.m > 0 else -1)
            return _BigFloat.round(m, big.e - shift)
        m = (self.m << (self.e - e)) + (y.m << (y.e - e))
        return _BigFloat.round(m, e)

    def sub(self, y: _BigFloat) -> _BigFloat:
        return self.add(y.neg())

    def mul(self, y: _BigFloat) -> _BigFloat:
        return _BigFloat.round(self.m * y.m, self.e + y.e)

    def quo(self, y: _BigFloat) -> _BigFloat:
        if self.m == 0:
            return self
        neg = (self.m < 0) != (y.m < 0)
        a, b = abs(self.m), abs(y.m)
        k = _PREC + 2 - (a.bit_length() - b.bit_length())
        if k < 0:
            k = 0
        q, rem = divmod(a << k, b)
        return _BigFloat.round(-q if neg else q, self.e - y.e - k, rem != 0)

    def cmp(self, y: _BigFloat) -> int:
        d = self.sub(y)
        return d.sign()

    def text_p(self) -> str:
        """big.Float's Text('p', 0): "0x.<hex mantissa>p<exp>"."""
        if self.m == 0:
            return "0"
        a = abs(self.m)
        n = a.bit_length()
        exp = self.e + n
        # mantissa as a hex fraction 0.xxxx; pad bits to a multiple of 4
        pad = (-n) % 4
        digits = format(a << pad, "x").rstrip("0") or "0"
        sign = "-" if self.m < 0 else ""
        return f"{sign}0x.{digits}p{exp:+d}"


def _float_overflows(f: _BigFloat) -> bool:
    x = f.mant_exp()
    return x > _MAX_FLOAT_EXP or x < _MIN_FLOAT_EXP


# ---------------------------------------------------------------------------
# Values


class Value:
    """A constant value of some Kind; immutable."""

    __slots__ = ()

    def Kind(self) -> Kind:
        raise NotImplementedError

    def String(self) -> str:
        """A short, human-readable form (floats rounded, strings shortened)."""
        raise NotImplementedError

    def ExactString(self) -> str:
        """An exact form of the value."""
        return self.String()

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"constant({self.ExactString()})"


class _unknownVal(Value):
    __slots__ = ()

    def Kind(self) -> Kind:
        return Kind.Unknown

    def String(self) -> str:
        return "unknown"


class _boolVal(Value):
    __slots__ = ("b",)

    def __init__(self, b: bool) -> None:
        self.b = b

    def Kind(self) -> Kind:
        return Kind.Bool

    def String(self) -> str:
        return "true" if self.b else "false"


class _stringVal(Value):
    __slots__ = ("s",)

    def __init__(self, s: bytes) -> None:
        self.s = s  # the Go string's bytes

    def Kind(self) -> Kind:
        return Kind.String

    def String(self) -> str:
        max_len = 72
        s = go_quote(self.s)
        if len(s) > max_len:
            s = s[: max_len - 3] + "..."
        return s

    def ExactString(self) -> str:
        return go_quote(self.s)


class _intVal(Value):
    __slots__ = ("i",)

    def __init__(self, i: int) -> None:
        self.i = i

    def Kind(self) -> Kind:
        return Kind.Int

    def String(self) -> str:
        return str(self.i)


class _ratVal(Value):
    __slots__ = ("r",)

    def __init__(self, r: Fraction) -> None:
        self.r = r

    def Kind(self) -> Kind:
        return Kind.Float

    def String(self) -> str:
        return _float_string(_BigFloat.from_fraction(self.r), self.r.denominator == 1)

    def ExactString(self) -> str:
        r = self.r
        if r.denominator == 1:
            return str(r.numerator)
        return f"{r.numerator}/{r.denominator}"


class _floatVal(Value):
    __slots__ = ("f",)

    def __init__(self, f: _BigFloat) -> None:
        self.f = f

    def Kind(self) -> Kind:
        return Kind.Float

    def String(self) -> str:
        return _float_string(self.f, self.f.is_int())

    def ExactString(self) -> str:
        return self.f.text_p()


class _complexVal(Value):
    __slots__ = ("re", "im")

    def __init__(self, re: Value, im: Value) -> None:
        self.re = re
        self.im = im

    def Kind(self) -> Kind:
        return Kind.Complex

    def String(self) -> str:
        return f"({self.re.String()} + {self.im.String()}i)"

    def ExactString(self) -> str:
        return f"({self.re.ExactString()} + {self.im.ExactString()}i)"


_UNKNOWN = _unknownVal()
_TRUE = _boolVal(True)
_FALSE = _boolVal(False)
_ZERO = _intVal(0)
_EMPTY = _stringVal(b"")
_FLOAT0 = _floatVal(_BigFloat(0, 0))
_small_ints = [_intVal(i) for i in range(-16, 257)]


def _float_string(f: _BigFloat, is_int: bool) -> str:
    """go/constant's floatVal.String: %.6g if in float64 range, else m*10^e."""
    x, _ = f.float64()
    if (f.m == 0) == (x == 0) and not math.isinf(x):
        s = format_g(x, 6)
        if not is_int and "." not in s:
            s = format_g(x, -1)
        return s
    # out of float64 range: approximate decimal conversion
    exp = f.mant_exp()
    a = abs(f.m)
    n = a.bit_length()
    m = float(Fraction(a, 1 << n)) if n <= 1000 else float(Fraction(a >> (n - 60), 1 << 60))
    if f.m < 0:
        m = -m
    d = exp * (math.log(2) / math.log(10))
    e = int(d)
    m *= math.pow(10, d - e)
    am = abs(m)
    if am < 1 - 0.5e-6:
        m *= 10
        e -= 1
    elif am >= 10:
        m /= 10
        e += 1
    return f"{format_g(m, 6)}e{e:+d}"


def format_g(x: float, prec: int) -> str:
    """Go's fmt %g (prec < 0: shortest representation) for a float64."""
    if math.isinf(x):
        return "+Inf" if x > 0 else "-Inf"
    if math.isnan(x):
        return "NaN"
    if prec < 0:
        r = repr(abs(x))
        # digits and decimal exponent of the shortest representation
        if "e" in r:
            mant, ex = r.split("e")
            exp10 = int(ex)
        else:
            mant, exp10 = r, 0
        if "." in mant:
            ip, fp = mant.split(".")
        else:
            ip, fp = mant, ""
        digits = (ip + fp).lstrip("0")
        # position of the decimal point relative to the first digit
        lead = len(ip + fp) - len((ip + fp).lstrip("0"))
        dp = len(ip) - lead + exp10
        digits = digits.rstrip("0") or "0"
        if x == 0:
            digits, dp = "0", 1
        eprec = 6  # strconv decides with precision 6 for the shortest form
        exp = dp - 1
        sign = "-" if math.copysign(1, x) < 0 else ""
        if exp < -4 or exp >= eprec:
            s = digits[0]
            if len(digits) > 1:
                s += "." + digits[1:]
            return f"{sign}{s}e{'-' if exp < 0 else '+'}{abs(exp):02d}"
        if dp <= 0:
            return f"{sign}0.{'0' * -dp}{digits}"
        if dp >= len(digits):
            return f"{sign}{digits}{'0' * (dp - len(digits))}"
        return f"{sign}{digits[:dp]}.{digits[dp:]}"
    s = f"{x:.{prec}g}"
    return s


# ---------------------------------------------------------------------------
# Quoting (strconv.Quote of a Go string)

_ESCAPES = {7: "\\a", 8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t", 11: "\\v",
            0x5C: "\\\\", 0x22: '\\"'}


def go_quote(b: bytes, quote: str = '"') -> str:
    """strconv.Quote: a double-quoted Go string literal for the bytes b."""
    out = [quote]
    i = 0
    n = len(b)
    while i < n:
        c = b[i]
        if c < 0x80:
            i += 1
            if c == ord(quote) or c == 0x5C:
                out.append("\\" + chr(c))
            elif 0x20 <= c < 0x7F:
                out.append(chr(c))
            elif c in _ESCAPES:
                out.append(_ESCAPES[c])
            else:
                out.append(f"\\x{c:02x}")
            continue
        r, size = _decode_rune(b, i)
        if r < 0:
            out.append(f"\\x{c:02x}")
            i += 1
            continue
        i += size
        ch = chr(r)
        if ch.isprintable():
            out.append(ch)
        elif r < 0x10000:
            out.append(f"\\u{r:04x}")
        else:
            out.append(f"\\U{r:08x}")
    out.append(quote)
    return "".join(out)


def _decode_rune(b: bytes, i: int) -> tuple[int, int]:
    """Decode one UTF-8 rune at b[i]; (-1, 1) if invalid."""
    c = b[i]
    if c < 0xC2 or c > 0xF4:
        return -1, 1
    size = 2 if c < 0xE0 else 3 if c < 0xF0 else 4
    chunk = b[i:i + size]
    if len(chunk) < size:
        return -1, 1
    try:
        s = chunk.decode("utf-8")
    except UnicodeDecodeError:
        return -1, 1
    return ord(s), size


def _unquote_char(s: str, i: int, quote: str) -> tuple[bytes, int]:
    """Decode one (possibly escaped) character of a Go literal body at s[i].

    Returns its bytes (UTF-8 for runes, raw for \\x and octal escapes) and the
    next index. Raises ValueError on a malformed escape.
    """
    c = s[i]
    if c != "\\":
        if c == quote and quote == "'":
            raise ValueError("unescaped quote")
        return c.encode("utf-8", "surrogateescape"), i + 1
    i += 1
    if i >= len(s):
        raise ValueError("bad escape")
    c = s[i]
    i += 1
    simple = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 0x5C}
    if c in simple:
        return bytes([simple[c]]), i
    if c == quote and quote in "'\"":
        return quote.encode(), i
    if c == "x":
        v = int(s[i:i + 2], 16)
        if len(s[i:i + 2]) != 2:
            raise ValueError("bad escape")
        return bytes([v]), i + 2
    if c in "01234567":
        digits = s[i - 1:i + 2]
        if len(digits) != 3 or any(d not in "01234567" for d in digits):
            raise ValueError("bad escape")
        v = int(digits, 8)
        if v > 255:
            raise ValueError("bad escape")
        return bytes([v]), i + 2
    if c in "uU":
        n = 4 if c == "u" else 8
        digits = s[i:i + n]
        if len(digits) != n:
            raise ValueError("bad escape")
        v = int(digits, 16)
        if v > 0x10FFFF or 0xD800 <= v < 0xE000:
            raise ValueError("bad escape")
        return chr(v).encode("utf-8"), i + n
    raise ValueError("bad escape")


def _unquote(lit: str) -> bytes | None:
    """strconv.Unquote for a Go string literal; None if malformed."""
    if len(lit) < 2:
        return None
    q = lit[0]
    if q != lit[-1]:
        return None
    body = lit[1:-1]
    if q == "`":
        if "`" in body:
            return None
        return body.replace("\r", "").encode("utf-8", "surrogateescape")
    if q != '"':
        return None
    if "\\" not in body:
        if '"' in body or "\n" in body:
            return None
        return body.encode("utf-8", "surrogateescape")
    out = bytearray()
    i = 0
    try:
        while i < len(body):
            b, i = _unquote_char(body, i, '"')
            out += b
    except ValueError:
        return None
    return bytes(out)


def _char_code(lit: str) -> int | None:
    """The rune value of a character literal 'x' (as strconv.UnquoteChar)."""
    if len(lit) < 3 or lit[0] != "'" or lit[-1] != "'":
        return None
    body = lit[1:-1]
    if body[0] != "\\":
        if len(body) != 1:
            # a single rune given in the source
            return None
        return ord(body)
    try:
        b, i = _unquote_char(body, 0, "'")
    except ValueError:
        return None
    if i != len(body):
        return None
    c = body[1]
    if c in "x01234567":
        return b[0]
    return ord(b.decode("utf-8"))


# ---------------------------------------------------------------------------
# Constructors


def _make_int(i: int) -> Value:
    if -16 <= i <= 256:
        return _small_ints[i + 16]
    return _intVal(i)


def _make_rat(r: Fraction) -> Value:
    if r.numerator.bit_length() < _MAX_EXP and r.denominator.bit_length() < _MAX_EXP:
        return _ratVal(r)
    return _make_float(_BigFloat.from_fraction(r))


def _make_float(f: _BigFloat) -> Value:
    if f.m == 0:
        return _FLOAT0
    if _float_overflows(f):
        return _UNKNOWN
    return _floatVal(f)


def _make_complex(re: Value, im: Value) -> Value:
    if re.Kind() == Kind.Unknown or im.Kind() == Kind.Unknown:
        return _UNKNOWN
    return _complexVal(re, im)


def _small_float(f: _BigFloat) -> bool:
    e = f.mant_exp()
    return -_MAX_EXP < e < _MAX_EXP


def MakeUnknown() -> Value:
    return _UNKNOWN


def MakeBool(b: bool) -> Value:
    return _TRUE if b else _FALSE


def MakeString(s: str | bytes) -> Value:
    if not s:
        return _EMPTY
    if isinstance(s, str):
        s = s.encode("utf-8", "surrogateescape")
    return _stringVal(s)


def MakeInt64(x: int) -> Value:
    return _make_int(x)


def MakeUint64(x: int) -> Value:
    return _make_int(x)


def MakeInt(x: int) -> Value:
    """The Int value for a Python int (go/constant's Make(*big.Int))."""
    return _make_int(x)


def MakeRat(x: Fraction) -> Value:
    """The Float value for a fraction (go/constant's Make(*big.Rat))."""
    return _make_rat(x)


def MakeFloat64(x: float) -> Value:
    if math.isinf(x) or math.isnan(x):
        return _UNKNOWN
    x = x + 0.0  # -0 to 0
    _, e = math.frexp(x)
    if -_MAX_EXP < e < _MAX_EXP:
        return _ratVal(Fraction(x))
    return _floatVal(_BigFloat.from_fraction(Fraction(x)))


def MakeImag(x: Value) -> Value:
    if isinstance(x, _unknownVal):
        return x
    if isinstance(x, (_intVal, _ratVal, _floatVal)):
        return _make_complex(_ZERO, x)
    raise TypeError(f"{x} not Int or Float")


def Make(x: object) -> Value:
    """The Value for a Python bool, str, bytes, int, Fraction or float."""
    if isinstance(x, bool):
        return MakeBool(x)
    if isinstance(x, (str, bytes)):
        return MakeString(x)
    if isinstance(x, int):
        return _make_int(x)
    if isinstance(x, Fraction):
        return _make_rat(x)
    if isinstance(x, float):
        return MakeFloat64(x)
    return _UNKNOWN


def _parse_int(lit: str) -> int | None:
    s = lit.replace("_", "")
    try:
        if len(s) > 1 and s[0] == "0" and s[1] in "0123456789":
            return int(s[1:], 8)
        return int(s, 0)
    except ValueError:
        return None


def _pow10_float(e: int) -> _BigFloat:
    """10**e (e may be negative) as a rounded 512-bit float."""
    result = _BigFloat(1, 0)
    base = _BigFloat(5, 1)  # 10
    n = abs(e)
    while n:
        if n & 1:
            result = result.mul(base)
        base = base.mul(base)
        n >>= 1
    if e < 0:
        return _BigFloat(1, 0).quo(result)
    return result


def _make_float_from_literal(lit: str) -> Value | None:
    s = lit.replace("_", "")
    try:
        if s[:2] in ("0x", "0X"):
            body = s[2:]
            if "p" in body or "P" in body:
                idx = max(body.find("p"), body.find("P"))
                mant, exp = body[:idx], int(body[idx + 1:])
            else:
                mant, exp = body, 0
            if "." in mant:
                ip, fp = mant.split(".")
            else:
                ip, fp = mant, ""
            digits = (ip + fp) or "0"
            m = int(digits, 16)
            e2 = exp - 4 * len(fp)
            if m == 0:
                return _make_rat(Fraction(0))
            bf = _BigFloat.round(m, e2)
            if _small_float(bf):
                return _make_rat(Fraction(m) * (Fraction(2) ** e2))
            return _make_float(bf)
        # decimal
        low = s.lower()
        if "e" in low:
            idx = low.find("e")
            mant, exp = low[:idx], int(low[idx + 1:])
        else:
            mant, exp = low, 0
        if "." in mant:
            ip, fp = mant.split(".")
        else:
            ip, fp = mant, ""
        digits = (ip + fp).lstrip("0")
        if not digits:
            return _make_rat(Fraction(0))
        m = int(digits)
        e10 = exp - len(fp)
        # approximate binary exponent of the value
        approx = (len(digits) + e10) * 3.3219280948873626
        if -_MAX_EXP + 16 < approx < _MAX_EXP - 16:
            r = Fraction(m) * (Fraction(10) ** e10)
            return _make_rat(r)
        if approx > _MAX_FLOAT_EXP or approx < _MIN_FLOAT_EXP:
            if approx < 0:
                return _make_rat(Fraction(0))
            return _UNKNOWN
        return _make_float(_BigFloat.round(m, 0).mul(_pow10_float(e10)))
    except (ValueError, IndexError):
        return None


def MakeFromLiteral(lit: str, tok: token.Token, zero: int = 0) -> Value:
    """The value of a Go literal: tok is INT, FLOAT, IMAG, CHAR or STRING.

    Malformed literals yield Unknown.
    """
    if tok == token.INT:
        i = _parse_int(lit)
        if i is not None:
            return _make_int(i)
    elif tok == token.FLOAT:
        v = _make_float_from_literal(lit)
        if v is not None:
            return v
    elif tok == token.IMAG:
        if lit.endswith("i"):
            body = lit[:-1]
            v = None
            # an imaginary literal's body may be written like an int (0x1i, 0o7i)
            if body[:2] in ("0x", "0X", "0b", "0B", "0o", "0O") and "." not in body and \
                    "p" not in body.lower()[2:]:
                i2 = _parse_int(body)
                v = _make_int(i2) if i2 is not None else None
                if v is not None:
                    v = ToFloat(v)
            if v is None:
                v = _make_float_from_literal(body)
            if v is not None:
                return _make_complex(_ZERO, v)
    elif tok == token.CHAR:
        c = _char_code(lit)
        if c is not None:
            return _make_int(c)
    elif tok == token.STRING:
        b = _unquote(lit)
        if b is not None:
            return MakeString(b)
    else:
        raise ValueError(f"{tok} is not a valid token")
    return _UNKNOWN


def MakeFromBytes(b: bytes) -> Value:
    """The Int value of the little-endian unsigned bytes b."""
    return _make_int(int.from_bytes(b, "little"))


# ---------------------------------------------------------------------------
# Accessors


def BoolVal(x: Value) -> bool:
    if isinstance(x, _boolVal):
        return x.b
    if isinstance(x, _unknownVal):
        return False
    raise TypeError(f"{x} not a Bool")


def StringVal(x: Value) -> str:
    """The string value (invalid UTF-8 bytes as surrogate escapes)."""
    if isinstance(x, _stringVal):
        return x.s.decode("utf-8", "surrogateescape")
    if isinstance(x, _unknownVal):
        return ""
    raise TypeError(f"{x} not a String")


def StringBytes(x: Value) -> bytes:
    """The bytes of a String value."""
    if isinstance(x, _stringVal):
        return x.s
    if isinstance(x, _unknownVal):
        return b""
    raise TypeError(f"{x} not a String")


def StringLen(x: Value) -> int:
    return len(StringBytes(x))


def IntVal(x: Value) -> int:
    """The exact Python int of an Int value (0 for Unknown)."""
    if isinstance(x, _intVal):
        return x.i
    if isinstance(x, _unknownVal):
        return 0
    raise TypeError(f"{x} not an Int")


def RatVal(x: Value) -> Fraction:
    """The exact fraction of an Int or Float value (0 for Unknown)."""
    if isinstance(x, _intVal):
        return Fraction(x.i)
    if isinstance(x, _ratVal):
        return x.r
    if isinstance(x, _floatVal):
        return x.f.to_fraction()
    if isinstance(x, _unknownVal):
        return Fraction(0)
    raise TypeError(f"{x} not Int or Float")


_MIN64 = -(1 << 63)
_MAX64 = (1 << 63) - 1


def Int64Val(x: Value) -> tuple[int, bool]:
    if isinstance(x, _intVal):
        i = x.i
        if _MIN64 <= i <= _MAX64:
            return i, True
        # big.Int.Int64: the low 64 bits, as a signed number
        i &= (1 << 64) - 1
        if i >= 1 << 63:
            i -= 1 << 64
        return i, False
    if isinstance(x, _unknownVal):
        return 0, False
    raise TypeError(f"{x} not an Int")


def Uint64Val(x: Value) -> tuple[int, bool]:
    if isinstance(x, _intVal):
        i = x.i
        return i & ((1 << 64) - 1), 0 <= i < (1 << 64)
    if isinstance(x, _unknownVal):
        return 0, False
    raise TypeError(f"{x} not an Int")


def Float64Val(x: Value) -> tuple[float, bool]:
    if isinstance(x, _intVal):
        try:
            f = float(x.i)
        except OverflowError:
            return (math.inf if x.i > 0 else -math.inf), False
        return f, int(f) == x.i
    if isinstance(x, _ratVal):
        try:
            f = float(x.r)
        except OverflowError:
            return (math.inf if x.r > 0 else -math.inf), False
        return f, Fraction(f) == x.r
    if isinstance(x, _floatVal):
        return x.f.float64()
    if isinstance(x, _unknownVal):
        return 0.0, False
    raise TypeError(f"{x} not a Float")


def _round_float32(f: float) -> float:
    import struct
    try:
        return float(struct.unpack("<f", struct.pack("<f", f))[0])
    except OverflowError:
        return math.inf if f > 0 else -math.inf


def Float32Val(x: Value) -> tuple[float, bool]:
    if isinstance(x, _unknownVal):
        return 0.0, False
    r = RatVal(x) if not isinstance(x, _floatVal) else None
    if r is None:
        f64, _ = Float64Val(x)
        f32 = _float32_of_fraction_approx(f64)
        return f32, False
    f32 = _float32_of_fraction(r)
    return f32, not math.isinf(f32) and Fraction(f32) == r


_F32_MAX = float.fromhex("0x1.fffffep127")


def _float32_of_fraction(r: Fraction) -> float:
    """r correctly rounded to the nearest float32 (inf on overflow)."""
    if r == 0:
        return 0.0
    neg = r < 0
    a = -r if neg else r
    # exponent so that 2**23 <= a * 2**-e2 < 2**24
    e2 = a.numerator.bit_length() - a.denominator.bit_length() - 24
    while Fraction(a.numerator, a.denominator) >= Fraction(1 << 24) * (Fraction(2) ** e2):
        e2 += 1
    while Fraction(a.numerator, a.denominator) < Fraction(1 << 23) * (Fraction(2) ** e2):
        e2 -= 1
    if e2 < -149:
        e2 = -149  # subnormals: fixed quantum
    scaled = a / (Fraction(2) ** e2)
    m = math.floor(scaled)
    rem = scaled - m
    if rem > Fraction(1, 2) or (rem == Fraction(1, 2) and m & 1):
        m += 1
    try:
        f = math.ldexp(float(m), e2)
    except OverflowError:
        f = math.inf
    if f > _F32_MAX:
        f = math.inf
    return -f if neg else f


def _float32_of_fraction_approx(f: float) -> float:
    if math.isinf(f):
        return f
    return _float32_of_fraction(Fraction(f))


def Val(x: Value) -> object:
    """The Python value of x: bool, str, int, Fraction, or None."""
    if isinstance(x, _boolVal):
        return x.b
    if isinstance(x, _stringVal):
        return StringVal(x)
    if isinstance(x, _intVal):
        return x.i
    if isinstance(x, _ratVal):
        return x.r
    if isinstance(x, _floatVal):
        return x.f.to_fraction()
    return None


def BitLen(x: Value) -> int:
    if isinstance(x, _intVal):
        return abs(x.i).bit_length()
    if isinstance(x, _unknownVal):
        return 0
    raise TypeError(f"{x} not an Int")


def Sign(x: Value) -> int:
    """-1, 0 or 1; for a Complex, 0 iff it is zero; 1 for Unknown."""
    if isinstance(x, _intVal):
        return (x.i > 0) - (x.i < 0)
    if isinstance(x, _ratVal):
        return (x.r > 0) - (x.r < 0)
    if isinstance(x, _floatVal):
        return x.f.sign()
    if isinstance(x, _complexVal):
        return Sign(x.re) | Sign(x.im)
    if isinstance(x, _unknownVal):
        return 1
    raise TypeError(f"{x} not numeric")


def Bytes(x: Value) -> bytes:
    """The little-endian bytes of |x| for an Int value."""
    if not isinstance(x, _intVal):
        raise TypeError(f"{x} not an Int")
    a = abs(x.i)
    return a.to_bytes((a.bit_length() + 7) // 8, "little")


def Num(x: Value) -> Value:
    if isinstance(x, _intVal):
        return x
    if isinstance(x, _ratVal):
        return _make_int(x.r.numerator)
    if isinstance(x, _floatVal):
        if _small_float(x.f):
            return _make_int(x.f.to_fraction().numerator)
    return _UNKNOWN


def Denom(x: Value) -> Value:
    if isinstance(x, _intVal):
        return _make_int(1)
    if isinstance(x, _ratVal):
        return _make_int(x.r.denominator)
    if isinstance(x, _floatVal):
        if _small_float(x.f):
            return _make_int(x.f.to_fraction().denominator)
    return _UNKNOWN


def Real(x: Value) -> Value:
    if isinstance(x, _complexVal):
        return x.re
    if isinstance(x, (_unknownVal, _intVal, _ratVal, _floatVal)):
        return x
    raise TypeError(f"{x} not numeric")


def Imag(x: Value) -> Value:
    if isinstance(x, _complexVal):
        return x.im
    if isinstance(x, _unknownVal):
        return x
    if isinstance(x, (_intVal, _ratVal, _floatVal)):
        return _ZERO
    raise TypeError(f"{x} not numeric")


# ---------------------------------------------------------------------------
# Conversions


def ToInt(x: Value) -> Value:
    """x as an Int if it is exactly (or nearly: within 512-4 bits) integral."""
    if isinstance(x, _intVal):
        return x
    if isinstance(x, _ratVal):
        if x.r.denominator == 1:
            return _make_int(x.r.numerator)
        return _UNKNOWN
    if isinstance(x, _floatVal):
        f = x.f
        if _small_float(f):
            i, exact = f.to_int_trunc()
            if exact:
                return _make_int(i)
            # accept values within a few ulps of an integer (go/constant
            # rounds to 508 bits toward zero and away from zero)
            for mode in (0, 1):
                r = _round_prec(f, _PREC - 4, mode)
                i, exact = r.to_int_trunc()
                if exact:
                    return _make_int(i)
        return _UNKNOWN
    if isinstance(x, _complexVal):
        re = ToFloat(x)
        if re.Kind() == Kind.Float:
            return ToInt(re)
    return _UNKNOWN


def _round_prec(f: _BigFloat, prec: int, mode: int) -> _BigFloat:
    """f rounded to prec bits toward zero (mode 0) or away from zero (mode 1)."""
    a = abs(f.m)
    n = a.bit_length()
    e = f.e
    if n > prec:
        shift = n - prec
        keep = a >> shift
        if mode == 1 and keep << shift != a:
            keep += 1
        a = keep
        e += shift
    return _BigFloat(-a if f.m < 0 else a, e)


def ToFloat(x: Value) -> Value:
    if isinstance(x, _intVal):
        if x.i.bit_length() < _MAX_EXP:
            return _ratVal(Fraction(x.i))
        return _make_float(_BigFloat.round(x.i, 0))
    if isinstance(x, (_ratVal, _floatVal)):
        return x
    if isinstance(x, _complexVal):
        if Sign(x.im) == 0:
            return ToFloat(x.re)
    return _UNKNOWN


def ToComplex(x: Value) -> Value:
    if isinstance(x, (_intVal, _ratVal, _floatVal)):
        return _complexVal(x, _ZERO)
    if isinstance(x, _complexVal):
        return x
    return _UNKNOWN


# ---------------------------------------------------------------------------
# Operations


def UnaryOp(op: token.Token, y: Value, prec: int = 0) -> Value:
    """op y for op in + - ^ !; prec > 0 bounds ^ to an unsigned width."""
    if op == token.ADD:
        if isinstance(y, (_unknownVal, _intVal, _ratVal, _floatVal, _complexVal)):
            return y
    elif op == token.SUB:
        if isinstance(y, _unknownVal):
            return y
        if isinstance(y, _intVal):
            return _make_int(-y.i)
        if isinstance(y, _ratVal):
            return _ratVal(-y.r)
        if isinstance(y, _floatVal):
            return _make_float(y.f.neg())
        if isinstance(y, _complexVal):
            return _make_complex(UnaryOp(token.SUB, y.re), UnaryOp(token.SUB, y.im))
    elif op == token.XOR:
        if isinstance(y, _unknownVal):
            return y
        if isinstance(y, _intVal):
            z = ~y.i
            if prec > 0:
                z &= (1 << prec) - 1
            return _make_int(z)
    elif op == token.NOT:
        if isinstance(y, _unknownVal):
            return y
        if isinstance(y, _boolVal):
            return MakeBool(not y.b)
    raise ValueError(f"invalid unary operation {op.String()}{y}")


def _ord(x: Value) -> int:
    if isinstance(x, _unknownVal):
        return 0
    if isinstance(x, (_boolVal, _stringVal)):
        return 1
    if isinstance(x, _intVal):
        return 2
    if isinstance(x, _ratVal):
        return 4
    if isinstance(x, _floatVal):
        return 5
    if isinstance(x, _complexVal):
        return 6
    return -1


def _match0(x: Value, y: Value) -> tuple[Value, Value]:
    """Bring x (the lower-ordered value) to y's representation."""
    if isinstance(y, _ratVal):
        if isinstance(x, _intVal):
            return _ratVal(Fraction(x.i)), y
    elif isinstance(y, _floatVal):
        if isinstance(x, _intVal):
            return _floatVal(_BigFloat.round(x.i, 0)), y
        if isinstance(x, _ratVal):
            return _floatVal(_BigFloat.from_fraction(x.r)), y
    elif isinstance(y, _complexVal):
        if isinstance(x, (_intVal, _ratVal, _floatVal)):
            return _complexVal(x, _ZERO), y
    return x, x


def _match(x: Value, y: Value) -> tuple[Value, Value]:
    ox, oy = _ord(x), _ord(y)
    if ox < oy:
        return _match0(x, y)
    if ox > oy:
        y2, x2 = _match0(y, x)
        return x2, y2
    return x, y


def _go_quo(a: int, b: int) -> int:
    """Integer division truncated toward zero (Go's /)."""
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def _go_rem(a: int, b: int) -> int:
    """Remainder with the sign of the dividend (Go's %)."""
    r = abs(a) % abs(b)
    return -r if a < 0 else r


def BinaryOp(x_: Value, op: token.Token, y_: Value) -> Value:
    """x op y. QUO on Ints gives a Float; QUO_ASSIGN forces integer division.

    Division by zero is the caller's responsibility (it raises here).
    """
    x, y = _match(x_, y_)
    if isinstance(x, _unknownVal):
        return x
    if isinstance(x, _intVal) and isinstance(y, _intVal):
        a, b = x.i, y.i
        if op == token.ADD:
            return _make_int(a + b)
        if op == token.SUB:
            return _make_int(a - b)
        if op == token.MUL:
            return _make_int(a * b)
        if op == token.QUO:
            return _make_rat(Fraction(a, b))
        if op == token.QUO_ASSIGN:
            return _make_int(_go_quo(a, b))
        if op == token.REM:
            return _make_int(_go_rem(a, b))
        if op == token.AND:
            return _make_int(a & b)
        if op == token.OR:
            return _make_int(a | b)
        if op == token.XOR:
            return _make_int(a ^ b)
        if op == token.AND_NOT:
            return _make_int(a & ~b)
    elif isinstance(x, _boolVal) and isinstance(y, _boolVal):
        if op == token.LAND:
            return MakeBool(x.b and y.b)
        if op == token.LOR:
            return MakeBool(x.b or y.b)
    elif isinstance(x, _ratVal) and isinstance(y, _ratVal):
        if op == token.ADD:
            return _make_rat(x.r + y.r)
        if op == token.SUB:
            return _make_rat(x.r - y.r)
        if op == token.MUL:
            return _make_rat(x.r * y.r)
        if op == token.QUO:
            return _make_rat(x.r / y.r)
    elif isinstance(x, _floatVal) and isinstance(y, _floatVal):
        if op == token.ADD:
            return _make_float(x.f.add(y.f))
        if op == token.SUB:
            return _make_float(x.f.sub(y.f))
        if op == token.MUL:
            return _make_float(x.f.mul(y.f))
        if op == token.QUO:
            return _make_float(x.f.quo(y.f))
    elif isinstance(x, _complexVal) and isinstance(y, _complexVal):
        xa, xb = x.re, x.im
        yc, yd = y.re, y.im
        if op == token.ADD:
            return _make_complex(BinaryOp(xa, token.ADD, yc), BinaryOp(xb, token.ADD, yd))
        if op == token.SUB:
            return _make_complex(BinaryOp(xa, token.SUB, yc), BinaryOp(xb, token.SUB, yd))
        if op == token.MUL:
            ac = BinaryOp(xa, token.MUL, yc)
            bd = BinaryOp(xb, token.MUL, yd)
            bc = BinaryOp(xb, token.MUL, yc)
            ad = BinaryOp(xa, token.MUL, yd)
            return _make_complex(BinaryOp(ac, token.SUB, bd), BinaryOp(bc, token.ADD, ad))
        if op == token.QUO:
            ac = BinaryOp(xa, token.MUL, yc)
            bd = BinaryOp(xb, token.MUL, yd)
            bc = BinaryOp(xb, token.MUL, yc)
            ad = BinaryOp(xa, token.MUL, yd)
            cc = BinaryOp(yc, token.MUL, yc)
            dd = BinaryOp(yd, token.MUL, yd)
            ssum = BinaryOp(cc, token.ADD, dd)
            re = BinaryOp(BinaryOp(ac, token.ADD, bd), token.QUO, ssum)
            im = BinaryOp(BinaryOp(bc, token.SUB, ad), token.QUO, ssum)
            return _make_complex(re, im)
    elif isinstance(x, _stringVal) and isinstance(y, _stringVal):
        if op == token.ADD:
            return _stringVal(x.s + y.s)
    raise ValueError(f"invalid binary operation {x_} {op.String()} {y_}")


def Shift(x: Value, op: token.Token, s: int) -> Value:
    """x << s or x >> s for an Int x."""
    if isinstance(x, _unknownVal):
        return x
    if isinstance(x, _intVal):
        if s == 0:
            return x
        if op == token.SHL:
            return _make_int(x.i << s)
        if op == token.SHR:
            return _make_int(x.i >> s)
    raise ValueError(f"invalid shift {x} {op.String()} {s}")


def _cmp_zero(c: int, op: token.Token) -> bool:
    if op == token.EQL:
        return c == 0
    if op == token.NEQ:
        return c != 0
    if op == token.LSS:
        return c < 0
    if op == token.LEQ:
        return c <= 0
    if op == token.GTR:
        return c > 0
    if op == token.GEQ:
        return c >= 0
    raise ValueError(f"invalid comparison {c} {op.String()} 0")


def Compare(x_: Value, op: token.Token, y_: Value) -> bool:
    """x op y for a comparison operator; false if either is Unknown."""
    x, y = _match(x_, y_)
    if isinstance(x, _unknownVal):
        return False
    if isinstance(x, _boolVal) and isinstance(y, _boolVal):
        if op == token.EQL:
            return x.b == y.b
        if op == token.NEQ:
            return x.b != y.b
    elif isinstance(x, _intVal) and isinstance(y, _intVal):
        return _cmp_zero((x.i > y.i) - (x.i < y.i), op)
    elif isinstance(x, _ratVal) and isinstance(y, _ratVal):
        return _cmp_zero((x.r > y.r) - (x.r < y.r), op)
    elif isinstance(x, _floatVal) and isinstance(y, _floatVal):
        return _cmp_zero(x.f.cmp(y.f), op)
    elif isinstance(x, _complexVal) and isinstance(y, _complexVal):
        re = Compare(x.re, token.EQL, y.re)
        im = Compare(x.im, token.EQL, y.im)
        if op == token.EQL:
            return re and im
        if op == token.NEQ:
            return not re or not im
    elif isinstance(x, _stringVal) and isinstance(y, _stringVal):
        return _cmp_zero((x.s > y.s) - (x.s < y.s), op)
    raise ValueError(f"invalid comparison {x_} {op.String()} {y_}")
