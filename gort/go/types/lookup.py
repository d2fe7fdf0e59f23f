"""Field and method lookup (go/types lookup.go).

`LookupFieldOrMethod(T, addressable, pkg, name)` finds the field or method
`name` of T (or *T): a breadth-first search through T and its embedded
fields, depth by depth. At each depth it looks at declared methods of named
types, fields of structs and methods of interfaces; two matches at the same
depth (or one type embedded twice at that depth) make the selector
ambiguous. It returns (obj, index, indirect):

    obj       the Var (field) or Func (method), or None
    index     the path of field indices (the last one is the method index
              for methods); non-None with obj None means "ambiguous"
    indirect  a pointer was followed on the way; with obj None it means the
              method needs an addressable or pointer receiver

`missingMethod(V, T, static)` reports the first method of interface T that
V lacks (or has with the wrong signature), with the cause as gc words it:
"(missing method M)", "(method M has pointer receiver)", "(wrong type for
method M)\\n\\t\\thave M(int)\\n\\t\\twant M(string)", ...
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from gort.go.types.alias import unalias
from gort.go.types.interface import Interface
from gort.go.types.named import Named, asNamed
from gort.go.types.object import Func, Object, Var
from gort.go.types.pointer import Pointer
from gort.go.types.predicates import Identical, IsInterface, isTypeParam, isValid
from gort.go.types.signature import Signature
from gort.go.types.struct import Struct

if TYPE_CHECKING:
    from gort.go.types.check import Checker
    from gort.go.types.package import Package
    from gort.go.types.type import Type


def deref(typ: Type) -> tuple[Type, bool]:
    """(base, True) if typ is a pointer *base, else (typ, False)."""
    t = unalias(typ)
    if type(t) is Pointer:
        return t.base, True  # type: ignore[attr-defined]
    return typ, False


def derefStructPtr(typ: Type) -> Type:
    """The base type if typ is a pointer to a struct, else typ."""
    p = typ.Underlying()
    if type(p) is Pointer:
        b = p.base  # type: ignore[attr-defined]
        if type(b.Underlying()) is Struct:
            return b  # type: ignore[no-any-return]
    return typ


def methodIndex(methods: list[Func], pkg: Package | None, name: str,
                foldCase: bool) -> tuple[int, Func | None]:
    if name != "_":
        for i, m in enumerate(methods):
            if m.sameId(pkg, name, foldCase):
                return i, m
    return -1, None


def fieldIndex(fields: list[Var], pkg: Package | None, name: str, foldCase: bool) -> int:
    if name != "_":
        for i, f in enumerate(fields):
            if f.sameId(pkg, name, foldCase):
                return i
    return -1


def fieldPath(typ: Type, index: list[int]) -> str:
    names: list[str] = []
    for i in index:
        u = derefStructPtr(typ).Underlying()
        if not isinstance(u, Struct):
            break
        fld = u.fields[i]
        names.append(fld.name)
        typ = fld.Type()
    return ".".join(names)


def LookupFieldOrMethod(T: Type, addressable: bool, pkg: Package | None,
                        name: str) -> tuple[Object | None, list[int] | None, bool]:
    return lookupFieldOrMethod(T, addressable, pkg, name, False)


def lookupFieldOrMethod(T: Type, addressable: bool, pkg: Package | None, name: str,
                        foldCase: bool) -> tuple[Object | None, list[int] | None, bool]:
    t = asNamed(T)
    if t is not None:
        p = t.Underlying()
        if type(p) is Pointer:
            obj, index, indirect = lookupFieldOrMethodImpl(p, False, pkg, name, foldCase)
            if isinstance(obj, Func):
                return None, None, False
            return obj, index, indirect
    return lookupFieldOrMethodImpl(T, addressable, pkg, name, foldCase)


class _Embedded:
    __slots__ = ("typ", "index", "indirect", "multiples")

    def __init__(self, typ: Type, index: list[int], indirect: bool, multiples: bool) -> None:
        self.typ = typ
        self.index = index
        self.indirect = indirect
        self.multiples = multiples


def lookupFieldOrMethodImpl(T: Type, addressable: bool, pkg: Package | None, name: str,
                            foldCase: bool) -> tuple[Object | None, list[int] | None, bool]:
    if name == "_":
        return None, None, False
    typ, isPtr = deref(T)
    if isPtr and type(typ.Underlying()) is Interface:
        return None, None, False

    current = [_Embedded(typ, [], isPtr, False)]
    seen: list[Named] = []
    obj: Object | None = None
    index: list[int] | None = None
    indirect = False
    while current:
        nxt: list[_Embedded] = []
        for e in current:
            typ = e.typ
            named = asNamed(typ)
            if named is not None:
                dup = False
                for s in seen:
                    if s is named or Identical(s, named):
                        dup = True
                        break
                if dup:
                    continue
                seen.append(named)
                i, m = named.lookupMethod(pkg, name, foldCase)
                if m is not None:
                    index = e.index + [i]
                    if obj is not None or e.multiples:
                        return None, index, False
                    obj = m
                    indirect = e.indirect
                    continue
            u = typ.Underlying()
            tu = type(u)
            if tu is Struct:
                assert isinstance(u, Struct)
                for i, f in enumerate(u.fields):
                    if f.sameId(pkg, name, foldCase):
                        index = e.index + [i]
                        if obj is not None or e.multiples:
                            return None, index, False
                        obj = f
                        indirect = e.indirect
                        continue
                    if obj is None and f.embedded:
                        ft, fptr = deref(f.Type())
                        nxt.append(_Embedded(ft, e.index + [i], e.indirect or fptr, e.multiples))
            elif tu is Interface:
                assert isinstance(u, Interface)
                i, m = u.typeSet().LookupMethod(pkg, name, foldCase)
                if m is not None:
                    index = e.index + [i]
                    if obj is not None or e.multiples:
                        return None, index, False
                    obj = m
                    indirect = e.indirect
        if obj is not None:
            if isinstance(obj, Func) and obj.hasPtrRecv() and not indirect and not addressable:
                return None, None, True
            return obj, index, indirect
        current = consolidateMultiples(nxt)
    return None, None, False


def consolidateMultiples(lst: list[_Embedded]) -> list[_Embedded]:
    if len(lst) <= 1:
        return lst
    out: list[_Embedded] = []
    for e in lst:
        for o in out:
            if o.typ is e.typ or Identical(o.typ, e.typ):
                o.multiples = True
                break
        else:
            out.append(e)
    return out


def MissingMethod(V: Type, T: Interface, static: bool) -> tuple[Func | None, bool]:
    return missingMethod(None, V, T, static, Identical, None)


_ok, _notFound, _wrongName, _unexported, _wrongSig, _ambigSel, _ptrRecv, _field = range(8)


def missingMethod(check: Checker | None, V: Type, T: Type, static: bool,
                  equivalent: Callable[[Type, Type], bool],
                  cause: list[str] | None) -> tuple[Func | None, bool]:
    """The first method of interface T that V does not have (correctly).

    Returns (method, wrongType); if cause is given, cause[0] is set to the
    reason in gc's words.
    """
    Tu = T.Underlying()
    assert isinstance(Tu, Interface)
    methods = Tu.typeSet().methods
    if not methods:
        return None, False
    state = _ok
    m: Func | None = None
    f: Func | None = None
    Vu = V.Underlying()
    if type(Vu) is Interface:
        assert isinstance(Vu, Interface)
        tset = Vu.typeSet()
        for m in methods:
            _, f = tset.LookupMethod(m.pkg, m.name, False)
            if f is None:
                if not static:
                    continue
                state = _notFound
                break
            if not equivalent(f.Type(), m.Type()):
                state = _wrongSig
                break
    else:
        for m in methods:
            obj, index, indirect = lookupFieldOrMethodImpl(V, False, m.pkg, m.name, False)
            if obj is None:
                if index is not None:
                    state = _ambigSel
                elif indirect:
                    state = _ptrRecv
                else:
                    state = _notFound
                    obj, _, _ = lookupFieldOrMethodImpl(V, False, m.pkg, m.name, True)
                    f = obj if isinstance(obj, Func) else None
                    if f is not None:
                        state = _wrongName
                        if f.name == m.name:
                            state = _unexported
                break
            f = obj if isinstance(obj, Func) else None
            if f is None:
                state = _field
                break
            if check is not None:
                check.objDecl(f)
            if not equivalent(f.Type(), m.Type()):
                state = _wrongSig
                break
    if state == _ok:
        return None, False
    assert m is not None
    if cause is not None:
        if f is not None and check is not None:
            check.objDecl(f)
        sprintf = check.sprintf if check is not None else _plain_sprintf
        if state == _notFound:
            if isInterfacePtr(V):
                cause[0] = "(" + interfacePtrError(check, V) + ")"
            elif isInterfacePtr(T):
                cause[0] = "(" + interfacePtrError(check, T) + ")"
            else:
                cause[0] = sprintf("(missing method %s)", m.name)
        elif state == _wrongName:
            assert f is not None
            fs, ms = funcString(check, f, False), funcString(check, m, False)
            cause[0] = sprintf("(missing method %s)\n\t\thave %s\n\t\twant %s", m.name, fs, ms)
        elif state == _unexported:
            cause[0] = sprintf("(unexported method %s)", m.name)
        elif state == _wrongSig:
            assert f is not None
            fs, ms = funcString(check, f, False), funcString(check, m, False)
            if fs == ms:
                fs, ms = funcString(check, f, True), funcString(check, m, True)
            if fs == ms:
                cause[0] = sprintf("(wrong type for method %s)", m.name)
            else:
                cause[0] = sprintf("(wrong type for method %s)\n\t\thave %s\n\t\twant %s",
                                   m.name, fs, ms)
        elif state == _ambigSel:
            cause[0] = sprintf("(ambiguous selector %s.%s)", V, m.name)
        elif state == _ptrRecv:
            cause[0] = sprintf("(method %s has pointer receiver)", m.name)
        elif state == _field:
            cause[0] = sprintf("(%s.%s is a field, not a method)", V, m.name)
    return m, state in (_wrongSig, _ptrRecv)


def _plain_sprintf(fmt: str, *args: object) -> str:
    from gort.go.types.format import sprintf

    return sprintf(None, False, fmt, *args)


def hasAllMethods(check: Checker | None, V: Type, T: Type, static: bool,
                  equivalent: Callable[[Type, Type], bool], cause: list[str] | None) -> bool:
    if not isValid(V):
        return True
    m, _ = missingMethod(check, V, T, static, equivalent, cause)
    return m is None or hasInvalidEmbeddedFields(V, None)


def hasInvalidEmbeddedFields(T: Type, seen: set[int] | None) -> bool:
    S = derefStructPtr(T).Underlying()
    if isinstance(S, Struct):
        if seen is None:
            seen = set()
        if id(S) in seen:
            return False
        seen.add(id(S))
        for f in S.fields:
            if f.embedded and (not isValid(f.Type()) or hasInvalidEmbeddedFields(f.Type(), seen)):
                return True
    return False


def isInterfacePtr(T: Type) -> bool:
    p = T.Underlying()
    return isinstance(p, Pointer) and IsInterface(p.base)


def interfacePtrError(check: Checker | None, T: Type) -> str:
    from gort.go.types.format import sprintf

    qf = check.qualifier if check is not None else None
    p = T.Underlying()
    assert isinstance(p, Pointer)
    if isTypeParam(p.base):
        return sprintf(qf, False, "type %s is pointer to type parameter, not type parameter", T)
    return sprintf(qf, False, "type %s is pointer to interface, not interface", T)


def funcString(check: Checker | None, f: Func, pkgInfo: bool) -> str:
    from gort.go.types.typestring import _TypeWriter

    qf = check.qualifier if (check is not None and not pkgInfo) else None
    w = _TypeWriter(qf)
    w.buf.append(f.name)
    w.pkgInfo = pkgInfo
    w.paramNames = False
    sig = f.typ
    if isinstance(sig, Signature):
        w.signature(sig)
    return "".join(w.buf)


def assertableTo(check: Checker | None, V: Type, T: Type, cause: list[str] | None) -> bool:
    if IsInterface(T):
        return True
    return hasAllMethods(check, T, V, False, Identical, cause)
