"""The Go parser: tokens to a go/ast tree, with gc's syntax errors.

Purpose: build the go/ast tree of one file for the type checker and the
compiler, and, for malformed input, report exactly what gc reports: the same
messages at the same line and byte column, in the same order, with the same
error recovery (cmd/compile/internal/syntax/parser.go). The grammar
functions follow gc's parser one for one and keep its names (`fileOrNil`,
`typeDecl`, `paramList`, `simpleStmt`, `header`, `pexpr`, ...), but build
go/ast nodes (as go/parser would for the same source).

Structure:
  * The scanner (gort.go.scanner) has already turned the file into parallel
    lists of token kinds, positions and literals. `next()` steps an index
    through them; `tok` and `pos` cache the current token.
  * Lexical errors are replayed when the parser reaches the token during
    whose scanning gc would report them (`_reportScanErrors`), so lexical
    and syntax errors interleave as in gc.
  * `syntaxErrorAt` builds gc's "syntax error: unexpected X, expected Y"
    text from the current token; `advance` skips to a follow set (plus the
    statement keywords inside a function body) to recover.
  * `xnest` is gc's expression nesting level, negative inside the header of
    if/for/switch, where `T{` starts the block and not a composite literal.
  * `nest` bounds the recursion depth (expressions, types, blocks) so that
    no input can exhaust the Python stack.

Comments and directives:
  * Every `//go:` comment is indexed by the token that follows it; a
    declaration (FuncDecl, GenDecl) or a spec of a parenthesized group gets
    the directives directly before its first token (as gc attaches pragmas:
    the ones after the previous declaration), an ungrouped spec those of its
    GenDecl. `File.Directives` lists them all; the `//go:build` line before
    the package clause gives `File.BuildConstraint` and `File.GoVersion`.
  * With ParseComments, comment groups, lead (Doc) and line (Comment)
    comments follow go/parser's rules exactly (see `_groupComments`).

Invariants: every node field that go/ast declares non-nil is non-None, even
after errors (BadExpr/BadStmt fill the holes); the parser never raises
except `_BailoutError` internally, which ends the parse after the error limit.

Differences from Go:
  * gc's parser keeps one tree shape (syntax.Operation, ListExpr, ...);
    here the go/ast shapes are built directly: `x := y.(type)` in a switch
    header makes a TypeSwitchStmt, a range clause makes a RangeStmt, struct
    fields and parameters sharing a type are grouped into one Field.
  * A check that gc leaves to types2 because its tree can express the
    mistake, while go/ast cannot, is reported here with types2's text:
    "range clause permits at most two iteration variables"; like gc, only
    when the file has no syntax error (it comes after all other errors of
    the file). `go x` / `defer x` with x not a call becomes a BadStmt that
    keeps x, and the type checker reports "expression in go must be
    function call" and checks x, as types2 does.
  * Branch statement checks (gc's CheckBranches) are left to the type
    checker.
  * Nesting deeper than `MaxNest` levels stops the parse with go/parser's
    "exceeded max nesting depth"; gc has no limit.
"""

from __future__ import annotations

import bisect
import sys

from gort.go import ast
from gort.go.ast.gcstring import GcString
from gort.go.parser.constraint import GoVersion, IsGoBuild
from gort.go.scanner.errors import ErrorList, MaxErrors
from gort.go.scanner.scanner import TokenStream
from gort.go.token import File as TokenFile
from gort.go.token import NoPos, Pos, Token

# Parser modes (go/parser's Mode bits).
PackageClauseOnly = 1 << 0  # stop after the package clause
ImportsOnly = 1 << 1  # stop after the import declarations
ParseComments = 1 << 2  # keep comments in the tree (File.Comments, Doc)
Trace = 1 << 3  # accepted, ignored
DeclarationErrors = 1 << 4  # accepted, ignored (the type checker reports them)
SpuriousErrors = 1 << 5  # same as AllErrors
SkipObjectResolution = 1 << 6  # always the case here
AllErrors = SpuriousErrors  # do not stop after gc's 10 errors

# Deepest nesting of expressions, types and blocks the parser accepts.
MaxNest = 1000

# --- Token classes ------------------------------------------------------------

T = Token
ILLEGAL = T.ILLEGAL
EOF = T.EOF
IDENT = T.IDENT
INT = T.INT
FLOAT = T.FLOAT
IMAG = T.IMAG
CHAR = T.CHAR
STRING = T.STRING
ADD = T.ADD
SUB = T.SUB
MUL = T.MUL
AND = T.AND
OR = T.OR
XOR = T.XOR
ARROW = T.ARROW
INC = T.INC
DEC = T.DEC
ASSIGN = T.ASSIGN
DEFINE = T.DEFINE
NOT = T.NOT
ELLIPSIS = T.ELLIPSIS
LPAREN = T.LPAREN
LBRACK = T.LBRACK
LBRACE = T.LBRACE
COMMA = T.COMMA
PERIOD = T.PERIOD
RPAREN = T.RPAREN
RBRACK = T.RBRACK
RBRACE = T.RBRACE
SEMICOLON = T.SEMICOLON
COLON = T.COLON
TILDE = T.TILDE
BREAK = T.BREAK
CASE = T.CASE
CHAN = T.CHAN
CONST = T.CONST
CONTINUE = T.CONTINUE
DEFAULT = T.DEFAULT
DEFER = T.DEFER
ELSE = T.ELSE
FALLTHROUGH = T.FALLTHROUGH
FOR = T.FOR
FUNC = T.FUNC
GO = T.GO
GOTO = T.GOTO
IF = T.IF
IMPORT = T.IMPORT
INTERFACE = T.INTERFACE
MAP = T.MAP
PACKAGE = T.PACKAGE
RANGE = T.RANGE
RETURN = T.RETURN
SELECT = T.SELECT
STRUCT = T.STRUCT
SWITCH = T.SWITCH
TYPE = T.TYPE
VAR = T.VAR

# Binary operator precedence (gc's prec values; 0 = not binary).
_PREC: dict[Token, int] = {
    T.LOR: 1,
    T.LAND: 2,
    T.EQL: 3,
    T.NEQ: 3,
    T.LSS: 3,
    T.LEQ: 3,
    T.GTR: 3,
    T.GEQ: 3,
    T.ADD: 4,
    T.SUB: 4,
    T.OR: 4,
    T.XOR: 4,
    T.MUL: 5,
    T.QUO: 5,
    T.REM: 5,
    T.SHL: 5,
    T.SHR: 5,
    T.AND: 5,
    T.AND_NOT: 5,
}
_precget = _PREC.get

# The tokens gc's scanner calls _Operator (every operator but *, <- and
# the assignment forms).
_OPERATORS = frozenset(set(_PREC) - {T.MUL} | {T.NOT, T.TILDE})

_ASSIGN_OPS = frozenset(
    {
        T.ADD_ASSIGN,
        T.SUB_ASSIGN,
        T.MUL_ASSIGN,
        T.QUO_ASSIGN,
        T.REM_ASSIGN,
        T.AND_ASSIGN,
        T.OR_ASSIGN,
        T.XOR_ASSIGN,
        T.SHL_ASSIGN,
        T.SHR_ASSIGN,
        T.AND_NOT_ASSIGN,
    }
)

# Keywords that start a statement: recovery stops at them inside functions.
_STOPSET = frozenset(
    {BREAK, CONST, CONTINUE, DEFER, FALLTHROUGH, FOR, GO, GOTO, IF, RETURN, SELECT, SWITCH, TYPE, VAR}
)

_DECL_FOLLOW = (IMPORT, CONST, TYPE, VAR, FUNC)

# Tokens that begin a simple statement (besides identifiers).
_SIMPLE_START = frozenset(
    {
        MUL, ADD, SUB, AND, XOR, NOT,  # unary operators
        INT, FLOAT, IMAG, CHAR, STRING, FUNC, LPAREN,  # operands
        LBRACK, STRUCT, MAP, CHAN, INTERFACE,  # composite types
        ARROW,  # receive
    }
)


# go: cmd/compile/internal/syntax/parser.go tokstring
def tokstring(tok: Token) -> str:
    """gc's name for a token in "expected X": "comma", "keyword chan", ")"."""
    if tok is COMMA:
        return "comma"
    if tok is SEMICOLON:
        return "semicolon or newline"
    if tok is IDENT:
        return "name"
    if INT <= tok <= STRING:
        return "literal"
    if tok.IsKeyword():
        return "keyword " + tok.String()
    return tok.String()


class _BailoutError(Exception):
    """Ends the parse: too many errors or too deep nesting."""


class _Par:
    """A parameter while its list is parsed (gc's one-name Field)."""

    __slots__ = ("name", "typ", "filled")

    def __init__(self, name: ast.Ident | None, typ: ast.Expr | None) -> None:
        self.name = name  # parameter name, or None
        self.typ = typ  # its type, or None until distributed
        self.filled = False  # type copied from the parameter to its right


class _RangeClause:
    """`[lhs (=|:=)] range x` while a for header is parsed."""

    __slots__ = ("lhs", "tok", "tokPos", "rangePos", "x")

    def __init__(self, lhs: list[ast.Expr] | None, tok: Token, tokPos: Pos, rangePos: Pos, x: ast.Expr) -> None:
        self.lhs = lhs
        self.tok = tok
        self.tokPos = tokPos
        self.rangePos = rangePos
        self.x = x


# go: cmd/compile/internal/syntax/parser.go Unparen
def unparen(x: ast.Expr) -> ast.Expr:
    while type(x) is ast.ParenExpr:
        x = x.X
    return x


# go: cmd/compile/internal/syntax/parser.go isTypeElem
def isTypeElem(x: ast.Expr) -> bool:
    """Whether x can only be a type element (not an ordinary expression)."""
    t = type(x)
    if t in (ast.ArrayType, ast.StructType, ast.FuncType, ast.InterfaceType, ast.MapType, ast.ChanType):
        return True
    if t is ast.BinaryExpr:
        return isTypeElem(x.X) or isTypeElem(x.Y)  # type: ignore[attr-defined]
    if t is ast.UnaryExpr:
        return isTypeElem(x.X) or x.Op is TILDE  # type: ignore[attr-defined]
    if t is ast.StarExpr or t is ast.ParenExpr:
        return isTypeElem(x.X)  # type: ignore[attr-defined]
    return False


