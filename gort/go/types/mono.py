"""Monomorphization check (go/types mono.go): reject generic code whose
instantiation would never terminate ("instantiation cycle").

gc compiles generics by stenciling, so `func f[T any]() { f[*T]() }` would
instantiate f[int], f[*int], f[**int], ... The checker builds a weighted
directed graph: a vertex per type parameter (and per local defined type
that implicitly carries the type parameters in scope), and for every
instantiation an edge from each type parameter occurring in a type argument
to the parameter it instantiates, with weight 1 if the argument merely
contains the parameter (as *T does) and 0 if it is the parameter itself. A
cycle of positive weight is an instantiation cycle; `monomorph` finds one
with Bellman-Ford style relaxation (a path longer than the number of
vertices means a positive cycle) and reports it:

    x.go:11:11: instantiation cycle:
            x.go:11:13: T instantiated as *T

Invariants: only type parameters of the package being checked are vertices
(instantiating imported generics cannot cycle back into this package).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go.types.alias import unalias
from gort.go.types.array import Array
from gort.go.types.basic import Basic
from gort.go.types.chan import Chan
from gort.go.types.errcodes import Code
from gort.go.types.interface import Interface
from gort.go.types.map import Map
from gort.go.types.named import Named
from gort.go.types.object import TypeName
from gort.go.types.pointer import Pointer
from gort.go.types.signature import Signature
from gort.go.types.slice import Slice
from gort.go.types.struct import Struct
from gort.go.types.typeparam import TypeParam

if TYPE_CHECKING:
    from gort.go import ast
    from gort.go.token import Pos
    from gort.go.types.check import Checker
    from gort.go.types.package import Package
    from gort.go.types.scope import Scope
    from gort.go.types.type import Type


class _Vertex:
    __slots__ = ("weight", "pre", "len", "obj")

    def __init__(self, obj: TypeName) -> None:
        self.weight = 0  # weight of the heaviest known path to this vertex
        self.pre = -1  # previous edge on that path
        self.len = 0  # length of that path
        self.obj = obj  # the type parameter (or local type) this vertex stands for


class _Edge:
    __slots__ = ("dst", "src", "weight", "pos", "typ")

    def __init__(self, dst: int, src: int, weight: int, pos: Pos, typ: Type) -> None:
        self.dst = dst
        self.src = src
        self.weight = weight
        self.pos = pos  # where the instantiation happens
        self.typ = typ  # the type argument


class monoGraph:
    """The instantiation graph of one package."""

    __slots__ = ("vertices", "edges", "canon", "nameIdx")

    def __init__(self) -> None:
        self.vertices: list[_Vertex] = []
        self.edges: list[_Edge] = []
        self.canon: dict[TypeParam, TypeParam] = {}  # renamed -> canonical type parameter
        self.nameIdx: dict[TypeName, int] = {}  # object -> vertex index (-1: none)

    def recordCanon(self, mpar: TypeParam, tpar: TypeParam) -> None:
        self.canon[mpar] = tpar

    def recordInstance(self, pkg: Package, pos: Pos, tparams: list[TypeParam],
                       targs: list[Type], xlist: list[ast.Expr]) -> None:
        from gort.go.types.errors import startPos

        for i, tpar in enumerate(tparams):
            p = pos
            if i < len(xlist):
                p = startPos(xlist[i])
            if i < len(targs):
                self.assign(pkg, p, tpar, targs[i])

    def assign(self, pkg: Package, pos: Pos, tpar: TypeParam, targ: Type) -> None:
        if tpar.obj.pkg is not pkg:
            return

        def flow(src: int, typ: Type) -> None:
            weight = 0 if typ is targ else 1
            self.addEdge(self.typeParamVertex(tpar), src, weight, pos, targ)

        def do(typ: Type) -> None:
            typ = unalias(typ)
            if isinstance(typ, TypeParam):
                if typ.obj.pkg is pkg:
                    flow(self.typeParamVertex(typ), typ)
            elif isinstance(typ, Named):
                src = self.localNamedVertex(pkg, typ.Origin())
                if src >= 0:
                    flow(src, typ)
                for a in typ.TypeArgs():
                    do(a)
            elif isinstance(typ, (Array, Chan, Pointer, Slice)):
                do(typ.Elem())
            elif isinstance(typ, Map):
                do(typ.key)
                do(typ.elem)
            elif isinstance(typ, Interface):
                for m in typ.typeSet().methods:
                    do(m.Type())
            elif isinstance(typ, Signature):
                for v in typ.params.vars:
                    do(v.Type())
                for v in typ.results.vars:
                    do(v.Type())
            elif isinstance(typ, Struct):
                for f in typ.fields:
                    do(f.Type())
            elif isinstance(typ, Basic):
                pass

        do(targ)

    def localNamedVertex(self, pkg: Package, named: Named) -> int:
        obj = named.Obj()
        if obj.pkg is not pkg:
            return -1
        root = pkg.scope
        if obj.parent is root or obj.parent is None:
            return -1
        idx = self.nameIdx.get(obj)
        if idx is not None:
            return idx
        idx = -1
        scope: Scope | None = obj.parent
        while scope is not None and scope is not root:
            for elem in scope.elems.values():
                if isinstance(elem, TypeName) and not elem.IsAlias() and elem.pos < obj.pos:
                    t = elem.typ
                    if isinstance(t, TypeParam):
                        if idx < 0:
                            idx = len(self.vertices)
                            self.vertices.append(_Vertex(obj))
                        self.addEdge(idx, self.typeParamVertex(t), 1, obj.pos, t)
            scope = scope.parent
        self.nameIdx[obj] = idx
        return idx

    def typeParamVertex(self, tpar: TypeParam) -> int:
        tpar = self.canon.get(tpar, tpar)
        obj = tpar.obj
        idx = self.nameIdx.get(obj)
        if idx is not None:
            return idx
        idx = len(self.vertices)
        self.vertices.append(_Vertex(obj))
        self.nameIdx[obj] = idx
        return idx

    def addEdge(self, dst: int, src: int, weight: int, pos: Pos, typ: Type) -> None:
        self.edges.append(_Edge(dst, src, weight, pos, typ))


def monomorph(check: Checker) -> None:
    g = check.mono
    if not g.edges:
        return
    again = True
    while again:
        again = False
        for i, edge in enumerate(g.edges):
            src = g.vertices[edge.src]
            dst = g.vertices[edge.dst]
            w = src.weight + edge.weight
            if w <= dst.weight:
                continue
            dst.pre = i
            dst.len = src.len + 1
            if dst.len == len(g.vertices):
                reportInstanceLoop(check, edge.dst)
                return
            dst.weight = w
            again = True


def reportInstanceLoop(check: Checker, v: int) -> None:
    from gort.go.types.typestring import RelativeTo, TypeString

    g = check.mono
    stack: list[int] = []
    seen = [False] * len(g.vertices)
    while not seen[v]:
        stack.append(v)
        seen[v] = True
        v = g.edges[g.vertices[v].pre].src
    while stack[0] != v:
        stack = stack[1:]
    err = check.newError(Code.InvalidInstanceCycle)
    obj0 = g.vertices[v].obj
    err.addf(obj0, "instantiation cycle:")
    qf = RelativeTo(check.pkg)
    for u in stack:
        edge = g.edges[g.vertices[u].pre]
        obj = g.vertices[edge.dst].obj
        if isinstance(obj.typ, Named):
            err.addf(edge.pos, "%s implicitly parameterized by %s", obj.name,
                     TypeString(edge.typ, qf))
        else:
            err.addf(edge.pos, "%s instantiated as %s", obj.name, TypeString(edge.typ, qf))
    err.report()
