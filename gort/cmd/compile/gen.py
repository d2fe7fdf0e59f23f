"""Go package → Python module: the code generator.

One `PkgGen` per package walks the type-checked syntax tree and writes one
Python module (docs/design/0001 fixes the contract with the runtime). Each
Go function becomes one Python function (`FuncGen`); closures become
module-level functions that receive their funcval as `ctx`.

Steps for a package:
  1. collect the functions (declarations with bodies, methods, function
     literals) and decide which are generators (`color.py`: may park);
  2. for each function: decide where each variable lives (`escape.py`),
     then emit the body statement by statement;
  3. emit the package's init (package-level variables in the checker's
     InitOrder, then the init functions in source order);
  4. append `__gort__`, the metadata the linker needs: string literals,
     type descriptors, globals, function table rows, cross-package
     references, and which functions are generators.

Expressions compile to Python expressions; anything that needs statements
(stores, temporaries, composite literals) is emitted before the expression
that uses it. Go's left-to-right order of calls and receives is kept by
spilling an earlier operand to a temporary when a later one emits
statements (`spill`).
"""

from __future__ import annotations

import ast as pyast
import contextlib
import operator
import re
from typing import Any

from gort.cmd.compile import gotypes as types
from gort.cmd.compile import typeinfo as ti
from gort.cmd.compile.checkinfo import CheckInfo, identsOf
from gort.cmd.compile.color import classifyCall, isNativeDecl
from gort.cmd.compile.deadcode import (
    SwitchPlan,
    endsInFallthrough,
    forIsDead,
    gcFoldsSwitch,
    gcLiterals,
    inspectLive,
    staticBool,
    switchPlan,
)
from gort.cmd.compile.defers import DeferredCall, deferStmt, emitDeferFrame, openCodable
from gort.cmd.compile.emit import Lines, mangle
from gort.cmd.compile.escape import Analysis
from gort.cmd.compile.intrange import (
    RING,
    Range,
    exprRange,
    fits,
    rawRange,
    ringRange,
    ringRaw,
    shlFits,
    typeRange,
)
from gort.cmd.compile.typeinfo import Rep
from gort.go import ast, constant, token
from gort.go.types.subst import substMap
from gort.runtime.symtab import FuncIDNormal, FuncIDWrapper


def _mkctxt() -> Any:
    from gort.go.types.context import NewContext

    return NewContext()


# Instances made while compiling share one context, so equal instances are
# the same object (types.Context).
_instCtxt = _mkctxt()

# types.Package -> types.Info of every package being built (for generic bodies).
PACKAGES: dict[types.Package, types.Info] = {}


class CompileError(Exception):
    def __init__(self, pos: int, msg: str) -> None:
        super().__init__(msg)
        self.pos = pos
        self.msg = msg


class VarInfo:
    """Where a variable lives in generated code."""

    __slots__ = ("kind", "name", "t")

    def __init__(self, kind: str, name: str, t: types.Type) -> None:
        self.kind = kind  # "py": Python local holds the value; "mem": holds its address
        self.name = name
        self.t = t


class FuncMeta:
    __slots__ = ("pyname", "goname", "file", "line", "isgen", "frameSize", "framePtrs", "ptrLocals",
                 "lines", "nargs", "hasRecover", "text", "funcID")

    def __init__(self, pyname: str, goname: str, file: str, line: int) -> None:
        self.pyname = pyname
        self.goname = goname
        self.file = file
        self.line = line
        self.isgen = False
        self.frameSize = 0
        self.framePtrs: list[int] = []
        self.ptrLocals: list[str] = []
        self.lines: list[int] = []  # Go line of each emitted Python line
        self.nargs = 0
        self.hasRecover = False
        self.text: list[str] = []
        self.funcID = FuncIDNormal  # FuncIDWrapper for a wrapper the compiler makes (_wrapperMeta)


def isBlank(e: Any) -> bool:
    return isinstance(e, ast.Ident) and e.Name == "_"


def unparen(e: Any) -> Any:
    while isinstance(e, ast.ParenExpr):
        e = e.X
    return e


class PkgGen:
    """Compiles one type-checked package to Python source."""

    def __init__(self, pkg: types.Package, files: list[ast.File], info: types.Info,
                 fset: Any, deps: dict[str, dict[str, Any]], path: str | None = None) -> None:
        self.pkg = pkg
        # The main package is "command-line-arguments" to the loader and
        # "main" to the linker (symbols main.main, main.init).
        self.path = path if path is not None else ti.pkgPath(pkg)
        self.typesPath = ti.pkgPath(pkg)
        self.files = files
        self.info = CheckInfo(info)
        self.fset = fset
        self.deps = deps  # import path -> __gort__ metadata of that package
        self.strings: dict[bytes, int] = {}
        self.typeIdx: dict[str, int] = {}
        self.typeDescs: dict[str, Any] = {}
        self.typeObjs: dict[str, types.Type] = {}
        self.globals: dict[types.Var, str] = {}
        self.globalRows: list[tuple[Any, ...]] = []
        self.imports: dict[tuple[str, str], str] = {}
        self.gimports: dict[tuple[str, str], str] = {}
        self.funcvals: dict[str, str] = {}
        self.funcs: list[FuncMeta] = []
        self.natives: list[str] = []
        self.colors: dict[str, bool] = {}
        self.inlinable: dict[types.Func, Any] = {}  # inline.Inl of each inlinable function
        self.funcNames: dict[Any, str] = {}  # FuncDecl/FuncLit/types.Func -> pyname
        self.closureCount: dict[str, int] = {}
        self.litParent: dict[ast.FuncLit, str] = {}
        self.analysis = Analysis(self.info)
        self.out = Lines()
        self.extra: list[str] = []  # wrappers appended after the functions
        self.methodWrappers: set[str] = set()
        self.gowrapCount: dict[str, int] = {}
        self.instances: dict[str, str] = {}  # generic instance key -> Python name
        self.itabs: dict[tuple[str, str], str] = {}  # (type key, interface key) -> itab global
        self.closureTypes: dict[tuple[int, tuple[int, ...]], str] = {}  # funcval layout -> module global
        self.instQueue: list[tuple[ast.FuncDecl, CheckInfo, substMap, str, str]] = []
        self.usesAtomic = False  # a sync/atomic intrinsic calls gort.runtime.atomic (A_)

    # --- tables --------------------------------------------------------------------

    def sref(self, b: bytes) -> str:
        i = self.strings.get(b)
        if i is None:
            i = len(self.strings)
            self.strings[b] = i
        return f"S{i}"

    def tref(self, t: types.Type) -> str:
        """Module global holding the runtime descriptor of t."""
        from gort.cmd.compile.typedesc import describe

        key = ti.typeKey(t)
        i = self.typeIdx.get(key)
        if i is None:
            i = len(self.typeIdx)
            self.typeIdx[key] = i
            describe(self, t)
        return f"T{i}"

    def closureTypeRef(self, size: int, ptrs: tuple[int, ...]) -> str:
        """Module global holding the descriptor of a funcval layout (runtime closuretype).

        It is made once, when the module loads (closuretype needs nothing of
        the runtime but persistent memory), not each time a closure is.
        """
        key = (size, ptrs)
        name = self.closureTypes.get(key)
        if name is None:
            name = f"CT{len(self.closureTypes)}"
            self.closureTypes[key] = name
        return name

    def taddr(self, t: types.Type) -> str:
        return "TA" + self.tref(t)[1:]

    def funcRef(self, fn: types.Func) -> str:
        """Python name to call fn directly."""
        orig = fn.Origin()
        if orig is not fn:
            # A method of an instantiated generic type.
            rv = fn.Signature().Recv()
            assert rv is not None
            recv = rv.Type()
            if isinstance(recv, types.Pointer):
                recv = recv.Elem()
            assert isinstance(recv, types.Named)
            return self.instanceOf(orig, list(recv.TypeArgs()))
        pkg = fn.Pkg()
        name = self.funcPyName(fn)
        if pkg is None or ti.pkgPath(pkg) == self.path:
            return name
        key = (ti.pkgPath(pkg), name)
        local = self.imports.get(key)
        if local is None:
            local = f"X_{mangle(ti.pkgPath(pkg).replace('/', '_').replace('.', '_'))}__{name}"
            self.imports[key] = local
        return local

    def instanceOf(self, fn: types.Func, targs: list[types.Type]) -> str:
        """The Python name of fn instantiated with targs, compiled into this module."""
        key = self.funcGoName(fn) + "[" + ",".join(ti.typeKey(t) for t in targs) + "]"
        py = self.instances.get(key)
        if py is not None:
            return py
        import zlib

        py = f"{self.funcPyName(fn)}__i{zlib.crc32(key.encode()):08x}"
        self.instances[key] = py
        self.colors[py] = True
        sig = fn.Signature()
        tparams = list(sig.TypeParams()) or list(sig.RecvTypeParams())
        from gort.go.types.subst import makeSubstMap

        smap = makeSubstMap(tparams, targs)
        pkg = fn.Pkg()
        info = PACKAGES.get(pkg) if pkg is not None else None
        if info is None or not isinstance(fn.decl, ast.FuncDecl):
            raise CompileError(0, f"gort: no source for generic function {key}")
        goname = self.funcGoName(fn)
        goname = goname + "[" + ",".join(ti.typeString(t) for t in targs) + "]"
        self.instQueue.append((fn.decl, CheckInfo(info), smap, py, goname))
        return py

    def funcPyName(self, fn: types.Func) -> str:
        recv = fn.Signature().Recv()
        if recv is not None:
            rt = recv.Type()
            if isinstance(rt, types.Pointer):
                rt = rt.Elem()
            tn = rt.Obj().Name() if isinstance(rt, types.Named) else "T"
            return f"M_{mangle(tn)}__{mangle(fn.Name())}"
        return f"F_{mangle(fn.Name())}"

    def funcGoName(self, fn: types.Func) -> str:
        pkg = fn.Pkg()
        pp = ti.pkgPath(pkg) if pkg is not None else ""
        recv = fn.Signature().Recv()
        if recv is not None:
            rt = recv.Type()
            ptr = isinstance(rt, types.Pointer)
            if isinstance(rt, types.Pointer):
                rt = rt.Elem()
            tn = rt.Obj().Name() if isinstance(rt, types.Named) else "?"
            return f"{pp}.(*{tn}).{fn.Name()}" if ptr else f"{pp}.{tn}.{fn.Name()}"
        return f"{pp}.{fn.Name()}"

    def isGenFunc(self, fn: types.Func) -> bool:
        if fn.Origin() is not fn or fn.Signature().TypeParams():
            return True  # generic instances compile as generators
        pkg = fn.Pkg()
        name = self.funcPyName(fn)
        if pkg is None or ti.pkgPath(pkg) == self.path:
            return self.colors.get(name, False)
        meta = self.deps.get(ti.pkgPath(pkg))
        if meta is None:
            return True
        return bool(meta["colors"].get(name, True))

    def globalRef(self, v: types.Var) -> str:
        pkg = v.Pkg()
        name = f"G_{mangle(v.Name())}"
        if pkg is None or ti.pkgPath(pkg) == self.path:
            return name
        key = (ti.pkgPath(pkg), name)
        local = self.gimports.get(key)
        if local is None:
            local = f"GX_{mangle(ti.pkgPath(pkg).replace('/', '_').replace('.', '_'))}__{name}"
            self.gimports[key] = local
        return local

    def funcvalOf(self, pyname: str) -> str:
        """A static funcval (module global) for calling pyname through a func value."""
        local = self.funcvals.get(pyname)
        if local is None:
            local = f"FV_{pyname}"
            self.funcvals[pyname] = local
        return local

    def position(self, pos: int) -> tuple[str, int]:
        p = self.fset.Position(pos)
        return p.Filename, p.Line

    # --- driver -----------------------------------------------------------------------

    def compile(self) -> tuple[str, dict[str, Any]]:
        from gort.cmd.compile.color import colorPackage

        decls: list[ast.FuncDecl] = []
        for f in self.files:
            for d in f.Decls:
                if isinstance(d, ast.FuncDecl):
                    decls.append(d)
                elif isinstance(d, ast.GenDecl) and d.Tok == token.VAR:
                    for spec in d.Specs:
                        assert isinstance(spec, ast.ValueSpec)  # a var declaration's specs
                        for name in spec.Names:
                            obj = self.info.Defs.get(name)
                            if isinstance(obj, types.Var):
                                self.declareGlobal(obj)
        # Escape facts for every function body (closures included).
        for d in decls:
            if d.Body is not None and not d.Type.TypeParams and not self.isGenericRecv(d):
                self.analysis.analyze(d)
        self.colors = colorPackage(self, decls)
        from gort.cmd.compile.inline import findInlinable

        self.inlinable = findInlinable(self, decls)
        # Every package-level defined type gets its descriptor and method
        # wrappers, so the linker and the runtime can name them.
        from gort.cmd.compile.typedesc import describe

        scope = self.pkg.Scope()
        for tname in scope.Names():
            obj = scope.Lookup(tname)
            if isinstance(obj, types.TypeName) and not obj.IsAlias():
                t = obj.Type()
                if isinstance(t, types.Named) and not t.TypeParams():
                    describe(self, t)
                    describe(self, types.NewPointer(t))

        for d in decls:
            if d.Type.TypeParams or self.isGenericRecv(d):
                continue  # generic: compiled per instantiation (not yet)
            obj = self.info.Defs.get(d.Name)
            if isNativeDecl(self, d):
                if isinstance(obj, types.Func):
                    self.natives.append(self.funcPyName(obj))
                continue
            if d.Name.Name == "init" and d.Recv is None:
                continue
            assert isinstance(obj, types.Func)
            FuncGen(self, d, self.funcPyName(obj), self.funcGoName(obj)).compile()
        self.compileInstances()
        inits = []
        n = 0
        for d in decls:
            if d.Name.Name == "init" and d.Recv is None and d.Body is not None:
                n += 1
                py = f"F_init__{n}"
                FuncGen(self, d, py, f"{self.path}.init.{n - 1}").compile()
                inits.append(py)
        self.compileInit(inits)
        self.compileInstances()
        return self.assemble()

    def compileInstances(self) -> None:
        """Compile every generic instance used so far (instances may need more)."""
        while self.instQueue:
            decl, info, smap, py, goname = self.instQueue.pop(0)
            fg = FuncGen(self, decl, py, goname)
            fg.info = info
            fg.smap = smap
            fg.analysis = Analysis(info)
            fg.analysis.analyze(decl)
            fg.isgen = True
            fg.compile()

    def isGenericRecv(self, d: ast.FuncDecl) -> bool:
        if d.Recv is None or not d.Recv.List:
            return False
        t = d.Recv.List[0].Type
        while isinstance(t, (ast.StarExpr, ast.ParenExpr)):
            t = t.X
        return isinstance(t, (ast.IndexExpr, ast.IndexListExpr))

    def declareGlobal(self, v: types.Var) -> None:
        name = f"G_{mangle(v.Name())}"
        if v.Name() == "_":
            name = f"G__blank{len(self.globals)}"
        self.globals[v] = name
        t = v.Type()
        ptrdata, mask = ti.gcinfo(t)
        self.globalRows.append((name, f"{self.path}.{v.Name()}", ti.sizeof(t), ti.alignof(t), mask))

    def compileInit(self, inits: list[str]) -> None:
        """The package's init: variable initializers in InitOrder, then init funcs."""
        fg = FuncGen(self, None, "F_init__pkg", f"{self.path}.init")
        fg.compileInitBody(self.info.InitOrder, inits)

    def assemble(self) -> tuple[str, dict[str, Any]]:
        header = [
            f"# Code generated by gort from package {self.path}; DO NOT EDIT.",
            "from gort.runtime.builtin import *  # noqa: F401,F403",
        ]
        if self.usesAtomic:
            header.append("from gort.runtime import atomic as A_  # sync/atomic intrinsics (intrinsics.py)")
        header.append("")
        lines = list(header)
        funcrows = []
        for fm in self.funcs:
            start = len(lines) + 1
            linemap: dict[int, int] = {}
            for i, (text, gl) in enumerate(zip(fm.text, fm.lines)):
                lines.append(text)
                if gl:
                    linemap[start + i] = gl
            lines.append("")
            funcrows.append((fm.pyname, fm.goname, fm.file, fm.line, fm.isgen, fm.frameSize,
                             tuple(fm.framePtrs), tuple(fm.ptrLocals), linemap, fm.nargs, fm.hasRecover, fm.funcID))
        lines.extend(self.extra)
        for (size, ptrs), name in self.closureTypes.items():
            lines.append(f"{name} = closuretype({size}, {ptrs!r})")
        meta = {
            "path": self.path,
            "name": self.pkg.Name(),
            "strings": list(self.strings),
            "typerefs": list(self.typeIdx),
            "types": self.typeDescs,
            "globals": self.globalRows,
            "funcs": funcrows,
            "imports": [(p, n, loc) for (p, n), loc in self.imports.items()],
            "gimports": [(p, n, loc) for (p, n), loc in self.gimports.items()],
            "funcvals": list(self.funcvals.items()),
            "natives": self.natives,
            "colors": self.colors,
            "itablist": [(tk, ik, n) for (tk, ik), n in self.itabs.items()],
        }
        lines.append(f"__gort__ = {meta!r}")
        return "\n".join(lines) + "\n", meta


