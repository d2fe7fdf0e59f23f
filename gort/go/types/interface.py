"""Interface types (go/types interface.go): the Interface type and
check.interfaceType.

An `Interface` holds its explicitly declared methods (sorted as go/types
sorts them: exported first, then by name), its embedded elements (interfaces,
unions, or plain types in constraint interfaces), and, lazily, its type set
(`typeSet()`), which flattens embedding into the full method list and the
set of permitted types. `implicit` marks the interface the checker wraps
around a constraint written without `interface{}` (`[T ~int]`).

Invariants: `tset` is computed at most once, after `complete` is set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast
from gort.go.types.type import Type

if TYPE_CHECKING:
    from gort.go.token import Pos
    from gort.go.types.check import Checker
    from gort.go.types.object import Func, TypeName
    from gort.go.types.typeset import _TypeSet


class Interface(Type):
    """interface{methods; embeddeds}."""

    __slots__ = ("check", "methods", "embeddeds", "embedPos", "implicit", "complete", "tset")

    def __init__(self, methods: list[Func], embeddeds: list[Type]) -> None:
        self.check: Checker | None = None  # for error reporting while computing the type set
        self.methods = methods  # explicitly declared methods, sorted
        self.embeddeds = embeddeds  # embedded elements, in source order
        self.embedPos: list[Pos] | None = None  # positions of the embedded elements
        self.implicit = False  # interface wrapping a constraint like ~int
        self.complete = True  # all methods and embeddeds are set up
        self.tset: _TypeSet | None = None  # type set, computed lazily

    def typeSet(self) -> _TypeSet:
        t = self.tset
        if t is not None:
            return t
        from gort.go.types.typeset import computeInterfaceTypeSet

        return computeInterfaceTypeSet(self.check, 0, self)

    def MarkImplicit(self) -> None:
        self.implicit = True

    def NumExplicitMethods(self) -> int:
        return len(self.methods)

    def ExplicitMethod(self, i: int) -> Func:
        return self.methods[i]

    def NumEmbeddeds(self) -> int:
        return len(self.embeddeds)

    def EmbeddedType(self, i: int) -> Type:
        return self.embeddeds[i]

    def NumMethods(self) -> int:
        return len(self.typeSet().methods)

    def Method(self, i: int) -> Func:
        return self.typeSet().methods[i]

    def Empty(self) -> bool:
        return self.typeSet().IsAll()

    def IsComparable(self) -> bool:
        return self.typeSet().IsComparable(None)

    def IsMethodSet(self) -> bool:
        return self.typeSet().IsMethodSet()

    def IsImplicit(self) -> bool:
        return self.implicit

    def Complete(self) -> Interface:
        self.typeSet()
        return self


def NewInterfaceType(methods: list[Func], embeddeds: list[Type]) -> Interface:
    from gort.go.types.signature import Signature
    from gort.go.types.typeset import sortMethods

    typ = Interface([], [])
    if not methods and not embeddeds:
        return typ
    for m in methods:
        sig = m.typ
        if isinstance(sig, Signature) and sig.recv is None:
            from gort.go.types.object import Var

            sig.recv = Var(m.pos, m.pkg, "", typ, 3)
    methods = list(methods)
    sortMethods(methods)
    typ.methods = methods
    typ.embeddeds = list(embeddeds)
    return typ


# -- checking interface types


def interfaceType(check: Checker, ityp: Interface, iface: ast.InterfaceType,
                  defn: TypeName | None) -> None:
    from gort.go.types.errcodes import Code
    from gort.go.types.named import asNamed
    from gort.go.types.object import Func, RecvVar, Var
    from gort.go.types.predicates import isValid
    from gort.go.types.signature import Signature
    from gort.go.types.typeset import sortMethods, topTypeSet
    from gort.go.types.union import parseUnion

    embedPos: list[Pos] = []
    if iface.Methods is not None:
        for f in iface.Methods.List:
            if not f.Names:
                assert f.Type is not None
                ityp.embeddeds.append(parseUnion(check, f.Type))
                embedPos.append(f.Type.Pos())
                continue
            name = f.Names[0].Name
            if name == "_":
                check.error(f.Names[0], Code.BlankIfaceMethod,
                            "methods must have a unique non-blank name")
                continue
            assert f.Type is not None
            typ = check.typ(f.Type)
            if not isinstance(typ, Signature):
                if isValid(typ):
                    check.errorf(f.Type, Code.InvalidSyntaxTree, "%s is not a method signature", typ)
                continue
            recvTyp: Type = ityp
            if defn is not None:
                named = asNamed(defn.typ)
                if named is not None:
                    recvTyp = named
            typ.recv = Var(f.Names[0].Pos(), check.pkg, "", recvTyp, RecvVar)
            m = Func(f.Names[0].Pos(), check.pkg, name, typ)
            check.recordDef(f.Names[0], m)
            ityp.methods.append(m)
    if embedPos:
        ityp.embedPos = embedPos
    ityp.complete = True
    if not ityp.methods and not ityp.embeddeds:
        ityp.tset = topTypeSet
        return
    sortMethods(ityp.methods)
    pos = iface.Pos()

    def later() -> None:
        from gort.go.types.typeset import computeInterfaceTypeSet

        computeInterfaceTypeSet(check, pos, ityp)

    check.later(later)
