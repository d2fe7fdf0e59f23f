"""Branches a constant condition rules out, as gc drops them.

`if race.Enabled { ... }` with `race.Enabled` a constant false is common in
the standard library; gc compiles neither the body nor anything it pulls in
(a `defer` there costs the function nothing). gort does the same:

  * `staticBool` says whether a condition's value is known at compile time:
    +1 (true), -1 (false) or 0 (known only at run time). A constant
    expression is known (go/types records its value); so are `!x`, `x && y`
    and `x || y` when what decides them is: `false && f()` is false and
    never calls f. Whenever it answers ±1, evaluating the condition would
    run nothing but constants, so the compiler may skip it.
  * `inspectLive` walks a tree as `ast.Inspect` does, but does not enter
    the branch of an `if` that `staticBool` rules out (the init statement
    and the condition are still visited). The code generator emits only the
    live branch (gen.py, `stmt_IfStmt`), so the questions asked about a
    body before it is compiled ("does it defer?" in gen.py, "may it park?"
    in color.py) are asked with this walk, and escape.py skips the same
    branches: the answers describe the code that is emitted.

Removing a whole block is safe with labels too: Go forbids a goto into a
block, so no live code can jump into the removed one, and a function
literal in it is never created (gc does not number it either: the next
literal keeps the name `func1`).

Differences from Go: gc also drops the dead arms of a switch on a constant
and the body of `for false`; gort does not (yet).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gort.cmd.compile.checkinfo import CheckInfo
from gort.go import ast, constant, token


def staticBool(info: CheckInfo, e: Any) -> int:
    """+1 if the boolean expression e is true at compile time, -1 if false, else 0."""
    tv = info.Types.get(e)
    if tv is not None and tv.Value is not None and tv.Value.Kind() == constant.Bool:
        return 1 if constant.BoolVal(tv.Value) else -1
    while isinstance(e, ast.ParenExpr):
        e = e.X
    if isinstance(e, ast.UnaryExpr) and e.Op == token.NOT:
        return -staticBool(info, e.X)
    if isinstance(e, ast.BinaryExpr) and e.Op in (token.LAND, token.LOR):
        # The operand that decides must be the left one (or both be known):
        # `f() && false` is false, but f still has to be called.
        x = staticBool(info, e.X)
        if x == 0:
            return 0
        if (x < 0) == (e.Op == token.LAND):
            return x  # false && y, true || y: y is never evaluated
        return staticBool(info, e.Y)  # true && y, false || y: y decides
    return 0


def inspectLive(info: CheckInfo, root: Any, f: Callable[[Any], bool]) -> None:
    """ast.Inspect(root, f), skipping the branches of ifs a constant condition rules out."""

    def visit(n: Any) -> bool:
        if isinstance(n, ast.IfStmt):
            s = staticBool(info, n.Cond)
            if s != 0:
                if f(n):
                    live = n.Body if s > 0 else n.Else
                    for part in (n.Init, n.Cond, live):
                        if part is not None:
                            ast.Inspect(part, visit)
                    f(None)
                return False
        return f(n)

    ast.Inspect(root, visit)