# ======================================================================================


class Loop:
    """A Go construct that break/continue may target, and how to get there."""

    __slots__ = ("node", "label", "pyloop", "brkflag", "contflag", "post", "isSwitch", "used", "itervars",
                 "gotoVar", "gotoLabels", "rangeFunc")

    def __init__(self, node: Any, label: str | None, pyloop: bool, isSwitch: bool = False) -> None:
        self.node = node
        self.label = label
        self.pyloop = pyloop  # compiled as a Python loop (break/continue reach it directly)
        self.brkflag: str | None = None
        self.contflag: str | None = None
        self.post: Any = None  # the for statement's post statement (run on continue)
        self.isSwitch = isSwitch
        self.used = False
        self.itervars: list[VarInfo] = []  # heap loop variables renewed each iteration
        self.gotoVar: str | None = None  # a goto dispatch loop: the segment variable
        self.gotoLabels: dict[str, int] = {}  # label -> segment, for a goto dispatch loop
        self.rangeFunc: Any = None  # the RangeFunc of a range-over-func loop


class FuncGen:
    """Compiles one function (declaration, literal, or the package init)."""

    def __init__(self, pg: PkgGen, decl: Any, pyname: str, goname: str) -> None:
        self.pg = pg
        self.info = pg.info
        self.analysis = pg.analysis
        self.inbounds: set[tuple[str, str]] = set()  # (slice local, index local) proven in range
        self.nowrap: set[int] = set()  # ids of i++ statements that cannot overflow
        self.rfstack: list[Any] = []  # enclosing range-over-func bodies (ranges.RangeFunc)
        self.checked: set[tuple[str, str]] = set()
        self.inlining: list[types.Func] = []  # functions being inlined here (inline.py)
        # Parameters nil-checked by code that dominates what is emitted now
        # (ptrOperand); a nested block's own checks are forgotten when it ends.
        self.nilknown: set[str] = set()
        self._params: set[types.Var] | None = None
        self.wordBase: dict[str, str] = {}  # typeinfo.wordBase while this function compiles
        self.slotAddrLines: set[str] = set()  # `name = _sp + off` lines emitted (emitSlotAddr)
        self.truthLeaves: set[int] = set()  # ids of comparisons compiled as truth values (condExpr)
        self._fieldUses: dict[types.Var, int] | None = None
        self.sliceCache: dict[str, tuple[str, str, str]] = {}  # slice local -> (ptr, len, word index) locals in a loop
        self.bounded: set[str] = set()  # Python locals known in [0, MaxInt) (range indexes)
        self.smap: substMap | None = None  # TypeParam -> type argument, in a generic instance
        self._tcache: dict[int, types.Type] = {}
        self.decl = decl
        self.pyname = pyname
        self.goname = goname
        self.L = Lines()
        self.golines: list[int] = []
        self.curline = 0
        self.vars: dict[types.Var, VarInfo] = {}
        self.ntemp = 0
        self.frame: list[tuple[int, int, bool]] = []  # (offset, size, hasptr)
        self.frameSize = 8  # word 0 holds the function index
        self.framePtrs: list[int] = []
        self.isgen = pg.colors.get(pyname, False)
        self.loops: list[Loop] = []
        self.hasDefer = False
        # The deferred calls of an open-coded function, in statement order (defers.py);
        # None when its defers go through the runtime's list.
        self.openDefers: list[DeferredCall] | None = None
        self.hasRecover = False
        self.resultVars: list[VarInfo] = []
        self.resultTypes: list[types.Type] = []
        self.sig: types.Signature | None = None
        self.ptrLocals: set[str] = set()
        self.names: set[str] = set()
        self.discarded: Any = None  # the call of the expression statement being compiled
        # The call that is the whole right-hand side of the single assignment
        # to a variable being compiled (`v := f(x)`, `v = f(x)`): statements
        # it emits run after everything else the statement evaluates.
        self.wholeRhs: Any = None
        if decl is not None:
            file, line = pg.position(decl.Pos())
        else:
            file, line = "", 0
        self.meta = FuncMeta(pyname, goname, file, line)

    # --- emission helpers -------------------------------------------------------------

    def emit(self, line: str) -> None:
        m = _WRAPASSIGN.match(line)
        if m is not None:
            # `x = wrap(e)` as two statements: cheaper than the expression form.
            name, lo, expr, hi, h, mask = m.group(1), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7)
            self.L.emit(f"{name} = {expr}")
            self.golines.append(self.curline)
            if lo is None:
                test = f"{name} > {hi}"
            elif hi is None:
                test = f"{name} < {lo}"
            else:
                test = f"not {lo} <= {name} <= {hi}"
            self.L.emit(f"if {test}: {name} = (({name} + {h}) & {mask}) - {h}")
            self.golines.append(self.curline)
            return
        self.L.emit(line)
        self.golines.append(self.curline)

    @contextlib.contextmanager
    def indent(self) -> Any:
        """Indent what is emitted inside; an empty block gets `pass` (with its line)."""
        self.L.depth += 1
        mark = len(self.L.lines)
        known = set(self.nilknown)
        try:
            yield
        finally:
            if len(self.L.lines) == mark:
                self.emit("pass")
            self.L.depth -= 1
            self.nilknown = known

    def setpos(self, node: Any) -> None:
        if node is not None:
            self.curline = self.pg.fset.Position(node.Pos()).Line

    def tmp(self, prefix: str = "_t") -> str:
        self.ntemp += 1
        return f"{prefix}{self.ntemp}"

    def local(self, name: str) -> str:
        base = "v_" + mangle(name)
        n = base
        i = 1
        while n in self.names:
            i += 1
            n = f"{base}_{i}"
        self.names.add(n)
        return n

    def emitSlotAddr(self, name: str, off: int) -> None:
        """name = the address of the frame slot at off. The line may move up, out
        of the loops around it (hoistSlotAddrs): _sp is fixed while the
        function runs, and name, in ptrLocals, follows a stack move."""
        line = f"{name} = _sp + {off}"
        self.emit(line)
        self.slotAddrLines.add(line)

    def slot(self, t: types.Type) -> int:
        """A frame slot for a value of type t; returns its offset from _sp."""
        size = max(ti.sizeof(t), 0)
        align = max(ti.alignof(t), 8)
        off = (self.frameSize + align - 1) & ~(align - 1)
        # A zero-size value still gets a word: its address must be a real
        # slot of a real frame.
        self.frameSize = off + max((size + 7) & ~7, 8)
        for w in ti.ptrwords(t):
            self.framePtrs.append(off + 8 * w)
        return off

    def slotAddr(self, t: types.Type) -> str:
        """A fresh temp holding the address of a new zeroed frame slot."""
        off = self.slot(t)
        name = self.tmp("_a")
        self.emitSlotAddr(name, off)
        self.ptrLocals.add(name)
        n = ti.sizeof(t)
        if n:
            self.emit(ti.clearSlot(name, n))
        return name

    def T(self, t: types.Type) -> types.Type:
        """t with this instance's type arguments substituted (t itself outside generics)."""
        if self.smap is None or t is None:
            return t
        r = self._tcache.get(id(t))
        if r is None:
            from gort.go.types.subst import subst

            r = subst(None, 0, t, self.smap, None, _instCtxt)
            self._tcache[id(t)] = r
        return r

    def vtype(self, obj: types.Object) -> types.Type:
        return self.T(obj.Type())

    def typeOf(self, e: Any) -> types.Type:
        return self.T(self._typeOf(e))

    def methodRef(self, fn: types.Func, sel: Any = None) -> tuple[str, Any, bool]:
        """(Python name, signature, is generator) for calling method or function fn
        from this function (type arguments substituted in generic code). sel is
        the selector naming a generic method (Go 1.27), whose instance it calls."""
        sig = self.T(fn.Type())
        recv = fn.Signature().Recv()
        rtargs: list[types.Type] = []
        if recv is not None:
            rt = recv.Type()
            if isinstance(rt, types.Pointer):
                rt = rt.Elem()
            if isinstance(rt, types.Named) and rt.TypeArgs():
                rtargs = [self.T(a) for a in rt.TypeArgs()]
        if fn.Origin().Signature().TypeParams():
            # A generic method: compiled per instantiation, like a generic function.
            inst = self.info.Instances.get(sel.Sel) if isinstance(sel, ast.SelectorExpr) else None
            if inst is None:
                raise CompileError(sel.Pos() if sel is not None else 0,
                                   f"gort: generic method {fn.Name()} used other than in a call")
            if rtargs:
                raise CompileError(sel.Pos(), f"gort: generic method {fn.Name()} of a generic type is not supported yet")
            mtargs = [self.T(a) for a in inst.TypeArgs]
            return self.pg.instanceOf(fn.Origin(), mtargs), self.T(inst.Type), True
        if rtargs:
            return self.pg.instanceOf(fn.Origin(), rtargs), sig, True
        return self.pg.funcRef(fn), sig, self.pg.isGenFunc(fn)

    def _typeOf(self, e: Any) -> types.Type:
        tv = self.info.Types.get(e)
        if tv is None:
            if isinstance(e, ast.Ident):
                obj = self.info.Uses.get(e) or self.info.Defs.get(e)
                if obj is not None:
                    return self.vtype(obj)
            raise CompileError(e.Pos(), f"internal error: no type for {type(e).__name__}")
        return tv.Type

    def valueType(self, e: Any) -> types.Type:
        """e's type; for a comma-ok expression, the type of its value."""
        t = self.typeOf(e)
        if isinstance(t, types.Tuple):
            return t.At(0).Type()
        return t

    def constOf(self, e: Any) -> Any:
        tv = self.info.Types.get(e)
        if tv is None:
            return None
        return tv.Value

    def err(self, node: Any, msg: str) -> CompileError:
        return CompileError(node.Pos() if node is not None else 0, msg)

    # --- function compilation ------------------------------------------------------------

    def compile(self, lit: ast.FuncLit | None = None, captures: list[types.Var] | None = None) -> None:
        saved = ti.wordBase
        ti.wordBase = self.wordBase
        try:
            self._compile(lit, captures)
        finally:
            ti.wordBase = saved

    def _compile(self, lit: ast.FuncLit | None, captures: list[types.Var] | None) -> None:
        d = self.decl
        pg = self.pg
        fobj = self.info.Defs.get(d.Name) if isinstance(d, ast.FuncDecl) else None
        osig = fobj.Type() if isinstance(fobj, types.Func) else self._typeOf(d)
        sig = self.T(osig)
        assert isinstance(osig, types.Signature) and isinstance(sig, types.Signature)
        self.sig = sig
        params: list[str] = ["gp"]
        if captures is not None:
            params.append("ctx")
        body_prologue: list[tuple[types.Var, str]] = []
        # Receiver and parameters.
        fields: list[Any] = []
        if isinstance(d, ast.FuncDecl) and d.Recv is not None:
            fields.extend(d.Recv.List)
        fields.extend(d.Type.Params.List if d.Type.Params else [])
        nargs = 0
        for field in fields:
            names = field.Names or [None]
            for name in names:
                nargs += 1
                if name is None or name.Name == "_":
                    pn = self.tmp("_p")
                    params.append(pn)
                    continue
                obj = self.info.Defs.get(name)
                pn = self.local(name.Name)
                params.append(pn)
                if isinstance(obj, types.Var):
                    body_prologue.append((obj, pn))
        self.meta.nargs = nargs
        # Results.
        res = sig.Results()
        for i in range(res.Len()):
            self.resultTypes.append(self.T(res.At(i).Type()))

        self.setpos(d)
        self.hasRecover = self.containsRecover(d.Body)
        self.meta.hasRecover = self.hasRecover
        if self.hasRecover:
            params.append("_deferpanic=None")
        # Body goes to a separate Lines first: the prologue depends on the frame size.
        outerL, outerG = self.L, self.golines
        self.L = Lines()
        self.L.depth = 2
        self.golines = []
        # Bind parameters.
        for obj, pn in body_prologue:
            self.bindParam(obj, pn)
        if captures is not None:
            self.bindCaptures(captures)
        # Named results.
        ores = osig.Results()  # the declared Vars (the substituted signature has copies)
        if ores.Len() and ores.At(0).Name():
            for i in range(ores.Len()):
                rv = ores.At(i)
                vi = self.declareVar(rv, zero=True)
                self.resultVars.append(vi)
        self.hasDefer = self.containsDefer(d.Body)
        if self.hasDefer:
            if openCodable(self.info, d.Body):
                self.openDefers = []
            else:
                self.emit("_df = []")
            if not self.resultVars:
                for rt in self.resultTypes:
                    vi = self.declareAnon(rt)
                    self.resultVars.append(vi)
        self.stmtList(d.Body.List)
        hoistSlotAddrs(self.L.lines, self.golines, self.slotAddrLines)
        bodyL, bodyG = self.L, self.golines
        self.L, self.golines = outerL, outerG

        # Assemble: def, prologue, try/finally around the body.
        self.isgen = pg.colors.get(self.pyname, False)
        self.emit(f"def {self.pyname}({', '.join(params)}):")
        with self.indent():
            framed = self.frameSize > 8
            if framed:
                size = (self.frameSize + 15) & ~15
                self.frameSize = size
                if self.isgen:
                    self.emit(f"_sp = gp.sp - {size}")
                    self.emit(f"if _sp < gp.stackguard0: _sp = yield from morestackg(gp, {size})")
                else:
                    self.emit(f"_sp = gp.sp - {size}")
                    self.emit(f"if _sp < gp.stackguard0: _sp = morestack(gp, {size})")
                self.emit("gp.sp = _sp")
                self.emit(f"U64[_sp >> 3] = FID_{self.pyname}")
                self.ptrLocals.add("_sp")
            elif self.isgen:
                self.emit("if gp.preempt: yield from gopreempt(gp)")
            else:
                self.emit("if gp.preempt: gopreemptPlain(gp)")
            if self.hasDefer:
                self.emitDeferFrame(bodyL, bodyG, framed)
            elif framed:
                self.emit("try:")
                self.appendBody(bodyL, bodyG, 2)
                self.emit("finally:")
                with self.indent():
                    self.emit(f"gp.sp = _sp + {self.frameSize}")
            else:
                self.appendBody(bodyL, bodyG, 1)
            if self.isgen and not self.resultTypes:
                # Make sure the function is a generator even if nothing in it yields.
                self.emit("return")
                self.emit("yield")
        self.finish()

    def appendBody(self, bodyL: Lines, bodyG: list[int], depth: int) -> None:
        pad_have = "    " * bodyL.depth if False else ""
        cur = "    " * (self.L.depth + depth - 1)
        for line, gl in zip(bodyL.lines, bodyG):
            # body was emitted at depth 2; re-indent to the target depth
            stripped = line[8:] if line.startswith("        ") else line.lstrip()
            self.L.lines.append(cur + stripped)
            self.golines.append(gl)
        _ = pad_have
        if not bodyL.lines:
            self.L.lines.append(cur + "pass")
            self.golines.append(self.curline)

    def emitDeferFrame(self, bodyL: Lines, bodyG: list[int], framed: bool) -> None:
        emitDeferFrame(self, bodyL, bodyG, framed)

    def finish(self) -> None:
        m = self.meta
        m.isgen = self.isgen
        m.frameSize = self.frameSize if self.frameSize > 8 else 0
        m.framePtrs = self.framePtrs
        m.ptrLocals = sorted(self.ptrLocals)
        m.text = self.L.lines
        m.lines = self.golines
        self.pg.funcs.append(m)

    def containsDefer(self, body: Any) -> bool:
        """Whether the body has a defer statement that is compiled (not in a dead branch)."""
        found = False

        def f(n: Any) -> bool:
            nonlocal found
            if isinstance(n, ast.FuncLit):
                return False
            if isinstance(n, ast.DeferStmt):
                found = True
            return not found

        inspectLive(self.info, body, f)
        return found

    def containsRecover(self, body: Any) -> bool:
        found = False

        def f(n: Any) -> bool:
            nonlocal found
            if isinstance(n, ast.FuncLit):
                return False
            if isinstance(n, ast.CallExpr):
                fun = unparen(n.Fun)
                if isinstance(fun, ast.Ident) and isinstance(self.info.Uses.get(fun), types.Builtin) and fun.Name == "recover":
                    found = True
            return not found

        if body is not None:
            inspectLive(self.info, body, f)  # a recover in dead code is not compiled
        return found

    # --- variables ------------------------------------------------------------------------

    def storageOf(self, v: types.Var) -> str:
        facts = self.analysis.facts.get(v)
        t = self.vtype(v)
        escapes = facts is not None and (facts.addrTaken or (facts.captured and facts.reassigned))
        if ti.isMem(t):
            return "heap" if escapes else "frame"
        return "heap" if escapes else "py"

    def declareVar(self, v: types.Var, zero: bool = True) -> VarInfo:
        """Create storage for a local variable (zeroed if zero)."""
        t = self.vtype(v)
        kind = self.storageOf(v)
        name = self.local(v.Name())
        if kind == "py":
            vi = VarInfo("py", name, t)
            if zero:
                self.emit(f"{name} = {ti.zero(t)}")
            if ti.hasPointers(t):
                self.ptrLocals.add(name)
        elif kind == "frame":
            off = self.slot(t)
            vi = VarInfo("mem", name, t)
            self.emitSlotAddr(name, off)
            if zero and ti.sizeof(t):
                self.emit(ti.clearSlot(name, ti.sizeof(t)))
            self.ptrLocals.add(name)
        else:
            vi = VarInfo("mem", name, t)
            self.emit(f"{name} = newobject_g(gp, {self.pg.tref(t)})")
            self.ptrLocals.add(name)
        self.vars[v] = vi
        return vi

    def declareAnon(self, t: types.Type) -> VarInfo:
        name = self.tmp("_r")
        if ti.isMem(t):
            off = self.slot(t)
            self.emitSlotAddr(name, off)
            if ti.sizeof(t):
                self.emit(ti.clearSlot(name, ti.sizeof(t)))
            self.ptrLocals.add(name)
            return VarInfo("mem", name, t)
        self.emit(f"{name} = {ti.zero(t)}")
        return VarInfo("py", name, t)

    def bindParam(self, v: types.Var, pn: str) -> None:
        t = self.vtype(v)
        kind = self.storageOf(v)
        if kind == "py":
            self.vars[v] = VarInfo("py", pn, t)
            if ti.hasPointers(t):
                self.ptrLocals.add(pn)
            return
        if kind == "frame":
            # Composite parameter: the caller passed the address of its own
            # copy (docs/design/0001), which this call owns.
            self.vars[v] = VarInfo("mem", pn, t)
            self.ptrLocals.add(pn)
            return
        # Escaping parameter: move it to the heap.
        cell = self.local(v.Name() + "_cell")
        self.emit(f"{cell} = newobject_g(gp, {self.pg.tref(t)})")
        for s in ti.store(t, cell, pn):
            self.emit(s)
        self.vars[v] = VarInfo("mem", cell, t)
        self.ptrLocals.add(cell)

    def bindCaptures(self, caps: list[types.Var]) -> None:
        off = 8
        if len(caps) >= 2:
            # Loaded by index from the funcval's word index (it is on the
            # heap: it never moves), here only.
            self.emit("_cw = ctx >> 3")
            self.wordBase["ctx"] = "_cw"
        for v in caps:
            t = self.vtype(v)
            if self.capturedByRef(v):
                off = (off + 7) & ~7
                name = self.local(v.Name())
                self.emit(f"{name} = {ti.load(types.Typ[types.Uintptr], 'ctx', off)}")
                self.vars[v] = VarInfo("mem", name, t)
                self.ptrLocals.add(name)
                off += 8
            else:
                a = max(ti.alignof(t), 1)
                off = (off + a - 1) & ~(a - 1)
                name = self.local(v.Name())
                if ti.isMem(t):
                    self.emit(f"{name} = ctx + {off}")
                    self.vars[v] = VarInfo("mem", name, t)
                else:
                    self.emit(f"{name} = {ti.load(t, 'ctx', off)}")
                    self.vars[v] = VarInfo("py", name, t)
                if ti.hasPointers(t):
                    self.ptrLocals.add(name)
                off += ti.sizeof(t)
        self.wordBase.pop("ctx", None)

    def capturedByRef(self, v: types.Var) -> bool:
        f = self.analysis.facts.get(v)
        return f is not None and (f.addrTaken or f.reassigned)

    def varOf(self, obj: types.Var, node: Any = None) -> VarInfo:
        vi = self.vars.get(obj)
        if vi is not None:
            return vi
        g = self.pg.globals.get(obj)
        pkg = obj.Pkg()
        if g is not None or (pkg is not None and obj.Parent() is pkg.Scope()):
            return VarInfo("mem", self.pg.globalRef(obj), self.vtype(obj))
        raise self.err(node, f"internal error: variable {obj.Name()} has no storage")

    def loadVar(self, vi: VarInfo) -> str:
        if vi.kind == "py":
            return vi.name
        return ti.load(vi.t, vi.name)

    def storeVar(self, vi: VarInfo, val: str) -> None:
        if vi.kind == "py":
            self.emit(f"{vi.name} = {val}")
            return
        for s in ti.store(vi.t, vi.name, val):
            self.emit(s)

    # --- the package init ---------------------------------------------------------------

    def compileInitBody(self, order: list[Any], inits: list[str]) -> None:
        self.isgen = True
        self.pg.colors[self.pyname] = True
        outerL, outerG = self.L, self.golines
        self.L = Lines()
        self.L.depth = 2
        self.golines = []
        for init in order:
            self.setpos(init.Rhs)
            lhs = init.Lhs
            if len(lhs) == 1:
                v = lhs[0]
                val = self.expr(init.Rhs, self.vtype(v))
                if v.Name() != "_":
                    self.storeVar(self.varOf(v), val)
            else:
                vals = self.multiValue(init.Rhs)
                for v, (val, t) in zip(lhs, vals):
                    if v.Name() != "_":
                        self.storeVar(self.varOf(v), self.convertValue(val, t, self.vtype(v)))
        for py in inits:
            if self.pg.colors.get(py, False):
                self.emit(f"yield from {py}(gp)")
            else:
                self.emit(f"{py}(gp)")
        bodyL, bodyG = self.L, self.golines
        self.L, self.golines = outerL, outerG
        self.emit(f"def {self.pyname}(gp):")
        with self.indent():
            framed = self.frameSize > 8
            if framed:
                size = (self.frameSize + 15) & ~15
                self.frameSize = size
                self.emit(f"_sp = gp.sp - {size}")
                self.emit(f"if _sp < gp.stackguard0: _sp = yield from morestackg(gp, {size})")
                self.emit("gp.sp = _sp")
                self.emit(f"U64[_sp >> 3] = FID_{self.pyname}")
                self.ptrLocals.add("_sp")
                self.emit("try:")
                self.appendBody(bodyL, bodyG, 2)
                self.emit("finally:")
                with self.indent():
                    self.emit(f"gp.sp = _sp + {self.frameSize}")
            else:
                self.appendBody(bodyL, bodyG, 1)
            self.emit("return")
            self.emit("yield")
        self.finish()

    # ===================================================================================
    # statements
    # ===================================================================================

    def stmtList(self, stmts: list[Any]) -> None:
        targets = self.gotoTargets()
        cut = [i for i, st in enumerate(stmts) if isinstance(st, ast.LabeledStmt) and st.Label.Name in targets]
        if not cut:
            for st in stmts:
                self.stmt(st)
            return
        self.gotoBlock(stmts, cut)

    def gotoTargets(self) -> set[str]:
        t = getattr(self, "_gotoTargets", None)
        if t is None:
            t = set()
            body = self.decl.Body if self.decl is not None else None

            def f(n: Any) -> bool:
                if isinstance(n, ast.FuncLit):
                    return False
                if isinstance(n, ast.BranchStmt) and n.Tok == token.GOTO and n.Label is not None:
                    t.add(n.Label.Name)
                return True

            if body is not None:
                ast.Inspect(body, f)
            self._gotoTargets = t
        return t

    def gotoBlock(self, stmts: list[Any], cut: list[int]) -> None:
        """A block with goto targets: segments between labels, run by a dispatch loop.

        Segment k starts at the k-th target label; `goto L` sets the segment
        to run and restarts the dispatch loop. Falling off a segment runs
        the next one, as straight-line code would.
        """
        bounds = ([0] if cut[0] != 0 else []) + cut + [len(stmts)]
        var = self.tmp("_goto")
        loop = Loop(None, None, True)
        loop.gotoVar = var
        loop.gotoLabels = {}
        segs = []
        for k in range(len(bounds) - 1):
            seg = stmts[bounds[k]:bounds[k + 1]]
            if seg and isinstance(seg[0], ast.LabeledStmt) and bounds[k] in cut:
                loop.gotoLabels[seg[0].Label.Name] = k
            segs.append(seg)
        self.emit(f"{var} = 0")
        self.emit("while True:")
        with self.indent():
            self.loops.append(loop)
            for k, seg in enumerate(segs):
                self.emit(f"if {var} == {k}:")
                with self.indent():
                    for st in seg:
                        self.stmt(st)
                    self.emit(f"{var} = {k + 1}")
            self.emit("break")
            self.loops.pop()
        self.propagateFlags()

    def stmt(self, s: Any) -> None:
        self.setpos(s)
        self.checked = set()  # (length, index) pairs bounds-checked in this statement
        m = getattr(self, "stmt_" + type(s).__name__, None)
        if m is None:
            raise self.err(s, f"gort: {type(s).__name__} is not supported yet")
        m(s)

    def stmt_EmptyStmt(self, s: ast.EmptyStmt) -> None:
        pass

    def stmt_BlockStmt(self, s: ast.BlockStmt) -> None:
        self.stmtList(s.List)

    def stmt_ExprStmt(self, s: ast.ExprStmt) -> None:
        self.discarded = unparen(s.X)
        x = self.expr(s.X)
        self.discarded = None
        if x and x not in ("None",) and not x.isidentifier() and not _pureLoad(x):
            self.emit(x)

    def stmt_DeclStmt(self, s: ast.DeclStmt) -> None:
        d = s.Decl
        if not isinstance(d, ast.GenDecl) or d.Tok != token.VAR:
            return  # const and type declarations need no code
        for spec in d.Specs:
            assert isinstance(spec, ast.ValueSpec)  # a var declaration's specs
            objs = [self.info.Defs.get(n) for n in spec.Names]
            if not spec.Values:
                for o in objs:
                    if isinstance(o, types.Var):
                        self.declareVar(o, zero=True)
                continue
            if len(spec.Values) == len(spec.Names):
                vals = []
                for o, v in zip(objs, spec.Values):
                    t = self.vtype(o) if o is not None else self.typeOf(v)
                    vals.append(self.valueFresh(v, t))
                for o, val in zip(objs, vals):
                    if isinstance(o, types.Var) and o.Name() != "_":
                        self.defineWith(o, val)
            else:
                vals2 = self.multiValue(spec.Values[0])
                for o, (val, t) in zip(objs, vals2):
                    if isinstance(o, types.Var) and o.Name() != "_":
                        self.defineWith(o, self.convertValue(val, t, self.vtype(o)))

    def defineWith(self, o: types.Var, val: str) -> None:
        """Declare o and initialize it with val (a fresh value for MEM types)."""
        kind = self.storageOf(o)
        t = self.vtype(o)
        if kind == "py":
            name = self.local(o.Name())
            self.emit(f"{name} = {val}")
            vi = VarInfo("py", name, t)
            if ti.hasPointers(t):
                self.ptrLocals.add(name)
            self.vars[o] = vi
            if self.wantsWordBase(o):
                # Its fields are read and written by word index from here on.
                w = self.tmp("_pw")
                self.emit(f"{w} = {name} >> 3")
                self.wordBase[name] = w
            return
        vi = self.declareVar(o, zero=False)
        self.storeVar(vi, val)

    def valueFresh(self, e: Any, t: types.Type) -> str:
        """Value of e converted to t; for MEM types a fresh temp's address if e's storage may change."""
        v = self.expr(e, t)
        if ti.isMem(t) and not self.isFresh(v):
            tmp = self.slotAddrNoClear(t)
            self.emit(ti.copyMem(t, tmp, v))
            return tmp
        if not ti.isMem(t) and not _simple(v):
            tmp = self.tmp()
            self.emit(f"{tmp} = {v}")
            return tmp
        return v

    def slotAddrNoClear(self, t: types.Type) -> str:
        off = self.slot(t)
        name = self.tmp("_a")
        self.emitSlotAddr(name, off)
        self.ptrLocals.add(name)
        self.fresh.add(name)
        return name

    @property
    def fresh(self) -> set[str]:
        f = getattr(self, "_fresh", None)
        if f is None:
            f = set()
            self._fresh = f
        return f

    def isFresh(self, v: str) -> bool:
        return v in self.fresh

    def stmt_AssignStmt(self, s: ast.AssignStmt) -> None:
        tok = s.Tok
        if tok == token.DEFINE:
            self.define(s)
            return
        if tok != token.ASSIGN:
            # x op= y
            op = _assignOps[tok]
            lhs = s.Lhs[0]
            ref = self.lvalue(lhs)
            t = self.typeOf(lhs)
            cur = self.loadRef(ref, t)
            y = self.expr(s.Rhs[0], t if op not in (token.SHL, token.SHR) else None)
            val = self.binop(op, cur, y, t, self.typeOf(s.Rhs[0]), s)
            self.storeRef(ref, t, val)
            return
        if len(s.Lhs) == len(s.Rhs):
            if len(s.Lhs) == 1:
                lhs = s.Lhs[0]
                if isBlank(lhs):
                    v = self.expr(s.Rhs[0])
                    if v and not _simple(v):
                        self.emit(v)
                    return
                t = self.typeOf(lhs)
                ref = self.lvalue(lhs)
                if isinstance(lhs, ast.Ident):
                    self.wholeRhs = unparen(s.Rhs[0])
                val = self.expr(s.Rhs[0], t)
                self.wholeRhs = None
                self.storeRef(ref, t, val)
                return
            # Parallel assignment: evaluate index/pointer operands, then values, then assign.
            refs: list[tuple[tuple[str, Any], types.Type] | None] = []
            pure = all(self.effectFree(r) for r in s.Rhs)
            for lhs in s.Lhs:
                if isBlank(lhs):
                    refs.append(None)
                    continue
                ref = self.lvalue(lhs)
                if not (pure and self.effectFree(lhs)):
                    ref = self.pinRef(ref)
                refs.append((ref, self.typeOf(lhs)))
            if pure:
                # Targets are evaluated after earlier ones are stored: an index
                # that reads a variable assigned here must be taken now.
                names = {r[0][1].name for r in refs if r is not None and r[0][0] == "var"}
                if names:
                    word = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")
                    refs = [(self.pinRef(r[0]), r[1]) if r is not None and r[0][0] != "var"
                            and word.search(str(r[0][1])) else r for r in refs]
                targets = [self.storeTarget(r[0], r[1]) if r is not None else "_" for r in refs]
                if all(targets):
                    # One Python tuple assignment: values first, then stores left to right.
                    vals = [self.expr(rhs, r[1] if r is not None else None) for rhs, r in zip(s.Rhs, refs)]
                    self.emit(f"{', '.join(targets)} = {', '.join(vals)}")  # type: ignore[arg-type]
                    return
            vals = []
            for _lhs, rhs, r in zip(s.Lhs, s.Rhs, refs):
                t = r[1] if r is not None else self.typeOf(rhs)
                v = self.valueFresh(rhs, t)
                if not ti.isMem(t) and v.isidentifier() and not v.startswith("_t"):
                    tv = self.tmp()
                    self.emit(f"{tv} = {v}")
                    v = tv
                vals.append(v)
            for r, v in zip(refs, vals):
                if r is not None:
                    self.storeRef(r[0], r[1], v)
            return
        # a, b = f()  /  v, ok = m[k] / x.(T) / <-c
        refs = []
        for lhs in s.Lhs:
            if isBlank(lhs):
                refs.append(None)
                continue
            ref = self.pinRef(self.lvalue(lhs))
            refs.append((ref, self.typeOf(lhs)))
        mvals = self.multiValue(s.Rhs[0])
        for r, (v, t) in zip(refs, mvals):
            if r is not None:
                self.storeRef(r[0], r[1], self.convertValue(v, t, r[1]))

    def define(self, s: ast.AssignStmt) -> None:
        lhs = identsOf(s.Lhs)
        if len(lhs) == len(s.Rhs) > 1 and self.defineTuple(lhs, s.Rhs):
            return
        if len(lhs) == len(s.Rhs):
            vals = []
            for l, r in zip(lhs, s.Rhs):
                obj = self.info.Defs.get(l) or self.info.Uses.get(l)
                t = self.vtype(obj) if obj is not None else self.typeOf(r)
                if len(lhs) > 1:
                    v = self.valueFresh(r, t)
                else:
                    self.wholeRhs = unparen(r)
                    v = self.expr(r, t)
                    self.wholeRhs = None
                if len(lhs) > 1 and not ti.isMem(t) and v.isidentifier() and not v.startswith("_t"):
                    tv = self.tmp()
                    self.emit(f"{tv} = {v}")
                    v = tv
                vals.append(v)
            for l, v in zip(lhs, vals):
                self.assignDefine(l, v)
            return
        vals2 = self.multiValue(s.Rhs[0])
        for l, (v, t) in zip(lhs, vals2):
            obj = self.info.Defs.get(l) or self.info.Uses.get(l)
            if obj is not None:
                v = self.convertValue(v, t, self.vtype(obj))
            self.assignDefine(l, v)

    def assignDefine(self, l: ast.Ident, v: str) -> None:
        if l.Name == "_":
            if v and not _simple(v) and not _pureLoad(v):
                self.emit(v)
            return
        newobj = self.info.Defs.get(l)
        if isinstance(newobj, types.Var):
            t = self.vtype(newobj)
            if ti.isMem(t) and not self.isFresh(v):
                vi = self.declareVar(newobj, zero=False)
                self.emit(ti.copyMem(t, vi.name, v))
                return
            if ti.isMem(t) and self.storageOf(newobj) == "frame" and v.isidentifier():
                # The fresh temp becomes the variable's storage (and is no longer fresh).
                self.fresh.discard(v)
                self.vars[newobj] = VarInfo("mem", v, t)
                return
            self.defineWith(newobj, v)
            return
        obj = self.info.Uses.get(l)
        assert isinstance(obj, types.Var)
        vi = self.varOf(obj, l)
        self.storeVar(vi, v)

    def stmt_IncDecStmt(self, s: ast.IncDecStmt) -> None:
        t = self.typeOf(s.X)
        ref = self.lvalue(s.X)
        if id(s) in self.nowrap and ref[0] == "var" and ref[1].kind == "py":
            self.emit(f"{ref[1].name} {'+' if s.Tok == token.INC else '-'}= 1")
            return
        cur = self.loadRef(ref, t)
        one = "1.0" if ti.rep(t) == Rep.FLOAT else ("1" if ti.rep(t) == Rep.INT else "1")
        op = token.ADD if s.Tok == token.INC else token.SUB
        self.storeRef(ref, t, self.binop(op, cur, one, t, t, s))

    def stmt_ReturnStmt(self, s: ast.ReturnStmt) -> None:
        results = s.Results
        rts = self.resultTypes
        if self.rfstack:
            # Inside a range-over-func body (a nested Python function):
            # hand the results out and stop the iteration.
            from gort.cmd.compile.ranges import rangeFuncReturn

            rangeFuncReturn(self, s)
            return
        if self.hasDefer:
            if results:
                if len(results) == len(rts):
                    vals = [self.valueFresh(r, t) for r, t in zip(results, rts)]
                else:
                    vals = [self.convertValue(v, t0, t) for (v, t0), t in zip(self.multiValue(results[0]), rts)]
                for vi, v in zip(self.resultVars, vals):
                    self.storeVar(vi, v)
            self.emit("return")
            return
        if not rts:
            self.emit("return")
            return
        if not results:
            vals = [self.loadVar(v) for v in self.resultVars]
            vals = [self.resultValue(v, t) for v, t in zip(vals, rts)]
        elif len(results) == len(rts):
            vals = [self.resultValue(self.expr(r, t), t) for r, t in zip(results, rts)]
        else:
            mv = self.multiValue(results[0])
            if len(mv) == len(rts) and all(ti.rep(t0) == ti.rep(t) and not ti.isMem(t) for (_, t0), t in zip(mv, rts)):
                pass
            vals = [self.resultValue(self.convertValue(v, t0, t), t) for (v, t0), t in zip(mv, rts)]
        if len(vals) == 1:
            self.emit(f"return {vals[0]}")
        else:
            self.emit(f"return ({', '.join(vals)},)")

    def resultValue(self, v: str, t: types.Type) -> str:
        """A composite result is returned as the address of a slot of this frame."""
        if ti.isMem(t) and not self.isFresh(v):
            tmp = self.slotAddrNoClear(t)
            self.emit(ti.copyMem(t, tmp, v))
            return tmp
        return v

    def stmt_IfStmt(self, s: ast.IfStmt) -> None:
        if s.Init is not None:
            self.stmt(s.Init)
        static = staticBool(self.info, s.Cond)
        if static:
            # A condition known at compile time (deadcode.py): only the live
            # branch is compiled, in line (it runs whenever this point is
            # reached, so what it learns holds after it too).
            if static > 0:
                self.stmtList(s.Body.List)
            elif s.Else is not None:
                self.stmt(s.Else)
            return
        cond = self.condExpr(s.Cond)
        self.emit(f"if {cond}:")
        with self.indent():
            self.stmtList(s.Body.List)
        if s.Else is not None:
            self.emit("else:")
            with self.indent():
                self.stmt(s.Else)

    def stmt_GoStmt(self, s: ast.GoStmt) -> None:
        fv = self.deferredClosure(s.Call, "gowrap")
        # The go statement's "pc", as gc's compiled code hands newproc its
        # caller's: this function and the statement's line.
        self.setpos(s)
        self.emit(f"newproc({fv}, FID_{self.pyname}, {self.curline}, gp)")

    def stmt_DeferStmt(self, s: ast.DeferStmt) -> None:
        deferStmt(self, s)

    def stmt_SendStmt(self, s: ast.SendStmt) -> None:
        c = self.expr(s.Chan)
        et = ti.underAs(self.typeOf(s.Chan), types.Chan).Elem()
        c = self.spillIfNeeded(c)
        v = self.expr(s.Value, et)
        # chansend1 in two (chan.py): a send that completes at once (a
        # receiver waits, or the buffer has room) is a plain call; only one
        # that must park runs a generator, which trysend hands c's lock.
        if ti.chanByValue(et):
            # The value itself; it goes to a frame slot only to park.
            v = self.spillIfNeeded(v)
            self.emit(f"if not trysend({c}, {v}, True, gp):")
            with self.indent():
                addr = self.addressOfValue(v, et)
                self.emit(f"yield from chansendpark({c}, {addr}, gp)")
            return
        addr = self.addressOfValue(v, et)
        self.emit(f"if not trysend({c}, {addr}, True, gp): yield from chansendpark({c}, {addr}, gp)")

    def stmt_LabeledStmt(self, s: ast.LabeledStmt) -> None:
        self.pendingLabel = s.Label.Name
        self.stmt(s.Stmt)
        self.pendingLabel = None

    pendingLabel: str | None = None

    def takeLabel(self) -> str | None:
        lbl = self.pendingLabel
        self.pendingLabel = None
        return lbl

    # --- loops -----------------------------------------------------------------------

    def stmt_ForStmt(self, s: ast.ForStmt) -> None:
        label = self.takeLabel()
        if s.Init is not None:
            self.stmt(s.Init)
        if forIsDead(self.info, s):
            # `for ...; false; ... {}`: only the init statement runs (deadcode.py).
            return
        loop = Loop(s, label, True)
        loop.post = s.Post
        # Per-iteration loop variables (Go 1.22) that live on the heap get a
        # fresh cell before each post statement.
        itervars = []
        if isinstance(s.Init, ast.AssignStmt) and s.Init.Tok == token.DEFINE:
            for l in identsOf(s.Init.Lhs):
                o = self.info.Defs.get(l)
                if isinstance(o, types.Var) and o in self.vars and self.vars[o].kind == "mem" and self.storageOf(o) == "heap":
                    itervars.append(self.vars[o])
        loop.itervars = itervars
        self.noWrapPost(s)
        cached = self.cacheSlices(s)
        mark = len(self.L.lines)
        if s.Cond is not None:
            # `while cond:` when the condition is a plain expression.
            self.emit("while True:")
            with self.indent():
                cmark = len(self.L.lines)
                cond = self.condExpr(s.Cond)
                simple = len(self.L.lines) == cmark
                if simple:
                    self.L.lines[mark] = self.L.lines[mark].replace("while True:", f"while {cond}:")
                else:
                    self.emit(f"if not ({cond}): break")
                self.loopBody(loop, s.Body.List)
        else:
            self.emit("while True:")
            with self.indent():
                self.loopBody(loop, s.Body.List)
        _ = mark
        self.uncacheSlices(cached)
        self.afterLoop(loop)

    def cacheSlices(self, loop: Any) -> list[str]:
        """Before a loop: keep the pointer and length of each local slice the
        loop indexes but never assigns in locals, so `s[i]` skips the tuple."""
        from gort.cmd.compile.ranges import _assignedIn

        found: dict[types.Var, str] = {}

        def f(n: Any) -> bool:
            if isinstance(n, ast.FuncLit):
                return False
            if isinstance(n, (ast.IndexExpr, ast.SliceExpr)):
                x = unparen(n.X)
                if isinstance(x, ast.Ident):
                    v = self.info.Uses.get(x)
                    if isinstance(v, types.Var) and v not in found:
                        vi = self.vars.get(v)
                        if vi is not None and vi.kind == "py" and isinstance(vi.t.Underlying(), types.Slice) \
                                and vi.name not in self.sliceCache:
                            found[v] = vi.name
            return True

        ast.Inspect(loop, f)
        out = []
        for v, name in found.items():
            fv = self.analysis.facts.get(v)
            if fv is not None and (fv.addrTaken or fv.captured):
                continue
            if _assignedIn(self, loop, {v}):
                continue
            p, n = self.tmp("_sp"), self.tmp("_sn")
            self.emit(f"{p}, {n} = {name}[0], {name}[1]")
            st = self.vars[v].t.Underlying()
            assert isinstance(st, types.Slice)  # found holds slices only
            et = st.Elem()
            vw = ti.view(et)
            w = ""
            if vw is not None and ti.sizeof(et) == 1 << vw[1]:
                w = self.tmp("_sw")
                self.emit(f"{w} = {p} >> {vw[1]}" if vw[1] else f"{w} = {p}")
            self.sliceCache[name] = (p, n, w)
            out.append(name)
        return out

    def uncacheSlices(self, names: list[str]) -> None:
        for name in names:
            del self.sliceCache[name]

    def noWrapPost(self, s: ast.ForStmt) -> None:
        """Post statements that cannot overflow, because the condition bounds them:
        `i++` / `i = i + 1` under `i < x`, `j--` / `j = j - 1` under `x < j`
        (in any && term of the condition), with i and j unchanged in the body."""
        from gort.cmd.compile.ranges import _assignedIn

        below: set[str] = set()  # v < x: v + 1 cannot overflow
        above: set[str] = set()  # x < v: v - 1 cannot overflow

        def terms(c: Any) -> None:
            c = unparen(c)
            if isinstance(c, ast.BinaryExpr):
                if c.Op == token.LAND:
                    terms(c.X)
                    terms(c.Y)
                    return
                lhs, rhs = unparen(c.X), unparen(c.Y)
                if c.Op == token.LSS:
                    if isinstance(lhs, ast.Ident):
                        below.add(lhs.Name)
                    if isinstance(rhs, ast.Ident):
                        above.add(rhs.Name)
                elif c.Op == token.GTR:
                    if isinstance(rhs, ast.Ident):
                        below.add(rhs.Name)
                    if isinstance(lhs, ast.Ident):
                        above.add(lhs.Name)

        if s.Cond is None or s.Post is None:
            return
        terms(s.Cond)

        def safe(ident: Any) -> bool:
            v = self.info.Uses.get(ident)
            if not isinstance(v, types.Var) or _assignedIn(self, s.Body, {v}):
                return False
            f = self.analysis.facts.get(v)
            return not (f is not None and (f.addrTaken or f.captured))

        post = s.Post
        if isinstance(post, ast.IncDecStmt) and isinstance(post.X, ast.Ident):
            name = post.X.Name
            if ((post.Tok == token.INC and name in below) or (post.Tok == token.DEC and name in above)) and safe(post.X):
                self.nowrap.add(id(post))
            return
        if isinstance(post, ast.AssignStmt) and post.Tok == token.ASSIGN and len(post.Lhs) == len(post.Rhs):
            for lhs, rhs in zip(post.Lhs, post.Rhs):
                rhs = unparen(rhs)
                if not (isinstance(lhs, ast.Ident) and isinstance(rhs, ast.BinaryExpr)):
                    continue
                x, y = unparen(rhs.X), rhs.Y
                c = self.constOf(y)
                if not (isinstance(x, ast.Ident) and x.Name == lhs.Name and c is not None):
                    continue
                if constant.Int64Val(constant.ToInt(c))[0] != 1:
                    continue
                if ((rhs.Op == token.ADD and lhs.Name in below) or (rhs.Op == token.SUB and lhs.Name in above)) \
                        and safe(lhs):
                    self.nowrap.add(id(rhs))

    def loopBody(self, loop: Loop, body: list[Any]) -> None:
        self.loops.append(loop)
        # A preemption safepoint on every back-edge (docs/design/0002).
        if self.isgen or self.rfstack:
            self.emit("if gp.preempt: yield from gopreempt(gp)")
        else:
            self.emit("if gp.preempt: gopreemptPlain(gp)")
        self.stmtList(body)
        self.loops.pop()
        self.emitPost(loop)

    def emitPost(self, loop: Loop) -> None:
        for vi in getattr(loop, "itervars", []):
            nc = self.tmp("_c")
            self.emit(f"{nc} = newobject_g(gp, {self.pg.tref(vi.t)})")
            for st in ti.store(vi.t, nc, ti.load(vi.t, vi.name)):
                self.emit(st)
            self.emit(f"{vi.name} = {nc}")
        if loop.post is not None:
            if hasattr(loop.post, "line"):
                self.emit(loop.post.line)
            else:
                self.stmt(loop.post)

    def afterLoop(self, loop: Loop) -> None:
        """After a Python loop: propagate labeled break/continue aimed further out."""
        self.propagateFlags()

    def propagateFlags(self) -> None:
        # Flags set by inner branches that target enclosing constructs.
        for outer in reversed(self.loops):
            if outer.brkflag:
                self.emit(f"if {outer.brkflag}:")
                with self.indent():
                    if self.innermostPyLoop() is outer:
                        self.emit(f"{outer.brkflag} = False")
                    self.emit("break")
            if outer.contflag:
                self.emit(f"if {outer.contflag}:")
                with self.indent():
                    if self.innermostPyLoop() is outer:
                        self.emit(f"{outer.contflag} = False")
                        self.emitPost(outer)
                        self.emit("continue")
                    else:
                        self.emit("break")

    def innermostPyLoop(self) -> Loop | None:
        for lp in reversed(self.loops):
            if lp.pyloop:
                return lp
        return None

    def stmt_BranchStmt(self, s: ast.BranchStmt) -> None:
        tok = s.Tok
        if tok == token.FALLTHROUGH:
            self.emit("_ft = True")
            return
        target: Loop | None = None
        if tok == token.GOTO:
            assert s.Label is not None  # the parser requires goto's label
            for lp in reversed(self.loops):
                if lp.gotoVar is not None and s.Label.Name in lp.gotoLabels:
                    target = lp
                    break
            if target is None:
                raise self.err(s, "internal error: goto target not found")
            self.emit(f"{target.gotoVar} = {target.gotoLabels[s.Label.Name]}")
            tok = token.CONTINUE
        elif s.Label is not None:
            for lp in reversed(self.loops):
                if lp.label == s.Label.Name:
                    target = lp
                    break
        else:
            for lp in reversed(self.loops):
                if lp.gotoVar is not None:
                    continue
                if tok == token.BREAK or not lp.isSwitch:
                    target = lp
                    break
        if target is None:
            raise self.err(s, "internal error: branch target not found")
        if self.rfstack:
            from gort.cmd.compile.ranges import rangeFuncBranch

            if rangeFuncBranch(self, s, target, tok):
                return
        inner = self.innermostPyLoop()
        if tok == token.BREAK:
            if target is inner:
                self.emit("break")
                return
            if not target.pyloop:
                # A switch/select compiled without a loop: wrap was needed.
                raise self.err(s, "internal error: break out of an unwrapped switch")
            if target.brkflag is None:
                target.brkflag = self.tmp("_brk")
                self.hoist(f"{target.brkflag} = False")
            self.emit(f"{target.brkflag} = True")
            self.emit("break")
            return
        # continue
        if target is inner:
            self.emitPost(target)
            self.emit("continue")
            return
        if target.contflag is None:
            target.contflag = self.tmp("_cont")
            self.hoist(f"{target.contflag} = False")
        self.emit(f"{target.contflag} = True")
        self.emit("break")

    def hoist(self, line: str) -> None:
        """Put line at the start of the function body."""
        self.L.lines.insert(0, "        " + line)
        self.golines.insert(0, 0)

    def stmt_RangeStmt(self, s: ast.RangeStmt) -> None:
        from gort.cmd.compile.ranges import compileRange

        compileRange(self, s)

    # --- switch -------------------------------------------------------------------------

    def needsWrap(self, s: Any, parts: list[Any] | None = None) -> bool:
        """Does the switch/select body (or the parts of it that are compiled)
        contain a break that targets it?"""
        found = False
        label = self.pendingLabel

        def f(n: Any) -> bool:
            nonlocal found
            if found or isinstance(n, ast.FuncLit):
                return False
            if isinstance(n, (ast.ForStmt, ast.RangeStmt, ast.SwitchStmt, ast.TypeSwitchStmt, ast.SelectStmt)) and n is not s:
                # Unlabeled breaks inside belong to the inner construct.
                def g(m: Any) -> bool:
                    nonlocal found
                    if isinstance(m, ast.FuncLit):
                        return False
                    if isinstance(m, ast.BranchStmt) and m.Tok == token.BREAK and m.Label is not None and m.Label.Name == label:
                        found = True
                    return not found

                inspectLive(self.info, n, g)
                return False
            if isinstance(n, ast.BranchStmt) and n.Tok == token.BREAK:
                if n.Label is None or n.Label.Name == label:
                    found = True
            return not found

        for part in parts if parts is not None else [s.Body]:
            inspectLive(self.info, part, f)
        return found

    def stmt_SwitchStmt(self, s: ast.SwitchStmt) -> None:
        # Only what constants leave live is compiled (deadcode.switchPlan).
        plan = switchPlan(self.info, s)
        label = self.pendingLabel
        wrap = self.needsWrap(s, plan.liveBodies())
        self.takeLabel()
        loop = Loop(s, label, wrap, isSwitch=True)
        if wrap:
            self.emit("while True:")
            self.L.depth += 1
        if s.Init is not None:
            self.stmt(s.Init)
        tag: str | None = None
        tagt: types.Type | None = None
        if s.Tag is not None and (plan.chain or self.constOf(s.Tag) is None):
            tagt = self.typeOf(s.Tag)
            tag = self.tmp()
            self.emit(f"{tag} = {self.expr(s.Tag)}")
        clauses = plan.clauses
        index = {id(c): i for i, c in enumerate(clauses)}
        hasFT = any(endsInFallthrough(c) for c, live in zip(clauses, plan.live) if live)
        # Function literals in clauses gort drops but gc keeps are numbered
        # by gc: skip their numbers where they would be compiled.
        numbered = not plan.folded or gcFoldsSwitch(self.info, s)
        skipped = 0

        def skipDead(upto: int) -> None:
            nonlocal skipped
            for i in range(skipped, upto):
                if not plan.live[i] and not numbered:
                    self.skipLiterals(clauses[i].Body)
            skipped = max(skipped, upto)

        def body(c: ast.CaseClause) -> None:
            skipDead(index[id(c)])
            self.stmtList(c.Body)

        self.loops.append(loop)
        if not plan.chain:
            # Nothing to test at run time: the clause taken, if any, and the
            # clauses it falls through to, in line.
            i = index[id(plan.other)] if plan.other is not None else len(clauses)
            while i < len(clauses):
                skipDead(i)
                ft = endsInFallthrough(clauses[i])
                self.stmtList(clauses[i].Body[:-1] if ft else clauses[i].Body)
                i = i + 1 if ft else len(clauses)
        elif hasFT:
            self.switchFallthrough(plan, tag, tagt, skipDead)
        else:
            other = plan.other
            self.ifChain(plan.chain, lambda ce: self.caseCond(ce[0], ce[1], tag, tagt), lambda ce: body(ce[0]),
                         (lambda: body(other)) if other is not None else None)
        skipDead(len(clauses))
        self.loops.pop()
        if wrap:
            self.emit("break")
            self.L.depth -= 1
            self.propagateFlags()

    def skipLiterals(self, parts: list[Any]) -> None:
        """Count the function literals gc numbers in code not compiled here,
        so that the next literal gets gc's name (deadcode.gcLiterals)."""
        n = gcLiterals(self.info, parts)
        if n:
            self.pg.closureCount[self.pyname] = self.pg.closureCount.get(self.pyname, 0) + n

    def ifChain(self, items: list[Any], cond: Any, body: Any, orelse: Any) -> None:
        """if/elif/else over items, in order; a condition that needs statements
        nests under the previous else so they run only when it is reached."""
        opened = 0
        first = True
        known = set(self.nilknown)  # checks in later conditions are conditional
        for it in items:
            mark = len(self.L.lines)
            c = cond(it)
            if len(self.L.lines) > mark and not first:
                # Move the condition's statements under an else of their own.
                moved = self.L.lines[mark:]
                movedg = self.golines[mark:]
                del self.L.lines[mark:]
                del self.golines[mark:]
                self.emit("else:")
                self.L.depth += 1
                opened += 1
                for ln, g in zip(moved, movedg):
                    self.L.lines.append("    " + ln)
                    self.golines.append(g)
                first = True
            self.emit(("if " if first else "elif ") + c + ":")
            first = False
            with self.indent():
                body(it)
        if orelse is not None:
            if first:
                orelse()
            else:
                self.emit("else:")
                with self.indent():
                    orelse()
        self.L.depth -= opened
        self.nilknown = known

    def caseCond(self, c: ast.CaseClause, exprs: list[Any], tag: str | None, tagt: types.Type | None) -> str:
        """The condition of clause c, testing exprs (those of its case expressions that may match)."""
        conds = []
        for e in exprs:
            if tag is None:
                conds.append(f"({self.expr(e)})")
            else:
                assert tagt is not None  # set with tag
                v = self.expr(e, tagt if not types.IsInterface(tagt) else None)
                et = self.typeOf(e)
                conds.append("(" + self.compare(token.EQL, tag, v, tagt, et, c) + ")")
        # Conditions with statements (calls that emit) are evaluated in order here.
        return " or ".join(conds) if conds else "False"

    def switchFallthrough(self, plan: SwitchPlan, tag: str | None, tagt: types.Type | None,
                          skipDead: Any) -> None:
        sel = self.tmp("_sw")
        self.emit(f"{sel} = -1")
        clauses = plan.clauses
        index = {id(c): i for i, c in enumerate(clauses)}
        otherIdx = index[id(plan.other)] if plan.other is not None else -1
        self.ifChain(plan.chain, lambda ce: self.caseCond(ce[0], ce[1], tag, tagt),
                     lambda ce: self.emit(f"{sel} = {index[id(ce[0])]}"),
                     (lambda: self.emit(f"{sel} = {otherIdx}")) if otherIdx >= 0 else None)
        self.emit("_ft = False")
        for i, c in enumerate(clauses):
            if not plan.live[i]:
                continue
            skipDead(i)
            self.emit(f"if {sel} == {i} or _ft:")
            with self.indent():
                self.emit("_ft = False")
                self.stmtList(c.Body)

    def stmt_TypeSwitchStmt(self, s: ast.TypeSwitchStmt) -> None:
        from gort.cmd.compile.ifaces import compileTypeSwitch

        compileTypeSwitch(self, s)

    def stmt_SelectStmt(self, s: ast.SelectStmt) -> None:
        from gort.cmd.compile.selects import compileSelect

        compileSelect(self, s)

    # ===================================================================================
    # expressions
    # ===================================================================================

    def expr(self, e: Any, want: types.Type | None = None) -> str:
        """A Python expression for e's value, converted to want (assignability) if given."""
        tv = self.info.Types.get(e)
        if tv is not None and tv.Value is not None:
            t = self.T(tv.Type)
            if want is not None and types.IsInterface(want):
                return self.toIface(self.constant(tv.Value, t if not _isUntyped(t) else types.Default(t)),
                                    types.Default(t) if _isUntyped(t) else t, want)
            return self.constant(tv.Value, want if want is not None and not types.IsInterface(want) else t)
        if tv is not None and tv.IsNil():
            return self.nilValue(want if want is not None else self.T(tv.Type))
        m = getattr(self, "expr_" + type(e).__name__, None)
        if m is None:
            raise self.err(e, f"gort: {type(e).__name__} expression is not supported yet")
        v: str = m(e)
        if want is not None:
            t = self.T(tv.Type) if tv is not None else self.typeOf(e)
            v = self.convertValue(v, t, want)
        return v

    def nilValue(self, t: types.Type) -> str:
        r = ti.rep(t)
        if r == Rep.SLICE:
            return "ZSL"
        if r == Rep.IFACE:
            return "ZI"
        return "0"

    def constant(self, val: Any, t: types.Type) -> str:
        if _isUntyped(t):
            t = types.Default(t)
        r = ti.rep(t)
        k = val.Kind()
        if r == Rep.BOOL:
            return "True" if constant.BoolVal(val) else "False"
        if r == Rep.STRING:
            s = constant.StringVal(val)
            b = s.encode("utf-8", "surrogateescape") if isinstance(s, str) else bytes(s)
            if not b:
                return "ZS"
            return self.pg.sref(b)
        if r == Rep.INT:
            if k == constant.Float or k == constant.Complex:
                val = constant.ToInt(val)
            return str(constant.Int64Val(val)[0] if not ti.isUnsigned(t) else constant.Uint64Val(val)[0]) \
                if hasattr(constant, "Uint64Val") else str(int(constant.Int64Val(val)[0]))
        if r == Rep.FLOAT:
            f = constant.Float64Val(constant.ToFloat(val))[0]
            if ti.isFloat32(t):
                import struct as _st

                f = _st.unpack("f", _st.pack("f", f))[0]
            return _floatLit(f)
        if r == Rep.COMPLEX:
            re = constant.Float64Val(constant.Real(val))[0]
            im = constant.Float64Val(constant.Imag(val))[0]
            return f"complex({_floatLit(re)}, {_floatLit(im)})"
        if r == Rep.PTR:
            return str(constant.Uint64Val(val)[0]) if hasattr(constant, "Uint64Val") else "0"
        if r == Rep.IFACE:
            return "ZI"
        raise CompileError(0, f"internal error: constant of type {t}")

    def expr_ParenExpr(self, e: ast.ParenExpr) -> str:
        return self.expr(e.X)

    def expr_Ident(self, e: ast.Ident) -> str:
        obj = self.info.Uses.get(e) or self.info.Defs.get(e)
        if isinstance(obj, types.Var):
            return self.loadVar(self.varOf(obj, e))
        if isinstance(obj, types.Func):
            return self.funcValue(obj)
        if isinstance(obj, types.Nil):
            return "0"
        if isinstance(obj, types.Const):
            return self.constant(obj.Val(), self.vtype(obj))
        raise self.err(e, f"internal error: identifier {e.Name} ({type(obj).__name__})")

    def funcValue(self, fn: types.Func) -> str:
        """A func value (funcval address) for the function fn."""
        ref = self.pg.funcRef(fn)
        wrapper = self.fvWrapper(fn, ref)
        return self.pg.funcvalOf(wrapper)

    def fvWrapper(self, fn: types.Func, ref: str) -> str:
        """A generator taking (gp, ctx, args...) that calls fn: what funcvals call."""
        name = f"W_{ref}"
        if name in self.pg.methodWrappers:
            return name
        self.pg.methodWrappers.add(name)
        sig = fn.Signature()
        n = sig.Params().Len() + (1 if sig.Recv() is not None else 0)
        args = ", ".join(f"a{i}" for i in range(n))
        gen = self.pg.isGenFunc(fn)
        call = f"{ref}(gp{', ' if n else ''}{args})"
        self.pg.extra.append(f"def {name}(gp, ctx{', ' if n else ''}{args}):")
        if gen:
            self.pg.extra.append(f"    return (yield from {call})")
        else:
            self.pg.extra.append(f"    return {call}")
            self.pg.extra.append("    yield")
        self.pg.extra.append("")
        # (Go's funcval of a function points at the function itself: the
        # wrapper takes its name, and tracebacks hide it as a wrapper.)
        self.pg.funcs.append(_wrapperMeta(name, self.pg.funcGoName(fn)))
        return name

    def expr_BasicLit(self, e: ast.BasicLit) -> str:
        raise self.err(e, "internal error: literal without a constant value")

    def expr_FuncLit(self, e: ast.FuncLit) -> str:
        from gort.cmd.compile.closures import compileFuncLit

        return compileFuncLit(self, e)

    def expr_CompositeLit(self, e: ast.CompositeLit) -> str:
        from gort.cmd.compile.complit import compileCompositeLit

        return compileCompositeLit(self, e)

    def expr_StarExpr(self, e: ast.StarExpr) -> str:
        t = self.typeOf(e)
        q = self.ptrOperand(e.X)
        if ti.isMem(t):
            return q
        return ti.load(t, q)

    def isNonNil(self, x: Any) -> bool:
        """Is the pointer expression x known not to be nil (no check needed)?"""
        x = unparen(x)
        if isinstance(x, ast.Ident):
            obj = self.info.Uses.get(x)
            if isinstance(obj, types.Var):
                f = self.analysis.facts.get(obj)
                # Parameters are never known: callers may pass nil.
                return f is not None and f.nonnil is True
        from gort.cmd.compile.escape import _nonNilExpr

        return _nonNilExpr(self.info, x)

    def ptrOperand(self, x: Any) -> str:
        """The value of pointer expression x, nil-checked unless known non-nil."""
        p = self.spillIfNeeded(self.expr(x))
        if self.isNonNil(x):
            return p
        if p in self.nilknown:
            return p  # a dominating check of this parameter
        p = self.nilChecked(p)
        if self.isParam(unparen(x)):
            self.nilknown.add(p)
        return p

    def wantsWordBase(self, o: types.Var) -> bool:
        """o, a pointer to a struct that the function never reassigns, is worth a
        word-index companion: its fields are selected three times or more."""
        t = self.vtype(o).Underlying()
        if not isinstance(t, types.Pointer) or not isinstance(t.Elem().Underlying(), types.Struct):
            return False
        f = self.analysis.facts.get(o)
        if f is not None and (f.reassigned or f.addrTaken or f.captured):
            return False
        if self._fieldUses is None:
            uses: dict[types.Var, int] = {}
            body = self.decl.Body if self.decl is not None else None

            def visit(n: Any) -> bool:
                if isinstance(n, ast.FuncLit):
                    return False
                if isinstance(n, ast.SelectorExpr) and isinstance(n.X, ast.Ident):
                    v = self.info.Uses.get(n.X)
                    if isinstance(v, types.Var):
                        uses[v] = uses.get(v, 0) + 1
                return True

            if body is not None:
                ast.Inspect(body, visit)
            self._fieldUses = uses
        return self._fieldUses.get(o, 0) >= 3

    def isParam(self, x: Any) -> bool:
        """x names a parameter or receiver of this function that the body never assigns."""
        if not isinstance(x, ast.Ident):
            return False
        obj = self.info.Uses.get(x)
        if not isinstance(obj, types.Var):
            return False
        if self._params is None:
            ps: set[types.Var] = set()
            if self.sig is not None:
                prm = self.sig.Params()
                ps.update(prm.At(i) for i in range(prm.Len()))
                recv = self.sig.Recv()
                if recv is not None:
                    ps.add(recv)
            self._params = ps
        if obj not in self._params:
            return False
        f = self.analysis.facts.get(obj)
        vi = self.vars.get(obj)
        return vi is not None and vi.kind == "py" and (f is None or not (f.reassigned or f.addrTaken or f.captured))

    def nilChecked(self, p: str) -> str:
        """p, after a nil check (p must be a simple expression)."""
        if not p.isidentifier():
            t = self.tmp()
            self.emit(f"{t} = {p}")
            p = t
        self.emit(f"if not {p}: panicmem()")
        return p

    def spillIfNeeded(self, v: str) -> str:
        if _simple(v):
            return v
        t = self.tmp()
        self.emit(f"{t} = {v}")
        return t

    def expr_UnaryExpr(self, e: ast.UnaryExpr) -> str:
        op = e.Op
        if op == token.AND:
            return self.addressOf(e.X)
        if op == token.ARROW:
            return self.recv(e, False)[0]
        t = self.typeOf(e)
        x = self.expr(e.X, t)
        r = ti.rep(t)
        if op == token.NOT:
            return f"(not {x})"
        if op == token.ADD:
            return x
        if op == token.SUB:
            if r == Rep.INT:
                xr = exprRange(self, e.X, t)
                return self.wrap(f"-{_paren(x)}", t, (-xr[1], -xr[0]))
            if r == Rep.FLOAT and ti.isFloat32(t):
                return f"-{_paren(x)}"
            return f"(-{_paren(x)})"
        if op == token.XOR:
            bits, signed = ti.intinfo(t)
            if signed:
                return f"(~{_paren(x)})"
            return f"({_paren(x)} ^ {hex((1 << bits) - 1)})"
        raise self.err(e, f"gort: unary {op} not supported")

    def recv(self, e: ast.UnaryExpr, withOk: bool) -> tuple[str, str]:
        c = self.spillIfNeeded(self.expr(e.X))
        et = ti.underAs(self.typeOf(e.X), types.Chan).Elem()
        # chanrecv always writes the slot (the value, or zero when closed);
        # it is cleared first only if it holds pointers, which a scan of
        # the parked goroutine's frame must not mistake for live ones.
        slot = self.slotAddr(et) if ti.hasPointers(et) else self.slotAddrNoClear(et)
        # chanrecv1/chanrecv2 in two, as for sends (stmt_SendStmt).
        if ti.chanByValue(et):
            # tryrecv returns the value; only a receive that parks goes
            # through the slot.
            v = self.tmp()
            ok = self.tmp() if withOk else "True"
            if withOk:
                self.emit(f"{ok} = True")
            self.emit(f"if ({v} := tryrecv({c}, 0, True, gp)) is None:")
            with self.indent():
                park = f"yield from chanrecvpark({c}, {slot}, gp)"
                self.emit(f"{ok} = {park}" if withOk else park)
                self.emit(f"{v} = {ti.load(et, slot)}")
            return v, ok
        if withOk:
            ok = self.tmp()
            self.emit(f"{ok} = tryrecv({c}, {slot}, True, gp)")
            self.emit(f"if {ok} is None: {ok} = yield from chanrecvpark({c}, {slot}, gp)")
        else:
            self.emit(f"if tryrecv({c}, {slot}, True, gp) is None: yield from chanrecvpark({c}, {slot}, gp)")
            ok = "True"
        if ti.isMem(et):
            self.fresh.add(slot)
            return slot, ok
        if ti.view(et) is not None:
            # One word: read where it is used (only this receive writes its slot).
            return ti.load(et, slot), ok
        v = self.tmp()
        self.emit(f"{v} = {ti.load(et, slot)}")
        return v, ok

    def addressOf(self, x: Any) -> str:
        """&x."""
        x = unparen(x)
        if isinstance(x, ast.CompositeLit):
            t = self.typeOf(x)
            p = self.tmp()
            if ti.isMem(t):
                # new(T), then the literal's elements straight into it (as gc's walk does).
                from gort.cmd.compile.complit import fill

                self.emit(f"{p} = newobject_g(gp, {self.pg.tref(t)})")
                self.ptrLocals.add(p)
                fill(self, x, t, p)
                return p
            v = self.expr(x)
            if not _simple(v):
                tv = self.tmp()
                self.emit(f"{tv} = {v}")
                v = tv
            self.emit(f"{p} = newobject_g(gp, {self.pg.tref(t)})")
            for s in ti.store(t, p, v):
                self.emit(s)
            return p
        if isinstance(x, ast.IndexExpr) and not isinstance(self.typeOf(x.X).Underlying(), types.Map):
            return self.indexAddr(x)
        ref = self.lvalue(x)
        if ref[0] == "addr":
            addr: str = ref[1]
            return addr
        if ref[0] == "var":
            vi: VarInfo = ref[1]
            if vi.kind == "mem":
                return vi.name
        raise self.err(x, "internal error: address of a non-addressable value")

    def expr_BinaryExpr(self, e: ast.BinaryExpr) -> str:
        op = e.Op
        if op in (token.LAND, token.LOR):
            return self.logical(e)
        xt = self.typeOf(e.X)
        yt = self.typeOf(e.Y)
        t = self.typeOf(e)
        if op in (token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ):
            # Operands convert to each other's type when one is untyped / an interface.
            ct = xt if not _isUntyped(xt) else yt
            if types.IsInterface(xt) and not types.IsInterface(yt):
                y = self.expr(e.Y)
                x = self.spillFor(self.expr(e.X), e.Y)
                return self.compare(op, x, y, xt, yt, e)
            if types.IsInterface(yt) and not types.IsInterface(xt):
                x = self.expr(e.X)
                mark = len(self.L.lines)
                y = self.expr(e.Y)
                x = self.spillAt(x, mark)
                return self.compare(op, y, x, yt, xt, e, swapped=True)
            x = self.expr(e.X, ct if not _isUntyped(ct) else None)
            mark = len(self.L.lines)
            y = self.expr(e.Y, ct if not _isUntyped(ct) else None)
            x = self.spillAt(x, mark)
            return self.compare(op, x, y, ct, ct, e)
        if op in (token.SHL, token.SHR):
            inner = self.shlConvOperand(e, t)
            x = self.expr(inner) if inner is not None else self.expr(e.X, t)
            mark = len(self.L.lines)
            y = self.expr(e.Y)
            x = self.spillAt(x, mark)
            return self.binop(op, x, y, t, yt, e)
        if op in RING and ti.rep(t) == Rep.INT:
            # +, -, *, &, |, ^, &^ commute with reduction mod 2^n: compute the
            # whole tree in Python's exact integers and wrap once, at the root.
            x = self.ringOperand(e.X, t)
            mark = len(self.L.lines)
            y = self.ringOperand(e.Y, t)
            x = self.spillAt(x, mark)
            raw = self.ringop(op, x, y)
            if self._rawOK or id(e) in self.nowrap:
                return raw
            if op in (token.ADD, token.SUB) and x in self.bounded and _smallConst(y) and ti.intinfo(t) == (64, True):
                return raw  # a range index plus or minus a small constant stays in range
            rr = rawRange(self, e, t)
            if fits(rr, t):
                return raw  # cannot leave t's range (intrange.py)
            return self.wrap(raw, t, rr)
        x = self.expr(e.X, t)
        mark = len(self.L.lines)
        y = self.expr(e.Y, t)
        x = self.spillAt(x, mark)
        return self.binop(op, x, y, t, t, e)

    def shlConvOperand(self, e: ast.BinaryExpr, t: types.Type) -> Any:
        """For T(y) << k (a constant k below T's width) that is wrapped to T
        anyway, y: the wrap of y << k is the wrap of T(y) << k, so the
        conversion's own wrap can go. None when that does not apply."""
        if e.Op != token.SHL or ti.rep(t) != Rep.INT or shlFits(self, e, t):
            return None
        u = unparen(e.X)
        if not isinstance(u, ast.CallExpr) or len(u.Args) != 1 or self.constOf(u) is not None:
            return None
        kind, _ = classifyCall(self.info, u)
        if kind != "conv":
            return None
        ft = self.typeOf(u.Args[0])
        if ti.rep(ft) != Rep.INT or _isUntyped(ft) or not isinstance(ft.Underlying(), types.Basic):
            return None
        kc = self.constOf(e.Y)
        try:
            k = int(self.constant(kc, types.Typ[types.Uint])) if kc is not None else -1
        except (ValueError, TypeError):
            return None
        if not 0 < k < ti.intinfo(t)[0]:
            return None
        return u.Args[0]

    _rawOK = False

    def ringop(self, op: Any, x: str, y: str) -> str:
        if op == token.AND_NOT:
            return f"({x} & ~{_paren(y)})"
        return f"({x} {_ringpy[op]} {y})"

    def ringOperand(self, e: Any, t: types.Type) -> str:
        """An operand of a ring operation, unwrapped if it is one itself."""
        u = unparen(e)
        if ringRaw(self, u, t):
            saved = self._rawOK
            self._rawOK = True
            try:
                return self.expr_BinaryExpr(u)
            finally:
                self._rawOK = saved
        saved = self._rawOK
        self._rawOK = False
        try:
            return self.expr(e, t)
        finally:
            self._rawOK = saved

    def spillFor(self, x: str, nxt: Any) -> str:
        return x

    def spillAt(self, x: str, mark: int) -> str:
        """If statements were emitted after mark, evaluate x before them (Go's order)."""
        if len(self.L.lines) == mark or _simple(x):
            return x
        t = self.tmp()
        self.L.lines.insert(mark, "    " * self.L.depth + f"{t} = {x}")
        self.golines.insert(mark, self.curline)
        return t

    def logical(self, e: ast.BinaryExpr) -> str:
        land = e.Op == token.LAND
        sx = staticBool(self.info, e.X)
        if sx and (sx > 0) == land:
            return self.expr(e.Y)  # true && y, false || y: y
        if sx:
            return "False" if land else "True"  # false && y, true || y: y never runs
        if staticBool(self.info, e.Y) == (1 if land else -1):
            return self.expr(e.X)  # x && true, x || false: x
        x = self.expr(e.X)
        mark = len(self.L.lines)
        saved = set(self.checked)
        known = set(self.nilknown)
        y = self.expr(e.Y)
        # Checks made while evaluating y may not run: forget them.
        self.checked = saved
        self.nilknown = known
        if len(self.L.lines) == mark:
            pyop = "and" if e.Op == token.LAND else "or"
            return f"({x} {pyop} {y})"
        # y needed statements: they must only run when x does not decide.
        ylines = self.L.lines[mark:]
        ygo = self.golines[mark:]
        del self.L.lines[mark:]
        del self.golines[mark:]
        r = self.tmp()
        self.emit(f"{r} = {x}")
        self.emit(f"if {'' if e.Op == token.LAND else 'not '}{r}:")
        for ln, g in zip(ylines, ygo):
            self.L.lines.append("    " + ln)
            self.golines.append(g)
        with self.indent():
            self.emit(f"{r} = {y}")
        return r

    def wrap(self, x: str, t: types.Type, r: Range | None = None) -> str:
        """x reduced to t's range (two's complement wrap-around); r bounds x's
        exact value when known (intrange.py).

        A signed result is tested against the bounds it can cross: only the
        upper one when x cannot fall below the type's range (`i + 1`,
        `int32(u >> 32)`), only the lower one when it cannot rise above it.
        """
        bits, signed = ti.intinfo(t)
        mask = (1 << bits) - 1
        if not signed:
            return f"({x} & {hex(mask)})"
        half = 1 << (bits - 1)
        tv = self.tmp("_w")
        if r is not None and r[0] >= -half:
            test = f"({tv} := {x}) <= {half - 1}"
        elif r is not None and r[1] <= half - 1:
            test = f"{-half} <= ({tv} := {x})"
        else:
            test = f"{-half} <= ({tv} := {x}) <= {half - 1}"
        return f"({tv} if {test} else ((({tv} + {hex(half)}) & {hex(mask)}) - {hex(half)}))"

    def assignOpRange(self, op: Any, t: types.Type, node: Any) -> Range | None:
        """Bounds of the exact result of x op= y or x++/x-- (node), x anywhere in t."""
        if isinstance(node, ast.IncDecStmt):
            y: Range = (1, 1)
        elif isinstance(node, ast.AssignStmt) and len(node.Rhs) == 1:
            y = exprRange(self, node.Rhs[0], t)
        else:
            return None
        return ringRange(op, typeRange(t), y)

    def binop(self, op: Any, x: str, y: str, t: types.Type, yt: types.Type, node: Any) -> str:
        r = ti.rep(t)
        if r == Rep.STRING:
            if op == token.ADD:
                return f"concatstrings(({x}, {y}))"
            raise self.err(node, f"invalid string op {op}")
        if r == Rep.INT:
            bits, signed = ti.intinfo(t)
            if op in (token.ADD, token.SUB) and bits == 64 and signed and x in self.bounded and _smallConst(y):
                # A range index plus or minus a small constant stays in range.
                return f"({x} {'+' if op == token.ADD else '-'} {y})"
            if op in (token.ADD, token.SUB, token.MUL):
                return self.wrap(f"{x} {_ringpy[op]} {y}", t, self.assignOpRange(op, t, node))
            c = _posConst(y)
            if op in (token.QUO, token.REM):
                pyop = "//" if op == token.QUO else "%"
                if c and not signed:
                    return f"({x} {pyop} {c})"
                if c:
                    # By a positive constant: Go truncates towards zero (and
                    # the quotient cannot overflow).
                    if not _simple(x):
                        q = self.tmp("_q")
                        return f"({q} {pyop} {c} if ({q} := {x}) >= 0 else -(-{q} {pyop} {c}))"
                    return f"({x} {pyop} {c} if {x} >= 0 else -(-{x} {pyop} {c}))"
                fn = ("imod" if op == token.REM else "idiv") if signed else ("umod" if op == token.REM else "udiv")
                call = f"{fn}({x}, {y})"
                if signed and op == token.QUO:
                    call = self.wrap(call, t)
                if _simple(x) and _simple(y):
                    # The common case inline: Python's operator is Go's when
                    # the dividend is not negative and the divisor positive
                    # (signed), or the divisor not zero (unsigned); the
                    # helper does the rest, and the division-by-zero panic.
                    if signed:
                        return f"({x} {pyop} {y} if {x} >= 0 < {y} else {call})"
                    return f"({x} {pyop} {y} if {y} else {call})"
                return call
            if op == token.AND:
                return f"({x} & {y})"
            if op == token.OR:
                return f"({x} | {y})"
            if op == token.XOR:
                return f"({x} ^ {y})"
            if op == token.AND_NOT:
                return f"({x} & ~{_paren(y)})"
            if op in (token.SHL, token.SHR):
                # A count known here: a constant, or an inlined argument
                # that is arithmetic on literals (`(1 & 31)`). Go's rules
                # by hand: x << k is 0 once k reaches the width; Python's
                # >> is Go's for every k (arithmetic for signed x, and an
                # unsigned x is never negative).
                k = _literalInt(y)
                if k is not None and k >= 0:
                    if k == 0:
                        return x
                    if op == token.SHR:
                        return f"({x} >> {k})"
                    if k < bits:
                        if shlFits(self, node, t):
                            return f"({x} << {k})"  # cannot leave t's range (intrange.py)
                        return self.wrap(f"({x} << {k})", t)
                    return "0" if _simple(x) else self.wrap(f"({x} << {bits})", t)
                ysigned = not ti.isUnsigned(yt) if ti.rep(yt) == Rep.INT and not _isUntyped(yt) else True
                if op == token.SHL:
                    return self.wrap(f"shl({x}, {y}, {bits}{', True' if ysigned else ''})", t)
                return f"shr({x}, {y}{', True' if ysigned else ''})"
        if r == Rep.FLOAT:
            f32 = ti.isFloat32(t)
            if op == token.QUO:
                d = self.tmp("_d")
                if _nonzeroConst(y):
                    v = f"({x} / {y})"
                elif _simple(x):
                    v = f"({x} / {d} if ({d} := {y}) else fdiv({x}, {d}))"
                else:
                    v = f"fdiv({x}, {y})"
            else:
                v = f"({x} {_pyop[op]} {y})"
            return f"f32r({v})" if f32 else v
        if r == Rep.COMPLEX:
            if op == token.QUO:
                v = f"cdiv({x}, {y})"
            else:
                v = f"({x} {_pyop[op]} {y})"
            return f"c64r({v})" if ti.isFloat32(t) else v
        raise self.err(node, f"gort: operator {op} on {t} not supported")

    def condExpr(self, e: Any) -> str:
        """Condition e of an if or for statement, where only its truth counts:
        a comparison with 0 or nil among its operands of &&, || and ! is the
        integer or pointer itself (`if x&m != 0` is `if (x & m):`), not a bool."""
        leaves: set[int] = set()

        def mark(x: Any) -> None:
            x = unparen(x)
            if isinstance(x, ast.BinaryExpr) and x.Op in (token.LAND, token.LOR):
                mark(x.X)
                mark(x.Y)
            elif isinstance(x, ast.UnaryExpr) and x.Op == token.NOT:
                mark(x.X)
            elif isinstance(x, ast.BinaryExpr) and x.Op in (token.EQL, token.NEQ):
                leaves.add(id(x))

        mark(e)
        saved = self.truthLeaves
        self.truthLeaves = leaves
        try:
            return self.expr(e)
        finally:
            self.truthLeaves = saved

    def compare(self, op: Any, x: str, y: str, xt: types.Type, yt: types.Type, node: Any, swapped: bool = False) -> str:
        r = ti.rep(xt)
        if swapped and op in (token.LSS, token.LEQ, token.GTR, token.GEQ):
            op = {token.LSS: token.GTR, token.LEQ: token.GEQ, token.GTR: token.LSS, token.GEQ: token.LEQ}[op]
        if id(node) in self.truthLeaves and r in (Rep.INT, Rep.PTR) and "0" in (x, y):
            v = y if x == "0" else x
            return f"({v})" if op == token.NEQ else f"(not {v})"
        pyop = _cmpop[op]
        if r in (Rep.INT, Rep.FLOAT, Rep.BOOL, Rep.PTR, Rep.COMPLEX):
            return f"({x} {pyop} {y})"
        if r == Rep.STRING:
            if op in (token.EQL, token.NEQ):
                return f"({'' if op == token.EQL else 'not '}eqstring({x}, {y}))"
            return f"(cmpstring({x}, {y}) {pyop} 0)"
        if r == Rep.IFACE:
            if not types.IsInterface(yt):
                # Interface compared with a concrete value: box the value.
                y = self.toIface(y, yt, xt)
            eq = f"efaceeq({x}, {y})" if ti.isEface(xt) else f"ifaceeq({x}, {y})"
            return eq if op == token.EQL else f"(not {eq})"
        if r == Rep.SLICE:
            # only comparison with nil
            return f"({x}[0] {pyop} 0)" if y == "ZSL" else f"({y}[0] {pyop} 0)"
        if r == Rep.MEM:
            eq = f"{self.pg.tref(xt)}.equal({x}, {y})"
            return eq if op == token.EQL else f"(not {eq})"
        raise self.err(node, f"gort: comparison of {xt} not supported")

    # --- conversions -------------------------------------------------------------------

    def convertValue(self, v: str, frm: types.Type, to: types.Type) -> str:
        """Implicit conversion for assignability (interface boxing, channel direction, ...)."""
        if to is None or frm is to:
            return v
        if types.IsInterface(to) and not types.IsInterface(frm):
            if isinstance(frm, types.Basic) and frm.Kind() == types.UntypedNil:
                return "ZI"
            return self.toIface(v, frm, to)
        if types.IsInterface(to) and types.IsInterface(frm):
            return self.ifaceToIface(v, frm, to)
        return v

    def toIface(self, v: str, t: types.Type, to: types.Type) -> str:
        from gort.cmd.compile.ifaces import convToIface

        return convToIface(self, v, t, to)

    def ifaceToIface(self, v: str, frm: types.Type, to: types.Type) -> str:
        from gort.cmd.compile.ifaces import convIfaceIface

        return convIfaceIface(self, v, frm, to)

    def addressOfValue(self, v: str, t: types.Type) -> str:
        """An address holding value v of type t (a temp slot if v is not in memory)."""
        if ti.isMem(t):
            return v
        if ti.multiword(t) and not _simple(v):
            tv = self.tmp()
            self.emit(f"{tv} = {v}")
            v = tv
        slot = self.slotAddrNoClear(t)
        for s in ti.store(t, slot, v):
            self.emit(s)
        return slot

    # --- lvalues --------------------------------------------------------------------------

    def lvalue(self, e: Any) -> tuple[str, Any]:
        """("var", VarInfo) | ("addr", address expr) | ("map", (m, key...)) | ("blank", None)."""
        e = unparen(e)
        if isinstance(e, ast.Ident):
            if e.Name == "_":
                return ("blank", None)
            obj = self.info.Uses.get(e) or self.info.Defs.get(e)
            assert isinstance(obj, types.Var)
            return ("var", self.varOf(obj, e))
        if isinstance(e, ast.StarExpr):
            return ("addr", self.ptrOperand(e.X))
        if isinstance(e, ast.SelectorExpr):
            return ("addr", self.fieldAddr(e))
        if isinstance(e, ast.IndexExpr):
            xt = self.typeOf(e.X).Underlying()
            if isinstance(xt, types.Map):
                from gort.cmd.compile.maps import mapLvalue

                return mapLvalue(self, e)
            el = self.indexElem(e)
            if el is not None:
                return ("elem", el)
            return ("addr", self.indexAddr(e))
        raise self.err(e, f"gort: cannot assign to {type(e).__name__}")

    def pinRef(self, ref: tuple[str, Any]) -> tuple[str, Any]:
        """ref with its index and pointer operands evaluated now (multi-assignment)."""
        if ref[0] == "addr" and not _simple(ref[1]):
            a = self.tmp("_la")
            self.emit(f"{a} = {ref[1]}")
            return ("addr", a)
        if ref[0] == "elem" and not _simple(ref[1][1]):
            a = self.tmp("_la")
            self.emit(f"{a} = {ref[1][1]}")
            return ("elem", (ref[1][0], a, ref[1][2]))
        return ref

    def loadRef(self, ref: tuple[str, Any], t: types.Type) -> str:
        kind, r = ref
        if kind == "var":
            return self.loadVar(r)
        if kind == "addr":
            a = self.spillIfNeeded(r) if ti.multiword(t) else r
            return ti.load(t, a)
        if kind == "elem":
            view, idx, et = r
            v = f"{view}[{idx}]"
            return f"({v} != 0)" if ti.rep(et) == Rep.BOOL else v
        if kind == "map":
            from gort.cmd.compile.maps import mapLoadRef

            return mapLoadRef(self, r, t)
        raise CompileError(0, "internal error: load of blank")

    def defineTuple(self, lhs: list[ast.Ident], rhs: list[Any]) -> bool:
        """a, b := x, y as one Python tuple assignment, when every value is
        effect-free and every name a new one-word local. Reports whether it did."""
        objs: list[types.Var] = []
        for l in lhs:
            o = self.info.Defs.get(l)
            if not isinstance(o, types.Var) or l.Name == "_" or self.storageOf(o) != "py":
                return False
            if ti.isMem(self.vtype(o)) or self.wantsWordBase(o):
                return False
            objs.append(o)
        if not all(self.effectFree(r) for r in rhs):
            return False
        vals = [self.expr(r, self.vtype(o)) for o, r in zip(objs, rhs)]
        names = []
        for o in objs:
            name = self.local(o.Name())
            t = self.vtype(o)
            if ti.hasPointers(t):
                self.ptrLocals.add(name)
            self.vars[o] = VarInfo("py", name, t)
            names.append(name)
        self.emit(f"{', '.join(names)} = {', '.join(vals)}")
        return True

    def storeTarget(self, ref: tuple[str, Any], t: types.Type) -> str | None:
        """The Python assignment target that stores a value of type t through ref,
        when one plain `target = value` does it (else None)."""
        kind, r = ref
        if kind == "var" and r.kind == "py":
            return str(r.name)
        if ti.isMem(t) or ti.multiword(t):
            return None
        if kind == "elem":
            view, idx, et = r
            return None if ti.rep(et) == Rep.BOOL else f"{view}[{idx}]"
        if kind == "var":
            lines = ti.store(r.t, r.name, "__V__")
        elif kind == "addr" and _simple(r):
            lines = ti.store(t, r, "__V__")
        else:
            return None
        if len(lines) == 1 and lines[0].endswith(" = __V__") and "__V__" not in lines[0][:-8]:
            return lines[0][:-8]
        return None

    def effectFree(self, e: Any) -> bool:
        """e can be evaluated later than its turn: no calls, no effects, and no
        panic raised inside the expression (checks are statements before it)."""
        info = self.info
        tv = info.Types.get(e)
        if tv is not None and tv.Value is not None:
            return True
        if isinstance(e, ast.ParenExpr):
            return self.effectFree(e.X)
        if isinstance(e, ast.Ident):
            return isinstance(info.Uses.get(e), (types.Var, types.Const, types.Nil))
        if isinstance(e, ast.BinaryExpr):
            if e.Op in (token.QUO, token.REM, token.SHL, token.SHR):
                if not (e.Op == token.QUO and ti.rep(self.typeOf(e)) == Rep.FLOAT):
                    return False
            return self.effectFree(e.X) and self.effectFree(e.Y)
        if isinstance(e, ast.UnaryExpr):
            return e.Op in (token.SUB, token.ADD, token.NOT, token.XOR) and self.effectFree(e.X)
        if isinstance(e, ast.IndexExpr):
            xt = self.typeOf(e.X).Underlying()
            if isinstance(xt, types.Pointer):
                xt = xt.Elem().Underlying()
            return isinstance(xt, (types.Slice, types.Array)) and self.effectFree(e.X) and self.effectFree(e.Index)
        if isinstance(e, ast.SelectorExpr):
            sel = info.Selections.get(e)
            if sel is None:  # a qualified identifier
                return isinstance(info.Uses.get(e.Sel), (types.Var, types.Const))
            return sel.Kind() == types.FieldVal and self.effectFree(e.X)
        return False

    def storeRef(self, ref: tuple[str, Any], t: types.Type, val: str) -> None:
        kind, r = ref
        if kind == "blank":
            if val and not _simple(val):
                self.emit(val)
            return
        if kind == "var":
            if ti.isMem(t):
                self.emit(ti.copyMem(t, r.name, val))
            else:
                self.storeVar(r, val)
            return
        if kind == "addr":
            a = self.spillIfNeeded(r) if ti.multiword(t) or ti.isMem(t) else r
            if not ti.isMem(t) and not ti.multiword(t) and _localArith.match(a):
                # One word at an address computed from locals alone: Python
                # evaluating the value first cannot change the address.
                for st in ti.store(t, a, val):
                    self.emit(st)
                return
            if not ti.isMem(t) and not _simple(val):
                tv = self.tmp()
                self.emit(f"{tv} = {val}")
                val = tv
            for s in ti.store(t, a, val):
                self.emit(s)
            return
        if kind == "elem":
            view, idx, et = r
            if ti.rep(et) == Rep.BOOL:
                val = f"1 if {val} else 0"
            self.emit(f"{view}[{idx}] = {val}")
            return
        if kind == "map":
            from gort.cmd.compile.maps import mapStoreRef

            mapStoreRef(self, r, t, val)
            return
        raise CompileError(0, "internal error: bad lvalue")

    # --- selectors ----------------------------------------------------------------------

    def expr_SelectorExpr(self, e: ast.SelectorExpr) -> str:
        sel = self.info.Selections.get(e)
        if sel is None:
            # Qualified identifier pkg.Name.
            obj = self.info.Uses.get(e.Sel)
            if isinstance(obj, types.Var):
                return self.loadVar(self.varOf(obj, e))
            if isinstance(obj, types.Func):
                return self.funcValue(obj)
            if isinstance(obj, types.Const):
                return self.constant(obj.Val(), self.vtype(obj))
            raise self.err(e, "internal error: selector")
        if sel.Kind() == types.FieldVal:
            t = self.typeOf(e)
            a = self.fieldAddr(e)
            if ti.isMem(t):
                return a
            if not _simple(a) and ti.multiword(t):
                a2 = self.tmp()
                self.emit(f"{a2} = {a}")
                a = a2
            return ti.load(t, a)
        from gort.cmd.compile.closures import methodValue

        return methodValue(self, e, sel)

    def fieldAddr(self, e: ast.SelectorExpr) -> str:
        """Address of the field x.f, following embedded fields and pointers."""
        sel = self.info.Selections[e]
        path = sel.Index()
        xt = self.typeOf(e.X)
        xu = xt.Underlying()
        if isinstance(xu, types.Pointer):
            base = self.ptrOperand(e.X)
            cur = xu.Elem()
        else:
            base = self.baseAddr(e.X)
            cur = xt
        off = 0
        for i in path:
            st = cur.Underlying()
            if isinstance(st, types.Pointer):
                # An embedded pointer on the path: load it.
                a = f"({base} + {off})" if off else base
                p = self.tmp()
                self.emit(f"{p} = U64[{a} >> 3]")
                self.emit(f"if not {p}: panicmem()")
                base, off = p, 0
                st = st.Elem().Underlying()
            assert isinstance(st, types.Struct)
            off += ti.offsetsof(st)[i]
            cur = st.Field(i).Type()
        if off == 0:
            return base
        return f"({base} + {off})"

    def baseAddr(self, x: Any) -> str:
        """The address of an addressable (or composite) operand x."""
        x = unparen(x)
        t = self.typeOf(x)
        if ti.isMem(t):
            v = self.expr(x)
            return self.spillIfNeeded(v)
        if isinstance(x, ast.IndexExpr) and not isinstance(self.typeOf(x.X).Underlying(), types.Map):
            return self.spillIfNeeded(self.indexAddr(x))
        ref = self.lvalue(x)
        if ref[0] == "var" and ref[1].kind == "mem":
            vi: VarInfo = ref[1]
            return vi.name
        if ref[0] == "addr":
            return self.spillIfNeeded(ref[1])
        raise self.err(x, "internal error: field of a non-addressable value")

    # --- index and slice -----------------------------------------------------------------

    def expr_IndexExpr(self, e: ast.IndexExpr) -> str:
        tv = self.info.Types.get(e.X)
        if tv is not None and isinstance(tv.Type, types.Signature) and e in self.info.Types:
            raise self.err(e, "gort: generic functions are not supported yet")
        xt = self.typeOf(e.X).Underlying()
        t = self.typeOf(e)
        if isinstance(xt, types.Map):
            from gort.cmd.compile.maps import mapIndex

            return mapIndex(self, e, False)[0]
        if isinstance(xt, types.Basic):  # string
            s = self.spillIfNeeded(self.expr(e.X))
            i = self.spillIfNeeded(self.expr(e.Index))
            self.emit(f"if not 0 <= {i} < {s}[1]: panicIndex({i}, {s}[1])")
            return f"U8[{s}[0] + {i}]"
        el = self.indexElem(e)
        if el is not None:
            view, idx, et = el
            v = f"{view}[{idx}]"
            return f"({v} != 0)" if ti.rep(et) == Rep.BOOL else v
        a = self.indexAddr(e)
        if ti.isMem(t):
            return a
        if ti.multiword(t):
            a = self.spillIfNeeded(a)
        return ti.load(t, a)

    def indexElem(self, e: ast.IndexExpr) -> tuple[str, str, types.Type] | None:
        """For x[i] with a one-word scalar element of a slice or array:
        (view, word index expression, element type), bounds-checked. None otherwise."""
        xt = self.typeOf(e.X).Underlying()
        if isinstance(xt, types.Slice):
            et = xt.Elem()
        elif isinstance(xt, types.Array):
            et = xt.Elem()
        else:
            return None
        vw = ti.view(et)
        if vw is None or ti.sizeof(et) != 1 << vw[1]:
            return None
        view, k = vw
        if isinstance(xt, types.Slice):
            s = self.spillIfNeeded(self.expr(e.X))
            cache = self.sliceCache.get(s)
            if cache is not None and cache[2]:
                base, n, w = cache
            else:
                base, n, w = f"{s}[0]", f"{s}[1]", ""
        else:
            base = self.baseAddr(e.X)
            n = str(xt.Len())
            w = ""
        ix = unparen(e.Index)
        c = self.constOf(e.Index)
        if c is not None:
            i = str(int(constant.Int64Val(constant.ToInt(c))[0]))
            if (n, i) not in self.checked:
                self.emit(f"if {n} <= {i}: panicIndex({i}, {n})" if not n.isdigit() else
                          f"panicIndex({i}, {n})" if int(i) >= int(n) else "pass")
                self.checked.add((n, i))
        else:
            if isinstance(xt, types.Slice) and isinstance(ix, ast.Ident) and (s, self.expr(ix)) in self.inbounds:
                i = self.expr(ix)
            else:
                i = self.spillIfNeeded(self.expr(e.Index))
                if (n, i) not in self.checked:
                    self.emit(f"if not 0 <= {i} < {n}: panicIndex({i}, {n})")
                    self.checked.add((n, i))
        if w:
            idx = f"{w} + {i}" if i != "0" else w
        elif k:
            idx = f"({base} >> {k}) + {i}" if i != "0" else f"{base} >> {k}"
        else:
            idx = f"{base} + {i}" if i != "0" else base
        return view, idx, et

    def indexAddr(self, e: ast.IndexExpr) -> str:
        xt = self.typeOf(e.X).Underlying()
        if isinstance(xt, types.Pointer):
            arr = xt.Elem().Underlying()
            assert isinstance(arr, types.Array)  # the checker allows indexing only pointers to arrays
            base = self.ptrOperand(e.X)
            n = str(arr.Len())
            et = arr.Elem()
        elif isinstance(xt, types.Array):
            base = self.baseAddr(e.X)
            n = str(xt.Len())
            et = xt.Elem()
        elif isinstance(xt, types.Slice):
            s = self.spillIfNeeded(self.expr(e.X))
            base = f"{s}[0]"
            n = f"{s}[1]"
            cache = self.sliceCache.get(s)
            if cache is not None:
                base, n = cache[0], cache[1]
            et = xt.Elem()
            ix = unparen(e.Index)
            if isinstance(ix, ast.Ident) and (s, self.expr(ix)) in self.inbounds:
                i = self.expr(ix)
                size = ti.sizeof(et)
                return f"({base} + {i} * {size})" if size != 1 else f"({base} + {i})"
        else:
            raise self.err(e, f"gort: index of {xt}")
        c = self.constOf(e.Index)
        size = ti.sizeof(et)
        if c is not None and n.isdigit():
            off = int(constant.Int64Val(constant.ToInt(c))[0]) * size
            return f"({base} + {off})" if off else base
        i = self.spillIfNeeded(self.expr(e.Index))
        if c is not None:
            ci = int(constant.Int64Val(constant.ToInt(c))[0])
            if (n, str(ci)) not in self.checked:
                self.emit(f"if {n} <= {ci}: panicIndex({ci}, {n})")
                self.checked.add((n, str(ci)))
            off = ci * size
            return f"({base} + {off})" if off else base
        if (n, i) not in self.checked:
            self.emit(f"if not 0 <= {i} < {n}: panicIndex({i}, {n})")
            self.checked.add((n, i))
        if size == 1:
            return f"({base} + {i})"
        return f"({base} + {i} * {size})"

    def expr_SliceExpr(self, e: ast.SliceExpr) -> str:
        from gort.cmd.compile.slices import compileSlice

        return compileSlice(self, e)

    def expr_TypeAssertExpr(self, e: ast.TypeAssertExpr) -> str:
        from gort.cmd.compile.ifaces import typeAssert

        return typeAssert(self, e, False)[0]

    def expr_KeyValueExpr(self, e: ast.KeyValueExpr) -> str:
        raise self.err(e, "internal error: key:value outside a composite literal")

    # --- calls ------------------------------------------------------------------------

    def expr_CallExpr(self, e: ast.CallExpr) -> str:
        from gort.cmd.compile.calls import compileCall

        return compileCall(self, e)

    def multiValue(self, e: Any) -> list[tuple[str, types.Type]]:
        """The values of a multi-valued expression: call, comma-ok forms."""
        from gort.cmd.compile.calls import compileCallMulti

        e = unparen(e)
        if isinstance(e, ast.CallExpr):
            return compileCallMulti(self, e)
        if isinstance(e, ast.IndexExpr):
            from gort.cmd.compile.maps import mapIndex

            v, ok = mapIndex(self, e, True)
            return [(v, self.valueType(e)), (ok, types.Typ[types.Bool])]
        if isinstance(e, ast.TypeAssertExpr):
            from gort.cmd.compile.ifaces import typeAssert

            v, ok = typeAssert(self, e, True)
            return [(v, self.valueType(e)), (ok, types.Typ[types.Bool])]
        if isinstance(e, ast.UnaryExpr) and e.Op == token.ARROW:
            v, ok = self.recv(e, True)
            return [(v, self.valueType(e)), (ok, types.Typ[types.Bool])]
        raise self.err(e, "internal error: not a multi-valued expression")

    def deferredClosure(self, call: ast.CallExpr, kind: str) -> str:
        from gort.cmd.compile.calls import goClosure

        return goClosure(self, call, kind)


