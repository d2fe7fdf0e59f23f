"""The Checker (go/types check.go): state of one package's type check and
the list of phases.

    initFiles        accept files of one package name; per-file Go versions
    collectObjects   declare imports and package-level objects (resolver.py)
    sortObjects      source order
    directCycles     report `type A B; type B A` (cycles.py)
    packageObjects   type-check every package-level declaration (decl.py),
                     queueing function bodies
    processDelayed   check function bodies and other delayed actions
    initOrder        order package-level variable initialization (initorder.py)
    unusedImports    report imports never used
    recordUntyped    record final types of untyped expressions

The checker's methods live in the module of their language concept (expr.py,
stmt.py, call.py, ...) as plain functions `def f(check: Checker, ...)`; this
class binds them as methods, so the code reads `check.expr(x, e)` as in Go.

Environment: while checking a declaration or a function body the checker
keeps the current scope, the declaration being checked (for dependency
recording), the Go version of the file, iota, the enclosing signature and
flags about the body; `saveEnv`/`restoreEnv` bracket every nested context.

Invariants: `delayed` is a stack of segments processed FIFO (function
literals are checked at the end of the statement that contains them, before
the scope changes); `objPath` holds the package-level objects whose types
are being determined (grey), for cycle detection.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from gort.go import ast
from gort.go.types import assignments as _assignments
from gort.go.types import builtins as _builtins
from gort.go.types import call as _call
from gort.go.types import const as _const
from gort.go.types import conversions as _conversions
from gort.go.types import cycles as _cycles
from gort.go.types import decl as _decl
from gort.go.types import errors as _errors
from gort.go.types import expr as _expr
from gort.go.types import index as _index
from gort.go.types import infer as _infer
from gort.go.types import initorder as _initorder
from gort.go.types import instantiate as _instantiate
from gort.go.types import interface as _interface
from gort.go.types import labels as _labels
from gort.go.types import literals as _literals
from gort.go.types import lookup as _lookup
from gort.go.types import mono as _mono
from gort.go.types import rangestmt as _rangestmt
from gort.go.types import recording as _recording
from gort.go.types import resolver as _resolver
from gort.go.types import returns as _returns
from gort.go.types import signature as _signature
from gort.go.types import stmt as _stmt
from gort.go.types import struct as _struct
from gort.go.types import typexpr as _typexpr
from gort.go.types import union as _union
from gort.go.types import validtype as _validtype
from gort.go.types.errcodes import Code
from gort.go.types.recording import exprInfo
from gort.go.types.version import asGoVersion, compareVersions, go1_21, go_current

if TYPE_CHECKING:
    from gort.go.constant import Value
    from gort.go.token import FileSet, Pos
    from gort.go.types.api import Config, Error, Info
    from gort.go.types.basic import Basic
    from gort.go.types.context import Context
    from gort.go.types.decl import declInfo
    from gort.go.types.object import Func, Object, PkgName, TypeName, Var
    from gort.go.types.package import Package
    from gort.go.types.scope import Scope
    from gort.go.types.signature import Signature

_current_fset: list[FileSet | None] = [None]


def current_fset() -> FileSet | None:
    """The FileSet of the check in progress (for printing positions in types)."""
    return _current_fset[0]


class Checker:
    """The state of type-checking one package."""

    __slots__ = (
        "conf", "fset", "ctxt", "pkg", "info", "nextID", "objMap", "objList", "impMap",
        "pkgPathMap", "seenPkgMap", "files", "versions", "imports", "dotImportMap",
        "brokenAliases", "usedVars", "usedPkgNames", "firstErr", "methods", "untyped",
        "delayed", "objPath", "objPathIdx", "sizes",
        # environment
        "mono",
        # environment
        "decl", "scope", "version", "iota", "errpos", "inTParamList", "sig", "isPanic",
        "hasLabel", "hasCallOrRecv",
        # Info maps, cached
        "Types", "Defs", "Uses", "Implicits", "Selections", "Scopes", "Instances",
        "fileOf",
    )

    def __init__(self, conf: Config, fset: FileSet | None, pkg: Package,
                 info: Info | None) -> None:
        from gort.go.types.api import Info
        from gort.go.types.sizes import stdSizes

        if info is None:
            info = Info(all=False)
        self.conf = conf
        self.fset = fset
        self.ctxt: Context | None = conf.Context
        self.pkg = pkg
        self.info = info
        self.nextID = 0
        self.objMap: dict[Object, declInfo] = {}
        self.objList: list[Object] = []
        self.impMap: dict[tuple[str, str], Package] = {}
        self.pkgPathMap: dict[str, dict[str, bool]] | None = None
        self.seenPkgMap: dict[Package, bool] | None = None
        self.files: list[ast.File] = []
        self.versions: dict[ast.File, str] = {}
        self.imports: list[PkgName] = []
        self.dotImportMap: dict[tuple[int, str], PkgName] = {}
        self.brokenAliases: set[TypeName] = set()
        self.usedVars: set[Var] = set()
        self.usedPkgNames: set[PkgName] = set()
        self.firstErr: Error | None = None
        self.methods: dict[TypeName, list[Func]] = {}
        self.untyped: dict[ast.Expr, exprInfo] = {}
        self.delayed: list[tuple[str, Callable[[], None]]] = []
        self.objPath: list[Object] = []
        self.objPathIdx: dict[Object, int] = {}
        self.sizes = conf.Sizes if conf.Sizes is not None else stdSizes
        self.mono = _mono.monoGraph()  # instantiation graph (mono.py)
        # environment
        self.decl: declInfo | None = None
        self.scope: Scope | None = None
        self.version = ""
        self.iota: Value | None = None
        self.errpos: Pos = 0
        self.inTParamList = False
        self.sig: Signature | None = None
        self.isPanic: set[ast.CallExpr] = set()
        self.hasLabel = False
        self.hasCallOrRecv = False
        self.Types = info.Types
        self.Defs = info.Defs
        self.Uses = info.Uses
        self.Implicits = info.Implicits
        self.Selections = info.Selections
        self.Scopes = info.Scopes
        self.Instances = info.Instances
        self.fileOf: dict[int, ast.File] = {}

    # -- environment

    def saveEnv(self) -> tuple[object, ...]:
        return (self.decl, self.scope, self.version, self.iota, self.errpos, self.inTParamList,
                self.sig, self.isPanic, self.hasLabel, self.hasCallOrRecv)

    def restoreEnv(self, env: tuple[object, ...]) -> None:
        (self.decl, self.scope, self.version, self.iota, self.errpos,  # type: ignore[assignment]
         self.inTParamList, self.sig, self.isPanic, self.hasLabel,  # type: ignore[assignment]
         self.hasCallOrRecv) = env  # type: ignore[assignment]

    def clearEnv(self) -> None:
        self.decl = None
        self.scope = None
        self.iota = None
        self.errpos = 0
        self.inTParamList = False
        self.sig = None
        self.isPanic = set()
        self.hasLabel = False
        self.hasCallOrRecv = False

    def lookupScope(self, name: str) -> tuple[Scope | None, Object | None]:
        s = self.scope
        while s is not None:
            obj = s.elems.get(name)
            if obj is not None:
                return s, obj
            s = s.parent
        return None, None

    def lookup(self, name: str) -> Object | None:
        return self.lookupScope(name)[1]

    # -- bookkeeping

    def addDeclDep(self, to: Object) -> None:
        frm = self.decl
        if frm is None:
            return
        if to not in self.objMap:
            return
        frm.addDep(to)

    def rememberUntyped(self, e: ast.Expr, lhs: bool, mode: int, typ: Basic,
                        val: Value | None) -> None:
        self.untyped[e] = exprInfo(lhs, mode, typ, val)

    def later(self, f: Callable[[], None]) -> None:
        self.delayed.append((self.version, f))

    def push(self, obj: Object) -> int:
        self.objPathIdx[obj] = len(self.objPath)
        self.objPath.append(obj)
        return len(self.objPath) - 1

    def pop(self) -> Object:
        obj = self.objPath.pop()
        del self.objPathIdx[obj]
        return obj

    def context(self) -> Context:
        from gort.go.types.context import Context

        if self.ctxt is None:
            self.ctxt = Context()
        return self.ctxt

    def allowVersion(self, want: str) -> bool:
        v = self.version
        return not v or compareVersions(v, want) >= 0

    def verifyVersionf(self, at: object, v: str, fmt: str, *args: object) -> bool:
        if not self.allowVersion(v):
            self.versionErrorf(at, v, fmt, *args)
            return False
        return True

    def posString(self, p: Pos) -> str:
        if self.fset is None:
            return str(p)
        pos = self.fset.Position(p)
        return f"{pos.Filename}:{pos.Line}:{pos.Column}"

    def qualifier(self, pkg: Package) -> str:
        if pkg is not self.pkg:
            if self.pkgPathMap is None:
                self.pkgPathMap = {}
                self.seenPkgMap = {}
                self.markImports(self.pkg)
            if len(self.pkgPathMap.get(pkg.name, {})) > 1:
                from gort.go.constant.value import go_quote

                return go_quote(pkg.path.encode())
            return pkg.name
        return ""

    def markImports(self, pkg: Package) -> None:
        assert self.seenPkgMap is not None and self.pkgPathMap is not None
        if pkg in self.seenPkgMap:
            return
        self.seenPkgMap[pkg] = True
        self.pkgPathMap.setdefault(pkg.name, {})[pkg.path] = True
        for imp in pkg.imports:
            self.markImports(imp)

    def sprintf(self, fmt: str, *args: object) -> str:
        from gort.go.types.format import sprintf

        return sprintf(self.qualifier, False, fmt, *args)

    # -- phases

    def Files(self, files: list[ast.File]) -> Error | None:
        from gort.go.types.universe import Unsafe

        if self.pkg is Unsafe:
            return None
        saved = _current_fset[0]
        _current_fset[0] = self.fset
        # Deeply nested expressions (long chains of + in generated tables)
        # recurse deeper than Python's default limit; CPython 3.11 does not
        # use the C stack for Python-to-Python calls, so a high limit is safe.
        if sys.getrecursionlimit() < 100000:
            sys.setrecursionlimit(100000)
        try:
            self.checkFiles(files)
        except _errors._BailoutError:
            pass
        finally:
            _current_fset[0] = saved
        return self.firstErr

    def checkFiles(self, files: list[ast.File]) -> None:
        self.initFiles(files)
        self.collectObjects()
        self.sortObjects()
        self.directCycles()
        self.packageObjects()
        self.processDelayed(0)
        self.initOrder()
        if not self.conf.DisableUnusedImportCheck:
            self.unusedImports()
        self.recordUntyped()
        if self.firstErr is None:
            _mono.monomorph(self)
        self.pkg.goVersion = self.conf.GoVersion
        self.pkg.complete = True
        self.imports = []
        self.dotImportMap = {}
        self.pkgPathMap = None
        self.seenPkgMap = None
        self.usedVars = set()
        self.usedPkgNames = set()

    def initFiles(self, files: list[ast.File]) -> None:
        self.files = []
        pkg = self.pkg
        for file in files:
            name = file.Name.Name
            if pkg.name == "":
                if name != "_":
                    pkg.name = name
                else:
                    self.error(file.Name, Code.BlankPkgName, "invalid package name _")
                self.files.append(file)
            elif name == pkg.name:
                self.files.append(file)
            else:
                self.errorf(file.Package, Code.MismatchedPkgName,
                            "package %s; expected package %s", name, pkg.name)
        versions = self.info.FileVersions
        if versions is None:
            versions = {}
        self.versions = versions
        pkgVersion = asGoVersion(self.conf.GoVersion)
        if pkgVersion and files and compareVersions(pkgVersion, go_current) > 0:
            self.errorf(files[0].Package, Code.TooNew,
                        "package requires newer Go version %s (application built with %s)",
                        pkgVersion, go_current)
        for file in self.files:
            v = self.conf.GoVersion
            fileVersion = asGoVersion(file.GoVersion)
            if fileVersion:
                v = fileVersion if compareVersions(fileVersion, go1_21) > 0 else go1_21
                if compareVersions(fileVersion, go_current) > 0:
                    self.errorf(file.Name, Code.TooNew, "file requires newer Go version %s",
                                fileVersion)
            versions[file] = v

    def processDelayed(self, top: int) -> None:
        savedVersion = self.version
        i = top
        delayed = self.delayed
        while i < len(delayed):
            v, f = delayed[i]
            self.version = v
            f()
            i += 1
        del delayed[top:]
        self.version = savedVersion

    def cleanup(self) -> None:
        pass

    # -- methods implemented in other modules (see each module)

    newError = _errors.newError
    handleError = _errors.handleError
    error = _errors.error
    errorf = _errors.errorf
    softErrorf = _errors.softErrorf
    versionErrorf = _errors.versionErrorf

    record = _recording.record
    recordUntyped = _recording.recordUntyped
    recordTypeAndValue = _recording.recordTypeAndValue
    recordBuiltinType = _recording.recordBuiltinType
    recordCommaOkTypes = _recording.recordCommaOkTypes
    recordInstance = _recording.recordInstance
    recordDef = _recording.recordDef
    recordUse = _recording.recordUse
    recordImplicit = _recording.recordImplicit
    recordSelection = _recording.recordSelection
    recordScope = _recording.recordScope

    collectObjects = _resolver.collectObjects
    importPackage = _resolver.importPackage
    declarePkgObj = _resolver.declarePkgObj
    arity = _resolver.arity
    unpackRecv = _resolver.unpackRecv
    resolveBaseTypeName = _resolver.resolveBaseTypeName
    sortObjects = _resolver.sortObjects
    packageObjects = _resolver.packageObjects
    unusedImports = _resolver.unusedImports
    errorUnusedPkg = _resolver.errorUnusedPkg

    directCycles = _cycles.directCycles
    directCycle = _cycles.directCycle
    isComplete = _cycles.isComplete

    declare = _decl.declare
    objDecl = _decl.objDecl
    validCycle = _decl.validCycle
    cycleError = _decl.cycleError
    constDecl = _decl.constDecl
    varDecl = _decl.varDecl
    isImportedConstraint = _decl.isImportedConstraint
    typeDecl = _decl.typeDecl
    collectTypeParams = _decl.collectTypeParams
    bound = _decl.bound
    declareTypeParam = _decl.declareTypeParam
    collectMethods = _decl.collectMethods
    checkFieldUniqueness = _decl.checkFieldUniqueness
    funcDecl = _decl.funcDecl
    declStmt = _decl.declStmt
    newTypeParam = _decl.newTypeParam

    ident = _typexpr.ident
    typ = _typexpr.typ
    varType = _typexpr.varType
    validVarType = _typexpr.validVarType
    declaredType = _typexpr.declaredType
    genericType = _typexpr.genericType
    typInternal = _typexpr.typInternal
    instantiatedType = _typexpr.instantiatedType
    arrayLength = _typexpr.arrayLength
    typeList = _typexpr.typeList

    overflow = _const.overflow
    representable = _const.representable
    representation = _const.representation
    invalidConversion = _const.invalidConversion
    op = _expr.op
    opPos = _expr.opPos
    unary = _expr.unary
    updateExprType = _expr.updateExprType
    updateExprVal = _expr.updateExprVal
    convertUntyped = _expr.convertUntyped
    implicitTypeAndValue = _expr.implicitTypeAndValue
    comparison = _expr.comparison
    incomparableCause = _expr.incomparableCause
    shift = _expr.shift
    binary = _expr.binary
    matchTypes = _expr.matchTypes
    rawExpr = _expr.rawExpr
    exprInternal = _expr.exprInternal
    nonGeneric = _expr.nonGeneric
    expr = _expr.expr
    genericExpr = _expr.genericExpr
    multiExpr = _expr.multiExpr
    exprWithHint = _expr.exprWithHint
    exprOrType = _expr.exprOrType
    exclude = _expr.exclude
    singleValue = _expr.singleValue
    typeAssertion = _expr.typeAssertion
    useLHS = _call.useLHS
    use = _call.use
    useN = _call.useN
    use1 = _call.use1

    funcInst = _call.funcInst
    instantiateSignature = _call.instantiateSignature
    callExpr = _call.callExpr
    genericExprList = _call.genericExprList
    arguments = _call.arguments
    selector = _call.selector
    isBrokenAlias = _call.isBrokenAlias
    exprList = _call.exprList

    builtin = _builtins.builtin
    conversion = _conversions.conversion

    assignment = _assignments.assignment
    initConst = _assignments.initConst
    initVar = _assignments.initVar
    lhsVar = _assignments.lhsVar
    assignVar = _assignments.assignVar
    operandTypes = _assignments.operandTypes
    varTypes = _assignments.varTypes
    typesSummary = _assignments.typesSummary
    assignError = _assignments.assignError
    returnError = _assignments.returnError
    initVars = _assignments.initVars
    assignVars = _assignments.assignVars
    shortVarDecl = _assignments.shortVarDecl

    funcBody = _stmt.funcBody
    usage = _stmt.usage
    stmtList = _stmt.stmtList
    stmt = _stmt.stmt
    simpleStmt = _stmt.simpleStmt
    multipleDefaults = _stmt.multipleDefaults
    multipleSelectDefaults = _stmt.multipleSelectDefaults
    openScope = _stmt.openScope
    closeScope = _stmt.closeScope
    suspendedCall = _stmt.suspendedCall
    caseValues = _stmt.caseValues
    caseTypes = _stmt.caseTypes
    typeSwitchStmt = _stmt.typeSwitchStmt
    rangeStmt = _rangestmt.rangeStmt

    labels = _labels.labels
    isTerminating = _returns.isTerminating

    indexExpr = _index.indexExpr
    sliceExpr = _index.sliceExpr
    singleIndex = _index.singleIndex
    index = _index.index
    isValidIndex = _index.isValidIndex
    indexedElts = _literals.indexedElts

    compositeLit = _literals.compositeLit
    funcLit = _literals.funcLit
    basicLit = _literals.basicLit

    infer = _infer.infer
    instance = _instantiate.checker_instance
    validateTArgLen = _instantiate.validateTArgLen
    verify = _instantiate.verify
    implements = _instantiate.checker_implements
    checkComparability = _instantiate.checkComparability

    interfaceType = _interface.interfaceType
    structType = _struct.structType
    funcType = _signature.funcType
    collectRecv = _signature.collectRecv
    validRecv = _signature.validRecv
    collectParams = _signature.collectParams
    declareParams = _signature.declareParams
    parseUnion = _union.parseUnion
    validType = _validtype.validType
    initOrder = _initorder.initOrder

    missingMethod = _lookup.missingMethod
    hasAllMethods = _lookup.hasAllMethods
    assertableTo = _lookup.assertableTo
    funcString = _lookup.funcString


def NewChecker(conf: Config | None, fset: FileSet | None, pkg: Package,
               info: Info | None) -> Checker:
    from gort.go.types.api import Config

    if conf is None:
        conf = Config()
    return Checker(conf, fset, pkg, info)
