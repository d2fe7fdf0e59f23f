"""The Go syntax tree: one class per node kind, as Go's go/ast.

Every class, field name and field meaning is go/ast's, so a reader of the Go
documentation (or of go/types, which walks this tree) finds the same tree:
`File.Decls`, `FuncDecl.Recv/Name/Type/Body`, `AssignStmt.Lhs/TokPos/Tok/Rhs`,
`CallExpr.Fun/Lparen/Args/Ellipsis/Rparen`, and so on. Positions are `Pos`
ints of a `token.FileSet`; `Pos()` is the first byte of a node and `End()`
the byte just after it, computed exactly as go/ast computes them.

Structure:
  * Abstract bases `Node`, `Expr`, `Stmt`, `Decl`, `Spec` (no fields). Type
    expressions (ArrayType, MapType, ...) are `Expr`s, as in Go.
  * Each concrete class has `__slots__` with Go's fields, in Go's order;
    the constructor takes them in that order. `_children` names the fields
    that hold nodes, in the order `Walk` visits them (Go's walk order).
  * Comments: `Comment(Slash, Text)` and `CommentGroup(List)`.

Conventions for Go's nil:
  * A nil node field is `None`; a nil slice is an empty list (never None).
  * `CaseClause.List == []` means `default:`; `CommClause.Comm is None`
    means `default:`; `TypeAssertExpr.Type is None` means `x.(type)`.
  * `ArrayType.Len is None` is a slice type; an `Ellipsis` Len is `[...]T`.
  * `RangeStmt.Tok == token.ILLEGAL` when there is no key (`for range x`).

Invariants: nodes compare and hash by identity (no `__eq__`), so they can
key the type checker's maps (go/types' `Info.Types[expr]`).

Differences from Go:
  * No `Object`/`Scope` resolution (as go/parser with SkipObjectResolution):
    `Ident` has no `Obj`, `File` has no `Scope`/`Unresolved`; the type
    checker resolves names. There is no `ast.Package`.
  * gort additions for compiler directives (gc's pragmas), which go/ast
    leaves in comments: `File.Directives` (every `//go:` line comment in the
    file, in order), `File.BuildConstraint` (the expression of the file's
    `//go:build` line, or None) and a `Directives` list on FuncDecl,
    GenDecl, TypeSpec and ValueSpec holding the `//go:` comments that
    precede that declaration (see parser.py for the exact rule).
"""

from __future__ import annotations

from typing import ClassVar

from gort.go.token.position import NoPos, Pos
from gort.go.token.tokens import Token

# Aliases for annotations inside classes whose fields or methods shadow the
# names (every node has a Pos method; some have Decl, Stmt or Comment fields).
PosT = Pos


class Node:
    """Any syntax tree node."""

    __slots__ = ()
    _children: ClassVar[tuple[str, ...]] = ()

    def Pos(self) -> PosT:
        """Position of the first byte of the node."""
        raise NotImplementedError

    def End(self) -> PosT:
        """Position of the byte immediately after the node."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<ast.{type(self).__name__} {self.Pos()}>"


class Expr(Node):
    """An expression or a type."""

    __slots__ = ()


class Stmt(Node):
    """A statement."""

    __slots__ = ()


class Decl(Node):
    """A top-level (or statement-level) declaration."""

    __slots__ = ()


class Spec(Node):
    """An import, value or type specification inside a GenDecl."""

    __slots__ = ()


DeclT = Decl
StmtT = Stmt


# --- Comments ----------------------------------------------------------------


class Comment(Node):
    """A single //-style or /*-style comment; Text excludes a trailing newline."""

    __slots__ = ("Slash", "Text")

    def __init__(self, Slash: PosT, Text: str) -> None:
        self.Slash = Slash  # position of "/" starting the comment
        self.Text = Text  # comment text, including the // or /* */ markers

    def Pos(self) -> PosT:
        return self.Slash

    def End(self) -> PosT:
        return self.Slash + len(self.Text.encode("utf-8"))


CommentT = Comment


class CommentGroup(Node):
    """A sequence of comments with no other tokens and no blank line between."""

    __slots__ = ("List",)
    _children = ("List",)

    def __init__(self, List: list[CommentT]) -> None:
        self.List = List  # len(List) > 0

    def Pos(self) -> PosT:
        return self.List[0].Pos()

    def End(self) -> PosT:
        return self.List[-1].End()

    def Text(self) -> str:
        """The comment text without markers, directives and surrounding blanks."""
        lines: list[str] = []
        for c in self.List:
            t = c.Text
            if t[1] == "/":
                t = t[2:]
                if t:
                    if t[0] == " ":
                        t = t[1:]
                    elif isDirective(t):
                        continue
            else:
                t = t[2:-2]
            for line in t.split("\n"):
                lines.append(line.rstrip(" \t\n\r"))
        out: list[str] = []
        for line in lines:
            if line or (out and out[-1]):
                out.append(line)
        if out and out[-1]:
            out.append("")
        return "\n".join(out)


