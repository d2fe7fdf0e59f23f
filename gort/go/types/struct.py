"""Struct types (go/types struct.go): the Struct type and check.structType.

A `Struct` holds its fields (Vars with kind FieldVar, in declaration order)
and their tags ("" when absent). `check.structType` builds one from an
ast.StructType: it declares each field, embeds type names (the field takes
the type's name), rejects duplicate fields, and validates embedded types
later (an embedded type must be a type name T or *T where T is not a
pointer, and not a pointer to an interface).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast
from gort.go.types.type import Type

if TYPE_CHECKING:
    from gort.go.types.check import Checker
    from gort.go.types.object import Var


class Struct(Type):
    """struct{fields}."""

    __slots__ = ("fields", "tags")

    def __init__(self, fields: list[Var], tags: list[str] | None = None) -> None:
        self.fields = fields
        self.tags = tags  # None if no field has a tag

    def NumFields(self) -> int:
        return len(self.fields)

    def Field(self, i: int) -> Var:
        return self.fields[i]

    def Tag(self, i: int) -> str:
        if self.tags is not None and i < len(self.tags):
            return self.tags[i]
        return ""


def NewStruct(fields: list[Var], tags: list[str] | None = None) -> Struct:
    return Struct(fields, tags)


# -- checking struct types


def structType(check: Checker, styp: Struct, e: ast.StructType) -> None:
    from gort.go.types.errcodes import Code
    from gort.go.types.lookup import deref
    from gort.go.types.object import Var, isExported
    from gort.go.types.predicates import isTypeParam, isValid
    from gort.go.types.universe import Typ

    if e.Fields is None:
        return
    fields: list[Var] = []
    tags: list[str] | None = None
    fset: dict[str, Var] = {}
    for f in e.Fields.List:
        typ = check.varType(f.Type) if f.Type is not None else Typ[0]
        tag = ""
        if f.Tag is not None:
            tag = structTag(check, f.Tag)

        def add(ident: ast.Ident, embedded: bool, t: Type = typ, tg: str = tag) -> None:
            nonlocal tags
            if tg and tags is None:
                tags = [""] * len(fields)
            if tags is not None:
                tags.append(tg)
            pos = ident.Pos()
            name = ident.Name
            fld = Var(pos, check.pkg, name, t, 6, embedded)
            if name == "_" or declareInSet(check, fset, pos, fld):
                fields.append(fld)
                check.recordDef(ident, fld)
            elif tags is not None:
                tags.pop()

        if f.Names:
            for name in f.Names:
                add(name, False)
        else:
            assert f.Type is not None
            pos = f.Type.Pos()
            ident = embeddedFieldIdent(f.Type)
            if ident is None:
                check.errorf(pos, Code.InvalidSyntaxTree, "invalid embedded field type %s", f.Type)
                add(ast.Ident(pos, "_"), True, Typ[0], "")
                continue
            add(ident, True)
            embeddedTyp = typ
            embeddedPos = pos

            def later(embeddedTyp: Type = embeddedTyp, embeddedPos: int = embeddedPos) -> None:
                from gort.go.types.basic import Basic
                from gort.go.types.interface import Interface
                from gort.go.types.pointer import Pointer

                t, isPtr = deref(embeddedTyp)
                u = t.Underlying()
                if isinstance(u, Basic):
                    if not isValid(t):
                        return
                    if u.kind == 18:
                        check.error(embeddedPos, Code.InvalidPtrEmbed,
                                    "embedded field type cannot be unsafe.Pointer")
                elif isinstance(u, Pointer):
                    check.error(embeddedPos, Code.InvalidPtrEmbed,
                                "embedded field type cannot be a pointer")
                elif isinstance(u, Interface):
                    if isTypeParam(t):
                        check.error(embeddedPos, Code.MisplacedTypeParam,
                                    "embedded field type cannot be a (pointer to a) type parameter")
                    elif isPtr:
                        check.error(embeddedPos, Code.InvalidPtrEmbed,
                                    "embedded field type cannot be a pointer to an interface")

            check.later(later)
    styp.fields = fields
    styp.tags = tags
    _ = isExported


def embeddedFieldIdent(e: ast.Expr) -> ast.Ident | None:
    if isinstance(e, ast.Ident):
        return e
    if isinstance(e, ast.StarExpr):
        if not isinstance(e.X, ast.StarExpr):
            return embeddedFieldIdent(e.X)
        return None
    if isinstance(e, ast.SelectorExpr):
        return e.Sel
    if isinstance(e, (ast.IndexExpr, ast.IndexListExpr)):
        return embeddedFieldIdent(e.X)
    return None


def declareInSet(check: Checker, oset: dict[str, Var], pos: int, obj: Var) -> bool:
    from gort.go.types.errcodes import Code

    key = obj.Id()
    alt = oset.get(key)
    if alt is not None:
        err = check.newError(Code.DuplicateDecl)
        err.addf(pos, "%s redeclared", obj.name)
        err.addAltDecl(alt)
        err.report()
        return False
    oset[key] = obj
    return True


def structTag(check: Checker, t: ast.BasicLit) -> str:
    from gort.go import constant, token
    from gort.go.types.errcodes import Code

    if t.Kind == token.STRING:
        v = constant.MakeFromLiteral(t.Value, token.STRING)
        if v.Kind() == constant.String:
            return constant.StringVal(v)
    check.errorf(t, Code.InvalidSyntaxTree, "incorrect tag syntax: %q", t.Value)
    return ""
