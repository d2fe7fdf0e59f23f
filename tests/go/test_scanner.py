"""Scanner: token kinds and extents of every literal form, semicolon
insertion, comments, encodings, and gc's lexical error texts and columns."""

from __future__ import annotations

import pytest

from gort.go import token
from gort.go.scanner import scanFile
from gort.go.scanner.scanner import ScanComments, Scanner, formatU, numberKind, quoteRune
from gort.go.token import Token

T = Token


def toks(src: str) -> list[tuple[T, str]]:
    ts = scanFile(src.encode())
    return [(t, lit) for t, lit in zip(ts.toks, ts.lits, strict=True)]


def kinds(src: str) -> list[T]:
    return [t for t, _ in toks(src)]


def errs(src: str | bytes) -> list[tuple[int, str]]:
    """(byte offset, message) of each lexical error."""
    data = src.encode() if isinstance(src, str) else src
    return [(pos, msg) for _, pos, msg in scanFile(data).errs]


@pytest.mark.parametrize(
    "lit,kind",
    [
        ("0", T.INT), ("42", T.INT), ("1_000_000", T.INT), ("0b1010", T.INT), ("0B_1", T.INT),
        ("0o17", T.INT), ("0O7", T.INT), ("017", T.INT), ("0x1F", T.INT), ("0X_dead_BEEF", T.INT),
        ("1.5", T.FLOAT), ("1.", T.FLOAT), (".5", T.FLOAT), ("1e9", T.FLOAT), ("1E-9", T.FLOAT),
        ("6.02e+23", T.FLOAT), ("0x1p-2", T.FLOAT), ("0x1.8P+1", T.FLOAT), ("0x.8p0", T.FLOAT),
        ("1_0.2_5e1_0", T.FLOAT), ("089.5", T.FLOAT), ("0e0", T.FLOAT),
        ("1i", T.IMAG), ("0.5i", T.IMAG), ("1e3i", T.IMAG), ("0x1p1i", T.IMAG), ("0123i", T.IMAG),
        ("'a'", T.CHAR), ("'\\n'", T.CHAR), ("'\\x41'", T.CHAR), ("'\\u00e9'", T.CHAR),
        ("'\\U0001F600'", T.CHAR), ("'\\377'", T.CHAR), ("'\\''", T.CHAR), ("'é'", T.CHAR),
        ('"abc"', T.STRING), ('"a\\tb\\"c"', T.STRING), ('"\\u00e9\\xff\\101"', T.STRING),
        ('""', T.STRING), ('"é世界"', T.STRING), ("`raw\\n`", T.STRING), ("`multi\nline`", T.STRING),
    ],
)
def test_literal(lit: str, kind: T) -> None:
    ts = scanFile(lit.encode())
    assert ts.errs == []
    assert ts.toks[0] == kind
    assert ts.lits[0] == lit
    assert ts.toks[1:] == [T.SEMICOLON, T.EOF]


def test_number_extents() -> None:
    # gc's scanner decides where a number ends; the rest is a new token
    assert toks("0b12a") == [(T.INT, "0b12"), (T.IDENT, "a"), (T.SEMICOLON, "EOF"), (T.EOF, "")]
    assert kinds("1..2")[:2] == [T.FLOAT, T.FLOAT]
    assert toks("x.5")[:2] == [(T.IDENT, "x"), (T.FLOAT, ".5")]
    assert kinds("a[1:]")[:5] == [T.IDENT, T.LBRACK, T.INT, T.COLON, T.RBRACK]
    assert toks("0x1g")[:2] == [(T.INT, "0x1"), (T.IDENT, "g")]


@pytest.mark.parametrize(
    "lit,off,msg",
    [
        ("0b1.0", 3, "invalid radix point in binary literal"),
        ("0o1.0", 3, "invalid radix point in octal literal"),
        ("0x", 2, "hexadecimal literal has no digits"),
        ("0b", 2, "binary literal has no digits"),
        ("0b1e3", 3, "'e' exponent requires decimal mantissa"),
        ("1p3", 1, "'p' exponent requires hexadecimal mantissa"),
        ("1e", 2, "exponent has no digits"),
        ("1e+", 3, "exponent has no digits"),
        ("0x1.5", 5, "hexadecimal mantissa requires a 'p' exponent"),
        ("0128", 3, "invalid digit '8' in octal literal"),
        ("0b102", 4, "invalid digit '2' in binary literal"),
        ("1__0", 2, "'_' must separate successive digits"),
        ("1_", 1, "'_' must separate successive digits"),
        ("0_x", 1, "'_' must separate successive digits"),
        ("0x_1_", 4, "'_' must separate successive digits"),
    ],
)
def test_number_errors(lit: str, off: int, msg: str) -> None:
    assert errs("x = " + lit) == [(4 + off, msg)]


def test_number_kind_without_errors() -> None:
    assert numberKind("0x1p4", None, 0) == T.FLOAT
    assert numberKind("0b1.0", None, 0) == T.FLOAT


