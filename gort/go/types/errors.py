"""Error reporting (go/types errors.go), with gc's conventions.

`check.errorf(at, code, fmt, args...)` formats a message (see format.py)
and reports it at the start position of `at` (a node, an operand, an
object, or a plain Pos). An `error_` can collect several parts
(`addf`); as types2 does, the parts after the first are appended to the
message as extra lines ("\\n\\tother declaration of x").

Cascade suppression (types2's cheap trick): once an error has been
reported, a later message that contains "invalid operand" or "invalid
type" (not at its start) is dropped, since it follows from the first.

Invariants: every reported error has a nonzero code; the first error is
kept in check.firstErr.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast
from gort.go.types.errcodes import Code

if TYPE_CHECKING:
    from gort.go.token import Pos
    from gort.go.types.check import Checker


def atPos(at: object) -> Pos:
    """The start position of at (node, operand, object or Pos)."""
    from gort.go.types.object import Object
    from gort.go.types.operand import operand

    if isinstance(at, int):
        return at
    if isinstance(at, operand):
        if at.expr is not None:
            return startPos(at.expr)
        return 0
    if isinstance(at, ast.Node):
        return startPos(at)
    if isinstance(at, Object):
        return at.pos
    return 0


def synPos(e: ast.Node | None) -> Pos:
    """The position gc's syntax package gives node e (types2's e.Pos()).

    It differs from go/ast's start position for operations (the operator),
    calls (the "("), index and slice expressions (the "["), selectors and
    type assertions (the "."), composite literals (the "{") and key-value
    pairs (the ":"); types2 reports some errors there.
    """
    if e is None:
        return 0
    t = type(e)
    if t is ast.CallExpr:
        return e.Lparen  # type: ignore[attr-defined,no-any-return]
    if t is ast.IndexExpr or t is ast.IndexListExpr or t is ast.SliceExpr:
        return e.Lbrack  # type: ignore[attr-defined,no-any-return]
    if t is ast.SelectorExpr:
        return e.Sel.Pos() - 1  # type: ignore[attr-defined,no-any-return]
    if t is ast.TypeAssertExpr:
        return e.Lparen - 1  # type: ignore[attr-defined,no-any-return]
    if t is ast.BinaryExpr:
        return e.OpPos  # type: ignore[attr-defined,no-any-return]
    if t is ast.CompositeLit:
        return e.Lbrace  # type: ignore[attr-defined,no-any-return]
    if t is ast.KeyValueExpr:
        return e.Colon  # type: ignore[attr-defined,no-any-return]
    if t is ast.FuncType and e.Params is not None and e.Params.Opening:  # type: ignore[attr-defined]
        return e.Params.Opening  # type: ignore[attr-defined,no-any-return]
    return e.Pos()


def startPos(n: ast.Node) -> Pos:
    """syntax.StartPos of the gc syntax tree corresponding to n.

    Mostly go/ast's Pos(), except where gc's tree puts a node's position on
    an inner token and StartPos does not correct it: slice expressions
    (the "["), composite literals without a type (the "{"), expression
    statements (the position of their expression).
    """
    while True:
        t = type(n)
        if t is ast.SliceExpr:
            return n.Lbrack  # type: ignore[attr-defined,no-any-return]
        if t is ast.CompositeLit:
            if n.Type is not None:  # type: ignore[attr-defined]
                n = n.Type  # type: ignore[attr-defined]
                continue
            return n.Lbrace  # type: ignore[attr-defined,no-any-return]
        if t is ast.ExprStmt:
            return synPos(n.X)  # type: ignore[attr-defined]
        if t is ast.KeyValueExpr:
            n = n.Key  # type: ignore[attr-defined]
            continue
        if t in (ast.SelectorExpr, ast.IndexExpr, ast.IndexListExpr, ast.TypeAssertExpr,
                 ast.BinaryExpr):
            n = n.X  # type: ignore[attr-defined]
            continue
        if t is ast.CallExpr:
            n = n.Fun  # type: ignore[attr-defined]
            continue
        if t is ast.FuncType and n.Params is not None and n.Params.Opening:  # type: ignore[attr-defined]
            return n.Params.Opening  # type: ignore[attr-defined,no-any-return]
        return n.Pos()


class error_:
    """An error under construction: code, parts (pos, msg), soft flag."""

    __slots__ = ("check", "desc", "code", "soft")

    def __init__(self, check: Checker, code: Code) -> None:
        self.check = check
        self.desc: list[tuple[Pos, str]] = []
        self.code = code
        self.soft = False

    def addf(self, at: object, fmt: str, *args: object) -> None:
        self.desc.append((atPos(at), self.check.sprintf(fmt, *args)))

    def addAltDecl(self, obj: object) -> None:
        from gort.go.types.object import Object

        if isinstance(obj, Object) and obj.pos:
            self.addf(obj, "other declaration of %s", obj.name)

    def empty(self) -> bool:
        return not self.desc

    def pos(self) -> Pos:
        return self.desc[0][0] if self.desc else 0

    def msg(self) -> str:
        if not self.desc:
            return "no error"
        check = self.check
        parts = [self.desc[0][1]]
        for p, m in self.desc[1:]:
            parts.append("\n\t")
            if p:
                parts.append(check.posString(p) + ": ")
            parts.append(m)
        return "".join(parts)

    def report(self) -> None:
        if not self.desc:
            raise RuntimeError("no error")
        check = self.check
        if check.firstErr is not None:
            m = self.desc[0][1]
            if m.find("invalid operand") > 0 or m.find("invalid type") > 0:
                return
        check.handleError(0, self.pos(), self.code, self.msg(), self.soft)
        self.desc = []


def newError(check: Checker, code: Code) -> error_:
    return error_(check, code)


def handleError(check: Checker, index: int, pos: Pos, code: Code, msg: str, soft: bool) -> None:
    from gort.go.types.api import Error

    if index == 0:
        if check.errpos:
            pos = check.errpos
        if code == Code.InvalidSyntaxTree:
            msg = "invalid syntax tree: " + msg
        if check.conf.ErrorURL:
            url = check.conf.ErrorURL.replace("%s", str(int(code)))
            i = msg.find("\n")
            msg = msg[:i] + url + msg[i:] if i >= 0 else msg + url
    else:
        msg = "\t" + msg
    e = Error(check.fset, pos, msg, soft, code)
    if check.firstErr is None:
        check.firstErr = e
    f = check.conf.Error
    if f is None:
        raise _BailoutError()
    f(e)


class _BailoutError(Exception):
    """Raised to stop checking at the first error when Config.Error is None."""


def error(check: Checker, at: object, code: Code, msg: str) -> None:
    err = error_(check, code)
    err.desc.append((atPos(at), msg))
    err.report()


def errorf(check: Checker, at: object, code: Code, fmt: str, *args: object) -> None:
    err = error_(check, code)
    err.addf(at, fmt, *args)
    err.report()


def softErrorf(check: Checker, at: object, code: Code, fmt: str, *args: object) -> None:
    err = error_(check, code)
    err.addf(at, fmt, *args)
    err.soft = True
    err.report()


def versionErrorf(check: Checker, at: object, v: str, fmt: str, *args: object) -> None:
    msg = check.sprintf(fmt, *args)
    err = error_(check, Code.UnsupportedFeature)
    err.addf(at, "%s requires %s or later", msg, v)
    err.report()


invalidArg = "invalid argument: "
invalidOp = "invalid operation: "