# go: cmd/compile/internal/syntax/parser.go isValue
def isValue(x: ast.Expr) -> bool:
    """Whether x must syntactically be a value (not a type)."""
    t = type(x)
    if t in (ast.BasicLit, ast.CompositeLit, ast.FuncLit, ast.SliceExpr, ast.TypeAssertExpr, ast.CallExpr):
        return True
    if t is ast.UnaryExpr or t is ast.BinaryExpr:
        return True
    if t is ast.ParenExpr:
        return isValue(x.X)  # type: ignore[attr-defined]
    if t is ast.IndexExpr:
        return isValue(x.X) or isValue(x.Index)  # type: ignore[attr-defined]
    if t is ast.IndexListExpr:
        return isValue(x.X)  # type: ignore[attr-defined]
    return False


# go: cmd/compile/internal/syntax/parser.go extractName
def extractName(x: ast.Expr, force: bool) -> tuple[ast.Ident | None, ast.Expr | None]:
    """Split x into (name, type) if it reads as `name type` in a type
    parameter list: P *C, P (C), P *C|D... (see gc's extractName)."""
    if type(x) is ast.Ident:
        return x, None  # type: ignore[return-value]
    if isinstance(x, ast.BinaryExpr):
        if x.Op is MUL:
            if type(x.X) is ast.Ident and (force or isTypeElem(x.Y)):
                return x.X, ast.StarExpr(x.OpPos, x.Y)  # type: ignore[return-value]
        elif x.Op is OR:
            name, lhs = extractName(x.X, force or isTypeElem(x.Y))
            if name is not None and lhs is not None:
                return name, ast.BinaryExpr(lhs, x.OpPos, OR, x.Y)
    elif isinstance(x, ast.CallExpr):
        if type(x.Fun) is ast.Ident:
            if len(x.Args) == 1 and not x.Ellipsis and (force or isTypeElem(x.Args[0])):
                return x.Fun, unparen(x.Args[0])  # type: ignore[return-value]
    return None, x


# go: cmd/compile/internal/syntax/parser.go emphasize
def _emphasize(xs: list[ast.Expr]) -> str:
    s = ", ".join(GcString(x) for x in xs)
    if len(xs) == 1 and isinstance(xs[0], ast.BinaryExpr):
        return "(" + s + ")"
    return s