@pytest.mark.parametrize(
    "src,want",
    [
        ("''", [(1, "empty rune literal or unescaped '")]),
        ("'ab'", [(0, "more than one character in rune literal")]),
        ("'a\n", [(2, "newline in rune literal")]),
        ("'a", [(0, "rune literal not terminated")]),
        ('"ab\n', [(3, "newline in string")]),
        ('"ab', [(0, "string not terminated")]),
        ("`ab", [(0, "string not terminated")]),
        ("/* ab", [(0, "comment not terminated")]),
        ('"\\q"', [(2, "unknown escape")]),
        ("'\\\"'", [(2, "unknown escape")]),
        ('"\\xg0"', [(3, "invalid character 'g' in hexadecimal escape")]),
        ('"\\x4"', [(4, "invalid character '\"' in hexadecimal escape")]),
        ('"\\08"', [(3, "invalid character '8' in octal escape")]),
        ('"\\777"', [(5, "octal escape value 511 > 255")]),
        ('"\\uD800"', [(7, "escape is invalid Unicode code point U+D800")]),
        ('"\\U00110000"', [(11, "escape is invalid Unicode code point U+110000")]),
        ("x @ y", [(2, "invalid character U+0040 '@'")]),
        ("x # y", [(2, "invalid character U+0023 '#'")]),
        ("\u0661x", [(0, "identifier cannot begin with digit U+0661 '١'")]),
        ("x\u00a0y", [(1, "invalid character U+00A0 in identifier")]),
        ("€", [(0, "invalid character U+20AC '€' in identifier")]),
    ],
)
def test_lexical_errors(src: str, want: list[tuple[int, str]]) -> None:
    assert errs(src) == want


def test_encoding_errors() -> None:
    assert errs(b"x\x00y") == [(1, "invalid NUL character")]
    assert errs(b'"\xff"') == [(1, "invalid UTF-8 encoding")]
    assert errs(b"// caf\xe9\n") == [(6, "invalid UTF-8 encoding")]
    assert errs(b"x\xef\xbb\xbfy") == [(1, "invalid BOM in the middle of the file")]
    # a leading BOM is skipped; positions stay byte offsets
    ts = scanFile(b"\xef\xbb\xbfpackage p")
    assert ts.errs == [] and ts.toks[0] == T.PACKAGE and ts.poss[0] == 3
    # removed bytes do not join a keyword: gc sees the name "br\x00eak"
    ts = scanFile(b"br\x00eak")
    assert ts.toks[0] == T.IDENT and ts.lits[0] == "br\x00eak"


def test_semicolons() -> None:
    assert toks("x\ny") == [
        (T.IDENT, "x"), (T.SEMICOLON, "newline"), (T.IDENT, "y"), (T.SEMICOLON, "EOF"), (T.EOF, ""),
    ]
    for after in ["x", "1", "1.5", "1i", "'a'", '"s"', "`r`", "break", "continue",
                  "fallthrough", "return", "++", "--", ")", "]", "}"]:
        assert kinds(after + "\n")[-2:] == [T.SEMICOLON, T.EOF], after
    for after in ["+", "(", "[", "{", ",", "func", "if", "chan", "=", ":="]:
        assert T.SEMICOLON not in kinds(after + "\n"), after
    # an explicit semicolon, and a comment before the newline
    assert toks("x;y")[1] == (T.SEMICOLON, "semicolon")
    ts = scanFile(b"x // c\ny")
    assert (ts.toks[1], ts.poss[1], ts.lits[1]) == (T.SEMICOLON, 6, "newline")
    # a /* */ comment spanning lines acts as a newline, at its start
    ts = scanFile(b"x /* a\nb */ y")
    assert (ts.toks[1], ts.poss[1], ts.lits[1]) == (T.SEMICOLON, 2, "newline")
    assert kinds("x /* a */ y")[:2] == [T.IDENT, T.IDENT]


def test_operators() -> None:
    src = "+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ != <= >= := ... ( [ { , . ) ] } ; :"
    got = [t.String() for t in kinds(src) if t not in (T.EOF,)]
    assert got == src.split()


def test_comments_recorded() -> None:
    ts = scanFile(b"//go:build linux\n\npackage p // x\n/* y */")
    assert [(p, t) for p, t, _ in ts.comments] == [(0, "//go:build linux"), (28, "// x"), (33, "/* y */")]
    # each comment knows the token that follows it
    assert [ts.toks[k] for _, _, k in ts.comments] == [T.PACKAGE, T.SEMICOLON, T.EOF]


def test_raw_string_cr_removed() -> None:
    ts = scanFile(b"`a\r\nb`")
    assert ts.lits[0] == "`a\nb`"


def test_lines() -> None:
    ts = scanFile(b"a\nbb\n\nc\n")
    assert ts.lines == [0, 2, 5, 6, 8]


def test_formatting_helpers() -> None:
    assert quoteRune("a") == "'a'"
    assert quoteRune("\n") == "'\\n'"
    assert quoteRune("'") == "'\\''"
    assert quoteRune("\x00") == "'\\x00'"
    assert quoteRune("\u00a0") == "'\\u00a0'"
    assert formatU(0x40) == "U+0040 '@'"
    assert formatU(0xA0) == "U+00A0"
    assert formatU(0xD800) == "U+D800"


def test_go_scanner_interface() -> None:
    src = b"x := 1 // c\nreturn"
    fset = token.FileSet()
    f = fset.AddFile("a.go", -1, len(src))
    s = Scanner()
    got = []
    s.Init(f, src, None, ScanComments)
    while True:
        pos, tok, lit = s.Scan()
        got.append((fset.Position(pos).String(), tok, lit))
        if tok == T.EOF:
            break
    assert got == [
        ("a.go:1:1", T.IDENT, "x"), ("a.go:1:3", T.DEFINE, ""), ("a.go:1:6", T.INT, "1"),
        ("a.go:1:8", T.COMMENT, "// c"), ("a.go:1:12", T.SEMICOLON, "\n"),
        ("a.go:2:1", T.RETURN, "return"), ("a.go:2:7", T.SEMICOLON, "\n"), ("a.go:2:7", T.EOF, ""),
    ]


def test_trailing_blanks_at_eof() -> None:
    assert errs("x\n\t") == [] and errs("x \t\r ") == []
    assert kinds("x \t") == [T.IDENT, T.SEMICOLON, T.EOF]
