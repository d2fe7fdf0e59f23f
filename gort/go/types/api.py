"""The public API of the type checker (go/types api.go).

    conf = Config(Importer=imp, Error=errors.append, GoVersion="go1.27")
    info = Info()                         # all maps enabled by default
    pkg = conf.Check("example.com/p", fset, files, info)

`Config` configures a check; `Info` receives the results, keyed by AST
nodes (which hash by identity):

    Types       expression -> TypeAndValue (mode, type, constant value)
    Instances   identifier of a generic type or function -> Instance
    Defs        defining identifier -> Object (None for the package name, _ )
    Uses        using identifier -> Object
    Implicits   node -> implicitly declared Object (import PkgName, type
                switch case variables, anonymous parameters)
    Selections  selector expression -> Selection (not qualified identifiers)
    Scopes      node -> Scope it opens (File, FuncType, BlockStmt, IfStmt, ...)
    InitOrder   package-level initializers in execution order
    FileVersions ast.File -> Go version string used for it

`Error` is one diagnostic: position (a token.Pos with the FileSet to
format it), message, soft flag and code. `Config.Check` returns the package
even when there are errors (the first error is raised as `TypeError`
only when Config.Error is None, as go/types returns it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from gort.go import ast
from gort.go.types.errcodes import Code

if TYPE_CHECKING:
    from gort.go.constant import Value
    from gort.go.token import FileSet, Pos
    from gort.go.types.context import Context
    from gort.go.types.object import Object, Var
    from gort.go.types.package import Package
    from gort.go.types.scope import Scope
    from gort.go.types.selection import Selection
    from gort.go.types.sizes import Sizes
    from gort.go.types.type import Type


class Error(Exception):
    """A type-checking error at a position."""

    def __init__(self, Fset: FileSet | None, Pos: Pos, Msg: str, Soft: bool = False,
                 Code: Code = Code.Test) -> None:
        super().__init__(Msg)
        self.Fset = Fset
        self.Pos = Pos
        self.Msg = Msg
        self.Soft = Soft
        self.Code = Code

    def Position(self) -> tuple[str, int, int]:
        if self.Fset is None or not self.Pos:
            return ("", 0, 0)
        p = self.Fset.Position(self.Pos)
        return (p.Filename, p.Line, p.Column)

    def Error(self) -> str:
        fn, line, col = self.Position()
        if line:
            return f"{fn}:{line}:{col}: {self.Msg}"
        return self.Msg

    def __str__(self) -> str:
        return self.Error()


class Importer(Protocol):
    def Import(self, path: str) -> Package: ...


class ImporterFrom(Importer, Protocol):
    def ImportFrom(self, path: str, dir: str, mode: int) -> Package: ...


class Config:
    """Configuration of a type check."""

    __slots__ = ("Context", "GoVersion", "IgnoreFuncBodies", "FakeImportC",
                 "IgnoreBranchErrors", "Error", "Importer", "Sizes",
                 "DisableUnusedImportCheck", "ErrorURL", "Trace")

    def __init__(self, Importer: Importer | None = None,
                 Error: Callable[[Error], None] | None = None,
                 GoVersion: str = "", Sizes: Sizes | None = None,
                 Context: Context | None = None, IgnoreFuncBodies: bool = False,
                 FakeImportC: bool = False, IgnoreBranchErrors: bool = False,
                 DisableUnusedImportCheck: bool = False, ErrorURL: str = "") -> None:
        self.Context = Context  # shares instances across checks; may be None
        self.GoVersion = GoVersion  # language version ("go1.27"); "" means newest
        self.IgnoreFuncBodies = IgnoreFuncBodies
        self.FakeImportC = FakeImportC
        self.IgnoreBranchErrors = IgnoreBranchErrors  # skip label/branch checks
        self.Error = Error  # called with each Error; if None, stop at the first
        self.Importer = Importer  # resolves imports to checked packages
        self.Sizes = Sizes  # size model; None means gc on amd64
        self.DisableUnusedImportCheck = DisableUnusedImportCheck
        self.ErrorURL = ErrorURL
        self.Trace = False

    def Check(self, path: str, fset: FileSet, files: list[ast.File],
              info: Info | None) -> Package:
        """Type-check a package made of files; returns it (errors go to conf.Error)."""
        from gort.go.types.check import NewChecker
        from gort.go.types.package import Package

        pkg = Package(path, "")
        err = NewChecker(self, fset, pkg, info).Files(files)
        if err is not None and self.Error is None:
            raise err
        return pkg


class TypeAndValue:
    """The mode, type and constant value of an expression."""

    __slots__ = ("mode", "Type", "Value")

    def __init__(self, mode: int, Type: Type, Value: Value | None) -> None:
        self.mode = mode
        self.Type = Type
        self.Value = Value

    def IsVoid(self) -> bool:
        return self.mode == 1

    def IsType(self) -> bool:
        return self.mode == 3

    def IsBuiltin(self) -> bool:
        return self.mode == 2

    def IsValue(self) -> bool:
        return self.mode in (4, 5, 6, 7, 8, 9, 10)

    def IsNil(self) -> bool:
        return self.mode == 8

    def Addressable(self) -> bool:
        return self.mode == 5

    def Assignable(self) -> bool:
        return self.mode in (5, 6)

    def HasOk(self) -> bool:
        return self.mode in (9, 6)

    def __repr__(self) -> str:
        from gort.go.types.operand import operandModeString

        v = f" = {self.Value}" if self.Value is not None else ""
        return f"<{operandModeString[self.mode]} {self.Type}{v}>"


class Instance:
    """The type arguments and instantiated type of a generic use."""

    __slots__ = ("TypeArgs", "Type")

    def __init__(self, TypeArgs: list[Type], Type: Type) -> None:
        self.TypeArgs = TypeArgs
        self.Type = Type

    def __repr__(self) -> str:
        return f"<Instance {self.TypeArgs} {self.Type}>"


class Initializer:
    """A package-level initialization: var Lhs... = Rhs."""

    __slots__ = ("Lhs", "Rhs")

    def __init__(self, Lhs: list[Var], Rhs: ast.Expr) -> None:
        self.Lhs = Lhs
        self.Rhs = Rhs

    def String(self) -> str:
        from gort.go.types.exprstring import ExprString

        return ", ".join(v.name for v in self.Lhs) + " = " + ExprString(self.Rhs)

    __str__ = String


class Info:
    """Results of a type check; maps set to None are not recorded."""

    __slots__ = ("Types", "Instances", "Defs", "Uses", "Implicits", "Selections", "Scopes",
                 "InitOrder", "FileVersions")

    def __init__(self, all: bool = True) -> None:
        self.Types: dict[ast.Expr, TypeAndValue] | None = {} if all else None
        self.Instances: dict[ast.Ident, Instance] | None = {} if all else None
        self.Defs: dict[ast.Ident, Object | None] | None = {} if all else None
        self.Uses: dict[ast.Ident, Object] | None = {} if all else None
        self.Implicits: dict[ast.Node, Object] | None = {} if all else None
        self.Selections: dict[ast.SelectorExpr, Selection] | None = {} if all else None
        self.Scopes: dict[ast.Node, Scope] | None = {} if all else None
        self.InitOrder: list[Initializer] = []
        self.FileVersions: dict[ast.File, str] | None = {} if all else None

    def TypeOf(self, e: ast.Expr) -> Type | None:
        if self.Types is not None:
            tv = self.Types.get(e)
            if tv is not None:
                return tv.Type
        if isinstance(e, ast.Ident):
            obj = self.ObjectOf(e)
            if obj is not None:
                return obj.Type()
        return None

    def ObjectOf(self, id: ast.Ident) -> Object | None:
        if self.Defs is not None:
            obj = self.Defs.get(id)
            if obj is not None:
                return obj
        if self.Uses is not None:
            return self.Uses.get(id)
        return None

    def PkgNameOf(self, imp: ast.ImportSpec) -> Object | None:
        if imp.Name is not None and self.Defs is not None:
            return self.Defs.get(imp.Name)
        if self.Implicits is not None:
            return self.Implicits.get(imp)
        return None