def isDirective(c: str) -> bool:
    """Whether the text after // is a directive like "go:noinline" or "line x:1"."""
    if c.startswith(("line ", "extern ", "export ")):
        return True
    colon = c.find(":")
    if colon <= 0 or colon + 1 >= len(c):
        return False
    for i in range(colon + 2):
        if i == colon:
            continue
        b = c[i]
        if not ("a" <= b <= "z" or "0" <= b <= "9"):
            return False
    return True


# --- Fields --------------------------------------------------------------------


class Field(Node):
    """A struct field, method, parameter, result or type parameter group."""

    __slots__ = ("Doc", "Names", "Type", "Tag", "Comment")
    _children = ("Doc", "Names", "Type", "Tag", "Comment")

    def __init__(
        self,
        Doc: CommentGroup | None,
        Names: list[Ident],
        Type: Expr | None,
        Tag: BasicLit | None = None,
        Comment: CommentGroup | None = None,
    ) -> None:
        self.Doc = Doc  # associated documentation; or None
        self.Names = Names  # field/method/(type) parameter names; [] if anonymous/embedded
        self.Type = Type  # field/method/parameter type; or None
        self.Tag = Tag  # field tag; or None
        self.Comment = Comment  # line comments; or None

    def Pos(self) -> PosT:
        if self.Names:
            return self.Names[0].Pos()
        if self.Type is not None:
            return self.Type.Pos()
        return NoPos

    def End(self) -> PosT:
        if self.Tag is not None:
            return self.Tag.End()
        if self.Type is not None:
            return self.Type.End()
        if self.Names:
            return self.Names[-1].End()
        return NoPos


class FieldList(Node):
    """A list of Fields, enclosed by parentheses, braces or brackets."""

    __slots__ = ("Opening", "List", "Closing")
    _children = ("List",)

    def __init__(self, Opening: PosT, List: list[Field], Closing: PosT) -> None:
        self.Opening = Opening  # position of opening ( { [, if any
        self.List = List  # field list
        self.Closing = Closing  # position of closing ) } ], if any

    def Pos(self) -> PosT:
        if self.Opening != NoPos:
            return self.Opening
        if self.List:
            return self.List[0].Pos()
        return NoPos

    def End(self) -> PosT:
        if self.Closing != NoPos:
            return self.Closing + 1
        if self.List:
            return self.List[-1].End()
        return NoPos

    def NumFields(self) -> int:
        """Number of parameters or struct fields (an anonymous field counts 1)."""
        n = 0
        for g in self.List:
            n += len(g.Names) or 1
        return n


# --- Expressions -------------------------------------------------------------


class BadExpr(Expr):
    """A placeholder for an expression containing syntax errors."""

    __slots__ = ("From", "To")

    def __init__(self, From: PosT, To: PosT) -> None:
        self.From = From
        self.To = To

    def Pos(self) -> PosT:
        return self.From

    def End(self) -> PosT:
        return self.To


class Ident(Expr):
    """An identifier."""

    __slots__ = ("NamePos", "Name")

    def __init__(self, NamePos: PosT, Name: str) -> None:
        self.NamePos = NamePos  # identifier position
        self.Name = Name  # identifier name

    def Pos(self) -> PosT:
        return self.NamePos

    def End(self) -> PosT:
        name = self.Name
        return self.NamePos + (len(name) if name.isascii() else len(name.encode("utf-8")))

    def IsExported(self) -> bool:
        from gort.go.token.tokens import IsExported

        return IsExported(self.Name)

    def String(self) -> str:
        return self.Name

    def __repr__(self) -> str:
        return f"<ast.Ident {self.Name} {self.NamePos}>"


class Ellipsis(Expr):
    """`...` in a parameter list (Elt set) or an array length `[...]T`."""

    __slots__ = ("Ellipsis", "Elt")
    _children = ("Elt",)

    def __init__(self, Ellipsis: PosT, Elt: Expr | None) -> None:
        self.Ellipsis = Ellipsis  # position of "..."
        self.Elt = Elt  # element type (parameter lists only); or None

    def Pos(self) -> PosT:
        return self.Ellipsis

    def End(self) -> PosT:
        if self.Elt is not None:
            return self.Elt.End()
        return self.Ellipsis + 3


class BasicLit(Expr):
    """A literal of basic type: INT, FLOAT, IMAG, CHAR or STRING.

    Value is the literal's source text (quotes and escapes included), e.g.
    42, 0x7f, 3.14, 1e-9, 2.4i, 'a', '\\x7f', "foo" or `\\m\\n\\o`.
    """

    __slots__ = ("ValuePos", "ValueEnd", "Kind", "Value")

    def __init__(self, ValuePos: PosT, ValueEnd: PosT, Kind: Token, Value: str) -> None:
        self.ValuePos = ValuePos  # literal position
        self.ValueEnd = ValueEnd  # position immediately after the literal
        self.Kind = Kind  # token.INT, FLOAT, IMAG, CHAR or STRING
        self.Value = Value  # literal source text

    def Pos(self) -> PosT:
        return self.ValuePos

    def End(self) -> PosT:
        if self.ValueEnd == NoPos:
            return self.ValuePos + len(self.Value.encode("utf-8"))
        return self.ValueEnd


