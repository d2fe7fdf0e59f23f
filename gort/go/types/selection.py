"""Selections (go/types selection.go): what a selector expression x.f denotes.

A `Selection` records the kind (field value, method value, method
expression), the receiver type (the type of x), the selected object, the
path of field indices from x to f (the last entry is the field or method
index), and whether a pointer was followed on the way (`indirect`).
`Info.Selections[sel]` holds one for every x.f that is not a qualified
identifier.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from gort.go.types.object import Func, Object, Var
from gort.go.types.signature import Signature
from gort.go.types.tuple import Tuple

if TYPE_CHECKING:
    from gort.go.types.type import Type
    from gort.go.types.typestring import Qualifier


class SelectionKind(enum.IntEnum):
    FieldVal = 0
    MethodVal = 1
    MethodExpr = 2


FieldVal = 0
MethodVal = 1
MethodExpr = 2


class Selection:
    """A selector's meaning: kind, receiver type, object, index path, indirection."""

    __slots__ = ("kind", "recv", "obj", "index", "indirect")

    def __init__(self, kind: int, recv: Type, obj: Object, index: list[int],
                 indirect: bool) -> None:
        self.kind = kind
        self.recv = recv  # type of x
        self.obj = obj  # the field (Var) or method (Func)
        self.index = index  # path from x to x.f
        self.indirect = indirect  # a pointer indirection on the path

    def Kind(self) -> SelectionKind:
        return SelectionKind(self.kind)

    def Recv(self) -> Type:
        return self.recv

    def Obj(self) -> Object:
        return self.obj

    def Index(self) -> list[int]:
        return self.index

    def Indirect(self) -> bool:
        return self.indirect

    def Type(self) -> Type:
        """x.f's type: the field type, the method's signature bound to recv, or
        for a method expression the signature with recv as first parameter."""
        if self.kind == MethodVal:
            assert isinstance(self.obj, Func)
            sig = self.obj.Signature()
            r = sig.recv
            nrecv = Var(r.pos if r else 0, r.pkg if r else None, r.name if r else "", self.recv,
                        3)
            ns = Signature(nrecv, sig.params, sig.results, sig.scope, sig.variadic)
            ns.tparams = sig.tparams
            return ns
        if self.kind == MethodExpr:
            assert isinstance(self.obj, Func)
            sig = self.obj.Signature()
            r = sig.recv
            arg0 = Var(r.pos if r else 0, r.pkg if r else None, r.name if r else "", self.recv,
                       4)
            ns = Signature(None, Tuple([arg0] + sig.params.vars), sig.results, sig.scope,
                           sig.variadic)
            ns.tparams = sig.tparams
            return ns
        return self.obj.Type()

    def String(self) -> str:
        return SelectionString(self, None)

    __str__ = String


def SelectionString(s: Selection, qf: Qualifier | None) -> str:
    from gort.go.types.typestring import TypeString, WriteSignature

    k = {FieldVal: "field ", MethodVal: "method ", MethodExpr: "method expr "}[s.kind]
    out = [k, "(", TypeString(s.recv, qf), ") ", s.obj.name]
    T = s.Type()
    if s.kind == FieldVal:
        out.append(" " + TypeString(T, qf))
    else:
        assert isinstance(T, Signature)
        out.append(WriteSignature(T, qf))
    return "".join(out)


_ = Var
