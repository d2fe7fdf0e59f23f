"""The //go:build line: recognise it and find the Go version it requires.

`IsGoBuild(text)` says whether a comment is a `//go:build` line;
`GoVersion(expr)` returns the minimum Go release an expression implies
("go1.21" for `go1.21 && linux`), or "" if it can be satisfied without one,
which is what go/parser stores in `ast.File.GoVersion` and gc uses as the
file's language version.

Algorithm: a small recursive-descent parser over the expression grammar
  or  := and { "||" and }
  and := not { "&&" not }
  not := "!" not | "(" or ")" | tag
then the minimum version: a `goN.M` tag gives (1, M) when it must hold;
`&&` takes the larger of its sides, `||` the smaller, and `!` flips which
one applies (a negated tag implies nothing).

Differences from Go: a malformed expression yields "" here (go/build
reports the syntax error when it evaluates the constraint).
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\s*(\|\||&&|!|\(|\)|[A-Za-z0-9_.]+)")
_GOTAG = re.compile(r"go1\.(\d+)\Z")


def IsGoBuild(text: str) -> bool:
    """Whether text is a //go:build comment line."""
    if not text.startswith("//go:build"):
        return False
    rest = text[len("//go:build") :]
    return rest == "" or rest[0] in " \t"


class _MalformedError(Exception):
    pass


def GoVersion(expr: str) -> str:
    """The minimum Go version expr requires ("go1.N"), or ""."""
    toks: list[str] = []
    pos = 0
    expr = expr.strip()
    while pos < len(expr):
        m = _TOKEN.match(expr, pos)
        if m is None:
            return ""
        toks.append(m.group(1))
        pos = m.end()
        while pos < len(expr) and expr[pos] in " \t":
            pos += 1
    i = 0

    # A version is the minor number of go1.N; 0 means "none required".
    def orExpr(sign: int) -> int:
        nonlocal i
        v = andExpr(sign)
        while i < len(toks) and toks[i] == "||":
            i += 1
            w = andExpr(sign)
            v = _or(v, w) if sign > 0 else _and(v, w)
        return v

    def andExpr(sign: int) -> int:
        nonlocal i
        v = notExpr(sign)
        while i < len(toks) and toks[i] == "&&":
            i += 1
            w = notExpr(sign)
            v = _and(v, w) if sign > 0 else _or(v, w)
        return v

    def notExpr(sign: int) -> int:
        nonlocal i
        if i >= len(toks):
            raise _MalformedError
        t = toks[i]
        i += 1
        if t == "!":
            return notExpr(-sign)
        if t == "(":
            v = orExpr(sign)
            if i >= len(toks) or toks[i] != ")":
                raise _MalformedError
            i += 1
            return v
        if t in ("||", "&&", ")"):
            raise _MalformedError
        if sign < 0:
            return 0
        m = _GOTAG.match(t)
        return int(m.group(1)) if m else 0

    try:
        v = orExpr(1)
    except (_MalformedError, RecursionError):
        return ""
    if i != len(toks) or v == 0:
        return ""
    return f"go1.{v}"


def _and(x: int, y: int) -> int:
    return max(x, y)


def _or(x: int, y: int) -> int:
    # "no version required" on either side means none is required.
    if x == 0 or y == 0:
        return 0
    return min(x, y)
