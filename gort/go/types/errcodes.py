"""The catalogue of type-checking error codes (internal/types/errors).

Every error the checker reports carries a `Code`; the numbering is Go's
(`Test` = 1, then in Go's order), so tools that print codes agree with
go/types. `DESCRIPTIONS[code]` is a one-line description of our own.

Invariants: values are Go's; `InvalidSyntaxTree` is -1 as in Go.
"""

from __future__ import annotations

import enum


class Code(enum.IntEnum):
    """A type-checking error code."""

    InvalidSyntaxTree = -1
    Test = 1
    BlankPkgName = 2
    MismatchedPkgName = 3
    InvalidPkgUse = 4
    BadImportPath = 5
    BrokenImport = 6
    ImportCRenamed = 7
    UnusedImport = 8
    InvalidInitCycle = 9
    DuplicateDecl = 10
    InvalidDeclCycle = 11
    InvalidTypeCycle = 12
    InvalidConstInit = 13
    InvalidConstVal = 14
    InvalidConstType = 15
    UntypedNilUse = 16
    WrongAssignCount = 17
    UnassignableOperand = 18
    NoNewVar = 19
    MultiValAssignOp = 20
    InvalidIfaceAssign = 21
    InvalidChanAssign = 22
    IncompatibleAssign = 23
    UnaddressableFieldAssign = 24
    NotAType = 25
    InvalidArrayLen = 26
    BlankIfaceMethod = 27
    IncomparableMapKey = 28
    InvalidPtrEmbed = 29
    BadRecv = 30
    InvalidRecv = 31
    DuplicateFieldAndMethod = 32
    DuplicateMethod = 33
    InvalidBlank = 34
    InvalidIota = 35
    MissingInitBody = 36
    InvalidInitSig = 37
    InvalidInitDecl = 38
    InvalidMainDecl = 39
    TooManyValues = 40
    NotAnExpr = 41
    TruncatedFloat = 42
    NumericOverflow = 43
    UndefinedOp = 44
    MismatchedTypes = 45
    DivByZero = 46
    NonNumericIncDec = 47
    UnaddressableOperand = 48
    InvalidIndirection = 49
    NonIndexableOperand = 50
    InvalidIndex = 51
    SwappedSliceIndices = 52
    NonSliceableOperand = 53
    InvalidSliceExpr = 54
    InvalidShiftCount = 55
    InvalidShiftOperand = 56
    InvalidReceive = 57
    InvalidSend = 58
    DuplicateLitKey = 59
    MissingLitKey = 60
    InvalidLitIndex = 61
    OversizeArrayLit = 62
    MixedStructLit = 63
    InvalidStructLit = 64
    MissingLitField = 65
    DuplicateLitField = 66
    UnexportedLitField = 67
    InvalidLitField = 68
    UntypedLit = 69
    InvalidLit = 70
    AmbiguousSelector = 71
    UndeclaredImportedName = 72
    UnexportedName = 73
    UndeclaredName = 74
    MissingFieldOrMethod = 75
    BadDotDotDotSyntax = 76
    NonVariadicDotDotDot = 77
    InvalidDotDotDot = 78
    UncalledBuiltin = 79
    InvalidAppend = 80
    InvalidCap = 81
    InvalidClose = 82
    InvalidCopy = 83
    InvalidComplex = 84
    InvalidDelete = 85
    InvalidImag = 86
    InvalidLen = 87
    SwappedMakeArgs = 88
    InvalidMake = 89
    InvalidReal = 90
    InvalidAssert = 91
    ImpossibleAssert = 92
    InvalidConversion = 93
    InvalidUntypedConversion = 94
    BadOffsetofSyntax = 95
    InvalidOffsetof = 96
    UnusedExpr = 97
    UnusedVar = 98
    MissingReturn = 99
    WrongResultCount = 100
    OutOfScopeResult = 101
    InvalidCond = 102
    InvalidPostDecl = 103
    InvalidIterVar = 104
    InvalidRangeExpr = 105
    MisplacedBreak = 106
    MisplacedContinue = 107
    MisplacedFallthrough = 108
    DuplicateCase = 109
    DuplicateDefault = 110
    BadTypeKeyword = 111
    InvalidTypeSwitch = 112
    InvalidExprSwitch = 113
    InvalidSelectCase = 114
    UndeclaredLabel = 115
    DuplicateLabel = 116
    MisplacedLabel = 117
    UnusedLabel = 118
    JumpOverDecl = 119
    JumpIntoBlock = 120
    InvalidMethodExpr = 121
    WrongArgCount = 122
    InvalidCall = 123
    UnusedResults = 124
    InvalidDefer = 125
    InvalidGo = 126
    BadDecl = 127
    RepeatedDecl = 128
    InvalidUnsafeAdd = 129
    InvalidUnsafeSlice = 130
    UnsupportedFeature = 131
    NotAGenericType = 132
    WrongTypeArgCount = 133
    CannotInferTypeArgs = 134
    InvalidTypeArg = 135
    InvalidInstanceCycle = 136
    InvalidUnion = 137
    MisplacedConstraintIface = 138
    InvalidMethodTypeParams = 139
    MisplacedTypeParam = 140
    InvalidUnsafeSliceData = 141
    InvalidUnsafeString = 142
    InvalidClear = 143
    TypeTooLarge = 144
    InvalidMinMaxOperand = 145
    TooNew = 146


