"""Build constraint expressions (go/build/constraint): `//go:build` lines.

`Parse(line)` turns the text after `//go:build` into an expression tree
(`Tag`, `Not`, `And`, `Or`); `expr.Eval(ok)` evaluates it with a predicate
for tags. `GoBuildLine(src)` finds the //go:build line of a file: it must
appear in the leading comments, before the package clause, in a comment
block followed by a blank line (as go/build requires).
`PlusBuildLines` returns legacy `// +build` lines for files without one.
"""

from __future__ import annotations

import re
from collections.abc import Callable


class ConstraintSyntaxError(Exception):
    """A malformed constraint expression."""


class Expr:
    __slots__ = ()

    def Eval(self, ok: Callable[[str], bool]) -> bool:
        raise NotImplementedError


class Tag(Expr):
    __slots__ = ("tag",)

    def __init__(self, tag: str) -> None:
        self.tag = tag

    def Eval(self, ok: Callable[[str], bool]) -> bool:
        return ok(self.tag)


class Not(Expr):
    __slots__ = ("x",)

    def __init__(self, x: Expr) -> None:
        self.x = x

    def Eval(self, ok: Callable[[str], bool]) -> bool:
        return not self.x.Eval(ok)


class And(Expr):
    __slots__ = ("x", "y")

    def __init__(self, x: Expr, y: Expr) -> None:
        self.x = x
        self.y = y

    def Eval(self, ok: Callable[[str], bool]) -> bool:
        # evaluate both sides (go/build records every tag it sees)
        a = self.x.Eval(ok)
        b = self.y.Eval(ok)
        return a and b


class Or(Expr):
    __slots__ = ("x", "y")

    def __init__(self, x: Expr, y: Expr) -> None:
        self.x = x
        self.y = y

    def Eval(self, ok: Callable[[str], bool]) -> bool:
        a = self.x.Eval(ok)
        b = self.y.Eval(ok)
        return a or b


_TOKEN = re.compile(r"\s*(\|\||&&|!|\(|\)|[A-Za-z0-9_.]+)")


def Parse(text: str) -> Expr:
    """Parse a //go:build expression (the text after the keyword)."""
    toks: list[str] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            if text[pos:].strip() == "":
                break
            raise ConstraintSyntaxError(f"unexpected character in {text!r}")
        toks.append(m.group(1))
        pos = m.end()
    i = 0

    def peek() -> str:
        return toks[i] if i < len(toks) else ""

    def orExpr() -> Expr:
        nonlocal i
        x = andExpr()
        while peek() == "||":
            i += 1
            x = Or(x, andExpr())
        return x

    def andExpr() -> Expr:
        nonlocal i
        x = notExpr()
        while peek() == "&&":
            i += 1
            x = And(x, notExpr())
        return x

    def notExpr() -> Expr:
        nonlocal i
        t = peek()
        if t == "!":
            i += 1
            return Not(notExpr())
        if t == "(":
            i += 1
            x = orExpr()
            if peek() != ")":
                raise ConstraintSyntaxError("missing )")
            i += 1
            return x
        if not t or t in ("&&", "||", ")"):
            raise ConstraintSyntaxError("unexpected token")
        i += 1
        return Tag(t)

    e = orExpr()
    if i != len(toks):
        raise ConstraintSyntaxError("unexpected token")
    return e


def PlusBuildExpr(lines: list[str]) -> Expr | None:
    """The expression of legacy `// +build` lines (AND of lines, OR of words,
    AND of comma-separated tags, ! for negation)."""
    result: Expr | None = None
    for line in lines:
        disj: Expr | None = None
        for word in line.split():
            conj: Expr | None = None
            for t in word.split(","):
                neg = t.startswith("!")
                if neg:
                    t = t[1:]
                e: Expr = Tag(t)
                if neg:
                    e = Not(e)
                conj = e if conj is None else And(conj, e)
            if conj is not None:
                disj = conj if disj is None else Or(disj, conj)
        if disj is not None:
            result = disj if result is None else And(result, disj)
    return result


def GoBuildLine(src: bytes) -> tuple[str | None, list[str]]:
    """The //go:build expression text of a file (or None) and its +build lines.

    Only comments before the package clause count, and only those in blocks
    that end before a blank line or the package clause (go/build's rule is
    simply: in the leading comment section, before the first non-comment).
    """
    goBuild: str | None = None
    plus: list[str] = []
    inBlock = False
    for raw in src.split(b"\n"):
        line = raw.strip()
        if inBlock:
            end = line.find(b"*/")
            if end >= 0:
                inBlock = False
                line = line[end + 2:].strip()
                if not line:
                    continue
            else:
                continue
        if not line:
            continue
        if line.startswith(b"//"):
            text = line.decode("utf-8", "replace")
            if text.startswith("//go:build") and (len(text) == 10 or text[10] in " \t"):
                if goBuild is None:
                    goBuild = text[10:].strip()
            elif text.startswith("// +build") or text.startswith("//+build"):
                plus.append(text.split("+build", 1)[1])
            continue
        if line.startswith(b"/*"):
            if b"*/" not in line[2:]:
                inBlock = True
            continue
        break
    return goBuild, plus
