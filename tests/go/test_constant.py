"""Unit tests of gort/go/constant against go/constant's behavior.

EXPECTED was produced by running the equivalent Go program (kept below in
GO_PROGRAM) with go/constant; test_against_go re-runs it when the go command
is available, so the expectations cannot drift from Go.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
from fractions import Fraction

import pytest

from gort.go import constant, token
from gort.go.constant import value as cv


def lit(s: str, tok: token.Token) -> constant.Value:
    return constant.MakeFromLiteral(s, tok, 0)


I, F, IM, C, S = token.INT, token.FLOAT, token.IMAG, token.CHAR, token.STRING


def values() -> list[constant.Value]:
    bop = constant.BinaryOp
    return [
        lit("0", I), lit("42", I), lit("0x_1F", I), lit("0o17", I), lit("017", I), lit("0b101", I),
        lit("123456789012345678901234567890", I),
        lit("1.5", F), lit("0.1", F), lit("1e10", F), lit("1e-7", F), lit("1e100", F),
        lit("1e1000", F), lit("1e-1000", F), lit("0x1p-2", F), lit("0x1.8p1", F),
        lit("123456.789", F), lit("1234567.0", F), lit("3.0", F),
        lit("2i", IM), lit("1.5i", IM),
        lit("'a'", C), lit("'\\n'", C), lit("'\\x41'", C), lit("'é'", C), lit("'\\u00e9'", C),
        lit('"hello"', S), lit('"a\\tb\\n"', S), lit('"\\xff\\x00"', S), lit("`raw\\n`", S),
        lit('"héllo 世界"', S),
        constant.MakeBool(True), constant.MakeUnknown(),
        bop(lit("1", I), token.QUO, lit("3", I)),
        bop(lit("7", I), token.QUO_ASSIGN, lit("-2", I)),
        bop(lit("-7", I), token.REM, lit("2", I)),
        bop(lit("1", I), token.ADD, lit("0.5", F)),
        bop(lit("2i", IM), token.MUL, lit("2i", IM)),
        bop(lit("1", I), token.QUO, lit("2i", IM)),
        bop(lit('"ab"', S), token.ADD, lit('"cd"', S)),
        bop(lit("12", I), token.AND_NOT, lit("10", I)),
        constant.Shift(lit("1", I), token.SHL, 100),
        constant.Shift(lit("-9", I), token.SHR, 1),
        constant.UnaryOp(token.XOR, lit("5", I), 8),
        constant.UnaryOp(token.XOR, lit("5", I), 0),
        constant.UnaryOp(token.SUB, lit("1.5", F), 0),
        constant.ToInt(lit("3.0", F)), constant.ToInt(lit("3.5", F)),
        constant.ToFloat(lit("7", I)), constant.ToComplex(lit("7", I)),
        constant.MakeFloat64(0.1), constant.MakeFloat64(1e300), constant.MakeInt64(-5),
        constant.MakeUint64(1 << 63),
        bop(constant.Shift(lit("1", I), token.SHL, 5000), token.MUL, lit("1.5", F)),
    ]


def go_float(f: float) -> str:
    return cv.format_g(f, -1)


def go_float32(f: float) -> str:
    """Go's %v of a float32: the shortest decimal that rounds back to it."""
    for prec in range(1, 10):
        s = f"{f:.{prec}g}"
        if struct.unpack("<f", struct.pack("<f", float(s)))[0] == f:
            return cv.format_g(float(s), -1)
    return cv.format_g(f, -1)


def render() -> str:
    out = []
    for v in values():
        out.append(f"{v.Kind().name}|{v.String()}|{v.ExactString()}")
    i, ok = constant.Int64Val(lit("123456789012345678901234567890", I))
    out.append(f"{i} {str(ok).lower()}")
    f, ok = constant.Float64Val(lit("0.1", F))
    out.append(f"{go_float(f)} {str(ok).lower()}")
    f, ok = constant.Float64Val(lit("0.5", F))
    out.append(f"{go_float(f)} {str(ok).lower()}")
    f32, ok = constant.Float32Val(lit("0.1", F))
    out.append(f"{go_float32(f32)} {str(ok).lower()}")
    a = constant.Compare(lit("1", I), token.LSS, lit("1.5", F))
    b = constant.Compare(lit('"a"', S), token.GEQ, lit('"b"', S))
    out.append(f"{str(a).lower()} {str(b).lower()}")
    out.append(f"{constant.Sign(lit('-3', I))} {constant.Sign(constant.MakeUnknown())} "
               f"{constant.BitLen(lit('255', I))}")
    out.append(f"{constant.StringLen(lit(chr(34) + 'héllo' + chr(34), S))}")
    return "\n".join(out) + "\n"


