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
  * `switchPlan` decides an expression switch as far as constants allow.
    A case expression matches at compile time when the tag is a constant
    and so is the expression (`switch runtime.GOOS { case "windows": }`),
    or, with no tag, when `staticBool` knows it (`switch { case false: }`).
    Walking the cases in order, one that never matches is dropped (its
    constant costs nothing to skip); the first one that certainly matches,
    with nothing before it still to test, is taken when the test reaches
    it, and nothing after it (nor default) can be chosen. A case with an
    expression known only at run time stays, so that it is evaluated in
    Go's order: only constants are ever skipped. A clause's body is live
    if its case can be chosen, or the live body before it ends in
    `fallthrough`; the others are not compiled.
  * `for false { ... }` runs its init statement only: body and post
    statement are dead.
  * `inspectLive` walks a tree as `ast.Inspect` does, but does not enter
    what these rule out: the branch of an `if` that `staticBool` rules out
    (the init statement and the condition are still visited), the dead
    clauses of a switch and the case expressions dropped from it, the
    body and post statement of `for false`. The code generator emits only
    the live code (gen.py, `stmt_IfStmt`, `stmt_SwitchStmt`,
    `stmt_ForStmt`), so the questions asked about a body before it is
    compiled ("does it defer?", "does it recover?" in gen.py, "may it
    park?" in color.py) are asked with this walk, and escape.py skips the
    same code (`liveParts`): the answers describe the code that is
    emitted.

Removing a whole block is safe with labels too: Go forbids a goto into a
block (a case clause and a loop body are blocks), so no live code can jump
into the removed one, and a function literal in it is never created. gc's
noder drops the same blocks of ifs, the clauses of a switch whose cases
are all constants (up to the one taken) and the body of `for false` (or
`for false && x`), and numbers no literal in them: the next literal keeps the name `func1`.
Where gort drops more (a switch with a case known only at run time), the
literals there still take the numbers gc gives them (`gcLiterals`), so
that the live ones keep gc's names.

Differences from Go: a case that certainly matches after one known only
at run time leaves the cases after it in the chain, where they can never
be chosen (gc's SSA passes remove them). Type switches are not folded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gort.cmd.compile.checkinfo import CheckInfo, clausesOf
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


class SwitchPlan:
    """What of an expression switch is compiled (see switchPlan)."""

    __slots__ = ("clauses", "chain", "other", "live", "folded")

    def __init__(self, clauses: list[ast.CaseClause]) -> None:
        self.clauses = clauses  # every clause, in source order
        # The clauses tested at run time, in order, each with the case
        # expressions that may match (those that never do left out).
        self.chain: list[tuple[ast.CaseClause, list[Any]]] = []
        # The clause taken when no chain clause matches: one that certainly
        # matches, or default; None if there is none.
        self.other: ast.CaseClause | None = None
        self.live: list[bool] = [False] * len(clauses)  # clause i's body is compiled
        self.folded = False  # anything was decided at compile time

    def liveBodies(self) -> list[Any]:
        """The statements of the live clauses' bodies."""
        return [st for c, ok in zip(self.clauses, self.live) if ok for st in c.Body]


def endsInFallthrough(c: ast.CaseClause) -> bool:
    return bool(c.Body) and isinstance(c.Body[-1], ast.BranchStmt) and c.Body[-1].Tok == token.FALLTHROUGH


def switchPlan(info: CheckInfo, s: ast.SwitchStmt) -> SwitchPlan:
    """The clauses of the expression switch s that can be chosen, as far as
    constants decide (a plan with nothing folded when they decide nothing)."""
    clauses = clausesOf(s.Body, ast.CaseClause)
    plan = SwitchPlan(clauses)
    tag = None
    if s.Tag is not None:
        tv = info.Types.get(s.Tag)
        tag = tv.Value if tv is not None else None
    for c in clauses:
        if not c.List:
            continue  # default: only if no case is chosen
        kept: list[Any] = []
        certain = False
        for e in c.List:
            m = _matches(info, s.Tag, tag, e)
            if m < 0:
                plan.folded = True  # a constant that never matches: skipped
                continue
            if m > 0 and not kept:
                certain = True  # reached, this case is chosen
                break
            kept.append(e)
        if certain:
            plan.other = c
            plan.folded = True
            break
        if kept:
            plan.chain.append((c, kept))
    else:
        plan.other = next((c for c in clauses if not c.List), None)
    chosen = {id(c) for c, _ in plan.chain}
    if plan.other is not None:
        chosen.add(id(plan.other))
    for i, c in enumerate(clauses):
        plan.live[i] = id(c) in chosen or (i > 0 and plan.live[i - 1] and endsInFallthrough(clauses[i - 1]))
    return plan


def _matches(info: CheckInfo, tagExpr: Any, tag: Any, e: Any) -> int:
    """+1 if case expression e certainly matches, -1 if it never does, 0 if only
    the run time knows (tag: the tag's constant value, or None)."""
    if tagExpr is None:
        return staticBool(info, e)
    if tag is None:
        return 0
    tv = info.Types.get(e)
    if tv is None or tv.Value is None:
        return 0
    return 1 if constant.Compare(tag, token.EQL, tv.Value) else -1


def forIsDead(info: CheckInfo, s: ast.ForStmt) -> bool:
    """`for init; false; post { ... }`: the body and post statement never run."""
    return s.Cond is not None and staticBool(info, s.Cond) < 0


def liveParts(info: CheckInfo, n: Any) -> list[Any] | None:
    """The parts of n that are compiled, if constants rule some out (an if,
    an expression switch, a for loop), else None: every part is."""
    if isinstance(n, ast.IfStmt):
        st = staticBool(info, n.Cond)
        if st != 0:
            return [n.Init, n.Cond, n.Body if st > 0 else n.Else]
    elif isinstance(n, ast.SwitchStmt):
        plan = switchPlan(info, n)
        if plan.folded:
            return [n.Init, n.Tag] + [e for _, es in plan.chain for e in es] + plan.liveBodies()
    elif isinstance(n, ast.ForStmt) and forIsDead(info, n):
        return [n.Init, n.Cond]
    return None


def gcFoldsSwitch(info: CheckInfo, s: ast.SwitchStmt) -> bool:
    """Whether gc's noder rewrites the switch s to the clause it must take:
    when the tag is a constant (or absent) and so is every case up to a
    matching one (or every case, and then default is taken), and that
    clause does not fall through. Function literals in the clauses it drops
    are not numbered; in a switch gort folds further, they are (gcLiterals)."""
    tag = constant.MakeBool(True)
    if s.Tag is not None:
        tv = info.Types.get(s.Tag)
        if tv is None or tv.Value is None:
            return False
        tag = tv.Value
    target = None
    for c in clausesOf(s.Body, ast.CaseClause):
        if not c.List:
            target = c
        for e in c.List:
            tv = info.Types.get(e)
            if tv is None or tv.Value is None:
                return False
            if constant.Compare(tag, token.EQL, tv.Value):
                return not endsInFallthrough(c)
    return target is None or not endsInFallthrough(target)


def gcLiterals(info: CheckInfo, parts: list[Any]) -> int:
    """How many function literals gc numbers in parts (code gort does not
    compile): those not in code gc's noder drops itself (the dead branch of
    an if, the clauses of a switch it folds, the body and post statement of
    `for` with a constant false condition); none inside a literal."""
    n = 0

    def visit(x: Any) -> bool:
        nonlocal n
        if isinstance(x, ast.FuncLit):
            n += 1
            return False
        if isinstance(x, ast.IfStmt) and (st := staticBool(info, x.Cond)) != 0:
            walk([x.Init, x.Cond, x.Body if st > 0 else x.Else])
            return False
        if isinstance(x, ast.SwitchStmt) and gcFoldsSwitch(info, x):
            plan = switchPlan(info, x)
            walk([x.Init] + ([plan.other] if plan.other is not None else []))
            return False
        if isinstance(x, ast.ForStmt) and forIsDead(info, x):
            walk([x.Init])  # gc's reader keeps only the init of `for ...; false; ...`
            return False
        return True

    def walk(xs: list[Any]) -> None:
        for x in xs:
            if x is not None:
                ast.Inspect(x, visit)

    walk(parts)
    return n


def inspectLive(info: CheckInfo, root: Any, f: Callable[[Any], bool]) -> None:
    """ast.Inspect(root, f), skipping what constants rule out (liveParts)."""

    def visit(n: Any) -> bool:
        parts = liveParts(info, n) if n is not None else None
        if parts is None:
            return f(n)
        if f(n):
            for part in parts:
                if part is not None:
                    ast.Inspect(part, visit)
            f(None)
        return False

    ast.Inspect(root, visit)
