"""Branch statements and labels, checked as gc checks them (cmd/compile's
syntax/branches.go, which gc runs instead of types2's labels.go).

For each function body: declare labels, resolve every break, continue,
goto and fallthrough to its target, and report

    label L defined and not used           label L already defined at POS
    label L not defined                    break label not defined: L
    invalid break label L                  continue label not defined: L
    invalid continue label L               break is not in a loop, switch, or select
    continue is not in a loop              fallthrough statement out of place
    cannot fallthrough final case in switch
    cannot fallthrough in type switch
    goto L jumps into block starting at POS
    goto L jumps over declaration of x at POS

Algorithm (one pass per block, as gc): walk the block's statements keeping
the forward gotos not yet resolved; a label declaration resolves pending
forward gotos of its name (reporting those that jump over a variable
declared after them); an inner block returns its unresolved forward gotos
to the enclosing block; gotos still unresolved at the end target a label in
an inner block (error) or no label at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast, token
from gort.go.types.object import Label

if TYPE_CHECKING:
    from gort.go.token import Pos
    from gort.go.types.check import Checker


class _Label:
    __slots__ = ("parent", "lstmt", "used", "obj")

    def __init__(self, parent: _Block, lstmt: ast.LabeledStmt, obj: Label) -> None:
        self.parent = parent
        self.lstmt = lstmt
        self.used = False
        self.obj = obj  # the types.Label recorded in Info.Defs


class _Block:
    __slots__ = ("parent", "start", "lstmt")

    def __init__(self, parent: _Block | None, start: Pos, lstmt: ast.LabeledStmt | None) -> None:
        self.parent = parent
        self.start = start
        self.lstmt = lstmt


class _Targets:
    __slots__ = ("breaks", "continues", "caseIndex")

    def __init__(self, breaks: ast.Stmt | None, continues: ast.Stmt | None, caseIndex: int) -> None:
        self.breaks = breaks
        self.continues = continues
        self.caseIndex = caseIndex


_INVALID = ast.LabeledStmt(ast.Ident(0, "_"), 0, ast.EmptyStmt(0, True))


class _LabelScope:
    __slots__ = ("check", "labels")

    def __init__(self, check: Checker) -> None:
        self.check = check
        self.labels: dict[str, _Label] = {}

    def errf(self, pos: Pos, fmt: str, *args: object) -> None:
        from gort.go.types.errcodes import Code

        self.check.softErrorf(pos, Code.MisplacedLabel, fmt, *args)

    def declare(self, b: _Block, s: ast.LabeledStmt) -> _Label:
        name = s.Label.Name
        alt = self.labels.get(name)
        if alt is not None:
            self.errf(s.Label.Pos(), "label %s already defined at %s", name,
                      self.check.posString(alt.lstmt.Label.Pos()))
            return alt
        obj = Label(s.Label.Pos(), self.check.pkg, name)
        self.check.recordDef(s.Label, obj)
        lab = _Label(b, s, obj)
        self.labels[name] = lab
        return lab

    def use(self, ident: ast.Ident) -> None:
        lab = self.labels.get(ident.Name)
        if lab is not None:
            lab.obj.used = True
            self.check.recordUse(ident, lab.obj)

    def gotoTarget(self, b: _Block | None, name: str) -> ast.LabeledStmt | None:
        lab = self.labels.get(name)
        if lab is not None:
            lab.used = True
            while b is not None:
                if lab.parent is b:
                    return lab.lstmt
                b = b.parent
        return None

    def enclosingTarget(self, b: _Block | None, name: str) -> ast.LabeledStmt | None:
        lab = self.labels.get(name)
        if lab is not None:
            lab.used = True
            while b is not None:
                if lab.lstmt is b.lstmt:
                    return lab.lstmt
                b = b.parent
            return _INVALID
        return None

    def blockBranches(self, parent: _Block | None, ctxt: _Targets,
                      lstmt: ast.LabeledStmt | None, start: Pos,
                      body: list[ast.Stmt]) -> list[ast.BranchStmt]:
        from gort.go.types.exprstring import ExprString
        from gort.go.types.stmt import trimTrailingEmptyStmts

        b = _Block(parent, start, lstmt)
        varPos: Pos = 0
        varName = ""
        fwdGotos: list[ast.BranchStmt] = []
        badGotos: list[ast.BranchStmt] = []

        def recordVarDecl(pos: Pos, name: str) -> None:
            nonlocal varPos, varName, badGotos
            varPos = pos
            varName = name
            badGotos = list(fwdGotos)

        def jumpsOverVarDecl(fwd: ast.BranchStmt) -> bool:
            if varPos:
                return any(fwd is bad for bad in badGotos)
            return False

        def innerBlock(c: _Targets, st: Pos, lst: list[ast.Stmt]) -> None:
            fwdGotos.extend(self.blockBranches(b, c, lstmt, st, lst))

        stmtList = trimTrailingEmptyStmts(body)
        for stmtIndex, s0 in enumerate(stmtList):
            lstmt = None
            s: ast.Stmt = s0
            while isinstance(s, ast.LabeledStmt):
                name = s.Label.Name
                if name != "_":
                    lab = self.declare(b, s)
                    keep = []
                    for fwd in fwdGotos:
                        assert fwd.Label is not None
                        if fwd.Label.Name == name:
                            lab.used = True
                            self.use(fwd.Label)
                            if jumpsOverVarDecl(fwd):
                                self.errf(fwd.Label.Pos(),
                                          "goto %s jumps over declaration of %s at %s", name,
                                          varName, self.check.posString(varPos))
                        else:
                            keep.append(fwd)
                    fwdGotos[:] = keep
                    lstmt = s
                s = s.Stmt
            if isinstance(s, ast.DeclStmt):
                d = s.Decl
                if isinstance(d, ast.GenDecl) and d.Tok == token.VAR and d.Specs:
                    spec = d.Specs[0]
                    assert isinstance(spec, ast.ValueSpec)
                    recordVarDecl(spec.Pos(), spec.Names[0].Name)
            elif isinstance(s, ast.BranchStmt):
                self.branch(s, b, ctxt, stmtIndex, len(stmtList), fwdGotos)
            elif isinstance(s, ast.AssignStmt):
                if s.Tok == token.DEFINE:
                    recordVarDecl(s.TokPos, ", ".join(ExprString(e) for e in s.Lhs))
            elif isinstance(s, ast.BlockStmt):
                innerBlock(_Targets(ctxt.breaks, ctxt.continues, -1), s.Pos(), s.List)
            elif isinstance(s, ast.IfStmt):
                inner = _Targets(ctxt.breaks, ctxt.continues, -1)
                innerBlock(inner, s.Body.Pos(), s.Body.List)
                if s.Else is not None:
                    innerBlock(inner, s.Else.Pos(), [s.Else])
            elif isinstance(s, (ast.ForStmt, ast.RangeStmt)):
                innerBlock(_Targets(s, s, -1), s.Body.Pos(), s.Body.List)
            elif isinstance(s, (ast.SwitchStmt, ast.TypeSwitchStmt)):
                inner = _Targets(s, ctxt.continues, -1)
                for i, cc in enumerate(s.Body.List):
                    assert isinstance(cc, ast.CaseClause)
                    inner = _Targets(s, ctxt.continues, i)
                    innerBlock(inner, cc.Pos(), cc.Body)
            elif isinstance(s, ast.SelectStmt):
                inner = _Targets(s, ctxt.continues, -1)
                for cc in s.Body.List:
                    assert isinstance(cc, ast.CommClause)
                    innerBlock(inner, cc.Pos(), cc.Body)
        return fwdGotos

    def branch(self, s: ast.BranchStmt, b: _Block, ctxt: _Targets, stmtIndex: int, n: int,
               fwdGotos: list[ast.BranchStmt]) -> None:
        tok = s.Tok
        if s.Label is None:
            if tok == token.BREAK:
                if ctxt.breaks is None:
                    self.errf(s.Pos(), "break is not in a loop, switch, or select")
            elif tok == token.CONTINUE:
                if ctxt.continues is None:
                    self.errf(s.Pos(), "continue is not in a loop")
            elif tok == token.FALLTHROUGH:
                msg = "fallthrough statement out of place"
                t = ctxt.breaks
                if isinstance(t, ast.TypeSwitchStmt):
                    msg = "cannot fallthrough in type switch"
                elif isinstance(t, ast.SwitchStmt):
                    if ctxt.caseIndex < 0 or stmtIndex + 1 < n:
                        pass
                    elif ctxt.caseIndex + 1 == len(t.Body.List):
                        msg = "cannot fallthrough final case in switch"
                    else:
                        return
                self.errf(s.Pos(), "%s", msg)
            return
        name = s.Label.Name
        self.use(s.Label)
        if tok == token.BREAK:
            t = self.enclosingTarget(b, name)
            if t is not None:
                if not isinstance(t.Stmt, (ast.SwitchStmt, ast.TypeSwitchStmt, ast.SelectStmt,
                                           ast.ForStmt, ast.RangeStmt)) or t is _INVALID:
                    self.errf(s.Label.Pos(), "invalid break label %s", name)
            else:
                self.errf(s.Label.Pos(), "break label not defined: %s", name)
        elif tok == token.CONTINUE:
            t = self.enclosingTarget(b, name)
            if t is not None:
                if not isinstance(t.Stmt, (ast.ForStmt, ast.RangeStmt)) or t is _INVALID:
                    self.errf(s.Label.Pos(), "invalid continue label %s", name)
            else:
                self.errf(s.Label.Pos(), "continue label not defined: %s", name)
        elif tok == token.GOTO:
            if self.gotoTarget(b, name) is None:
                fwdGotos.append(s)


def labels(check: Checker, body: ast.BlockStmt) -> None:
    ls = _LabelScope(check)
    fwdGotos = ls.blockBranches(None, _Targets(None, None, -1), None, body.Pos(), body.List)
    for fwd in fwdGotos:
        assert fwd.Label is not None
        name = fwd.Label.Name
        lab = ls.labels.get(name)
        if lab is not None:
            lab.used = True
            ls.use(fwd.Label)
            ls.errf(fwd.Label.Pos(), "goto %s jumps into block starting at %s", name,
                    check.posString(lab.parent.start))
        else:
            ls.errf(fwd.Label.Pos(), "label %s not defined", name)
    for lab in ls.labels.values():
        if not lab.used:
            lbl = lab.lstmt.Label
            ls.errf(lbl.Pos(), "label %s defined and not used", lbl.Name)


class _BranchOnly:
    """Stands in for a Checker when only branches are checked (after syntax
    errors gc still reports the branch errors its parser found)."""

    __slots__ = ("fset", "pkg", "errors")

    def __init__(self, fset: object) -> None:
        self.fset = fset
        self.pkg = None
        self.errors: list[tuple[Pos, str]] = []

    def softErrorf(self, pos: Pos, code: object, fmt: str, *args: object) -> None:
        from gort.go.types.format import sprintf

        self.errors.append((pos, sprintf(None, False, fmt, *args)))

    def posString(self, p: Pos) -> str:
        pos = self.fset.Position(p)  # type: ignore[attr-defined]
        return f"{pos.Filename}:{pos.Line}:{pos.Column}"

    def recordDef(self, id: ast.Ident, obj: object) -> None:
        pass

    def recordUse(self, id: ast.Ident, obj: object) -> None:
        pass


def CheckBranches(fset: object, files: list[ast.File]) -> list[tuple[Pos, str]]:
    """gc's branch errors for every function body of files, without type checking."""
    stub = _BranchOnly(fset)
    for f in files:
        for n in ast.Preorder(f):
            body = None
            if isinstance(n, ast.FuncDecl):
                body = n.Body
            elif isinstance(n, ast.FuncLit):
                body = n.Body
            if body is not None:
                labels(stub, body)  # type: ignore[arg-type]
    return stub.errors