class FuncLit(Expr):
    """A function literal."""

    __slots__ = ("Type", "Body")
    _children = ("Type", "Body")

    def __init__(self, Type: FuncType, Body: BlockStmt) -> None:
        self.Type = Type  # function type
        self.Body = Body  # function body

    def Pos(self) -> PosT:
        return self.Type.Pos()

    def End(self) -> PosT:
        return self.Body.End()


class CompositeLit(Expr):
    """A composite literal T{...} (Type None when elided inside another literal)."""

    __slots__ = ("Type", "Lbrace", "Elts", "Rbrace", "Incomplete")
    _children = ("Type", "Elts")

    def __init__(
        self,
        Type: Expr | None,
        Lbrace: PosT,
        Elts: list[Expr],
        Rbrace: PosT,
        Incomplete: bool = False,
    ) -> None:
        self.Type = Type  # literal type; or None
        self.Lbrace = Lbrace  # position of "{"
        self.Elts = Elts  # list of composite elements
        self.Rbrace = Rbrace  # position of "}"
        self.Incomplete = Incomplete  # true if expressions are missing in Elts

    def Pos(self) -> PosT:
        if self.Type is not None:
            return self.Type.Pos()
        return self.Lbrace

    def End(self) -> PosT:
        return self.Rbrace + 1


class ParenExpr(Expr):
    """A parenthesized expression."""

    __slots__ = ("Lparen", "X", "Rparen")
    _children = ("X",)

    def __init__(self, Lparen: PosT, X: Expr, Rparen: PosT) -> None:
        self.Lparen = Lparen
        self.X = X
        self.Rparen = Rparen

    def Pos(self) -> PosT:
        return self.Lparen

    def End(self) -> PosT:
        return self.Rparen + 1


class SelectorExpr(Expr):
    """X.Sel"""

    __slots__ = ("X", "Sel")
    _children = ("X", "Sel")

    def __init__(self, X: Expr, Sel: Ident) -> None:
        self.X = X
        self.Sel = Sel

    def Pos(self) -> PosT:
        return self.X.Pos()

    def End(self) -> PosT:
        return self.Sel.End()


class IndexExpr(Expr):
    """X[Index]: an index, or an instantiation with one type argument."""

    __slots__ = ("X", "Lbrack", "Index", "Rbrack")
    _children = ("X", "Index")

    def __init__(self, X: Expr, Lbrack: PosT, Index: Expr, Rbrack: PosT) -> None:
        self.X = X
        self.Lbrack = Lbrack
        self.Index = Index
        self.Rbrack = Rbrack

    def Pos(self) -> PosT:
        return self.X.Pos()

    def End(self) -> PosT:
        return self.Rbrack + 1


class IndexListExpr(Expr):
    """X[I1, I2, ...]: an instantiation with several type arguments."""

    __slots__ = ("X", "Lbrack", "Indices", "Rbrack")
    _children = ("X", "Indices")

    def __init__(self, X: Expr, Lbrack: PosT, Indices: list[Expr], Rbrack: PosT) -> None:
        self.X = X
        self.Lbrack = Lbrack
        self.Indices = Indices
        self.Rbrack = Rbrack

    def Pos(self) -> PosT:
        return self.X.Pos()

    def End(self) -> PosT:
        return self.Rbrack + 1


class SliceExpr(Expr):
    """X[Low:High] or X[Low:High:Max]."""

    __slots__ = ("X", "Lbrack", "Low", "High", "Max", "Slice3", "Rbrack")
    _children = ("X", "Low", "High", "Max")

    def __init__(
        self,
        X: Expr,
        Lbrack: PosT,
        Low: Expr | None,
        High: Expr | None,
        Max: Expr | None,
        Slice3: bool,
        Rbrack: PosT,
    ) -> None:
        self.X = X
        self.Lbrack = Lbrack
        self.Low = Low  # or None
        self.High = High  # or None
        self.Max = Max  # or None
        self.Slice3 = Slice3  # true for a 3-index slice
        self.Rbrack = Rbrack

    def Pos(self) -> PosT:
        return self.X.Pos()

    def End(self) -> PosT:
        return self.Rbrack + 1


class TypeAssertExpr(Expr):
    """X.(Type); Type None means X.(type) in a type switch."""

    __slots__ = ("X", "Lparen", "Type", "Rparen")
    _children = ("X", "Type")

    def __init__(self, X: Expr, Lparen: PosT, Type: Expr | None, Rparen: PosT) -> None:
        self.X = X
        self.Lparen = Lparen
        self.Type = Type
        self.Rparen = Rparen

    def Pos(self) -> PosT:
        return self.X.Pos()

    def End(self) -> PosT:
        return self.Rparen + 1