EXPECTED = r"""Int|0|0
Int|42|42
Int|31|31
Int|15|15
Int|15|15
Int|5|5
Int|123456789012345678901234567890|123456789012345678901234567890
Float|1.5|3/2
Float|0.1|1/10
Float|1e+10|10000000000
Float|1e-07|1/10000000
Float|1e+100|10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
Float|1e+1000|10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
Float|1e-1000|1/10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
Float|0.25|1/4
Float|3|3
Float|123456.789|123456789/1000
Float|1.23457e+06|1234567
Float|3|3
Complex|(0 + 2i)|(0 + 2i)
Complex|(0 + 1.5i)|(0 + 3/2i)
Int|97|97
Int|10|10
Int|65|65
Int|233|233
Int|233|233
String|"hello"|"hello"
String|"a\tb\n"|"a\tb\n"
String|"\xff\x00"|"\xff\x00"
String|"raw\\n"|"raw\\n"
String|"héllo 世界"|"héllo 世界"
Bool|true|true
Unknown|unknown|unknown
Float|0.333333|1/3
Int|-3|-3
Int|-1|-1
Float|1.5|3/2
Complex|(-4 + 0i)|(-4 + 0i)
Complex|(0 + -0.5i)|(0 + -1/2i)
String|"abcd"|"abcd"
Int|4|4
Int|1267650600228229401496703205376|1267650600228229401496703205376
Int|-5|-5
Int|250|250
Int|-6|-6
Float|-1.5|-3/2
Int|3|3
Unknown|unknown|unknown
Float|7|7
Complex|(7 + 0i)|(7 + 0i)
Float|0.1|3602879701896397/36028797018963968
Float|1e+300|1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160
Int|-5|-5
Int|9223372036854775808|9223372036854775808
Float|2.1187e+1505|0x.cp+5001
-4362896299872285998 false
0.1 false
0.5 true
0.1 false
true false
-1 1 8
6
"""


def test_values_match_go() -> None:
    got = render().splitlines()
    want = EXPECTED.splitlines()
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert g == w


GO_PROGRAM = r"""package main

import (
	"fmt"
	"go/constant"
	"go/token"
)

func lit(s string, tok token.Token) constant.Value { return constant.MakeFromLiteral(s, tok, 0) }

func main() {
	vals := []constant.Value{
		lit("0", token.INT), lit("42", token.INT), lit("0x_1F", token.INT), lit("0o17", token.INT), lit("017", token.INT), lit("0b101", token.INT),
		lit("123456789012345678901234567890", token.INT),
		lit("1.5", token.FLOAT), lit("0.1", token.FLOAT), lit("1e10", token.FLOAT), lit("1e-7", token.FLOAT), lit("1e100", token.FLOAT),
		lit("1e1000", token.FLOAT), lit("1e-1000", token.FLOAT), lit("0x1p-2", token.FLOAT), lit("0x1.8p1", token.FLOAT),
		lit("123456.789", token.FLOAT), lit("1234567.0", token.FLOAT), lit("3.0", token.FLOAT),
		lit("2i", token.IMAG), lit("1.5i", token.IMAG),
		lit("'a'", token.CHAR), lit("'\\n'", token.CHAR), lit("'\\x41'", token.CHAR), lit("'é'", token.CHAR), lit("'\\u00e9'", token.CHAR),
		lit(`"hello"`, token.STRING), lit(`"a\tb\n"`, token.STRING), lit(`"\xff\x00"`, token.STRING), lit("`raw\\n`", token.STRING),
		lit(`"héllo 世界"`, token.STRING),
		constant.MakeBool(true), constant.MakeUnknown(),
		constant.BinaryOp(lit("1", token.INT), token.QUO, lit("3", token.INT)),
		constant.BinaryOp(lit("7", token.INT), token.QUO_ASSIGN, lit("-2", token.INT)),
		constant.BinaryOp(lit("-7", token.INT), token.REM, lit("2", token.INT)),
		constant.BinaryOp(lit("1", token.INT), token.ADD, lit("0.5", token.FLOAT)),
		constant.BinaryOp(lit("2i", token.IMAG), token.MUL, lit("2i", token.IMAG)),
		constant.BinaryOp(lit("1", token.INT), token.QUO, lit("2i", token.IMAG)),
		constant.BinaryOp(lit(`"ab"`, token.STRING), token.ADD, lit(`"cd"`, token.STRING)),
		constant.BinaryOp(lit("12", token.INT), token.AND_NOT, lit("10", token.INT)),
		constant.Shift(lit("1", token.INT), token.SHL, 100),
		constant.Shift(lit("-9", token.INT), token.SHR, 1),
		constant.UnaryOp(token.XOR, lit("5", token.INT), 8),
		constant.UnaryOp(token.XOR, lit("5", token.INT), 0),
		constant.UnaryOp(token.SUB, lit("1.5", token.FLOAT), 0),
		constant.ToInt(lit("3.0", token.FLOAT)), constant.ToInt(lit("3.5", token.FLOAT)),
		constant.ToFloat(lit("7", token.INT)), constant.ToComplex(lit("7", token.INT)),
		constant.MakeFloat64(0.1), constant.MakeFloat64(1e300), constant.MakeInt64(-5),
		constant.MakeUint64(1 << 63),
		constant.BinaryOp(constant.Shift(lit("1", token.INT), token.SHL, 5000), token.MUL, lit("1.5", token.FLOAT)),
	}
	for _, v := range vals {
		fmt.Printf("%v|%s|%s\n", v.Kind(), v.String(), v.ExactString())
	}
	i, ok := constant.Int64Val(lit("123456789012345678901234567890", token.INT))
	fmt.Println(i, ok)
	f, ok := constant.Float64Val(lit("0.1", token.FLOAT))
	fmt.Println(f, ok)
	f, ok = constant.Float64Val(lit("0.5", token.FLOAT))
	fmt.Println(f, ok)
	f32, ok := constant.Float32Val(lit("0.1", token.FLOAT))
	fmt.Println(f32, ok)
	fmt.Println(constant.Compare(lit("1", token.INT), token.LSS, lit("1.5", token.FLOAT)), constant.Compare(lit(`"a"`, token.STRING), token.GEQ, lit(`"b"`, token.STRING)))
	fmt.Println(constant.Sign(lit("-3", token.INT)), constant.Sign(constant.MakeUnknown()), constant.BitLen(lit("255", token.INT)))
	fmt.Println(constant.StringLen(lit(`"héllo"`, token.STRING)))
}
"""


