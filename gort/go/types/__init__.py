"""gort/go/types: the Go type checker, as Go's go/types (with gc's messages).

Entry point:

    from gort.go import types
    conf = types.Config(Importer=imp, Error=errs.append)
    info = types.Info()
    pkg = conf.Check("example.com/p", fset, files, info)

The checker lives in one module per language concept, as go/types does
(check.py lists the phases; expr.py, stmt.py, call.py, ... hold the
Checker's methods). This module re-exports the public API: Config, Info,
TypeAndValue, Error, Package, Scope, the Object kinds, the Type kinds,
predicates (Identical, AssignableTo, ConvertibleTo, Implements, Satisfies,
Comparable, Default), lookup (LookupFieldOrMethod, NewMethodSet, MissingMethod),
sizes (SizesFor, StdSizes), TypeString and ObjectString, Instantiate and
Context, Eval and CheckExpr, and the universe (Universe, Unsafe, Typ).
"""

from __future__ import annotations

from gort.go.types.alias import Alias, NewAlias, Unalias
from gort.go.types.api import Config, Error, Importer, Info, Initializer, Instance, TypeAndValue
from gort.go.types.array import Array, NewArray
from gort.go.types.basic import (
    Basic,
    BasicInfo,
    BasicKind,
    Bool,
    Byte,
    Complex64,
    Complex128,
    Float32,
    Float64,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Invalid,
    IsBoolean,
    IsComplex,
    IsConstType,
    IsFloat,
    IsInteger,
    IsNumeric,
    IsOrdered,
    IsString,
    IsUnsigned,
    IsUntyped,
    Rune,
    String,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    UnsafePointer,
    UntypedBool,
    UntypedComplex,
    UntypedFloat,
    UntypedInt,
    UntypedNil,
    UntypedRune,
    UntypedString,
)
from gort.go.types.chan import Chan, ChanDir, NewChan, RecvOnly, SendOnly, SendRecv
from gort.go.types.check import Checker, NewChecker
from gort.go.types.context import Context, NewContext
from gort.go.types.errcodes import Code
from gort.go.types.eval import CheckExpr, Eval
from gort.go.types.exprstring import ExprString, WriteExpr
from gort.go.types.instantiate import (
    AssertableTo,
    AssignableTo,
    ConvertibleTo,
    Implements,
    Instantiate,
    Satisfies,
)
from gort.go.types.interface import Interface, NewInterfaceType
from gort.go.types.lookup import LookupFieldOrMethod, MissingMethod
from gort.go.types.map import Map, NewMap
from gort.go.types.methodset import MethodSet, NewMethodSet
from gort.go.types.named import Named, NewNamed
from gort.go.types.object import (
    Builtin,
    Const,
    Func,
    Id,
    Label,
    NewConst,
    NewField,
    NewFunc,
    NewLabel,
    NewParam,
    NewPkgName,
    NewTypeName,
    NewVar,
    Nil,
    Object,
    ObjectString,
    PkgName,
    TypeName,
    Var,
    VarKind,
)
from gort.go.types.package import NewPackage, Package
from gort.go.types.pointer import NewPointer, Pointer
from gort.go.types.predicates import (
    Comparable,
    Default,
    Identical,
    IdenticalIgnoreTags,
    IsInterface,
)
from gort.go.types.scope import NewScope, Scope
from gort.go.types.selection import (
    FieldVal,
    MethodExpr,
    MethodVal,
    Selection,
    SelectionKind,
    SelectionString,
)
from gort.go.types.signature import NewSignatureType, Signature
from gort.go.types.sizes import Sizes, SizesFor, StdSizes, gcSizes
from gort.go.types.slice import NewSlice, Slice
from gort.go.types.struct import NewStruct, Struct
from gort.go.types.tuple import NewTuple, Tuple
from gort.go.types.type import Type
from gort.go.types.typeparam import NewTypeParam, TypeParam
from gort.go.types.typestring import RelativeTo, TypeString, WriteSignature
from gort.go.types.union import NewTerm, NewUnion, Term, Union
from gort.go.types.universe import Typ, Universe, Unsafe

__all__ = [
    "Alias", "NewAlias", "Unalias", "Config", "Error", "Importer", "Info", "Initializer",
    "Instance", "TypeAndValue", "Array", "NewArray", "Basic", "BasicKind", "Chan", "ChanDir",
    "NewChan", "RecvOnly", "SendOnly", "SendRecv", "Checker", "NewChecker", "Context",
    "NewContext", "Code", "ExprString", "AssertableTo", "AssignableTo", "ConvertibleTo",
    "Implements", "Instantiate", "Satisfies", "Interface", "NewInterfaceType",
    "LookupFieldOrMethod", "MissingMethod", "Map", "NewMap", "MethodSet", "NewMethodSet",
    "Named", "NewNamed", "Builtin", "Const", "Func", "Id", "Label", "Nil", "NewField",
    "NewParam", "NewVar", "Object", "ObjectString", "PkgName", "TypeName", "Var", "VarKind",
    "NewPackage", "Package", "NewPointer", "Pointer", "Comparable", "Default", "Identical",
    "IdenticalIgnoreTags", "IsInterface", "NewScope", "Scope", "FieldVal", "MethodExpr",
    "MethodVal", "Selection", "SelectionKind", "NewSignatureType", "Signature", "Sizes",
    "SizesFor", "StdSizes", "gcSizes", "NewSlice", "Slice", "NewStruct", "Struct", "NewTuple",
    "Tuple", "Type", "NewTypeParam", "TypeParam", "RelativeTo", "TypeString", "NewTerm",
    "NewUnion", "Term", "Union", "Typ", "Universe", "Unsafe",
    "NewConst", "NewFunc", "NewLabel", "NewPkgName", "NewTypeName", "SelectionString",
    "WriteSignature", "WriteExpr", "CheckExpr", "Eval",
    # basic kinds and their properties, as go/types names them
    "BasicInfo", "Invalid", "Bool", "Int", "Int8", "Int16", "Int32", "Int64", "Uint", "Uint8",
    "Uint16", "Uint32", "Uint64", "Uintptr", "Float32", "Float64", "Complex64", "Complex128",
    "String", "UnsafePointer", "UntypedBool", "UntypedInt", "UntypedRune", "UntypedFloat",
    "UntypedComplex", "UntypedString", "UntypedNil", "Byte", "Rune", "IsBoolean", "IsInteger",
    "IsUnsigned", "IsFloat", "IsComplex", "IsString", "IsUntyped", "IsOrdered", "IsNumeric",
    "IsConstType",
]
