"""Objects (go/types object.go): the named language entities a program declares.

    PkgName   an imported package's local name      (imported, used)
    Const     a constant                            (val)
    TypeName  a type name, defined or alias
    Var       a variable, parameter, result or struct field (kind, embedded)
    Func      a function or method                  (origin, hasPtrRecv_)
    Label     a statement label                     (used)
    Builtin   a predeclared function                (id)
    Nil       the predeclared nil

Every object has a name, a position, a package (None in the universe), a
type, and the scope it was declared in (`parent`). `scopePos_` is where the
object's scope starts (a local variable is visible only after its
declaration); `order_` numbers package-level objects in source order and
`color_` marks them white/grey/black while the checker resolves their types
(grey values past GREY encode the index on the object path, for cycle
reports).

Invariants: `Id()` is the name for exported names and "path.name" otherwise,
so it identifies a field or method name across packages.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from gort.go.token import NoPos, Pos

if TYPE_CHECKING:
    from gort.go.constant import Value
    from gort.go.types.package import Package
    from gort.go.types.scope import Scope
    from gort.go.types.signature import Signature
    from gort.go.types.type import Type
    from gort.go.types.typestring import Qualifier

# object colors (white: not resolved; grey: in progress; black: done)
WHITE = 0
BLACK = 1
GREY = 2


def isExported(name: str) -> bool:
    c = name[0] if name else ""
    return c.isupper() if c.isascii() else c.isupper() or c.istitle()


def Id(pkg: Package | None, name: str) -> str:
    """The unique id of name in pkg: name if exported, else "path.name"."""
    if isExported(name):
        return name
    path = "_"
    if pkg is not None and pkg.path:
        path = pkg.path
    return path + "." + name


class Object:
    """A declared entity."""

    __slots__ = ("parent", "pos", "pkg", "name", "typ", "order_", "color_", "scopePos_")

    def __init__(self, pos: Pos, pkg: Package | None, name: str, typ: Type | None) -> None:
        self.parent: Scope | None = None  # scope in which the object is declared
        self.pos = pos  # position of the object's identifier, or NoPos
        self.pkg = pkg  # package the object belongs to; None in the universe
        self.name = name
        self.typ = typ  # the object's type; None while unresolved
        self.order_ = 0  # source order of package-level objects, from 1
        self.color_ = WHITE  # resolution state for package-level objects
        self.scopePos_: Pos = NoPos  # start of the object's scope

    def Parent(self) -> Scope | None:
        return self.parent

    def Pos(self) -> Pos:
        return self.pos

    def Pkg(self) -> Package | None:
        return self.pkg

    def Name(self) -> str:
        return self.name

    def Type(self) -> Type:
        from gort.go.types.universe import Typ

        return self.typ if self.typ is not None else Typ[0]

    def Exported(self) -> bool:
        return isExported(self.name)

    def Id(self) -> str:
        return Id(self.pkg, self.name)

    def sameId(self, pkg: Package | None, name: str, foldCase: bool = False) -> bool:
        if foldCase and self.name.lower() == name.lower():
            return True
        if self.name != name:
            return False
        if isExported(self.name):
            return True
        return samePkg(self.pkg, pkg)

    def String(self) -> str:
        return ObjectString(self, None)

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


def samePkg(a: Package | None, b: Package | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.path == b.path


class PkgName(Object):
    """A package name introduced by an import."""

    __slots__ = ("imported", "used")

    def __init__(self, pos: Pos, pkg: Package | None, name: str, imported: Package) -> None:
        from gort.go.types.universe import Typ

        super().__init__(pos, pkg, name, Typ[0])
        self.imported = imported
        self.used = False

    def Imported(self) -> Package:
        return self.imported


class Const(Object):
    """A declared constant."""

    __slots__ = ("val",)

    def __init__(self, pos: Pos, pkg: Package | None, name: str, typ: Type | None,
                 val: Value) -> None:
        super().__init__(pos, pkg, name, typ)
        self.val = val

    def Val(self) -> Value:
        return self.val


class TypeName(Object):
    """A type name: a defined type, an alias, or a type parameter."""

    __slots__ = ()

    def IsAlias(self) -> bool:
        from gort.go.types.alias import Alias
        from gort.go.types.basic import Basic
        from gort.go.types.named import Named
        from gort.go.types.typeparam import TypeParam
        from gort.go.types.universe import Unsafe, universeByte, universeRune

        t = self.typ
        if t is None:
            return False
        if isinstance(t, Alias):
            return True
        if isinstance(t, Basic):
            if self.pkg is Unsafe:
                return False
            return self.pkg is not None or t.name != self.name or t is universeByte or \
                t is universeRune
        if isinstance(t, Named):
            return self is not t.obj
        if isinstance(t, TypeParam):
            return self is not t.obj
        return True


def NewPkgName(pos: Pos, pkg: Package | None, name: str, imported: Package) -> PkgName:
    return PkgName(pos, pkg, name, imported)


def NewConst(pos: Pos, pkg: Package | None, name: str, typ: Type | None, val: Value) -> Const:
    return Const(pos, pkg, name, typ, val)


def NewTypeName(pos: Pos, pkg: Package | None, name: str, typ: Type | None) -> TypeName:
    return TypeName(pos, pkg, name, typ)


class VarKind(enum.IntEnum):
    """What kind of variable a Var is."""

    Invalid = 0
    PackageVar = 1
    LocalVar = 2
    RecvVar = 3
    ParamVar = 4
    ResultVar = 5
    FieldVar = 6


PackageVar = 1
LocalVar = 2
RecvVar = 3
ParamVar = 4
ResultVar = 5
FieldVar = 6


class Var(Object):
    """A variable: package-level or local, receiver, parameter, result, field."""

    __slots__ = ("origin", "kind", "embedded")

    def __init__(self, pos: Pos, pkg: Package | None, name: str, typ: Type | None,
                 kind: int = LocalVar, embedded: bool = False) -> None:
        super().__init__(pos, pkg, name, typ)
        self.origin: Var | None = None  # the generic Var this one instantiates
        self.kind = kind
        self.embedded = embedded  # an embedded struct field (name is the type's)

    def Kind(self) -> VarKind:
        return VarKind(self.kind)

    def SetKind(self, kind: int) -> None:
        self.kind = kind

    def Anonymous(self) -> bool:
        return self.embedded

    def Embedded(self) -> bool:
        return self.embedded

    def IsField(self) -> bool:
        return self.kind == FieldVar

    def Origin(self) -> Var:
        return self.origin if self.origin is not None else self


def NewVar(pos: Pos, pkg: Package | None, name: str, typ: Type | None) -> Var:
    return Var(pos, pkg, name, typ, PackageVar)


def NewParam(pos: Pos, pkg: Package | None, name: str, typ: Type | None) -> Var:
    return Var(pos, pkg, name, typ, ParamVar)


def NewField(pos: Pos, pkg: Package | None, name: str, typ: Type | None,
             embedded: bool) -> Var:
    return Var(pos, pkg, name, typ, FieldVar, embedded)


class Func(Object):
    """A function, concrete method or interface method; its type is a Signature."""

    __slots__ = ("origin", "hasPtrRecv_", "decl")

    def __init__(self, pos: Pos, pkg: Package | None, name: str,
                 sig: Signature | None) -> None:
        super().__init__(pos, pkg, name, sig)
        self.origin: Func | None = None  # the generic Func this one instantiates
        self.hasPtrRecv_ = False  # resolver's guess before the signature is known
        self.decl: object = None  # the FuncDecl (for the compiler); None if none

    def Signature(self) -> Signature:
        from gort.go.types.signature import Signature

        t = self.typ
        if isinstance(t, Signature):
            return t
        return Signature(None, None, None, None, False)

    def FullName(self) -> str:
        out: list[str] = []
        writeFuncName(out, self, None)
        return "".join(out)

    def Scope(self) -> Scope | None:
        return self.Signature().scope

    def Origin(self) -> Func:
        return self.origin if self.origin is not None else self

    def hasPtrRecv(self) -> bool:
        from gort.go.types.pointer import Pointer
        from gort.go.types.signature import Signature

        sig = self.typ
        if isinstance(sig, Signature) and sig.recv is not None:
            t = sig.recv.typ
            from gort.go.types.alias import unalias

            return isinstance(unalias(t) if t is not None else t, Pointer)
        return self.hasPtrRecv_


def NewFunc(pos: Pos, pkg: Package | None, name: str, sig: Signature | None) -> Func:
    return Func(pos, pkg, name, sig)


class Label(Object):
    """A statement label."""

    __slots__ = ("used",)

    def __init__(self, pos: Pos, pkg: Package | None, name: str) -> None:
        from gort.go.types.universe import Typ

        super().__init__(pos, pkg, name, Typ[0])
        self.used = False


def NewLabel(pos: Pos, pkg: Package | None, name: str) -> Label:
    return Label(pos, pkg, name)


class Builtin(Object):
    """A predeclared function (len, append, unsafe.Sizeof, ...)."""

    __slots__ = ("id",)

    def __init__(self, name: str, id: int) -> None:
        from gort.go.types.universe import Typ

        super().__init__(NoPos, None, name, Typ[0])
        self.id = id  # builtinId


class Nil(Object):
    """The predeclared nil."""

    __slots__ = ()


def writeFuncName(out: list[str], f: Func, qf: Qualifier | None) -> None:
    from gort.go.types.interface import Interface
    from gort.go.types.signature import Signature
    from gort.go.types.typestring import TypeString, packagePrefix

    sig = f.typ
    if isinstance(sig, Signature):
        recv = sig.recv
        if recv is not None:
            out.append("(")
            if isinstance(recv.typ, Interface):
                out.append("interface")
            else:
                out.append(TypeString(recv.Type(), qf))
            out.append(").")
        elif f.pkg is not None:
            out.append(packagePrefix(f.pkg, qf))
    out.append(f.name)


def ObjectString(obj: Object, qf: Qualifier | None) -> str:
    """go/types' ObjectString: "var x int", "func (T).M()", "package fmt"."""
    from gort.go.types.alias import Alias
    from gort.go.types.basic import Basic
    from gort.go.types.interface import Interface
    from gort.go.types.signature import Signature
    from gort.go.types.typeparam import TypeParam
    from gort.go.types.typestring import TypeString, WriteSignature, packagePrefix, tParamList
    from gort.go.types.universe import Universe

    out: list[str] = []
    tname: TypeName | None = None
    typ: Type | None = obj.typ
    if isinstance(obj, PkgName):
        out.append(f"package {obj.name}")
        path = obj.imported.path
        if path and path != obj.name:
            from gort.go.constant.value import go_quote

            out.append(f" ({go_quote(path.encode())})")
        return "".join(out)
    if isinstance(obj, Const):
        out.append("const")
    elif isinstance(obj, TypeName):
        tname = obj
        out.append("type")
        if isinstance(typ, TypeParam):
            out.append(" parameter")
    elif isinstance(obj, Var):
        out.append("field" if obj.IsField() else "var")
    elif isinstance(obj, Func):
        out.append("func ")
        writeFuncName(out, obj, qf)
        if isinstance(typ, Signature):
            out.append(WriteSignature(typ, qf))
        return "".join(out)
    elif isinstance(obj, Label):
        out.append("label")
        typ = None
    elif isinstance(obj, Builtin):
        out.append("builtin")
        typ = None
    elif isinstance(obj, Nil):
        return "nil"
    out.append(" ")
    if obj.pkg is not None and obj.pkg.scope.Lookup(obj.name) is obj:
        out.append(packagePrefix(obj.pkg, qf))
    out.append(obj.name)
    if typ is None:
        return "".join(out)
    if tname is not None:
        if isinstance(typ, Basic):
            return "".join(out)
        tparams = getattr(typ, "tparams", None)
        if tparams:
            out.append(tParamList(tparams, qf))
        if tname.IsAlias():
            out.append(" =")
            if isinstance(typ, Alias):
                typ = typ.fromRHS
        elif isinstance(typ, TypeParam):
            typ = typ.bound
        else:
            typ = typ.Underlying()
    if obj.name == "any" and obj.parent is Universe:
        typ = Interface([], [])
    out.append(" ")
    out.append(TypeString(typ, qf) if typ is not None else "<nil>")
    return "".join(out)


def objectKind(obj: Object) -> str:
    """A description of the object's kind, as in error messages."""
    from gort.go.types.typeparam import TypeParam

    if isinstance(obj, PkgName):
        return "package name"
    if isinstance(obj, Const):
        return "constant"
    if isinstance(obj, TypeName):
        if obj.IsAlias():
            return "type alias"
        if isinstance(obj.typ, TypeParam):
            return "type parameter"
        return "defined type"
    if isinstance(obj, Var):
        return {PackageVar: "package-level variable", LocalVar: "local variable",
                RecvVar: "receiver", ParamVar: "parameter", ResultVar: "result variable",
                FieldVar: "struct field"}.get(obj.kind, "variable")
    if isinstance(obj, Func):
        return "method" if obj.Signature().recv is not None else "function"
    if isinstance(obj, Label):
        return "label"
    if isinstance(obj, Builtin):
        return "built-in function"
    if isinstance(obj, Nil):
        return "untyped nil"
    return "object"