class CallExpr(Expr):
    """Fun(Args...); Ellipsis is the position of a final "..." or NoPos."""

    __slots__ = ("Fun", "Lparen", "Args", "Ellipsis", "Rparen")
    _children = ("Fun", "Args")

    def __init__(self, Fun: Expr, Lparen: PosT, Args: list[Expr], Ellipsis: PosT, Rparen: PosT) -> None:
        self.Fun = Fun
        self.Lparen = Lparen
        self.Args = Args
        self.Ellipsis = Ellipsis
        self.Rparen = Rparen

    def Pos(self) -> PosT:
        return self.Fun.Pos()

    def End(self) -> PosT:
        return self.Rparen + 1


class StarExpr(Expr):
    """*X: a pointer type or a dereference."""

    __slots__ = ("Star", "X")
    _children = ("X",)

    def __init__(self, Star: PosT, X: Expr) -> None:
        self.Star = Star
        self.X = X

    def Pos(self) -> PosT:
        return self.Star

    def End(self) -> PosT:
        return self.X.End()


class UnaryExpr(Expr):
    """Op X, for + - ! ^ & <- and ~ (in constraints)."""

    __slots__ = ("OpPos", "Op", "X")
    _children = ("X",)

    def __init__(self, OpPos: PosT, Op: Token, X: Expr) -> None:
        self.OpPos = OpPos
        self.Op = Op
        self.X = X

    def Pos(self) -> PosT:
        return self.OpPos

    def End(self) -> PosT:
        return self.X.End()


class BinaryExpr(Expr):
    """X Op Y (also the | of a type union in a constraint)."""

    __slots__ = ("X", "OpPos", "Op", "Y")
    _children = ("X", "Y")

    def __init__(self, X: Expr, OpPos: PosT, Op: Token, Y: Expr) -> None:
        self.X = X
        self.OpPos = OpPos
        self.Op = Op
        self.Y = Y

    def Pos(self) -> PosT:
        return self.X.Pos()

    def End(self) -> PosT:
        return self.Y.End()


class KeyValueExpr(Expr):
    """Key: Value inside a composite literal."""

    __slots__ = ("Key", "Colon", "Value")
    _children = ("Key", "Value")

    def __init__(self, Key: Expr, Colon: PosT, Value: Expr) -> None:
        self.Key = Key
        self.Colon = Colon
        self.Value = Value

    def Pos(self) -> PosT:
        return self.Key.Pos()

    def End(self) -> PosT:
        return self.Value.End()


# --- Types -------------------------------------------------------------------

# ChanType.Dir values; SEND|RECV is a bidirectional channel.
SEND = 1
RECV = 2
ChanDir = int


class ArrayType(Expr):
    """[Len]Elt, [...]Elt (Len an Ellipsis) or []Elt (Len None)."""

    __slots__ = ("Lbrack", "Len", "Elt")
    _children = ("Len", "Elt")

    def __init__(self, Lbrack: PosT, Len: Expr | None, Elt: Expr) -> None:
        self.Lbrack = Lbrack
        self.Len = Len
        self.Elt = Elt

    def Pos(self) -> PosT:
        return self.Lbrack

    def End(self) -> PosT:
        return self.Elt.End()


class StructType(Expr):
    """struct { Fields }"""

    __slots__ = ("Struct", "Fields", "Incomplete")
    _children = ("Fields",)

    def __init__(self, Struct: PosT, Fields: FieldList, Incomplete: bool = False) -> None:
        self.Struct = Struct  # position of "struct"
        self.Fields = Fields
        self.Incomplete = Incomplete

    def Pos(self) -> PosT:
        return self.Struct

    def End(self) -> PosT:
        return self.Fields.End()


class FuncType(Expr):
    """func[TypeParams](Params) Results; Func is NoPos for interface methods."""

    __slots__ = ("Func", "TypeParams", "Params", "Results")
    _children = ("TypeParams", "Params", "Results")

    def __init__(
        self,
        Func: PosT,
        TypeParams: FieldList | None,
        Params: FieldList,
        Results: FieldList | None,
    ) -> None:
        self.Func = Func  # position of "func", or NoPos
        self.TypeParams = TypeParams  # type parameters; or None
        self.Params = Params  # parameters (never None)
        self.Results = Results  # results; or None

    def Pos(self) -> PosT:
        if self.Func != NoPos or self.Params is None:
            return self.Func
        return self.Params.Pos()

    def End(self) -> PosT:
        if self.Results is not None:
            return self.Results.End()
        return self.Params.End()


class InterfaceType(Expr):
    """interface { Methods }: methods, embedded types and unions."""

    __slots__ = ("Interface", "Methods", "Incomplete")
    _children = ("Methods",)

    def __init__(self, Interface: PosT, Methods: FieldList, Incomplete: bool = False) -> None:
        self.Interface = Interface  # position of "interface"
        self.Methods = Methods
        self.Incomplete = Incomplete

    def Pos(self) -> PosT:
        return self.Interface

    def End(self) -> PosT:
        return self.Methods.End()