class parser:
    """One file's parse; see the module docstring."""

    __slots__ = (
        "file", "errors", "mode", "toks", "poss", "lits", "last", "i", "tok", "pos",
        "errs", "ei", "nexterr", "badtoks", "first", "errcnt", "fnest", "xnest", "nest",
        "comments", "dirsAt", "docAt", "lineAt", "groups", "lineTargets", "limit", "late",
    )

    def __init__(self, file: TokenFile, ts: TokenStream, errors: ErrorList, mode: int) -> None:
        self.file = file  # the token.File of the source (positions)
        self.errors = errors  # where errors go, in gc's report order
        self.mode = mode  # parser mode bits
        self.toks = ts.toks  # token kinds
        self.poss = ts.poss  # token positions
        self.lits = ts.lits  # token literals
        self.last = len(ts.toks) - 1  # index of the final EOF
        self.i = -1  # index of the current token
        self.tok = EOF  # current token
        self.pos: Pos = NoPos  # its position
        self.errs = ts.errs  # lexical errors (token index, pos, msg), sorted
        self.ei = 0  # next lexical error to report
        self.nexterr = self.errs[0][0] if self.errs else 1 << 62  # its token index
        self.badtoks = {e[0] for e in self.errs}  # tokens with lexical errors
        self.first = False  # some error was reported
        self.errcnt = 0  # errors reported
        self.fnest = 0  # function nesting (recovery stops at statements inside)
        self.xnest = 0  # expression nesting; < 0 in control clause headers
        self.nest = 0  # recursion depth, bounded by MaxNest
        self.comments = ts.comments  # (pos, text, next token index)
        # token index -> //go: directives and doc group ending just before it
        self.dirsAt: dict[int, list[ast.Comment]] = {}
        self.docAt: dict[int, ast.CommentGroup] = {}
        self.lineAt: dict[int, ast.CommentGroup] = {}  # line comment seen on entering token i
        self.groups: list[ast.CommentGroup] = []  # all comment groups (ParseComments)
        self.lineTargets: list[ast.Field | ast.Spec] = []  # nodes that take a line comment
        self.limit = MaxErrors if not (mode & AllErrors) else 1 << 62
        # errors gc reports from its type checker (reported if no syntax error)
        self.late: list[tuple[Pos, str]] = []
        self.next()

    # --- tokens -----------------------------------------------------------------

    def next(self) -> None:
        """Advance to the next token (staying on the final EOF)."""
        i = self.i + 1
        try:
            self.tok = self.toks[i]
        except IndexError:
            i = self.last
        self.i = i
        self.pos = self.poss[i]

    def _reportScanErrors(self, i: int) -> None:
        errs = self.errs
        ei = self.ei
        while ei < len(errs) and errs[ei][0] <= i:
            _, pos, msg = errs[ei]
            ei += 1
            self.ei = ei
            self.errorAt(pos, msg)
        self.nexterr = errs[ei][0] if ei < len(errs) else 1 << 62

    def lit(self) -> str:
        return self.lits[self.i]

    # go: cmd/compile/internal/syntax/parser.go got
    def got(self, tok: Token) -> bool:
        if self.tok is tok:
            self.next()
            return True
        return False

    # go: cmd/compile/internal/syntax/parser.go want
    def want(self, tok: Token) -> None:
        if self.tok is tok:
            self.next()
        else:
            self.syntaxError("expected " + tokstring(tok))
            self.advance()

    # go: cmd/compile/internal/syntax/parser.go gotAssign
    def gotAssign(self) -> bool:
        """got(ASSIGN), also accepting (and reporting) ":="."""
        tok = self.tok
        if tok is DEFINE:
            self.syntaxError("expected =")
            self.next()
            return True
        if tok is ASSIGN:
            self.next()
            return True
        return False

    # --- errors -----------------------------------------------------------------

    # go: cmd/compile/internal/syntax/parser.go errorAt
    def errorAt(self, pos: Pos, msg: str) -> None:
        self.first = True
        self.errcnt += 1
        if self.errors.Add(self.file.Position(pos), msg) and len(self.errors) >= self.limit:
            raise _BailoutError

    def error(self, msg: str) -> None:
        self.errorAt(self.pos, msg)

    def syntaxError(self, msg: str) -> None:
        self.syntaxErrorAt(self.pos, msg)

    # go: cmd/compile/internal/syntax/parser.go syntaxErrorAt
    def syntaxErrorAt(self, pos: Pos, msg: str) -> None:
        if self.tok is EOF and self.first:
            return  # avoid meaningless follow-up errors
        if msg.startswith(("in ", "at ", "after ")):
            msg = " " + msg
        elif msg.startswith("expected "):
            msg = ", " + msg
        elif msg:
            self.errorAt(pos, "syntax error: " + msg)
            return
        tok = self.tok
        if tok is IDENT:
            s = "name " + self.lit()
        elif tok is SEMICOLON:
            s = self.lit()
        elif INT <= tok <= STRING:
            s = "literal " + self.lit()
        elif tok is COMMA:
            s = "comma"
        elif tok.IsKeyword():
            s = "keyword " + tok.String()
        else:
            s = tok.String()
        self.errorAt(pos, "syntax error: unexpected " + s + msg)

    # go: cmd/compile/internal/syntax/parser.go advance
    def advance(self, *followlist: Token) -> None:
        """Skip to a token of followlist (or a statement keyword inside a
        function); with no followlist, skip exactly one token (not EOF)."""
        if not followlist:
            if self.tok is not EOF:
                self.next()
            return
        follow = set(followlist)
        follow.add(EOF)
        if self.fnest > 0:
            follow |= _STOPSET
        while self.tok not in follow:
            self.next()

    def tooDeep(self) -> None:
        self.errorAt(self.pos, "exceeded max nesting depth")
        raise _BailoutError

    # --- comments and directives ----------------------------------------------

    def directivesAt(self, i: int) -> list[ast.Comment]:
        """The //go: comments just before token i."""
        return self.dirsAt.get(i) or []

    # --- files ------------------------------------------------------------------

    # go: cmd/compile/internal/syntax/parser.go fileOrNil
    def fileOrNil(self) -> ast.File | None:
        """SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } ."""
        pkgIndex = self.i
        pkgPos = self.pos
        doc = self.docAt.get(pkgIndex)
        if not self.got(PACKAGE):
            self.syntaxError("package statement must be first")
            return None
        name = self.name()
        self.want(SEMICOLON)
        f = ast.File(doc, pkgPos, name, [], self.file.base, self.file.base + self.file.size)
        if self.first:
            return None
        if self.mode & PackageClauseOnly:
            return f
        decls = f.Decls
        prev = IMPORT
        while self.tok is not EOF:
            tok = self.tok
            if tok is IMPORT and prev != IMPORT:
                self.syntaxError("imports must appear before other declarations")
            elif tok is not IMPORT and self.mode & ImportsOnly:
                break
            prev = tok
            k = self.i
            pos = self.pos
            if tok is IMPORT:
                self.next()
                d = self.appendGroup(IMPORT, pos, k, self.importDecl)
                decls.append(d)
                for s in d.Specs:
                    f.Imports.append(s)  # type: ignore[arg-type]
            elif tok is CONST:
                self.next()
                decls.append(self.appendGroup(CONST, pos, k, self.constDecl))
            elif tok is TYPE:
                self.next()
                decls.append(self.appendGroup(TYPE, pos, k, self.typeDecl))
            elif tok is VAR:
                self.next()
                decls.append(self.appendGroup(VAR, pos, k, self.varDecl))
            elif tok is FUNC:
                self.next()
                fd = self.funcDeclOrNil(pos, k)
                if fd is not None:
                    decls.append(fd)
            else:
                last = decls[-1] if decls else None
                if tok is LBRACE and isinstance(last, ast.FuncDecl) and last.Body is None:
                    self.syntaxError("unexpected semicolon or newline before {")
                else:
                    self.syntaxError("non-declaration statement outside function body")
                self.advance(*_DECL_FOLLOW)
                continue
            if self.tok is not EOF and not self.got(SEMICOLON):
                self.syntaxError("after top level declaration")
                self.advance(*_DECL_FOLLOW)
        return f

    # --- declarations -----------------------------------------------------------

    # go: cmd/compile/internal/syntax/parser.go list
    def list_(self, context: str, sep: Token, close: Token, f: object) -> Pos:
        """[ f { sep f } [sep] ] close; f returns true to end the list.
        Returns the position of the closing token."""
        fn = f  # a zero-argument callable returning bool
        done = False
        while self.tok is not EOF and self.tok != close and not done:
            done = fn()  # type: ignore[operator]
            if not self.got(sep) and self.tok is not close:
                self.syntaxError(f"in {context}; possibly missing {tokstring(sep)} or {tokstring(close)}")
                self.advance(RPAREN, RBRACK, RBRACE)
                if self.tok is not close:
                    return self.pos
        pos = self.pos
        self.want(close)
        return pos

    # go: cmd/compile/internal/syntax/parser.go appendGroup
    def appendGroup(self, keyword: Token, pos: Pos, k: int, f: object) -> ast.GenDecl:
        """f | "(" { f ";" } ")" as one GenDecl."""
        doc = self.docAt.get(k)
        dirs = self.directivesAt(k)
        specs: list[ast.Spec] = []
        spec = f  # callable(group: bool, dirs) -> Spec | None
        if self.tok is LPAREN:
            lparen = self.pos
            self.next()

            def one() -> bool:
                s = spec(True)  # type: ignore[operator]
                if s is not None:
                    specs.append(s)
                    if self.mode & ParseComments:
                        self.lineTargets.append(s)
                return False

            rparen = self.list_("grouped declaration", SEMICOLON, RPAREN, one)
            return ast.GenDecl(doc, pos, keyword, lparen, specs, rparen, dirs)
        s = spec(False)  # type: ignore[operator]
        if isinstance(s, (ast.ValueSpec, ast.TypeSpec)):
            s.Directives = dirs
        if s is not None:
            specs.append(s)
            if self.mode & ParseComments:
                self.lineTargets.append(s)
        return ast.GenDecl(doc, pos, keyword, NoPos, specs, NoPos, dirs)

    # go: cmd/compile/internal/syntax/parser.go importDecl
    def importDecl(self, group: bool) -> ast.Spec | None:
        """ImportSpec = [ "." | PackageName ] ImportPath ."""
        doc = self.docAt.get(self.i) if group else None
        name: ast.Ident | None = None
        if self.tok is IDENT:
            name = self.name()
        elif self.tok is PERIOD:
            name = ast.Ident(self.pos, ".")
            self.next()
        path = self.oliteral()
        if path is None:
            p = self.pos
            self.syntaxError("missing import path")
            self.advance(SEMICOLON, RPAREN)
            path = ast.BasicLit(p, p, STRING, '""')
        elif path.Kind is not STRING and not self._badLit(path):
            self.syntaxErrorAt(path.Pos(), "import path must be a string")
        return ast.ImportSpec(doc, name, path)

    def _badLit(self, lit: ast.BasicLit) -> bool:
        # the literal token had a lexical error (gc's BasicLit.Bad)
        i = self.i - 1
        while i > 0 and self.poss[i] > lit.ValuePos:
            i -= 1
        return i in self.badtoks

    # go: cmd/compile/internal/syntax/parser.go constDecl
    def constDecl(self, group: bool) -> ast.Spec | None:
        """ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] ."""
        k = self.i
        doc = self.docAt.get(k) if group else None
        dirs = self.directivesAt(k) if group else None
        names = self.nameList(self.name())
        typ: ast.Expr | None = None
        values: list[ast.Expr] = []
        if self.tok is not EOF and self.tok is not SEMICOLON and self.tok is not RPAREN:
            typ = self.typeOrNil()
            if self.gotAssign():
                values = self.exprList()
        return ast.ValueSpec(doc, names, typ, values, None, dirs)

    # go: cmd/compile/internal/syntax/parser.go typeDecl
    def typeDecl(self, group: bool) -> ast.Spec | None:
        """TypeSpec = identifier [ TypeParams ] [ "=" ] Type ."""
        k = self.i
        doc = self.docAt.get(k) if group else None
        dirs = self.directivesAt(k) if group else None
        name = self.name()
        tparams: ast.FieldList | None = None
        assign = NoPos
        typ: ast.Expr | None
        if self.tok is LBRACK:
            # array/slice type or type parameter list
            lbrack = self.pos
            self.next()
            if self.tok is IDENT:
                x: ast.Expr = self.name()
                if self.tok is not LBRACK:
                    # P *C, P C|D, ... or an array length expression
                    self.xnest += 1
                    x = self.binaryExpr(self.pexpr(x, False), 0)
                    self.xnest -= 1
                pname, ptype = extractName(x, self.tok is COMMA)
                if pname is not None and (ptype is not None or self.tok is not RBRACK):
                    pars, rbrack = self.paramList(pname, ptype, RBRACK, True, False)
                    tparams = ast.FieldList(lbrack, self.fields(pars), rbrack)
                    if self.tok is ASSIGN or self.tok is DEFINE:
                        assign = self.pos
                    if not self.gotAssign():
                        assign = NoPos
                    typ = self.typeOrNil()
                else:
                    typ = self.arrayType(lbrack, x)
            elif self.tok is RBRACK:
                self.next()
                typ = ast.ArrayType(lbrack, None, self.type_())
            else:
                typ = self.arrayType(lbrack, None)
        else:
            if self.tok is ASSIGN or self.tok is DEFINE:
                assign = self.pos
            if not self.gotAssign():
                assign = NoPos
            typ = self.typeOrNil()
        if typ is None:
            typ = ast.BadExpr(self.pos, self.pos)
            self.syntaxError("in type declaration")
            self.advance(SEMICOLON, RPAREN)
        return ast.TypeSpec(doc, name, tparams, assign, typ, None, dirs)

    # go: cmd/compile/internal/syntax/parser.go varDecl
    def varDecl(self, group: bool) -> ast.Spec | None:
        """VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) ."""
        k = self.i
        doc = self.docAt.get(k) if group else None
        dirs = self.directivesAt(k) if group else None
        names = self.nameList(self.name())
        typ: ast.Expr | None = None
        values: list[ast.Expr] = []
        if self.gotAssign():
            values = self.exprList()
        else:
            typ = self.type_()
            if self.gotAssign():
                values = self.exprList()
        return ast.ValueSpec(doc, names, typ, values, None, dirs)

    # go: cmd/compile/internal/syntax/parser.go funcDeclOrNil
    def funcDeclOrNil(self, funcPos: Pos, k: int) -> ast.FuncDecl | None:
        """FunctionDecl = "func" FunctionName [ TypeParams ] ( Function | Signature ) ."""
        doc = self.docAt.get(k)
        dirs = self.directivesAt(k)
        recv: ast.FieldList | None = None
        hasRecv = False
        if self.tok is LPAREN:
            lparen = self.pos
            self.next()
            hasRecv = True
            pars, rparen = self.paramList(None, None, RPAREN, False, False)
            if len(pars) == 0:
                self.error("method has no receiver")
            elif len(pars) > 1:
                self.error("method has multiple receivers")
            recv = ast.FieldList(lparen, self.fields(pars), rparen)
        if self.tok is IDENT:
            name = self.name()
            _, ftype = self.funcType("", funcPos)
        else:
            name = ast.Ident(self.pos, "_")
            ftype = ast.FuncType(funcPos, None, ast.FieldList(self.pos, [], NoPos), None)
            self.syntaxError("expected name" if hasRecv else "expected name or (")
            self.advance(LBRACE, SEMICOLON)
        body: ast.BlockStmt | None = None
        if self.tok is LBRACE:
            body = self.funcBody()
        return ast.FuncDecl(doc, recv, name, ftype, body, dirs)

    # go: cmd/compile/internal/syntax/parser.go funcBody
    def funcBody(self) -> ast.BlockStmt:
        self.fnest += 1
        body = self.blockStmt("")
        self.fnest -= 1
        return body

    # --- expressions -----------------------------------------------------------

    # go: cmd/compile/internal/syntax/parser.go expr
    def expr(self) -> ast.Expr:
        self.nest += 1
        if self.nest > MaxNest:
            self.tooDeep()
        # binaryExpr(None, 0), with the common cases taken directly
        x = self.pexpr(None, True) if self.tok is IDENT else self.unaryExpr()
        if self.tok in _PREC:
            x = self.binaryExpr(x, 0)
        self.nest -= 1
        return x

    # go: cmd/compile/internal/syntax/parser.go binaryExpr
    def binaryExpr(self, x: ast.Expr | None, prec: int) -> ast.Expr:
        """Expression = UnaryExpr | Expression binary_op Expression ."""
        if x is None:
            x = self.unaryExpr()
        while True:
            tok = self.tok
            tprec = _precget(tok, 0)
            if tprec <= prec:
                return x
            pos = self.pos
            self.next()
            x = ast.BinaryExpr(x, pos, tok, self.binaryExpr(None, tprec))

    # go: cmd/compile/internal/syntax/parser.go unaryExpr
    def unaryExpr(self) -> ast.Expr:
        """UnaryExpr = PrimaryExpr | unary_op UnaryExpr ."""
        tok = self.tok
        if tok is IDENT:
            return self.pexpr(None, True)
        if tok is MUL or tok is ADD or tok is SUB or tok is NOT or tok is XOR or tok is TILDE or tok is AND:
            pos = self.pos
            self.next()
            self.nest += 1
            if self.nest > MaxNest:
                self.tooDeep()
            x = self.unaryExpr()
            self.nest -= 1
            if tok is MUL:
                return ast.StarExpr(pos, x)
            return ast.UnaryExpr(pos, tok, x)
        if tok is ARROW:
            # receive op (<-x) or receive-only channel type (<-chan E)
            pos = self.pos
            self.next()
            self.nest += 1
            if self.nest > MaxNest:
                self.tooDeep()
            x = self.unaryExpr()
            self.nest -= 1
            if isinstance(x, ast.ChanType):
                # re-associate: <-(chan E) is (<-chan E), <-(chan<- E) is <-chan (<-E)
                arrow = pos
                dir_ = ast.SEND
                t: ast.Expr = x
                while dir_ == ast.SEND:
                    if not isinstance(t, ast.ChanType):
                        break
                    c = t
                    dir_ = c.Dir
                    if dir_ == ast.RECV:
                        # <-<-chan E is not permitted
                        self.syntaxError("unexpected <-, expected chan")
                    # the arrow moves inward
                    arrow, c.Begin, c.Arrow = c.Arrow, arrow, arrow
                    c.Dir = ast.RECV
                    t = c.Value
                if dir_ == ast.SEND:
                    # channel dir is <- but the element is not a channel
                    self.syntaxError(f"unexpected {GcString(t)}, expected chan")
                return x
            return ast.UnaryExpr(pos, ARROW, x)
        return self.pexpr(None, True)

    # go: cmd/compile/internal/syntax/parser.go callStmt
    def callStmt(self) -> ast.Stmt:
        """go/defer Call."""
        pos = self.pos
        kw = self.tok
        self.next()
        x = self.pexpr(None, self.tok is LPAREN)
        t = unparen(x)
        if t is not x:
            self.errorAt(x.Pos(), f"expression in {kw.String()} must not be parenthesized")
            x = t
        if not isinstance(x, ast.CallExpr):
            # types2 reports it (and uses the operand): the type checker does.
            return ast.BadStmt(pos, x.End(), x, kw.String())
        if kw is GO:
            return ast.GoStmt(pos, x)
        return ast.DeferStmt(pos, x)

    # go: cmd/compile/internal/syntax/parser.go operand
    def operand(self, keep_parens: bool) -> ast.Expr:
        """Operand = Literal | OperandName | MethodExpr | "(" Expression ")" ."""
        tok = self.tok
        if tok is IDENT:
            return self.name()
        if INT <= tok <= STRING:
            pos = self.pos
            lit = self.lits[self.i]
            self.next()
            return ast.BasicLit(pos, pos + (len(lit) if lit.isascii() else len(lit.encode())), tok, lit)
        if tok is LPAREN:
            pos = self.pos
            self.next()
            self.xnest += 1
            x = self.expr()
            self.xnest -= 1
            rparen = self.pos
            self.want(RPAREN)
            return ast.ParenExpr(pos, x, rparen)
        if tok is FUNC:
            pos = self.pos
            self.next()
            _, ftyp = self.funcType("function type", pos)
            if self.tok is LBRACE:
                self.xnest += 1
                body = self.funcBody()
                self.xnest -= 1
                return ast.FuncLit(ftyp, body)
            return ftyp
        if tok is LBRACK or tok is CHAN or tok is MAP or tok is STRUCT or tok is INTERFACE:
            return self.type_()
        x = ast.BadExpr(self.pos, self.pos)
        self.syntaxError("expected expression")
        self.advance(RPAREN, RBRACK, RBRACE)
        return x

    # go: cmd/compile/internal/syntax/parser.go pexpr
    def pexpr(self, x: ast.Expr | None, keep_parens: bool) -> ast.Expr:
        """PrimaryExpr: operand followed by selectors, indices, slices,
        type assertions, calls and composite literal bodies."""
        if x is None:
            if self.tok is IDENT:
                x = ast.Ident(self.pos, self.lits[self.i])
                self.next()
            else:
                x = self.operand(keep_parens)
        while True:
            tok = self.tok
            pos = self.pos
            if tok is PERIOD:
                self.next()
                if self.tok is IDENT:
                    x = ast.SelectorExpr(x, self.name())
                elif self.tok is LPAREN:
                    lparen = self.pos
                    self.next()
                    typ: ast.Expr | None
                    if self.got(TYPE):
                        typ = None
                    else:
                        typ = self.type_()
                    rparen = self.pos
                    self.want(RPAREN)
                    x = ast.TypeAssertExpr(x, lparen, typ, rparen)
                else:
                    self.syntaxError("expected name or (")
                    self.advance(SEMICOLON, RPAREN)
            elif tok is LBRACK:
                self.next()
                i: ast.Expr | None = None
                if self.tok is not COLON:
                    comma = False
                    if self.tok is RBRACK:
                        # invalid empty instance, slice or index expression
                        self.syntaxError("expected operand")
                        idx: list[ast.Expr] = [ast.BadExpr(self.pos, self.pos)]
                    else:
                        idx, comma = self.typeList(False)
                    if comma or self.tok is RBRACK:
                        rbrack = self.pos
                        self.want(RBRACK)
                        if len(idx) == 1:
                            x = ast.IndexExpr(x, pos, idx[0], rbrack)
                        else:
                            x = ast.IndexListExpr(x, pos, idx, rbrack)
                        continue
                    i = idx[0]
                # x[i:...
                if not self.got(COLON):
                    self.syntaxError("expected comma, : or ]")
                    self.advance(COMMA, COLON, RBRACK)
                self.xnest += 1
                high: ast.Expr | None = None
                max_: ast.Expr | None = None
                slice3 = False
                if self.tok is not COLON and self.tok is not RBRACK:
                    high = self.expr()
                if self.tok is COLON:
                    slice3 = True
                    if high is None:
                        self.error("middle index required in 3-index slice")
                        high = ast.BadExpr(self.pos, self.pos)
                    self.next()
                    if self.tok is not RBRACK:
                        max_ = self.expr()
                    else:
                        self.error("final index required in 3-index slice")
                        max_ = ast.BadExpr(self.pos, self.pos)
                self.xnest -= 1
                rbrack = self.pos
                self.want(RBRACK)
                x = ast.SliceExpr(x, pos, i, high, max_, slice3, rbrack)
            elif tok is LPAREN:
                self.next()
                args, ellipsis, rparen = self.argList()
                x = ast.CallExpr(x, pos, args, ellipsis, rparen)
            elif tok is LBRACE:
                # is '{' a composite literal or the block of an if/for/switch?
                t = unparen(x)
                tt = type(t)
                if tt is ast.Ident or tt is ast.SelectorExpr:
                    ok = self.xnest >= 0
                elif tt is ast.IndexExpr or tt is ast.IndexListExpr:
                    ok = self.xnest >= 0 and not isValue(t)
                else:
                    ok = tt is ast.ArrayType or tt is ast.StructType or tt is ast.MapType
                if not ok:
                    return x
                if t is not x:
                    self.syntaxError("cannot parenthesize type in composite literal")
                x = self.complitexpr(x)
            else:
                return x

    # go: cmd/compile/internal/syntax/parser.go bare_complitexpr
    def bare_complitexpr(self) -> ast.Expr:
        """Element = Expression | LiteralValue ."""
        if self.tok is LBRACE:
            return self.complitexpr(None)
        return self.expr()

    # go: cmd/compile/internal/syntax/parser.go complitexpr
    def complitexpr(self, typ: ast.Expr | None) -> ast.CompositeLit:
        """LiteralValue = "{" [ ElementList [ "," ] ] "}" ."""
        self.nest += 1
        if self.nest > MaxNest:
            self.tooDeep()
        lbrace = self.pos
        self.xnest += 1
        self.want(LBRACE)
        elts: list[ast.Expr] = []
        # the element loop of gc's list("composite literal", _Comma, _Rbrace)
        while self.tok is not EOF and self.tok is not RBRACE:
            e = self.complitElem()
            elts.append(e)
            if self.tok is COMMA:
                self.next()
            elif self.tok is not RBRACE:
                self.syntaxError("in composite literal; possibly missing comma or }")
                self.advance(RPAREN, RBRACK, RBRACE)
                if self.tok is not RBRACE:
                    self.xnest -= 1
                    self.nest -= 1
                    return ast.CompositeLit(typ, lbrace, elts, self.pos)
        rbrace = self.pos
        self.want(RBRACE)
        self.xnest -= 1
        self.nest -= 1
        return ast.CompositeLit(typ, lbrace, elts, rbrace)

    def complitElem(self) -> ast.Expr:
        e = self.bare_complitexpr()
        if self.tok is COLON:
            colon = self.pos
            self.next()
            e = ast.KeyValueExpr(e, colon, self.bare_complitexpr())
        return e

    # --- types ------------------------------------------------------------------

    # go: cmd/compile/internal/syntax/parser.go type_
    def type_(self) -> ast.Expr:
        typ = self.typeOrNil()
        if typ is None:
            typ = ast.BadExpr(self.pos, self.pos)
            self.syntaxError("expected type")
            self.advance(COMMA, COLON, SEMICOLON, RPAREN, RBRACK, RBRACE)
        return typ

    # go: cmd/compile/internal/syntax/parser.go typeOrNil
    def typeOrNil(self) -> ast.Expr | None:
        """Type = TypeName | TypeLit | "(" Type ")" ; None if no type starts here."""
        tok = self.tok
        pos = self.pos
        if tok is IDENT:
            return self.qualifiedName(None)
        self.nest += 1
        if self.nest > MaxNest:
            self.tooDeep()
        try:
            if tok is MUL:
                self.next()
                return ast.StarExpr(pos, self.type_())
            if tok is ARROW:
                self.next()
                self.want(CHAN)
                return ast.ChanType(pos, pos, ast.RECV, self.chanElem())
            if tok is FUNC:
                self.next()
                _, ft = self.funcType("function type", pos)
                return ft
            if tok is LBRACK:
                self.next()
                if self.got(RBRACK):
                    return ast.ArrayType(pos, None, self.type_())
                return self.arrayType(pos, None)
            if tok is CHAN:
                self.next()
                arrow = NoPos
                dir_ = ast.SEND | ast.RECV
                if self.tok is ARROW:
                    arrow = self.pos
                    self.next()
                    dir_ = ast.SEND
                return ast.ChanType(pos, arrow, dir_, self.chanElem())
            if tok is MAP:
                self.next()
                self.want(LBRACK)
                key = self.type_()
                self.want(RBRACK)
                return ast.MapType(pos, key, self.type_())
            if tok is STRUCT:
                return self.structType()
            if tok is INTERFACE:
                return self.interfaceType()
            if tok is LPAREN:
                self.next()
                t = self.type_()
                rparen = self.pos
                self.want(RPAREN)
                return ast.ParenExpr(pos, t, rparen)
            return None
        finally:
            self.nest -= 1

    # go: cmd/compile/internal/syntax/parser.go typeInstance
    def typeInstance(self, typ: ast.Expr) -> ast.Expr:
        pos = self.pos
        self.want(LBRACK)
        if self.tok is RBRACK:
            self.syntaxError("expected type argument list")
            idx: list[ast.Expr] = [ast.BadExpr(self.pos, self.pos)]
        else:
            idx, _ = self.typeList(True)
        rbrack = self.pos
        self.want(RBRACK)
        if len(idx) == 1:
            return ast.IndexExpr(typ, pos, idx[0], rbrack)
        return ast.IndexListExpr(typ, pos, idx, rbrack)

    # go: cmd/compile/internal/syntax/parser.go funcType
    def funcType(self, context: str, funcPos: Pos) -> tuple[ast.FieldList | None, ast.FuncType]:
        """[TypeParams] Parameters [Result]; type parameters are an error
        when context is not empty."""
        typPos = self.pos
        tparams: ast.FieldList | None = None
        if self.tok is LBRACK:
            lbrack = self.pos
            self.next()
            if context:
                self.syntaxErrorAt(typPos, context + " must have no type parameters")
            if self.tok is RBRACK:
                self.syntaxError("empty type parameter list")
                self.next()
            else:
                pars, rbrack = self.paramList(None, None, RBRACK, True, False)
                tparams = ast.FieldList(lbrack, self.fields(pars), rbrack)
        lparen = self.pos
        self.want(LPAREN)
        pars, rparen = self.paramList(None, None, RPAREN, False, True)
        params = ast.FieldList(lparen, self.fields(pars), rparen)
        results = self.funcResult()
        return tparams, ast.FuncType(funcPos, tparams, params, results)

    # go: cmd/compile/internal/syntax/parser.go arrayType
    def arrayType(self, pos: Pos, len_: ast.Expr | None) -> ast.Expr:
        """"[" has been consumed; len_ is the length if already parsed."""
        if len_ is None:
            if self.tok is ELLIPSIS:
                len_ = ast.Ellipsis(self.pos, None)
                self.next()
            else:
                self.xnest += 1
                len_ = self.expr()
                self.xnest -= 1
        if self.tok is COMMA:
            # trailing commas are fine in type parameter lists, not here
            self.syntaxError("unexpected comma; expected ]")
            self.next()
        self.want(RBRACK)
        return ast.ArrayType(pos, len_, self.type_())

    # go: cmd/compile/internal/syntax/parser.go chanElem
    def chanElem(self) -> ast.Expr:
        typ = self.typeOrNil()
        if typ is None:
            typ = ast.BadExpr(self.pos, self.pos)
            self.syntaxError("missing channel element type")
        return typ

    # go: cmd/compile/internal/syntax/parser.go structType
    def structType(self) -> ast.StructType:
        """StructType = "struct" "{" { FieldDecl ";" } "}" ."""
        pos = self.pos
        self.want(STRUCT)
        lbrace = self.pos
        self.want(LBRACE)
        fields: list[ast.Field] = []

        keep = self.mode & ParseComments

        def one() -> bool:
            n = len(fields)
            self.fieldDecl(fields)
            if keep:
                self.lineTargets.extend(fields[n:])
            return False

        rbrace = self.list_("struct type", SEMICOLON, RBRACE, one)
        return ast.StructType(pos, ast.FieldList(lbrace, fields, rbrace))

    # go: cmd/compile/internal/syntax/parser.go interfaceType
    def interfaceType(self) -> ast.InterfaceType:
        """InterfaceType = "interface" "{" { ( MethodDecl | EmbeddedElem ) ";" } "}" ."""
        pos = self.pos
        self.want(INTERFACE)
        lbrace = self.pos
        self.want(LBRACE)
        methods: list[ast.Field] = []

        def one() -> bool:
            doc = self.docAt.get(self.i)
            f: ast.Field | None = None
            if self.tok is IDENT:
                f = self.methodDecl()
            if f is None or not f.Names:
                f = self.embeddedElem(f)
            f.Doc = doc
            methods.append(f)
            if self.mode & ParseComments:
                self.lineTargets.append(f)
            return False

        rbrace = self.list_("interface type", SEMICOLON, RBRACE, one)
        return ast.InterfaceType(pos, ast.FieldList(lbrace, methods, rbrace))

    # go: cmd/compile/internal/syntax/parser.go funcResult
    def funcResult(self) -> ast.FieldList | None:
        """Result = Parameters | Type ."""
        if self.tok is LPAREN:
            lparen = self.pos
            self.next()
            pars, rparen = self.paramList(None, None, RPAREN, False, False)
            return ast.FieldList(lparen, self.fields(pars), rparen)
        typ = self.typeOrNil()
        if typ is not None:
            return ast.FieldList(NoPos, [ast.Field(None, [], typ)], NoPos)
        return None

    # go: cmd/compile/internal/syntax/parser.go fieldDecl
    def fieldDecl(self, fields: list[ast.Field]) -> None:
        """FieldDecl = (IdentifierList Type | EmbeddedField) [ Tag ] ."""
        doc = self.docAt.get(self.i)
        pos = self.pos
        tok = self.tok
        if tok is IDENT:
            name = self.name()
            t = self.tok
            if t is PERIOD or (INT <= t <= STRING) or t is SEMICOLON or t is RBRACE:
                # embedded type
                typ = self.qualifiedName(name)
                tag = self.oliteral()
                fields.append(ast.Field(doc, [], typ, tag))
                return
            names = self.nameList(name)
            # T[P1, P2] (embedded instance) or a field of array type [N]E?
            if len(names) == 1 and self.tok is LBRACK:
                typ = self.arrayOrTArgs()
                if isinstance(typ, (ast.IndexExpr, ast.IndexListExpr)):
                    typ.X = name
                    tag = self.oliteral()
                    fields.append(ast.Field(doc, [], typ, tag))
                    return
            else:
                typ = self.type_()
            tag = self.oliteral()
            fields.append(ast.Field(doc, names, typ, tag))
        elif tok is MUL:
            self.next()
            if self.tok is LPAREN:
                # *(T)
                self.syntaxError("cannot parenthesize embedded type")
                self.next()
                typ = self.qualifiedName(None)
                self.got(RPAREN)
            else:
                typ = self.qualifiedName(None)
            tag = self.oliteral()
            fields.append(ast.Field(doc, [], ast.StarExpr(pos, typ), tag))
        elif tok is LPAREN:
            self.syntaxError("cannot parenthesize embedded type")
            self.next()
            if self.tok is MUL:
                spos = self.pos
                self.next()
                typ = ast.StarExpr(spos, self.qualifiedName(None))
            else:
                typ = self.qualifiedName(None)
            self.got(RPAREN)
            tag = self.oliteral()
            fields.append(ast.Field(doc, [], typ, tag))
        else:
            self.syntaxError("expected field name or embedded type")
            self.advance(SEMICOLON, RBRACE)

    # go: cmd/compile/internal/syntax/parser.go arrayOrTArgs
    def arrayOrTArgs(self) -> ast.Expr:
        """[n]E, []E or a type argument list [A, B] (X left to the caller)."""
        pos = self.pos
        self.want(LBRACK)
        if self.got(RBRACK):
            return ast.ArrayType(pos, None, self.type_())
        n, comma = self.typeList(False)
        rbrack = self.pos
        self.want(RBRACK)
        if not comma:
            elem = self.typeOrNil()
            if elem is not None:
                return ast.ArrayType(pos, n[0], elem)
        hole = ast.BadExpr(pos, pos)  # X is filled in by the caller
        if len(n) == 1:
            return ast.IndexExpr(hole, pos, n[0], rbrack)
        return ast.IndexListExpr(hole, pos, n, rbrack)

    # go: cmd/compile/internal/syntax/parser.go oliteral
    def oliteral(self) -> ast.BasicLit | None:
        tok = self.tok
        if INT <= tok <= STRING:
            pos = self.pos
            lit = self.lits[self.i]
            self.next()
            return ast.BasicLit(pos, pos + (len(lit) if lit.isascii() else len(lit.encode())), tok, lit)
        return None

    # go: cmd/compile/internal/syntax/parser.go methodDecl
    def methodDecl(self) -> ast.Field:
        """MethodSpec = MethodName Signature | InterfaceTypeName ."""
        name = self.name()
        context = "interface method"
        if self.tok is LPAREN:
            _, ft = self.funcType(context, NoPos)
            return ast.Field(None, [name], ft)
        if self.tok is LBRACK:
            # generic method m[T C](x T) (an error) or embedded T[P1, P2]
            lbrack = self.pos
            self.next()
            if self.tok is RBRACK:
                rpos = self.pos
                self.next()
                if self.tok is LPAREN:
                    self.errorAt(rpos, "empty type parameter list")
                    _, ft = self.funcType(context, NoPos)
                    return ast.Field(None, [name], ft)
                self.errorAt(rpos, "empty type argument list")
                return ast.Field(None, [], name)
            pars, rbrack = self.paramList(None, None, RBRACK, False, False)
            if not pars:
                if self.tok is LPAREN:
                    _, ft = self.funcType(context, NoPos)
                    return ast.Field(None, [name], ft)
                return ast.Field(None, [], name)
            if pars[0].name is not None:
                # generic method
                _, ft = self.funcType(context, NoPos)
                self.errorAt(lbrack, "interface method must have no type parameters")
                return ast.Field(None, [name], ft)
            types: list[ast.Expr] = [p.typ for p in pars if p.typ is not None]
            if len(types) == 1:
                return ast.Field(None, [], ast.IndexExpr(name, lbrack, types[0], rbrack))
            return ast.Field(None, [], ast.IndexListExpr(name, lbrack, types, rbrack))
        return ast.Field(None, [], self.qualifiedName(name))

    # go: cmd/compile/internal/syntax/parser.go embeddedElem
    def embeddedElem(self, f: ast.Field | None) -> ast.Field:
        """EmbeddedElem = MethodSpec | EmbeddedTerm { "|" EmbeddedTerm } ."""
        if f is None:
            f = ast.Field(None, [], self.embeddedTerm())
        while self.tok is OR:
            pos = self.pos
            self.next()
            f.Type = ast.BinaryExpr(f.Type, pos, OR, self.embeddedTerm())  # type: ignore[arg-type]
        return f

    def union(self, typ: ast.Expr) -> ast.Expr:
        while self.tok is OR:
            pos = self.pos
            self.next()
            typ = ast.BinaryExpr(typ, pos, OR, self.embeddedTerm())
        return typ

    # go: cmd/compile/internal/syntax/parser.go embeddedTerm
    def embeddedTerm(self) -> ast.Expr:
        """EmbeddedTerm = [ "~" ] Type ."""
        if self.tok is TILDE:
            pos = self.pos
            self.next()
            return ast.UnaryExpr(pos, TILDE, self.type_())
        t = self.typeOrNil()
        if t is None:
            t = ast.BadExpr(self.pos, self.pos)
            self.syntaxError("expected ~ term or type")
            self.advance(*_OPERATORS, SEMICOLON, RPAREN, RBRACK, RBRACE)
        return t

    # go: cmd/compile/internal/syntax/parser.go paramDeclOrNil
    def paramDeclOrNil(self, name: ast.Ident | None, follow: Token) -> _Par | None:
        """ParameterDecl = [ IdentifierList ] [ "..." ] Type ."""
        typeSetsOk = follow is RBRACK  # type set notation in type parameter lists
        if name is None and typeSetsOk and self.tok is TILDE:
            return _Par(None, self.embeddedElem(None).Type)
        par = _Par(None, None)
        if self.tok is IDENT or name is not None:
            if name is None:
                name = self.name()
            if self.tok is LBRACK:
                # name "[" ...
                t = self.arrayOrTArgs()
                if isinstance(t, (ast.IndexExpr, ast.IndexListExpr)):
                    t.X = name
                else:
                    par.name = name  # name [n]E
                par.typ = t
                if typeSetsOk and self.tok is OR:
                    par.typ = self.union(t)
                return par
            if self.tok is PERIOD:
                # name "." ...
                par.typ = self.qualifiedName(name)
                if typeSetsOk and self.tok is OR:
                    par.typ = self.union(par.typ)
                return par
            if typeSetsOk and self.tok is OR:
                par.typ = self.union(name)
                return par
            par.name = name
        if self.tok is ELLIPSIS:
            dpos = self.pos
            self.next()
            elem = self.typeOrNil()
            if elem is None:
                par.typ = ast.BadExpr(self.pos, self.pos)
                self.syntaxError("... is missing type")
            else:
                par.typ = ast.Ellipsis(dpos, elem)
            return par
        if typeSetsOk and self.tok is TILDE:
            par.typ = self.embeddedElem(None).Type
            return par
        par.typ = self.typeOrNil()
        if typeSetsOk and self.tok is OR and par.typ is not None:
            par.typ = self.union(par.typ)
        if par.name is not None or par.typ is not None:
            return par
        self.syntaxError("expected " + tokstring(follow))
        self.advance(COMMA, follow)
        return None

    # go: cmd/compile/internal/syntax/parser.go paramList
    def paramList(
        self,
        name: ast.Ident | None,
        typ: ast.Expr | None,
        close: Token,
        requireNames: bool,
        dddok: bool,
    ) -> tuple[list[_Par], Pos]:
        """ParameterList up to close (the opening token is consumed); name
        and typ, if given, are the first parameter. Either every parameter
        ends up with a name or none does. Returns the parameters and the
        position of the closing token."""
        if name is not None and typ is not None and self.tok == close:
            end = self.pos
            self.next()
            return [_Par(name, typ)], end
        pars: list[_Par] = []
        counts = [0, 0]  # named (name and type), typed
        n0: ast.Ident | None = name  # the given first parameter, if any
        t0: ast.Expr | None = typ

        def one() -> bool:
            nonlocal n0, t0
            if t0 is not None:
                par: _Par | None = _Par(n0, t0)
            else:
                par = self.paramDeclOrNil(n0, close)
            n0 = t0 = None
            if par is not None:
                if par.name is not None and par.typ is not None:
                    counts[0] += 1
                if par.typ is not None:
                    counts[1] += 1
                pars.append(par)
            return False

        end = self.list_("parameter list", COMMA, close, one)
        if not pars:
            return pars, end
        named, typed = counts
        if named == 0 and not requireNames:
            # all unnamed: the names found are type names
            for par in pars:
                if par.name is not None:
                    par.typ = par.name
                    par.name = None
        elif named != len(pars):
            # some named, or a type parameter list: all must be named
            errPos = NoPos
            t: ast.Expr | None = None
            for par in reversed(pars):
                if par.typ is not None:
                    t = par.typ
                    if par.name is None:
                        errPos = t.Pos()
                        par.name = ast.Ident(errPos, "_")
                elif t is not None:
                    par.typ = t
                    par.filled = True
                else:
                    errPos = par.name.Pos() if par.name is not None else end
                    par.typ = ast.BadExpr(errPos, errPos)
            if errPos != NoPos:
                if named == typed:
                    errPos = end
                    msg = "missing type constraint" if requireNames else "missing parameter type"
                elif requireNames:
                    msg = "missing type parameter name"
                    if len(pars) == 1:
                        msg += " or invalid array length"
                else:
                    msg = "missing parameter name"
                self.syntaxErrorAt(errPos, msg)
        # ... only as the type of the final parameter
        reported = False
        for i, par in enumerate(pars):
            pt = par.typ
            if isinstance(pt, ast.Ellipsis) and (not dddok or i + 1 < len(pars)):
                if not reported:
                    reported = True
                    if dddok:
                        self.errorAt(pt.Ellipsis, "can only use ... with final parameter")
                    else:
                        self.errorAt(pt.Ellipsis, "invalid use of ...")
                if pt.Elt is not None:
                    par.typ = pt.Elt
        return pars, end

    def fields(self, pars: list[_Par]) -> list[ast.Field]:
        """Group parameters that share a type into go/ast Fields."""
        out: list[ast.Field] = []
        pending: list[ast.Ident] = []
        for par in pars:
            if par.name is None:
                out.append(ast.Field(None, [], par.typ))
                continue
            pending.append(par.name)
            if not par.filled:
                out.append(ast.Field(None, pending, par.typ))
                pending = []
        if pending:
            out.append(ast.Field(None, pending, pars[-1].typ))
        return out

    # --- statements ------------------------------------------------------------

    # go: cmd/compile/internal/syntax/parser.go simpleStmt
    def simpleStmt(self, lhs: list[ast.Expr] | None, keyword: Token) -> ast.Stmt | _RangeClause:
        """SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl ."""
        if keyword is FOR and self.tok is RANGE:
            return self.newRangeClause(None, ILLEGAL, NoPos)
        if lhs is None:
            lhs = self.exprList()
        tok = self.tok
        if len(lhs) == 1 and tok is not ASSIGN and tok is not DEFINE:
            x = lhs[0]
            pos = self.pos
            if tok in _ASSIGN_OPS:
                self.next()
                return ast.AssignStmt([x], pos, tok, [self.expr()])
            if tok is INC or tok is DEC:
                self.next()
                return ast.IncDecStmt(x, pos, tok)
            if tok is ARROW:
                self.next()
                return ast.SendStmt(x, pos, self.expr())
            return ast.ExprStmt(x)
        if tok is ASSIGN or tok is DEFINE:
            pos = self.pos
            self.next()
            if keyword is FOR and self.tok is RANGE:
                return self.newRangeClause(lhs, tok, pos)
            rhs = self.exprList()
            return ast.AssignStmt(lhs, pos, tok, rhs)
        self.syntaxError("expected := or = or comma")
        self.advance(SEMICOLON, RBRACE)
        return ast.ExprStmt(lhs[0])

    # go: cmd/compile/internal/syntax/parser.go newRangeClause
    def newRangeClause(self, lhs: list[ast.Expr] | None, tok: Token, tokPos: Pos) -> _RangeClause:
        rangePos = self.pos
        self.next()  # range
        return _RangeClause(lhs, tok, tokPos, rangePos, self.expr())

    # go: cmd/compile/internal/syntax/parser.go labeledStmtOrNil
    def labeledStmtOrNil(self, label: ast.Ident) -> ast.Stmt | None:
        colon = self.pos
        self.want(COLON)
        if self.tok is RBRACE:
            # a label before "}" labels an (implicit) empty statement
            return ast.LabeledStmt(label, colon, ast.EmptyStmt(self.pos, True))
        s = self.stmtOrNil()
        if s is not None:
            return ast.LabeledStmt(label, colon, s)
        self.syntaxErrorAt(colon, "missing statement after label")
        return None

    # go: cmd/compile/internal/syntax/parser.go blockStmt
    def blockStmt(self, context: str) -> ast.BlockStmt:
        self.nest += 1
        if self.nest > MaxNest:
            self.tooDeep()
        lbrace = self.pos
        if not self.got(LBRACE):
            # people coming from C may forget that braces are mandatory
            self.syntaxError("expected { after " + context)
            self.advance(IDENT, RBRACE)
            rbrace = self.pos
            if self.got(RBRACE):
                self.nest -= 1
                return ast.BlockStmt(lbrace, [], rbrace)
        lst = self.stmtList()
        rbrace = self.pos
        self.want(RBRACE)
        self.nest -= 1
        return ast.BlockStmt(lbrace, lst, rbrace)

    # go: cmd/compile/internal/syntax/parser.go declStmt
    def declStmt(self, f: object) -> ast.Stmt:
        pos = self.pos
        k = self.i
        keyword = self.tok
        self.next()
        return ast.DeclStmt(self.appendGroup(keyword, pos, k, f))

    # go: cmd/compile/internal/syntax/parser.go forStmt
    def forStmt(self) -> ast.Stmt:
        pos = self.pos
        init, cond, post = self.header(FOR)
        body = self.blockStmt("for clause")
        if isinstance(init, _RangeClause):
            rc = init
            key: ast.Expr | None = None
            value: ast.Expr | None = None
            if rc.lhs:
                key = rc.lhs[0]
                if len(rc.lhs) > 1:
                    value = rc.lhs[1]
                if len(rc.lhs) > 2:
                    self.late.append((rc.lhs[2].Pos(), "range clause permits at most two iteration variables"))
            return ast.RangeStmt(pos, key, value, rc.tokPos, rc.tok, rc.rangePos, rc.x, body)
        return ast.ForStmt(pos, init, cond, post, body)

    # go: cmd/compile/internal/syntax/parser.go header
    def header(self, keyword: Token) -> tuple[ast.Stmt | _RangeClause | None, ast.Expr | None, ast.Stmt | None]:
        """The clauses of if/for/switch: (init, cond, post)."""
        self.want(keyword)
        if self.tok is LBRACE:
            if keyword is IF:
                self.syntaxError("missing condition in if statement")
                return None, ast.BadExpr(self.pos, self.pos), None
            return None, None, None
        outer = self.xnest
        self.xnest = -1
        init: ast.Stmt | _RangeClause | None = None
        cond: ast.Expr | None = None
        post: ast.Stmt | None = None
        if self.tok is not SEMICOLON:
            # accept a var declaration but complain
            if self.got(VAR):
                self.syntaxError(f"var declaration not allowed in {keyword.String()} initializer")
            init = self.simpleStmt(None, keyword)
            if isinstance(init, _RangeClause):
                self.xnest = outer
                return init, None, None
        condStmt: ast.Stmt | _RangeClause | None = None
        semiPos = NoPos
        semiLit = ""
        if self.tok is not LBRACE:
            if self.tok is SEMICOLON:
                semiPos = self.pos
                semiLit = self.lit()
                self.next()
            else:
                # asking for '{' rather than ';' gives a better message
                self.want(LBRACE)
                if self.tok is not LBRACE:
                    self.advance(LBRACE, RBRACE)
            if keyword is FOR:
                done = False
                if self.tok is not SEMICOLON:
                    if self.tok is LBRACE:
                        self.syntaxError("expected for loop condition")
                        done = True
                    else:
                        condStmt = self.simpleStmt(None, ILLEGAL)
                if not done:
                    self.want(SEMICOLON)
                    if self.tok is not LBRACE:
                        p = self.simpleStmt(None, ILLEGAL)
                        if isinstance(p, ast.AssignStmt) and p.Tok is DEFINE:
                            self.syntaxErrorAt(p.TokPos, "cannot declare in post statement of for loop")
                        if isinstance(p, ast.Stmt):
                            post = p
            elif self.tok is not LBRACE:
                condStmt = self.simpleStmt(None, keyword)
        else:
            condStmt = init
            init = None

        if condStmt is None:
            if keyword is IF and semiPos != NoPos:
                if semiLit != "semicolon":
                    self.syntaxErrorAt(semiPos, f"unexpected {semiLit}, expected {{ after if clause")
                else:
                    self.syntaxErrorAt(semiPos, "missing condition in if statement")
                cond = ast.BadExpr(semiPos, semiPos)
        elif isinstance(condStmt, ast.ExprStmt):
            cond = condStmt.X
        elif keyword is SWITCH and self.isTypeSwitchAssign(condStmt):
            cond = _TypeSwitchAssign(condStmt)  # type: ignore[arg-type]
        else:
            if isinstance(condStmt, ast.AssignStmt) and condStmt.Tok is ASSIGN:
                s = "assignment " + _emphasize(condStmt.Lhs) + " = " + _emphasize(condStmt.Rhs)
                at = condStmt.TokPos
            elif isinstance(condStmt, ast.AssignStmt):
                s = GcString(condStmt)
                at = condStmt.TokPos
            elif isinstance(condStmt, ast.IncDecStmt):
                s = GcString(condStmt)
                at = condStmt.TokPos
            elif isinstance(condStmt, ast.SendStmt):
                s = GcString(condStmt)
                at = condStmt.Arrow
            else:
                s = GcString(condStmt) if isinstance(condStmt, ast.Node) else "range"
                at = condStmt.Pos() if isinstance(condStmt, ast.Node) else self.pos
            self.syntaxErrorAt(at, f"cannot use {s} as value")
            if isinstance(condStmt, ast.Node):
                cond = ast.BadExpr(condStmt.Pos(), condStmt.End())
        self.xnest = outer
        if init is not None and not isinstance(init, ast.Stmt):
            init = None
        return init, cond, post

    @staticmethod
    def isTypeSwitchAssign(s: object) -> bool:
        """x := y.(type)"""
        return (
            isinstance(s, ast.AssignStmt)
            and s.Tok is DEFINE
            and len(s.Lhs) == 1
            and len(s.Rhs) == 1
            and type(s.Lhs[0]) is ast.Ident
            and type(s.Rhs[0]) is ast.TypeAssertExpr
            and s.Rhs[0].Type is None
        )

    # go: cmd/compile/internal/syntax/parser.go ifStmt
    def ifStmt(self) -> ast.IfStmt:
        pos = self.pos
        self.nest += 1
        if self.nest > MaxNest:
            self.tooDeep()
        init, cond, _ = self.header(IF)
        body = self.blockStmt("if clause")
        els: ast.Stmt | None = None
        if self.got(ELSE):
            if self.tok is IF:
                els = self.ifStmt()
            elif self.tok is LBRACE:
                els = self.blockStmt("")
            else:
                self.syntaxError("else must be followed by if or statement block")
                self.advance(IDENT, RBRACE)
        self.nest -= 1
        if cond is None or isinstance(cond, _TypeSwitchAssign):
            cond = ast.BadExpr(pos, pos)
        return ast.IfStmt(pos, init, cond, body, els)  # type: ignore[arg-type]

    # go: cmd/compile/internal/syntax/parser.go switchStmt
    def switchStmt(self) -> ast.Stmt:
        pos = self.pos
        init, tag, _ = self.header(SWITCH)
        lbrace = self.pos
        if not self.got(LBRACE):
            self.syntaxError("missing { after switch clause")
            self.advance(CASE, DEFAULT, RBRACE)
        clauses: list[ast.Stmt] = []
        while self.tok is not EOF and self.tok is not RBRACE:
            clauses.append(self.caseClause())
        rbrace = self.pos
        self.want(RBRACE)
        body = ast.BlockStmt(lbrace, clauses, rbrace)
        init_ = init if isinstance(init, ast.Stmt) else None
        if isinstance(tag, _TypeSwitchAssign):
            return ast.TypeSwitchStmt(pos, init_, tag.stmt, body)
        if isinstance(tag, ast.TypeAssertExpr) and tag.Type is None:
            return ast.TypeSwitchStmt(pos, init_, ast.ExprStmt(tag), body)
        return ast.SwitchStmt(pos, init_, tag, body)

    # go: cmd/compile/internal/syntax/parser.go selectStmt
    def selectStmt(self) -> ast.Stmt:
        pos = self.pos
        self.want(SELECT)
        lbrace = self.pos
        if not self.got(LBRACE):
            self.syntaxError("missing { after select clause")
            self.advance(CASE, DEFAULT, RBRACE)
        clauses: list[ast.Stmt] = []
        while self.tok is not EOF and self.tok is not RBRACE:
            clauses.append(self.commClause())
        rbrace = self.pos
        self.want(RBRACE)
        return ast.SelectStmt(pos, ast.BlockStmt(lbrace, clauses, rbrace))

    # go: cmd/compile/internal/syntax/parser.go caseClause
    def caseClause(self) -> ast.CaseClause:
        pos = self.pos
        lst: list[ast.Expr] = []
        if self.tok is CASE:
            self.next()
            lst = self.exprList()
        elif self.tok is DEFAULT:
            self.next()
        else:
            self.syntaxError("expected case or default or }")
            self.advance(COLON, CASE, DEFAULT, RBRACE)
        colon = self.pos
        self.want(COLON)
        return ast.CaseClause(pos, lst, colon, self.stmtList())

    # go: cmd/compile/internal/syntax/parser.go commClause
    def commClause(self) -> ast.CommClause:
        pos = self.pos
        comm: ast.Stmt | None = None
        if self.tok is CASE:
            self.next()
            s = self.simpleStmt(None, ILLEGAL)
            if isinstance(s, ast.Stmt):
                comm = s
        elif self.tok is DEFAULT:
            self.next()
        else:
            self.syntaxError("expected case or default or }")
            self.advance(COLON, CASE, DEFAULT, RBRACE)
        colon = self.pos
        self.want(COLON)
        return ast.CommClause(pos, comm, colon, self.stmtList())

    # go: cmd/compile/internal/syntax/parser.go stmtOrNil
    def stmtOrNil(self) -> ast.Stmt | None:
        """A statement, or None if none starts here."""
        tok = self.tok
        # most statements (assignments) start with an identifier
        if tok is IDENT:
            lhs = self.exprList()
            if len(lhs) == 1 and self.tok is COLON and type(lhs[0]) is ast.Ident:
                return self.labeledStmtOrNil(lhs[0])  # type: ignore[arg-type]
            s = self.simpleStmt(lhs, ILLEGAL)
            return s if isinstance(s, ast.Stmt) else None
        if tok is VAR:
            return self.declStmt(self.varDecl)
        if tok is CONST:
            return self.declStmt(self.constDecl)
        if tok is TYPE:
            return self.declStmt(self.typeDecl)
        if tok is LBRACE:
            return self.blockStmt("")
        if tok in _SIMPLE_START:
            s = self.simpleStmt(None, ILLEGAL)
            return s if isinstance(s, ast.Stmt) else None
        if tok is FOR:
            return self.forStmt()
        if tok is SWITCH:
            return self.switchStmt()
        if tok is SELECT:
            return self.selectStmt()
        if tok is IF:
            return self.ifStmt()
        if tok is FALLTHROUGH:
            pos = self.pos
            self.next()
            return ast.BranchStmt(pos, FALLTHROUGH, None)
        if tok is BREAK or tok is CONTINUE:
            pos = self.pos
            self.next()
            label = self.name() if self.tok is IDENT else None
            return ast.BranchStmt(pos, tok, label)
        if tok is GO or tok is DEFER:
            return self.callStmt()
        if tok is GOTO:
            pos = self.pos
            self.next()
            return ast.BranchStmt(pos, GOTO, self.name())
        if tok is RETURN:
            pos = self.pos
            self.next()
            results: list[ast.Expr] = []
            if self.tok is not SEMICOLON and self.tok is not RBRACE:
                results = self.exprList()
            return ast.ReturnStmt(pos, results)
        if tok is SEMICOLON:
            return ast.EmptyStmt(self.pos, self.lit() != "semicolon")
        return None

    # go: cmd/compile/internal/syntax/parser.go stmtList
    def stmtList(self) -> list[ast.Stmt]:
        """StatementList = { Statement ";" } ."""
        lst: list[ast.Stmt] = []
        while True:
            tok = self.tok
            if tok is EOF or tok is RBRACE or tok is CASE or tok is DEFAULT:
                return lst
            s = self.stmtOrNil()
            if s is None:
                return lst
            lst.append(s)
            # ";" is optional before "}"
            if self.tok is SEMICOLON:
                self.next()
            elif self.tok is not RBRACE:
                self.syntaxError("at end of statement")
                self.advance(SEMICOLON, RBRACE, CASE, DEFAULT)
                self.got(SEMICOLON)  # avoid a spurious empty statement

    # go: cmd/compile/internal/syntax/parser.go argList
    def argList(self) -> tuple[list[ast.Expr], Pos, Pos]:
        """[ arg { "," arg } [ "..." ] [ "," ] ] ")"; returns (args, ..., ))."""
        self.xnest += 1
        args: list[ast.Expr] = []
        ellipsis = NoPos
        while self.tok is not EOF and self.tok is not RPAREN:
            args.append(self.expr())
            done = False
            if self.tok is ELLIPSIS:
                ellipsis = self.pos
                self.next()
                done = True
            if self.tok is COMMA:
                self.next()
            elif self.tok is not RPAREN:
                self.syntaxError("in argument list; possibly missing comma or )")
                self.advance(RPAREN, RBRACK, RBRACE)
                if self.tok is not RPAREN:
                    self.xnest -= 1
                    return args, ellipsis, self.pos
            if done:
                break
        rparen = self.pos
        self.want(RPAREN)
        self.xnest -= 1
        return args, ellipsis, rparen

    # --- common productions ----------------------------------------------------

    # go: cmd/compile/internal/syntax/parser.go name
    def name(self) -> ast.Ident:
        if self.tok is IDENT:
            n = ast.Ident(self.pos, self.lits[self.i])
            self.next()
            return n
        n = ast.Ident(self.pos, "_")
        self.syntaxError("expected name")
        self.advance()
        return n

    # go: cmd/compile/internal/syntax/parser.go nameList
    def nameList(self, first: ast.Ident) -> list[ast.Ident]:
        """IdentifierList = identifier { "," identifier } ."""
        lst = [first]
        while self.tok is COMMA:
            self.next()
            lst.append(self.name())
        return lst

    # go: cmd/compile/internal/syntax/parser.go qualifiedName
    def qualifiedName(self, name: ast.Ident | None) -> ast.Expr:
        x: ast.Expr
        if name is not None:
            x = name
        elif self.tok is IDENT:
            x = self.name()
        else:
            x = ast.Ident(self.pos, "_")
            self.syntaxError("expected name")
            self.advance(PERIOD, SEMICOLON, RBRACE)
        if self.tok is PERIOD:
            self.next()
            x = ast.SelectorExpr(x, self.name())
        if self.tok is LBRACK:
            x = self.typeInstance(x)
        return x

    # go: cmd/compile/internal/syntax/parser.go exprList
    def exprList(self) -> list[ast.Expr]:
        """ExpressionList = Expression { "," Expression } ."""
        lst = [self.expr()]
        while self.tok is COMMA:
            self.next()
            lst.append(self.expr())
        return lst

    # go: cmd/compile/internal/syntax/parser.go typeList
    def typeList(self, strict: bool) -> tuple[list[ast.Expr], bool]:
        """arg { "," arg } [ "," ]: the first may be an expression unless
        strict; returns the list and whether a comma was seen."""
        self.xnest += 1
        x = self.type_() if strict else self.expr()
        lst = [x]
        comma = False
        if self.got(COMMA):
            comma = True
            t = self.typeOrNil()
            if t is not None:
                lst.append(t)
                while self.got(COMMA):
                    t = self.typeOrNil()
                    if t is None:
                        break
                    lst.append(t)
        self.xnest -= 1
        return lst, comma