def hoistSlotAddrs(lines: list[str], golines: list[int], hoistable: set[str]) -> None:
    """Move each frame slot's address computation (a line of hoistable) out
    of the loops around it, to just before the outermost `while` that holds
    it in the same Python function: loop-invariant, it then runs once.
    Lines are only moved up past the start of a loop, so the name is still
    set before every use."""
    if not hoistable:
        return
    opened: list[tuple[int, int, bool]] = []  # (indent, line index, is a while) of open whiles and defs
    moves: dict[int, list[int]] = {}  # while line index -> lines to put before it
    moved: set[int] = set()
    for k, line in enumerate(lines):
        text = line.lstrip(" ")
        ind = len(line) - len(text)
        while opened and opened[-1][0] >= ind:
            opened.pop()
        if text in hoistable:
            target = None
            for _ind, ok, isWhile in reversed(opened):
                if not isWhile:
                    break  # a nested def: its loops only
                target = ok
            if target is not None:
                moves.setdefault(target, []).append(k)
                moved.add(k)
        elif text.endswith(":") and (text.startswith("while ") or text.startswith("def ")):
            opened.append((ind, k, text.startswith("while ")))
    if not moves:
        return
    outL: list[str] = []
    outG: list[int] = []
    for k, line in enumerate(lines):
        for j in moves.get(k, ()):
            pad = line[:len(line) - len(line.lstrip(" "))]
            outL.append(pad + lines[j].lstrip(" "))
            outG.append(golines[j])
        if k not in moved:
            outL.append(line)
            outG.append(golines[k])
    lines[:] = outL
    golines[:] = outG