class MapType(Expr):
    """map[Key]Value"""

    __slots__ = ("Map", "Key", "Value")
    _children = ("Key", "Value")

    def __init__(self, Map: PosT, Key: Expr, Value: Expr) -> None:
        self.Map = Map
        self.Key = Key
        self.Value = Value

    def Pos(self) -> PosT:
        return self.Map

    def End(self) -> PosT:
        return self.Value.End()


class ChanType(Expr):
    """chan T, chan<- T or <-chan T."""

    __slots__ = ("Begin", "Arrow", "Dir", "Value")
    _children = ("Value",)

    def __init__(self, Begin: PosT, Arrow: PosT, Dir: ChanDir, Value: Expr) -> None:
        self.Begin = Begin  # position of "chan" or "<-", whichever is first
        self.Arrow = Arrow  # position of "<-", or NoPos
        self.Dir = Dir  # SEND, RECV or SEND|RECV
        self.Value = Value  # element type

    def Pos(self) -> PosT:
        return self.Begin

    def End(self) -> PosT:
        return self.Value.End()


# --- Statements --------------------------------------------------------------


class BadStmt(Stmt):
    """A placeholder for statements containing syntax errors.

    gort's addition: a go or defer statement whose operand is not a call
    becomes a BadStmt that keeps the operand (X) and the keyword, so that
    the type checker reports the error and still checks and uses the
    operand, as gc's types2 does."""

    __slots__ = ("From", "To", "X", "Keyword")

    def __init__(self, From: PosT, To: PosT, X: Expr | None = None, Keyword: str = "") -> None:
        self.From = From
        self.To = To
        self.X = X  # the operand of `go X` / `defer X`, or None
        self.Keyword = Keyword  # "go" or "defer" with X

    def Pos(self) -> PosT:
        return self.From

    def End(self) -> PosT:
        return self.To


class DeclStmt(Stmt):
    """A const, type or var declaration inside a function."""

    __slots__ = ("Decl",)
    _children = ("Decl",)

    def __init__(self, Decl: DeclT) -> None:
        self.Decl = Decl  # a GenDecl with CONST, TYPE or VAR

    def Pos(self) -> PosT:
        return self.Decl.Pos()

    def End(self) -> PosT:
        return self.Decl.End()


class EmptyStmt(Stmt):
    """An empty statement; Implicit if the ";" was inserted."""

    __slots__ = ("Semicolon", "Implicit")

    def __init__(self, Semicolon: PosT, Implicit: bool) -> None:
        self.Semicolon = Semicolon
        self.Implicit = Implicit

    def Pos(self) -> PosT:
        return self.Semicolon

    def End(self) -> PosT:
        return self.Semicolon if self.Implicit else self.Semicolon + 1


class LabeledStmt(Stmt):
    """Label: Stmt"""

    __slots__ = ("Label", "Colon", "Stmt")
    _children = ("Label", "Stmt")

    def __init__(self, Label: Ident, Colon: PosT, Stmt: StmtT) -> None:
        self.Label = Label
        self.Colon = Colon
        self.Stmt = Stmt

    def Pos(self) -> PosT:
        return self.Label.Pos()

    def End(self) -> PosT:
        return self.Stmt.End()


class ExprStmt(Stmt):
    """An expression used as a statement."""

    __slots__ = ("X",)
    _children = ("X",)

    def __init__(self, X: Expr) -> None:
        self.X = X

    def Pos(self) -> PosT:
        return self.X.Pos()

    def End(self) -> PosT:
        return self.X.End()


class SendStmt(Stmt):
    """Chan <- Value"""

    __slots__ = ("Chan", "Arrow", "Value")
    _children = ("Chan", "Value")

    def __init__(self, Chan: Expr, Arrow: PosT, Value: Expr) -> None:
        self.Chan = Chan
        self.Arrow = Arrow
        self.Value = Value

    def Pos(self) -> PosT:
        return self.Chan.Pos()

    def End(self) -> PosT:
        return self.Value.End()


class IncDecStmt(Stmt):
    """X++ or X--"""

    __slots__ = ("X", "TokPos", "Tok")
    _children = ("X",)

    def __init__(self, X: Expr, TokPos: PosT, Tok: Token) -> None:
        self.X = X
        self.TokPos = TokPos
        self.Tok = Tok  # INC or DEC

    def Pos(self) -> PosT:
        return self.X.Pos()

    def End(self) -> PosT:
        return self.TokPos + 2


class AssignStmt(Stmt):
    """Lhs Tok Rhs: =, :=, or an op= assignment."""

    __slots__ = ("Lhs", "TokPos", "Tok", "Rhs")
    _children = ("Lhs", "Rhs")

    def __init__(self, Lhs: list[Expr], TokPos: PosT, Tok: Token, Rhs: list[Expr]) -> None:
        self.Lhs = Lhs
        self.TokPos = TokPos
        self.Tok = Tok  # ASSIGN, DEFINE or an op-assign token
        self.Rhs = Rhs

    def Pos(self) -> PosT:
        return self.Lhs[0].Pos()

    def End(self) -> PosT:
        return self.Rhs[-1].End()


