"""Formatting error messages (types2 format.go).

`sprintf(qf, tpSubscripts, fmt, *args)` formats a Go-style format string
(%s %v %d %q) after turning each argument into text the way types2 does:
operands as "x (variable of type int)", expressions as source text, objects
as ObjectString, types as TypeString qualified by qf, lists of types or
operands as "[a, b]".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast

if TYPE_CHECKING:
    from gort.go.types.typestring import Qualifier


def argString(qf: Qualifier | None, tpSubscripts: bool, a: object) -> str:
    from gort.go.types.exprstring import ExprString
    from gort.go.types.object import Object, ObjectString
    from gort.go.types.operand import operand, operandString
    from gort.go.types.type import Type
    from gort.go.types.typestring import _TypeWriter

    if a is None:
        return "<nil>"
    if isinstance(a, str):
        return a
    if isinstance(a, operand):
        return operandString(a, qf)
    if isinstance(a, ast.Node):
        return ExprString(a)
    if isinstance(a, Object):
        return ObjectString(a, qf)
    if isinstance(a, Type):
        w = _TypeWriter(qf)
        w.tpSubscripts = tpSubscripts
        w.typ(a)
        return "".join(w.buf)
    if isinstance(a, list):
        return "[" + ", ".join(argString(qf, tpSubscripts, x) for x in a) + "]"
    return str(a)


def sprintf(qf: Qualifier | None, tpSubscripts: bool, fmt: str, *args: object) -> str:
    if not args:
        return fmt.replace("%%", "%")
    out: list[str] = []
    i = 0
    ai = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c != "%":
            j = fmt.find("%", i)
            if j < 0:
                out.append(fmt[i:])
                break
            out.append(fmt[i:j])
            i = j
            continue
        if i + 1 >= n:
            out.append("%")
            break
        verb = fmt[i + 1]
        i += 2
        if verb == "%":
            out.append("%")
            continue
        if ai >= len(args):
            out.append("%!" + verb + "(MISSING)")
            continue
        a = args[ai]
        ai += 1
        if verb == "q":
            from gort.go.constant.value import go_quote

            s = a if isinstance(a, str) else argString(qf, tpSubscripts, a)
            out.append(go_quote(s.encode("utf-8", "surrogateescape")))
        elif verb == "d":
            out.append(str(a))
        else:
            out.append(argString(qf, tpSubscripts, a))
    return "".join(out)