@pytest.mark.differential
@pytest.mark.skipif(shutil.which("go") is None, reason="needs the go command")
def test_against_go() -> None:
    with tempfile.TemporaryDirectory() as d:
        fn = os.path.join(d, "main.go")
        with open(fn, "w", encoding="utf-8") as f:
            f.write(GO_PROGRAM)
        r = subprocess.run(["go", "run", fn], capture_output=True, text=True, cwd=d)
    assert r.returncode == 0, r.stderr
    assert r.stdout == EXPECTED


def test_exact_arithmetic() -> None:
    third = constant.BinaryOp(lit("1", I), token.QUO, lit("3", I))
    one = constant.BinaryOp(third, token.MUL, lit("3", I))
    assert constant.Compare(one, token.EQL, lit("1", I))
    assert constant.RatVal(third) == Fraction(1, 3)
    big = constant.Shift(lit("1", I), token.SHL, 200)
    assert constant.IntVal(big) == 1 << 200
    assert constant.Int64Val(lit("9223372036854775807", I)) == ((1 << 63) - 1, True)
    assert constant.Uint64Val(lit("18446744073709551615", I)) == ((1 << 64) - 1, True)
    assert constant.Uint64Val(lit("-1", I))[1] is False


def test_division_by_zero_is_the_callers_job() -> None:
    with pytest.raises(ZeroDivisionError):
        constant.BinaryOp(lit("1", I), token.QUO, lit("0", I))


def test_huge_and_tiny_floats() -> None:
    assert lit("1e1000000000000", F).Kind() == constant.Unknown
    assert constant.Sign(lit("1e-1000000000000", F)) == 0
    v = lit("1e5000", F)  # beyond 4096-bit fractions: a 512-bit float
    assert isinstance(v, cv._floatVal)
    w = constant.BinaryOp(v, token.QUO, lit("1e4999", F))
    f, _ = constant.Float64Val(w)
    assert abs(f - 10.0) < 1e-12


def test_strings_are_bytes() -> None:
    v = lit('"\\xff\\xfe"', S)
    assert constant.StringBytes(v) == b"\xff\xfe"
    assert constant.StringLen(v) == 2
    assert constant.StringVal(v).encode("utf-8", "surrogateescape") == b"\xff\xfe"
    assert lit('"\\400"', S).Kind() == constant.Unknown


def test_float32_rounding() -> None:
    f, exact = constant.Float32Val(lit("16777217", F))
    assert f == 16777216.0 and not exact
    f, exact = constant.Float32Val(lit("0.5", F))
    assert f == 0.5 and exact
    f, _ = constant.Float32Val(lit("1e39", F))
    assert f == float("inf")