class GoStmt(Stmt):
    """go Call"""

    __slots__ = ("Go", "Call")
    _children = ("Call",)

    def __init__(self, Go: PosT, Call: CallExpr) -> None:
        self.Go = Go
        self.Call = Call

    def Pos(self) -> PosT:
        return self.Go

    def End(self) -> PosT:
        return self.Call.End()


class DeferStmt(Stmt):
    """defer Call"""

    __slots__ = ("Defer", "Call")
    _children = ("Call",)

    def __init__(self, Defer: PosT, Call: CallExpr) -> None:
        self.Defer = Defer
        self.Call = Call

    def Pos(self) -> PosT:
        return self.Defer

    def End(self) -> PosT:
        return self.Call.End()


class ReturnStmt(Stmt):
    """return Results"""

    __slots__ = ("Return", "Results")
    _children = ("Results",)

    def __init__(self, Return: PosT, Results: list[Expr]) -> None:
        self.Return = Return
        self.Results = Results

    def Pos(self) -> PosT:
        return self.Return

    def End(self) -> PosT:
        if self.Results:
            return self.Results[-1].End()
        return self.Return + 6


class BranchStmt(Stmt):
    """break, continue, goto or fallthrough, with an optional Label."""

    __slots__ = ("TokPos", "Tok", "Label")
    _children = ("Label",)

    def __init__(self, TokPos: PosT, Tok: Token, Label: Ident | None) -> None:
        self.TokPos = TokPos
        self.Tok = Tok  # BREAK, CONTINUE, GOTO or FALLTHROUGH
        self.Label = Label  # or None

    def Pos(self) -> PosT:
        return self.TokPos

    def End(self) -> PosT:
        if self.Label is not None:
            return self.Label.End()
        return self.TokPos + len(self.Tok.String())


class BlockStmt(Stmt):
    """{ List }"""

    __slots__ = ("Lbrace", "List", "Rbrace")
    _children = ("List",)

    def __init__(self, Lbrace: PosT, List: list[Stmt], Rbrace: PosT) -> None:
        self.Lbrace = Lbrace
        self.List = List
        self.Rbrace = Rbrace  # NoPos if missing (syntax error)

    def Pos(self) -> PosT:
        return self.Lbrace

    def End(self) -> PosT:
        if self.Rbrace != NoPos:
            return self.Rbrace + 1
        if self.List:
            return self.List[-1].End()
        return self.Lbrace + 1


class IfStmt(Stmt):
    """if Init; Cond Body else Else"""

    __slots__ = ("If", "Init", "Cond", "Body", "Else")
    _children = ("Init", "Cond", "Body", "Else")

    def __init__(self, If: PosT, Init: Stmt | None, Cond: Expr, Body: BlockStmt, Else: Stmt | None) -> None:
        self.If = If
        self.Init = Init  # or None
        self.Cond = Cond
        self.Body = Body
        self.Else = Else  # an IfStmt, a BlockStmt, or None

    def Pos(self) -> PosT:
        return self.If

    def End(self) -> PosT:
        if self.Else is not None:
            return self.Else.End()
        return self.Body.End()


class CaseClause(Stmt):
    """case List: Body (List == [] for default)."""

    __slots__ = ("Case", "List", "Colon", "Body")
    _children = ("List", "Body")

    def __init__(self, Case: PosT, List: list[Expr], Colon: PosT, Body: list[Stmt]) -> None:
        self.Case = Case  # position of "case" or "default"
        self.List = List  # expressions or types; [] means default
        self.Colon = Colon
        self.Body = Body

    def Pos(self) -> PosT:
        return self.Case

    def End(self) -> PosT:
        if self.Body:
            return self.Body[-1].End()
        return self.Colon + 1


class SwitchStmt(Stmt):
    """switch Init; Tag { CaseClauses }"""

    __slots__ = ("Switch", "Init", "Tag", "Body")
    _children = ("Init", "Tag", "Body")

    def __init__(self, Switch: PosT, Init: Stmt | None, Tag: Expr | None, Body: BlockStmt) -> None:
        self.Switch = Switch
        self.Init = Init  # or None
        self.Tag = Tag  # or None
        self.Body = Body  # CaseClauses only

    def Pos(self) -> PosT:
        return self.Switch

    def End(self) -> PosT:
        return self.Body.End()


class TypeSwitchStmt(Stmt):
    """switch Init; Assign { CaseClauses } with Assign `x := y.(type)` or `y.(type)`."""

    __slots__ = ("Switch", "Init", "Assign", "Body")
    _children = ("Init", "Assign", "Body")

    def __init__(self, Switch: PosT, Init: Stmt | None, Assign: Stmt, Body: BlockStmt) -> None:
        self.Switch = Switch
        self.Init = Init  # or None
        self.Assign = Assign  # AssignStmt (x := y.(type)) or ExprStmt (y.(type))
        self.Body = Body  # CaseClauses only

    def Pos(self) -> PosT:
        return self.Switch

    def End(self) -> PosT:
        return self.Body.End()