DESCRIPTIONS: dict[Code, str] = {
    Code.InvalidSyntaxTree: "a syntax tree the parser should not produce",
    Code.Test: 'reserved for tests',
    Code.BlankPkgName: 'a package clause names the blank identifier',
    Code.MismatchedPkgName: 'files of one package declare different package names',
    Code.InvalidPkgUse: 'a package name used outside a selector',
    Code.BadImportPath: 'an import path that is not a valid string',
    Code.BrokenImport: 'an import that cannot be found or loaded',
    Code.ImportCRenamed: 'the "C" import given a name',
    Code.UnusedImport: 'an import never referred to',
    Code.InvalidInitCycle: 'package variables that depend on themselves at initialization',
    Code.DuplicateDecl: 'two declarations of one name in one scope',
    Code.InvalidDeclCycle: 'a declaration that refers to itself illegally',
    Code.InvalidTypeCycle: 'a type that contains itself without indirection',
    Code.InvalidConstInit: 'a constant initialized by a non-constant',
    Code.InvalidConstVal: 'a constant value that cannot be represented',
    Code.InvalidConstType: 'a constant declared with a non-constant type',
    Code.UntypedNilUse: 'nil used where a type is needed',
    Code.WrongAssignCount: 'a different number of names and values',
    Code.UnassignableOperand: 'an assignment to something not assignable',
    Code.NoNewVar: 'a short declaration declaring nothing new',
    Code.MultiValAssignOp: 'an assignment operation with several operands',
    Code.InvalidIfaceAssign: 'an interface value assigned to a concrete type',
    Code.InvalidChanAssign: 'a channel of one direction assigned to another',
    Code.IncompatibleAssign: 'a value not assignable to the target type',
    Code.UnaddressableFieldAssign: 'assignment to a field of a map element',
    Code.NotAType: 'a non-type used as a type',
    Code.InvalidArrayLen: 'an array length that is not a constant non-negative int',
    Code.BlankIfaceMethod: 'an interface method named _',
    Code.IncomparableMapKey: 'a map key type without ==',
    Code.InvalidPtrEmbed: 'an embedded pointer to a pointer or interface',
    Code.BadRecv: 'a receiver with the wrong number of parameters',
    Code.InvalidRecv: 'a receiver of a type that cannot have methods',
    Code.DuplicateFieldAndMethod: 'a field and a method of the same name',
    Code.DuplicateMethod: 'two methods of the same name',
    Code.InvalidBlank: 'the blank identifier used as a value',
    Code.InvalidIota: 'iota outside a constant declaration',
    Code.MissingInitBody: 'an init function without a body',
    Code.InvalidInitSig: 'an init function with parameters or results',
    Code.InvalidInitDecl: 'init declared as something other than a function',
    Code.InvalidMainDecl: 'main declared wrongly in package main',
    Code.TooManyValues: 'a multi-valued expression in a single-value context',
    Code.NotAnExpr: 'a type used as a value',
    Code.TruncatedFloat: 'a float constant truncated to an integer',
    Code.NumericOverflow: 'a constant that overflows its type',
    Code.UndefinedOp: 'an operator not defined on the operand type',
    Code.MismatchedTypes: 'binary operands of different types',
    Code.DivByZero: 'constant division by zero',
    Code.NonNumericIncDec: '++ or -- on a non-number',
    Code.UnaddressableOperand: '& of something without an address',
    Code.InvalidIndirection: '* of something that is not a pointer',
    Code.NonIndexableOperand: 'an index of something not indexable',
    Code.InvalidIndex: 'an index that is not an in-range integer',
    Code.SwappedSliceIndices: 'slice bounds in decreasing order',
    Code.NonSliceableOperand: 'a slice of something not sliceable',
    Code.InvalidSliceExpr: 'a 3-index slice of a string, or missing bounds',
    Code.InvalidShiftCount: 'a shift count that is negative or not an integer',
    Code.InvalidShiftOperand: 'a shift of a non-integer',
    Code.InvalidReceive: 'a receive from a non-channel or send-only channel',
    Code.InvalidSend: 'a send to a non-channel or receive-only channel',
    Code.DuplicateLitKey: 'a repeated key in a composite literal',
    Code.MissingLitKey: 'a map literal element without a key',
    Code.InvalidLitIndex: 'a bad index in an array or slice literal',
    Code.OversizeArrayLit: "more elements than the array's length",
    Code.MixedStructLit: 'a struct literal mixing keyed and positional fields',
    Code.InvalidStructLit: 'a positional struct literal with too few or many values',
    Code.MissingLitField: 'a struct literal key that is not a field',
    Code.DuplicateLitField: 'a struct field given twice in a literal',
    Code.UnexportedLitField: 'an unexported field of another package in a literal',
    Code.InvalidLitField: 'a struct literal key that is not a field name',
    Code.UntypedLit: 'a composite literal without a type',
    Code.InvalidLit: 'a composite literal of a type that has none',
    Code.AmbiguousSelector: 'a selector found at the same depth twice',
    Code.UndeclaredImportedName: 'a qualified name not declared by the package',
    Code.UnexportedName: 'an unexported name of another package',
    Code.UndeclaredName: 'a name that is not declared',
    Code.MissingFieldOrMethod: 'a selector naming no field or method',
    Code.BadDotDotDotSyntax: '... used where not allowed',
    Code.NonVariadicDotDotDot: '... passed to a non-variadic function',
    Code.InvalidDotDotDot: '... with a builtin that does not accept it',
    Code.UncalledBuiltin: 'a builtin used as a value',
    Code.InvalidAppend: 'a bad append call',
    Code.InvalidCap: 'cap of something without a capacity',
    Code.InvalidClose: 'close of a non-channel or receive-only channel',
    Code.InvalidCopy: 'a bad copy call',
    Code.InvalidComplex: 'a bad complex call',
    Code.InvalidDelete: 'a bad delete call',
    Code.InvalidImag: 'a bad imag call',
    Code.InvalidLen: 'len of something without a length',
    Code.SwappedMakeArgs: 'make with len greater than cap',
    Code.InvalidMake: 'make of a type it cannot make',
    Code.InvalidReal: 'a bad real call',
    Code.InvalidAssert: 'a type assertion on a non-interface',
    Code.ImpossibleAssert: 'a type assertion that can never succeed',
    Code.InvalidConversion: 'a conversion between inconvertible types',
    Code.InvalidUntypedConversion: 'an untyped value converted to an incompatible type',
    Code.BadOffsetofSyntax: 'unsafe.Offsetof of something not a selector',
    Code.InvalidOffsetof: 'unsafe.Offsetof of a method or a field behind a pointer',
    Code.UnusedExpr: 'an expression statement with no effect',
    Code.UnusedVar: 'a local variable declared and never used',
    Code.MissingReturn: 'a function with results that can end without return',
    Code.WrongResultCount: 'a return with the wrong number of values',
    Code.OutOfScopeResult: 'a bare return with a shadowed result',
    Code.InvalidCond: 'a non-boolean condition',
    Code.InvalidPostDecl: "a declaration in a for loop's post statement",
    Code.InvalidIterVar: 'a bad range iteration variable',
    Code.InvalidRangeExpr: 'a range over something not rangeable',
    Code.MisplacedBreak: 'break outside a loop, switch or select',
    Code.MisplacedContinue: 'continue outside a loop',
    Code.MisplacedFallthrough: 'fallthrough where not allowed',
    Code.DuplicateCase: 'a repeated constant switch case',
    Code.DuplicateDefault: 'two default clauses',
    Code.BadTypeKeyword: '.(type) outside a type switch',
    Code.InvalidTypeSwitch: 'a type switch on a non-interface',
    Code.InvalidExprSwitch: 'a switch on a value that cannot be compared',
    Code.InvalidSelectCase: 'a select case that is not a send or receive',
    Code.UndeclaredLabel: 'a jump to an unknown label',
    Code.DuplicateLabel: 'a label declared twice',
    Code.MisplacedLabel: 'a labeled break/continue of a statement it is not in',
    Code.UnusedLabel: 'a label never jumped to',
    Code.JumpOverDecl: 'a goto over a variable declaration',
    Code.JumpIntoBlock: 'a goto into a block',
    Code.InvalidMethodExpr: 'a method expression of a method that does not exist',
    Code.WrongArgCount: 'a call with the wrong number of arguments',
    Code.InvalidCall: 'a call of something not callable',
    Code.UnusedResults: 'a call whose results must be used',
    Code.InvalidDefer: 'defer of something not a call',
    Code.InvalidGo: 'go of something not a call',
    Code.BadDecl: 'a malformed declaration',
    Code.RepeatedDecl: 'a variable declared twice in one statement',
    Code.InvalidUnsafeAdd: 'a bad unsafe.Add call',
    Code.InvalidUnsafeSlice: 'a bad unsafe.Slice call',
    Code.UnsupportedFeature: 'a feature the Go version does not allow',
    Code.NotAGenericType: 'type arguments for a non-generic type',
    Code.WrongTypeArgCount: 'the wrong number of type arguments',
    Code.CannotInferTypeArgs: 'type arguments that cannot be inferred',
    Code.InvalidTypeArg: 'a type argument that does not satisfy its constraint',
    Code.InvalidInstanceCycle: 'an instantiation that depends on itself',
    Code.InvalidUnion: 'a bad union term',
    Code.MisplacedConstraintIface: 'a constraint interface used as a type',
    Code.InvalidMethodTypeParams: 'a method declaring type parameters',
    Code.MisplacedTypeParam: 'a type parameter used where not allowed',
    Code.InvalidUnsafeSliceData: 'a bad unsafe.SliceData call',
    Code.InvalidUnsafeString: 'a bad unsafe.String call',
    Code.InvalidClear: 'clear of something not a map or slice',
    Code.TypeTooLarge: 'a type whose size overflows',
    Code.InvalidMinMaxOperand: 'min or max of unordered operands',
    Code.TooNew: 'a file or import needing a newer Go',
}