def _wrapperMeta(pyname: str, goname: str, pos: tuple[str, int] = ("", 0)) -> FuncMeta:
    """The row of a wrapper the compiler made. pos: the file and line Go
    gives it, the call's for a go statement's gowrap; none (tracebacks show
    `<autogenerated>:1`) for method and method value wrappers."""
    m = FuncMeta(pyname, goname, pos[0], pos[1])
    m.funcID = FuncIDWrapper
    m.isgen = True
    m.text = []
    m.lines = []
    return m


_assignOps = {
    token.ADD_ASSIGN: token.ADD,
    token.SUB_ASSIGN: token.SUB,
    token.MUL_ASSIGN: token.MUL,
    token.QUO_ASSIGN: token.QUO,
    token.REM_ASSIGN: token.REM,
    token.AND_ASSIGN: token.AND,
    token.OR_ASSIGN: token.OR,
    token.XOR_ASSIGN: token.XOR,
    token.SHL_ASSIGN: token.SHL,
    token.SHR_ASSIGN: token.SHR,
    token.AND_NOT_ASSIGN: token.AND_NOT,
}

_pyop = {token.ADD: "+", token.SUB: "-", token.MUL: "*", token.QUO: "/"}
_ringpy = {token.ADD: "+", token.SUB: "-", token.MUL: "*", token.AND: "&", token.OR: "|", token.XOR: "^"}
_cmpop = {token.EQL: "==", token.NEQ: "!=", token.LSS: "<", token.LEQ: "<=", token.GTR: ">", token.GEQ: ">="}