class CommClause(Stmt):
    """case Comm: Body in a select (Comm None for default)."""

    __slots__ = ("Case", "Comm", "Colon", "Body")
    _children = ("Comm", "Body")

    def __init__(self, Case: PosT, Comm: Stmt | None, Colon: PosT, Body: list[Stmt]) -> None:
        self.Case = Case
        self.Comm = Comm  # SendStmt, ExprStmt or AssignStmt of a receive; None = default
        self.Colon = Colon
        self.Body = Body

    def Pos(self) -> PosT:
        return self.Case

    def End(self) -> PosT:
        if self.Body:
            return self.Body[-1].End()
        return self.Colon + 1


class SelectStmt(Stmt):
    """select { CommClauses }"""

    __slots__ = ("Select", "Body")
    _children = ("Body",)

    def __init__(self, Select: PosT, Body: BlockStmt) -> None:
        self.Select = Select
        self.Body = Body  # CommClauses only

    def Pos(self) -> PosT:
        return self.Select

    def End(self) -> PosT:
        return self.Body.End()


class ForStmt(Stmt):
    """for Init; Cond; Post Body"""

    __slots__ = ("For", "Init", "Cond", "Post", "Body")
    _children = ("Init", "Cond", "Post", "Body")

    def __init__(
        self, For: PosT, Init: Stmt | None, Cond: Expr | None, Post: Stmt | None, Body: BlockStmt
    ) -> None:
        self.For = For
        self.Init = Init  # or None
        self.Cond = Cond  # or None
        self.Post = Post  # or None
        self.Body = Body

    def Pos(self) -> PosT:
        return self.For

    def End(self) -> PosT:
        return self.Body.End()


class RangeStmt(Stmt):
    """for Key, Value Tok range X Body (Key/Value may be None)."""

    __slots__ = ("For", "Key", "Value", "TokPos", "Tok", "Range", "X", "Body")
    _children = ("Key", "Value", "X", "Body")

    def __init__(
        self,
        For: PosT,
        Key: Expr | None,
        Value: Expr | None,
        TokPos: PosT,
        Tok: Token,
        Range: PosT,
        X: Expr,
        Body: BlockStmt,
    ) -> None:
        self.For = For
        self.Key = Key  # or None
        self.Value = Value  # or None
        self.TokPos = TokPos  # position of Tok; NoPos if Key is None
        self.Tok = Tok  # ILLEGAL if Key is None, else ASSIGN or DEFINE
        self.Range = Range  # position of "range"
        self.X = X  # value to range over
        self.Body = Body

    def Pos(self) -> PosT:
        return self.For

    def End(self) -> PosT:
        return self.Body.End()


# --- Declarations ------------------------------------------------------------


class ImportSpec(Spec):
    """[Name] "Path" """

    __slots__ = ("Doc", "Name", "Path", "Comment", "EndPos")
    _children = ("Doc", "Name", "Path", "Comment")

    def __init__(
        self,
        Doc: CommentGroup | None,
        Name: Ident | None,
        Path: BasicLit,
        Comment: CommentGroup | None = None,
        EndPos: PosT = NoPos,
    ) -> None:
        self.Doc = Doc
        self.Name = Name  # local name (including "." and "_"); or None
        self.Path = Path  # import path literal
        self.Comment = Comment
        self.EndPos = EndPos  # end of spec (overrides Path.End() if set)

    def Pos(self) -> PosT:
        if self.Name is not None:
            return self.Name.Pos()
        return self.Path.Pos()

    def End(self) -> PosT:
        if self.EndPos != NoPos:
            return self.EndPos
        return self.Path.End()


class ValueSpec(Spec):
    """Names [Type] [= Values] in a const or var declaration."""

    __slots__ = ("Doc", "Names", "Type", "Values", "Comment", "Directives")
    _children = ("Doc", "Names", "Type", "Values", "Comment")

    def __init__(
        self,
        Doc: CommentGroup | None,
        Names: list[Ident],
        Type: Expr | None,
        Values: list[Expr],
        Comment: CommentGroup | None = None,
        Directives: list[CommentT] | None = None,
    ) -> None:
        self.Doc = Doc
        self.Names = Names  # len(Names) > 0
        self.Type = Type  # or None
        self.Values = Values  # initial values; [] if none
        self.Comment = Comment
        self.Directives: list[CommentT] = Directives if Directives is not None else []

    def Pos(self) -> PosT:
        return self.Names[0].Pos()

    def End(self) -> PosT:
        if self.Values:
            return self.Values[-1].End()
        if self.Type is not None:
            return self.Type.End()
        return self.Names[-1].End()


class TypeSpec(Spec):
    """Name[TypeParams] [=] Type"""

    __slots__ = ("Doc", "Name", "TypeParams", "Assign", "Type", "Comment", "Directives")
    _children = ("Doc", "Name", "TypeParams", "Type", "Comment")

    def __init__(
        self,
        Doc: CommentGroup | None,
        Name: Ident,
        TypeParams: FieldList | None,
        Assign: PosT,
        Type: Expr,
        Comment: CommentGroup | None = None,
        Directives: list[CommentT] | None = None,
    ) -> None:
        self.Doc = Doc
        self.Name = Name
        self.TypeParams = TypeParams  # or None
        self.Assign = Assign  # position of "=" of an alias, or NoPos
        self.Type = Type
        self.Comment = Comment
        self.Directives: list[CommentT] = Directives if Directives is not None else []

    def Pos(self) -> PosT:
        return self.Name.Pos()

    def End(self) -> PosT:
        return self.Type.End()


