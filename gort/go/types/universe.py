"""The universe scope and package unsafe (go/types universe.go).

The universe holds the predeclared types (bool ... string, byte and rune as
aliases with their own names, error, any, comparable), constants (true,
false, iota), nil, and the builtin functions. Package `unsafe` is a fake,
complete package whose scope holds Pointer and the unsafe builtins.

`Typ[kind]` is the single Basic of each kind; `predeclaredFuncs[id]` gives a
builtin's name, minimum argument count, variadic flag and whether a call of
it may stand as a statement.
"""

from __future__ import annotations

from gort.go import constant
from gort.go.types import scope as _scope_mod
from gort.go.types.alias import Alias
from gort.go.types.basic import (
    Basic,
    IsBoolean,
    IsComplex,
    IsFloat,
    IsInteger,
    IsString,
    IsUnsigned,
    IsUntyped,
)
from gort.go.types.interface import Interface
from gort.go.types.named import Named
from gort.go.types.object import Builtin, Const, Func, Nil, Object, ResultVar, TypeName, Var
from gort.go.types.scope import Scope
from gort.go.types.signature import Signature
from gort.go.types.termlist import allTermlist
from gort.go.types.tuple import Tuple
from gort.go.types.typeset import _TypeSet

Typ: list[Basic] = [
    Basic(0, 0, "invalid type"),
    Basic(1, IsBoolean, "bool"),
    Basic(2, IsInteger, "int"),
    Basic(3, IsInteger, "int8"),
    Basic(4, IsInteger, "int16"),
    Basic(5, IsInteger, "int32"),
    Basic(6, IsInteger, "int64"),
    Basic(7, IsInteger | IsUnsigned, "uint"),
    Basic(8, IsInteger | IsUnsigned, "uint8"),
    Basic(9, IsInteger | IsUnsigned, "uint16"),
    Basic(10, IsInteger | IsUnsigned, "uint32"),
    Basic(11, IsInteger | IsUnsigned, "uint64"),
    Basic(12, IsInteger | IsUnsigned, "uintptr"),
    Basic(13, IsFloat, "float32"),
    Basic(14, IsFloat, "float64"),
    Basic(15, IsComplex, "complex64"),
    Basic(16, IsComplex, "complex128"),
    Basic(17, IsString, "string"),
    Basic(18, 0, "Pointer"),
    Basic(19, IsBoolean | IsUntyped, "untyped bool"),
    Basic(20, IsInteger | IsUntyped, "untyped int"),
    Basic(21, IsInteger | IsUntyped, "untyped rune"),
    Basic(22, IsFloat | IsUntyped, "untyped float"),
    Basic(23, IsComplex | IsUntyped, "untyped complex"),
    Basic(24, IsString | IsUntyped, "untyped string"),
    Basic(25, IsUntyped, "untyped nil"),
]

universeByte = Basic(8, IsInteger | IsUnsigned, "byte")
universeRune = Basic(5, IsInteger, "rune")

Universe = Scope(None, 0, 0, "universe")
_scope_mod._universe_holder[0] = Universe

# builtin ids, in go/types order
_Append, _Cap, _Clear, _Close, _Complex, _Copy, _Delete, _Imag, _Len, _Make, _Max, _Min, \
    _New, _Panic, _Print, _Println, _Real, _Recover, _Add, _Alignof, _Offsetof, _Sizeof, \
    _Slice, _SliceData, _String, _StringData, _Assert, _Trace = range(28)

# exprKind of a builtin call
conversion = 0
expression = 1
statement = 2

# name, nargs, variadic, kind
predeclaredFuncs: list[tuple[str, int, bool, int]] = [
    ("append", 1, True, expression),
    ("cap", 1, False, expression),
    ("clear", 1, False, statement),
    ("close", 1, False, statement),
    ("complex", 2, False, expression),
    ("copy", 2, False, statement),
    ("delete", 2, False, statement),
    ("imag", 1, False, expression),
    ("len", 1, False, expression),
    ("make", 1, True, expression),
    ("max", 1, True, expression),
    ("min", 1, True, expression),
    ("new", 1, False, expression),
    ("panic", 1, False, statement),
    ("print", 0, True, statement),
    ("println", 0, True, statement),
    ("real", 1, False, expression),
    ("recover", 0, False, statement),
    ("Add", 2, False, expression),
    ("Alignof", 1, False, expression),
    ("Offsetof", 1, False, expression),
    ("Sizeof", 1, False, expression),
    ("Slice", 2, False, expression),
    ("SliceData", 1, False, expression),
    ("String", 2, False, expression),
    ("StringData", 1, False, expression),
    ("assert", 1, False, statement),
    ("trace", 0, True, statement),
]


def _make_unsafe() -> object:
    from gort.go.types.package import Package

    p = Package("unsafe", "unsafe")
    p.complete = True
    return p


Unsafe = _make_unsafe()


def _def(obj: Object) -> None:
    name = obj.name
    if " " in name:
        return
    t = obj.typ
    if isinstance(t, Named):
        assert isinstance(obj, TypeName)
        t.obj = obj
    scope = Universe
    if obj.Exported():
        scope = Unsafe.scope  # type: ignore[attr-defined]
        obj.pkg = Unsafe  # type: ignore[assignment]
    if scope.Insert(obj) is not None:
        raise RuntimeError("double declaration of predeclared identifier")


for _t in Typ:
    _def(TypeName(0, None, _t.name, _t))
for _t in (universeByte, universeRune):
    _def(TypeName(0, None, _t.name, _t))

# error
_errobj = TypeName(0, None, "error", None)
universeError = Named(_errobj)
_errsig = Signature(Var(0, None, "", universeError, 3),
                    Tuple([]), Tuple([Var(0, None, "", Typ[17], ResultVar)]), None, False)
_errfn = Func(0, None, "Error", _errsig)
_erriface = Interface([_errfn], [])
_erriface.typeSet()
universeError.fromRHS = _erriface
universeError.underlying = _erriface
_def(_errobj)

# any = interface{}
theEmptyInterface = Interface([], [])
theEmptyInterface.typeSet()
_anyobj = TypeName(0, None, "any", None)
universeAnyAlias = Alias(_anyobj, theEmptyInterface)
_def(_anyobj)

# comparable
_cmpobj = TypeName(0, None, "comparable", None)
universeComparableIface = Interface([], [])
universeComparableIface.tset = _TypeSet(None, allTermlist, True)
universeComparable = Named(_cmpobj)
universeComparable.fromRHS = universeComparableIface
universeComparable.underlying = universeComparableIface
_def(_cmpobj)

for _name, _kind, _val in (("true", 19, constant.MakeBool(True)),
                           ("false", 19, constant.MakeBool(False)),
                           ("iota", 20, constant.MakeInt64(0))):
    _def(Const(0, None, _name, Typ[_kind], _val))

_def(Nil(0, None, "nil", Typ[25]))

for _i, (_name, _n, _v, _k) in enumerate(predeclaredFuncs):
    if _i in (_Assert, _Trace):
        continue
    _def(Builtin(_name, _i))

universeIota = Universe.Lookup("iota")
universeBool = Typ[1]
universeAny = Universe.Lookup("any")
universeComparableObj = Universe.Lookup("comparable")
universeErrorType = universeError