def _isUntyped(t: Any) -> bool:
    return isinstance(t, types.Basic) and bool(t.Info() & types.IsUntyped)


_VIEWLOAD = re.compile(r"^(?:[IU](?:8|16|32|64)|F32|F64)\[([\w +>()]*)\]$")


def _pureLoad(v: str) -> bool:
    """v reads one word through a view at an address computed without calls:
    nothing to do when its value is dropped (a nil check, if needed, is a
    statement before it)."""
    m = _VIEWLOAD.match(v)
    return m is not None and re.search(r"\w\(", m.group(1)) is None


def _simple(v: str) -> bool:
    """A name or literal: safe to evaluate more than once, and in any order."""
    if v.isidentifier():
        return True
    if v.lstrip("-").replace(".", "", 1).replace("e", "", 1).replace("+", "").isdigit():
        return True
    return v in ("ZS", "ZSL", "ZI", "True", "False", "0j")


# An expression of locals, constants, + and *: no memory read, no call.
_localArith = re.compile(r"^[\w\s+*()]+$")

_WRAPASSIGN = re.compile(
    r"^([A-Za-z_]\w*) = \((_w\d+) if (?:(-\d+) <= )?\(\2 := (.*)\)(?: <= (\d+))? "
    r"else \(\(\(\2 \+ (0x[0-9a-f]+)\) & (0x[0-9a-f]+)\) - (0x[0-9a-f]+)\)\)$"
)