class BadDecl(Decl):
    """A placeholder for a declaration containing syntax errors."""

    __slots__ = ("From", "To")

    def __init__(self, From: PosT, To: PosT) -> None:
        self.From = From
        self.To = To

    def Pos(self) -> PosT:
        return self.From

    def End(self) -> PosT:
        return self.To


class GenDecl(Decl):
    """import, const, type or var declaration, parenthesized or not."""

    __slots__ = ("Doc", "TokPos", "Tok", "Lparen", "Specs", "Rparen", "Directives")
    _children = ("Doc", "Specs")

    def __init__(
        self,
        Doc: CommentGroup | None,
        TokPos: PosT,
        Tok: Token,
        Lparen: PosT,
        Specs: list[Spec],
        Rparen: PosT,
        Directives: list[CommentT] | None = None,
    ) -> None:
        self.Doc = Doc
        self.TokPos = TokPos
        self.Tok = Tok  # IMPORT, CONST, TYPE or VAR
        self.Lparen = Lparen  # or NoPos
        self.Specs = Specs
        self.Rparen = Rparen  # or NoPos
        self.Directives: list[CommentT] = Directives if Directives is not None else []

    def Pos(self) -> PosT:
        return self.TokPos

    def End(self) -> PosT:
        if self.Rparen != NoPos:
            return self.Rparen + 1
        return self.Specs[0].End()


class FuncDecl(Decl):
    """func (Recv) Name[TypeParams](Params) Results Body"""

    __slots__ = ("Doc", "Recv", "Name", "Type", "Body", "Directives")
    _children = ("Doc", "Recv", "Name", "Type", "Body")

    def __init__(
        self,
        Doc: CommentGroup | None,
        Recv: FieldList | None,
        Name: Ident,
        Type: FuncType,
        Body: BlockStmt | None,
        Directives: list[CommentT] | None = None,
    ) -> None:
        self.Doc = Doc
        self.Recv = Recv  # receiver (methods); or None
        self.Name = Name
        self.Type = Type  # signature, with type parameters and "func" position
        self.Body = Body  # or None for a function implemented outside Go
        # //go: comments preceding the declaration (gc's pragmas)
        self.Directives: list[CommentT] = Directives if Directives is not None else []

    def Pos(self) -> PosT:
        return self.Type.Pos()

    def End(self) -> PosT:
        if self.Body is not None:
            return self.Body.End()
        return self.Type.End()


# --- Files -------------------------------------------------------------------


class File(Node):
    """A Go source file."""

    __slots__ = (
        "Doc",
        "Package",
        "Name",
        "Decls",
        "FileStart",
        "FileEnd",
        "Imports",
        "Comments",
        "GoVersion",
        "Directives",
        "BuildConstraint",
    )
    _children = ("Doc", "Name", "Decls")

    def __init__(
        self,
        Doc: CommentGroup | None,
        Package: PosT,
        Name: Ident,
        Decls: list[Decl],
        FileStart: PosT = NoPos,
        FileEnd: PosT = NoPos,
        Imports: list[ImportSpec] | None = None,
        Comments: list[CommentGroup] | None = None,
        GoVersion: str = "",
        Directives: list[CommentT] | None = None,
        BuildConstraint: str | None = None,
    ) -> None:
        self.Doc = Doc  # package documentation; or None
        self.Package = Package  # position of "package"
        self.Name = Name  # package name
        self.Decls = Decls  # top-level declarations
        self.FileStart = FileStart  # start of the file
        self.FileEnd = FileEnd  # end of the file
        self.Imports: list[ImportSpec] = Imports if Imports is not None else []
        # all comments in lexical order (only with parser.ParseComments)
        self.Comments: list[CommentGroup] = Comments if Comments is not None else []
        # minimum Go version required by the //go:build line ("go1.21"), or ""
        self.GoVersion = GoVersion
        # every //go: directive comment in the file, in order (always kept)
        self.Directives: list[CommentT] = Directives if Directives is not None else []
        # expression of the //go:build line before the package clause, or None
        self.BuildConstraint = BuildConstraint

    def Pos(self) -> PosT:
        return self.Package

    def End(self) -> PosT:
        if self.Decls:
            return self.Decls[-1].End()
        return self.Name.End()


def NewIdent(name: str) -> Ident:
    """An Ident with no position."""
    return Ident(NoPos, name)


def IsExported(name: str) -> bool:
    from gort.go.token import tokens

    return tokens.IsExported(name)


def Unparen(e: Expr) -> Expr:
    """e with any enclosing parentheses removed."""
    while isinstance(e, ParenExpr):
        e = e.X
    return e