class _errParser(parser):
    """A parser for a file with lexical errors: next() also replays them."""

    __slots__ = ()

    def next(self) -> None:
        i = self.i + 1
        try:
            self.tok = self.toks[i]
        except IndexError:
            i = self.last
        self.i = i
        self.pos = self.poss[i]
        if i >= self.nexterr:
            self._reportScanErrors(i)


class _TypeSwitchAssign(ast.Expr):
    """Carries `x := y.(type)` from header() to switchStmt()."""

    __slots__ = ("stmt",)

    def __init__(self, stmt: ast.AssignStmt) -> None:
        self.stmt = stmt

    def Pos(self) -> int:
        return self.stmt.Pos()

    def End(self) -> int:
        return self.stmt.End()


def parseTokens(file: TokenFile, ts: TokenStream, errors: ErrorList, mode: int) -> ast.File | None:
    """Parse a scanned file; errors are added to errors."""
    old = sys.getrecursionlimit()
    if old < MaxNest * 12 + 1000:
        sys.setrecursionlimit(MaxNest * 12 + 1000)
    try:
        # (The first token read may already report enough scan errors to end the parse.)
        p = (_errParser if ts.errs else parser)(file, ts, errors, mode)
        prepareComments(p, ts, mode)
        f = p.fileOrNil()
        if errors.SyntaxErrors() == 0:
            # gc type-checks only files without syntax errors
            for pos, msg in p.late:
                p.errorAt(pos, msg)
    except _BailoutError:
        f = None
    finally:
        if old < MaxNest * 12 + 1000:
            sys.setrecursionlimit(old)
    if f is not None:
        finishFile(p, f, ts, mode)
    return f


