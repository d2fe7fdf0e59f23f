"""Terminating statements (go/types return.go): the spec's rules deciding
whether a function body ends in a terminating statement, for "missing
return".

A statement list terminates if its last non-empty statement does: return,
goto, a panic call, a block or if/else whose branches terminate, a for
without condition and without a break targeting it, a switch or select
whose clauses all terminate (with a default, for switch) and contain no
break targeting the statement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast, token

if TYPE_CHECKING:
    from gort.go.types.check import Checker


def isTerminating(check: Checker, s: ast.Stmt, label: str) -> bool:
    t = type(s)
    if t is ast.ReturnStmt:
        return True
    if t is ast.BlockStmt:
        return isTerminatingList(check, s.List, "")  # type: ignore[attr-defined]
    if t is ast.ExprStmt:
        call = ast.Unparen(s.X)  # type: ignore[attr-defined]
        return isinstance(call, ast.CallExpr) and call in check.isPanic
    if t is ast.LabeledStmt:
        assert isinstance(s, ast.LabeledStmt)
        return isTerminating(check, s.Stmt, s.Label.Name)
    if t is ast.BranchStmt:
        return s.Tok in (token.GOTO, token.FALLTHROUGH)  # type: ignore[attr-defined]
    if t is ast.IfStmt:
        assert isinstance(s, ast.IfStmt)
        return s.Else is not None and isTerminating(check, s.Body, "") and \
            isTerminating(check, s.Else, "")
    if t is ast.SwitchStmt or t is ast.TypeSwitchStmt:
        return isTerminatingSwitch(check, s.Body.List, label)  # type: ignore[attr-defined]
    if t is ast.SelectStmt:
        assert isinstance(s, ast.SelectStmt)
        for cc in s.Body.List:
            assert isinstance(cc, ast.CommClause)
            if not isTerminatingList(check, cc.Body, "") or hasBreakList(cc.Body, label, True):
                return False
        return True
    if t is ast.ForStmt:
        assert isinstance(s, ast.ForStmt)
        return s.Cond is None and not hasBreak(s.Body, label, True)
    return False


def isTerminatingList(check: Checker, lst: list[ast.Stmt], label: str) -> bool:
    for i in range(len(lst) - 1, -1, -1):
        if not isinstance(lst[i], ast.EmptyStmt):
            return isTerminating(check, lst[i], label)
    return False


def isTerminatingSwitch(check: Checker, body: list[ast.Stmt], label: str) -> bool:
    hasDefault = False
    for cc in body:
        assert isinstance(cc, ast.CaseClause)
        if not cc.List:
            hasDefault = True
        if not isTerminatingList(check, cc.Body, "") or hasBreakList(cc.Body, label, True):
            return False
    return hasDefault


def hasBreak(s: ast.Stmt, label: str, implicit: bool) -> bool:
    t = type(s)
    if t is ast.LabeledStmt:
        return hasBreak(s.Stmt, label, implicit)  # type: ignore[attr-defined]
    if t is ast.BranchStmt:
        assert isinstance(s, ast.BranchStmt)
        if s.Tok == token.BREAK:
            if s.Label is None:
                return implicit
            if s.Label.Name == label:
                return True
        return False
    if t is ast.BlockStmt:
        return hasBreakList(s.List, label, implicit)  # type: ignore[attr-defined]
    if t is ast.IfStmt:
        assert isinstance(s, ast.IfStmt)
        return hasBreak(s.Body, label, implicit) or \
            (s.Else is not None and hasBreak(s.Else, label, implicit))
    if t is ast.SwitchStmt or t is ast.TypeSwitchStmt or t is ast.SelectStmt:
        if label:
            for cc in s.Body.List:  # type: ignore[attr-defined]
                if hasBreakList(cc.Body, label, False):
                    return True
        return False
    if t is ast.ForStmt or t is ast.RangeStmt:
        if label and hasBreak(s.Body, label, False):  # type: ignore[attr-defined]
            return True
        return False
    return False


def hasBreakList(lst: list[ast.Stmt], label: str, implicit: bool) -> bool:
    for s in lst:
        if hasBreak(s, label, implicit):
            return True
    return False
