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
            return at.expr.Pos()
        return 0
    if isinstance(at, ast.Node):
        return at.Pos()
    if isinstance(at, Object):
        return at.pos
    return 0


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