def prepareComments(p: parser, ts: TokenStream, mode: int) -> None:
    """Index //go: directives (always) and, with ParseComments, the comment
    groups, lead (doc) comments and line comments, by token index."""
    dirsAt = p.dirsAt
    for pos, text, k in ts.comments:
        if text.startswith("//go:"):
            dirsAt.setdefault(k, []).append(ast.Comment(pos, text))
    if mode & ParseComments:
        _groupComments(p, ts)


def _groupComments(p: parser, ts: TokenStream) -> None:
    """Group comments and find lead and line comments as go/parser does.

    go/parser sees each comment run between two tokens prev and next; a
    group on prev's line is a line comment if next is on another line (or
    is ";" or EOF); the other comments form groups of adjacent lines, and
    the last one is a lead (doc) comment if it ends on the line before next.
    go/scanner puts an inserted ";" before a trailing comment where gort's
    scanner puts it after (at the newline), so a run before such a ";" is
    joined with the run after it, and prev is that ";".
    """
    lines = p.file.lines
    base = p.file.base
    toks = ts.toks
    poss = ts.poss
    lits = ts.lits
    comments = ts.comments
    groups = p.groups
    n = len(comments)

    def line(pos: int) -> int:
        return bisect.bisect_right(lines, pos - base)

    def endLine(c: ast.Comment) -> int:
        return line(c.End()) if "\n" in c.Text else line(c.Slash)

    i = 0
    while i < n:
        k = comments[i][2]
        j = i
        while j < n and comments[j][2] == k:
            j += 1
        nextIdx = k
        if k > 0:
            prevLine = line(poss[k - 1])
        else:
            prevLine = 0
        if toks[k] is SEMICOLON and lits[k] == "newline":
            # the ";" goes before these comments in go/scanner's stream
            prevLine = line(comments[i][0])
            nextIdx = k + 1
            while j < n and comments[j][2] == k + 1:
                j += 1
        run = [ast.Comment(pos, text) for pos, text, _ in comments[i:j]]
        i = j
        nextLine = line(poss[nextIdx]) if nextIdx < len(poss) else line(poss[-1])
        r = 0
        if line(run[0].Slash) == prevLine:
            # a group on prev's line: a line comment?
            el = endLine(run[0])
            grp = [run[0]]
            r = 1
            while r < len(run) and line(run[r].Slash) <= el:
                grp.append(run[r])
                el = endLine(run[r])
                r += 1
            g = ast.CommentGroup(grp)
            groups.append(g)
            if nextLine != el or toks[nextIdx] is SEMICOLON or toks[nextIdx] is EOF:
                p.lineAt[nextIdx] = g
        el = -1
        lead: ast.CommentGroup | None = None
        while r < len(run):
            el = endLine(run[r])
            grp = [run[r]]
            r += 1
            while r < len(run) and line(run[r].Slash) <= el + 1:
                grp.append(run[r])
                el = endLine(run[r])
                r += 1
            lead = ast.CommentGroup(grp)
            groups.append(lead)
        if lead is not None and el + 1 == nextLine:
            p.docAt[nextIdx] = lead


def _attachLineComments(p: parser) -> None:
    """Set the Comment (line comment) of fields and specs: the comment that
    follows the node's terminating ";" on its line, as go/parser does."""
    poss = p.poss
    toks = p.toks
    for node in p.lineTargets:
        j = bisect.bisect_left(poss, node.End()) - 1  # last token of the node
        if j + 1 < len(toks) and toks[j + 1] is SEMICOLON:
            j += 1  # go/parser consumes the ";" first
        g = p.lineAt.get(j + 1)
        if g is not None:
            node.Comment = g  # type: ignore[union-attr]


def finishFile(p: parser, f: ast.File, ts: TokenStream, mode: int) -> None:
    """Fill File.Directives, BuildConstraint, GoVersion and Comments."""
    dirs: list[ast.Comment] = []
    for k in sorted(p.dirsAt):
        dirs.extend(p.dirsAt[k])
    f.Directives = dirs
    for c in dirs:
        if c.Slash >= f.Package:
            break
        if IsGoBuild(c.Text):
            f.BuildConstraint = c.Text[len("//go:build") :].strip()
            f.GoVersion = GoVersion(f.BuildConstraint)
            break
    if mode & ParseComments:
        f.Comments = p.groups
        _attachLineComments(p)