_litOps: dict[type, Any] = {
    pyast.Add: operator.add, pyast.Sub: operator.sub, pyast.Mult: operator.mul,
    pyast.BitAnd: operator.and_, pyast.BitOr: operator.or_, pyast.BitXor: operator.xor,
    pyast.RShift: operator.rshift,
}


def _literalInt(y: str) -> int | None:
    """The value of y if it is an integer literal, or +, -, *, &, |, ^, >> of
    such (what an inlined constant argument becomes), else None."""
    try:
        return int(y)
    except ValueError:
        pass
    if len(y) > 200:
        return None
    try:
        tree = pyast.parse(y, mode="eval").body
    except SyntaxError:
        return None

    def value(n: pyast.expr) -> int | None:
        if isinstance(n, pyast.Constant):
            return n.value if type(n.value) is int else None
        if isinstance(n, pyast.UnaryOp) and isinstance(n.op, pyast.USub):
            v = value(n.operand)
            return None if v is None else -v
        if isinstance(n, pyast.BinOp) and type(n.op) in _litOps:
            a, b = value(n.left), value(n.right)
            if a is None or b is None or (isinstance(n.op, pyast.RShift) and b < 0):
                return None
            r: int = _litOps[type(n.op)](a, b)
            return r
        return None

    return value(tree)


def _posConst(y: str) -> int:
    """y's value if it is a positive integer literal, else 0."""
    try:
        v = int(y)
    except ValueError:
        return 0
    return v if v > 0 else 0


def _smallConst(y: str) -> bool:
    try:
        return abs(int(y)) < (1 << 20)
    except ValueError:
        return False


def _nonzeroConst(y: str) -> bool:
    try:
        return float(y) != 0.0
    except ValueError:
        return False


def _paren(x: str) -> str:
    if _simple(x) or (x.startswith("(") and x.endswith(")")):
        return x
    return f"({x})"


def _floatLit(f: float) -> str:
    import math

    if math.isinf(f):
        return "INF" if f > 0 else "(-INF)"
    if math.isnan(f):
        return "NAN"
    return repr(f)
