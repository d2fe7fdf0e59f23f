"""Loading and type-checking programs (in the spirit of go/build plus
golang.org/x/tools/go/packages).

    ld = Loader()                          # linux/amd64, cgo off, GOROOT found
    prog = ld.Load(["hello.go"])           # files, a directory, or import paths
    for p in prog.Packages:                # dependency order: imports first
        p.Path, p.Name, p.Dir, p.GoFiles, p.Syntax, p.Types, p.Info, p.Errors

Resolution of an import path P seen in package Q:

  1. "unsafe" is types.Unsafe;
  2. overlay: if gort/std/P/ holds .go files, that directory is package P
     (gort's own declarations replace GOROOT's, e.g. for runtime);
  3. vendoring: std packages see GOROOT/src/vendor/P as "vendor/P", cmd
     packages GOROOT/src/cmd/vendor/P as "cmd/vendor/P";
  4. the standard library: GOROOT/src/P when P's first element has no dot;
  5. the main module: P under the module path of the nearest go.mod of the
     loaded files maps to the module root plus the relative path.

Loading a package: list the directory, keep the files the build Context
accepts, parse them (gc's syntax errors), drop files importing "C" (cgo is
off), load every import first (depth first; a path met again while still
on the stack is an import cycle), then type-check with go/types against the
already checked imports, with the package's Go version (go.mod's go
directive, go1.27 for the standard library) and gc's amd64 sizes.

Caching: each Loader caches packages by (import path, directory); packages
from GOROOT (and the overlay) are also kept in a process-wide cache shared
by all Loaders with the same context, together with the FileSet they were
parsed into, so `gort run` checks fmt and its dependencies once per process.

Errors: every package carries `Errors`, a list of `Diagnostic`s (position,
message, kind: "load", "parse" or "type"). A package with syntax errors is
not type-checked (as gc). Imports that cannot be found are reported at the
import spec with the go command's wording ("package foo is not in std
(GOROOT/src/foo)"); the checker then sees an empty fake package, so no
follow-on errors appear.
"""

from __future__ import annotations

import gc
import os
import re
from typing import TYPE_CHECKING

from gort.go import ast, parser, token, types
from gort.go.build.context import Context, Default
from gort.go.build.goroot import FindGOROOT
from gort.go.build.modfile import FindModule, Module

if TYPE_CHECKING:
    from gort.go.token import FileSet, Position

STD_GO_VERSION = "go1.27"

CommandLineArguments = "command-line-arguments"


class Diagnostic:
    """One error: position (may be unknown), message and kind."""

    __slots__ = ("Filename", "Line", "Column", "Msg", "Kind")

    def __init__(self, filename: str, line: int, column: int, msg: str, kind: str) -> None:
        self.Filename = filename
        self.Line = line
        self.Column = column
        self.Msg = msg
        self.Kind = kind  # "load", "parse" or "type"

    def key(self) -> tuple[str, int, int]:
        return (self.Filename, self.Line, self.Column)

    def String(self) -> str:
        if self.Line:
            return f"{self.Filename}:{self.Line}:{self.Column}: {self.Msg}"
        if self.Filename:
            return f"{self.Filename}: {self.Msg}"
        return self.Msg

    __str__ = String

    def __repr__(self) -> str:
        return f"<Diagnostic {self.String()!r}>"


class LoadError(Exception):
    """An import that cannot be resolved or loaded."""


class Package:
    """A loaded (parsed and type-checked) Go package."""

    __slots__ = ("Path", "Name", "Dir", "GoFiles", "Syntax", "Types", "Info", "Errors",
                 "Imports", "GoVersion", "Module", "IsStd", "Fset", "IgnoredFiles", "_state",
                 "DepErrors")

    def __init__(self, path: str, dir: str) -> None:
        self.Path = path  # import path ("command-line-arguments" for files)
        self.Name = ""  # package name
        self.Dir = dir  # source directory
        self.GoFiles: list[str] = []  # absolute file names, sorted
        self.Syntax: list[ast.File] = []  # parsed files, same order
        self.Types: types.Package | None = None  # the checked package
        self.Info: types.Info | None = None  # results of the check
        self.Errors: list[Diagnostic] = []  # this package's own errors
        self.Imports: dict[str, Package] = {}  # import path as written -> package
        self.GoVersion = ""  # language version used to check it
        self.Module: Module | None = None  # main module, if the package is in it
        self.IsStd = False  # from GOROOT or the gort overlay
        self.Fset: FileSet | None = None  # the FileSet positions refer to
        self.IgnoredFiles: list[str] = []  # .go files excluded by build constraints
        self._state = 0  # 0 new, 1 loading (on the DFS stack), 2 done
        self.DepErrors = False  # some dependency has errors

    def __repr__(self) -> str:
        return f"<build.Package {self.Path}>"


class Program:
    """The result of Loader.Load: roots and every package in dependency order."""

    __slots__ = ("Roots", "Packages", "Fset", "Errors")

    def __init__(self, fset: FileSet) -> None:
        self.Roots: list[Package] = []  # the packages named by the arguments
        self.Packages: list[Package] = []  # all packages, imports before importers
        self.Fset = fset
        self.Errors: list[Diagnostic] = []  # errors not tied to a package (bad arguments)

    def AllErrors(self) -> list[Diagnostic]:
        out = list(self.Errors)
        for p in self.Packages:
            out.extend(p.Errors)
        return out


def _overlayRoot() -> str:
    import gort.std

    return os.path.dirname(os.path.abspath(gort.std.__file__))


# process-wide cache of std packages: (context key) -> (fset, {path: Package})
_stdCaches: dict[tuple[object, ...], tuple[FileSet, dict[str, Package]]] = {}


def _ctxKey(ctx: Context, goroot: str, overlay: str) -> tuple[object, ...]:
    return (ctx.GOOS, ctx.GOARCH, ctx.CgoEnabled, tuple(ctx.BuildTags), goroot, overlay)


class Loader:
    """Finds, parses and type-checks packages and their dependencies."""

    __slots__ = ("ctx", "goroot", "overlay", "fset", "pkgs", "stdPkgs", "sizes", "tests",
                 "typesContext", "stack", "stackFrom", "pendingFrom")

    def __init__(self, ctx: Context | None = None, goroot: str | None = None,
                 overlay: str | None = None, shareStd: bool = True) -> None:
        self.ctx = ctx if ctx is not None else Default
        self.goroot = goroot if goroot is not None else FindGOROOT()
        self.overlay = overlay if overlay is not None else _overlayRoot()
        key = _ctxKey(self.ctx, self.goroot, self.overlay)
        if shareStd:
            entry = _stdCaches.get(key)
            if entry is None:
                entry = (token.FileSet(), {})
                _stdCaches[key] = entry
            self.fset, self.stdPkgs = entry
        else:
            self.fset = token.FileSet()
            self.stdPkgs = {}
        self.pkgs: dict[tuple[str, str], Package] = {}
        self.sizes = types.SizesFor("gc", self.ctx.GOARCH)
        self.tests = False
        self.typesContext = types.Context()
        self.stack: list[Package] = []  # packages being loaded (DFS stack)
        self.stackFrom: list[str] = []  # file of stack[i-1] importing stack[i]
        self.pendingFrom = ""  # file whose import is being loaded

    # -- entry points

    def Load(self, args: list[str]) -> Program:
        """Load the packages named by args (see the module docstring)."""
        with _gcPaused():
            return self._load(args)

    def _load(self, args: list[str]) -> Program:
        prog = Program(self.fset)
        files = [a for a in args if a.endswith(".go")]
        others = [a for a in args if not a.endswith(".go")]
        roots: list[Package] = []
        if files:
            p = self.loadFiles(files, prog)
            if p is not None:
                roots.append(p)
        for a in others:
            p = self.loadArg(a, prog)
            if p is not None:
                roots.append(p)
        prog.Roots = roots
        seen: set[int] = set()

        def visit(p: Package) -> None:
            if id(p) in seen:
                return
            seen.add(id(p))
            for q in p.Imports.values():
                visit(q)
            prog.Packages.append(p)

        for r in roots:
            visit(r)
        return prog

    def LoadImport(self, path: str) -> Package:
        """Load a standard-library (or overlay) package by import path."""
        prog = Program(self.fset)
        with _gcPaused():
            p = self.loadArg(path, prog)
        if p is None:
            raise LoadError(prog.Errors[0].Msg if prog.Errors else f"cannot load {path}")
        return p

    # -- argument handling

    def loadFiles(self, files: list[str], prog: Program) -> Package | None:
        absfiles = [os.path.abspath(f) for f in files]
        dirs = {os.path.dirname(f) for f in absfiles}
        if len(dirs) > 1:
            prog.Errors.append(Diagnostic("", 0, 0, "named files must all be in one directory; "
                                          f"have {' and '.join(sorted(dirs))}", "load"))
            return None
        d = dirs.pop()
        for f in absfiles:
            if not os.path.isfile(f):
                prog.Errors.append(Diagnostic("", 0, 0, f"stat {f}: no such file or directory",
                                              "load"))
                return None
        mod = FindModule(d)
        p = Package(CommandLineArguments, d)
        p.Module = mod
        p.GoVersion = mod.goVersion if mod is not None else ""
        names: list[tuple[str, bytes]] = []
        for f in sorted(absfiles):
            # files named on the command line are used whatever their build
            # constraints say (cmd/go's UseAllFiles)
            with open(f, "rb") as fh:
                names.append((f, fh.read()))
        self.pkgs[(p.Path, d)] = p
        self.loadPackage(p, names)
        return p

    def loadArg(self, arg: str, prog: Program) -> Package | None:
        if arg.startswith(("./", "../", "/")) or arg in (".", "..") or os.path.isdir(arg) and \
                not self._isStdPath(arg):
            d = os.path.abspath(arg)
            if not os.path.isdir(d):
                prog.Errors.append(Diagnostic("", 0, 0, f"directory {arg} does not exist",
                                              "load"))
                return None
            path = self.importPathOfDir(d)
            try:
                return self.loadDir(path, d)
            except LoadError as e:
                prog.Errors.append(Diagnostic("", 0, 0, str(e), "load"))
                return None
        try:
            path, d = self.resolve(arg, None)
            return self.loadDir(path, d)
        except LoadError as e:
            prog.Errors.append(Diagnostic("", 0, 0, str(e), "load"))
            return None

    def _isStdPath(self, arg: str) -> bool:
        return os.path.isdir(os.path.join(self.goroot, "src", arg))

    def importPathOfDir(self, d: str) -> str:
        src = os.path.join(self.goroot, "src")
        if d == src or d.startswith(src + os.sep):
            rel = os.path.relpath(d, src).replace(os.sep, "/")
            return rel
        mod = FindModule(d)
        if mod is not None:
            rel = os.path.relpath(d, mod.root).replace(os.sep, "/")
            return mod.path if rel == "." else mod.path + "/" + rel
        return CommandLineArguments

    # -- resolution

    def resolve(self, path: str, frm: Package | None) -> tuple[str, str]:
        """(canonical import path, directory) of path imported from frm."""
        if not path:
            raise LoadError("missing import path")
        if "@" in path:
            raise LoadError(f"import path \"{path}\" should not have @version")
        if path in (".", "..") or path.startswith(("./", "../")):
            raise LoadError(f"\"{path}\" is relative, but relative import paths are not "
                            "supported in module mode")
        if path.startswith("/"):
            raise LoadError(f"\"{path}\" is not a package path; see 'go help packages'")
        if self.overlay:
            ov = os.path.join(self.overlay, *path.split("/"))
            if self._hasGoFiles(ov):
                return path, ov
        src = os.path.join(self.goroot, "src")
        if frm is not None and frm.IsStd:
            if frm.Path.startswith("cmd/") or frm.Path == "cmd":
                vd = os.path.join(src, "cmd", "vendor", *path.split("/"))
                if os.path.isdir(vd):
                    return "cmd/vendor/" + path, vd
            else:
                vd = os.path.join(src, "vendor", *path.split("/"))
                if os.path.isdir(vd):
                    return "vendor/" + path, vd
        first = path.split("/", 1)[0]
        if "." not in first:
            d = os.path.join(src, *path.split("/"))
            if os.path.isdir(d) and self._hasGoFiles(d):
                return path, d
            if frm is None or frm.Module is None or not self._inModule(path, frm.Module):
                raise LoadError(f"package {path} is not in std ({d})")
        mod = frm.Module if frm is not None else None
        if mod is not None and self._inModule(path, mod):
            rel = path[len(mod.path):].lstrip("/")
            d = os.path.join(mod.root, *rel.split("/")) if rel else mod.root
            if os.path.isdir(d):
                return path, d
            raise LoadError(f"no required module provides package {path}")
        raise LoadError(f"no required module provides package {path}")

    def _inModule(self, path: str, mod: Module) -> bool:
        return path == mod.path or path.startswith(mod.path + "/")

    def _hasGoFiles(self, d: str) -> bool:
        try:
            return any(n.endswith(".go") for n in os.listdir(d))
        except OSError:
            return False

    def _isStdDir(self, d: str) -> bool:
        src = os.path.join(self.goroot, "src")
        return d.startswith(src + os.sep) or (bool(self.overlay) and
                                              d.startswith(self.overlay + os.sep))

    # -- loading

    def loadDir(self, path: str, d: str) -> Package:
        if path == "unsafe":
            return self._unsafe(d)
        isStd = self._isStdDir(d)
        if isStd:
            p = self.stdPkgs.get(path)
            if p is not None:
                self._checkCycle(p)
                return p
        else:
            p = self.pkgs.get((path, d))
            if p is not None:
                self._checkCycle(p)
                return p
        p = Package(path, d)
        p.IsStd = isStd
        if isStd:
            p.GoVersion = STD_GO_VERSION
            self.stdPkgs[path] = p
        else:
            p.Module = FindModule(d)
            p.GoVersion = p.Module.goVersion if p.Module is not None else ""
            self.pkgs[(path, d)] = p
        try:
            names = sorted(os.listdir(d))
        except OSError as e:
            raise LoadError(f"cannot read directory {d}: {e.strerror}") from None
        files: list[tuple[str, bytes]] = []
        anyGo = False
        for n in names:
            if not n.endswith(".go"):
                continue
            anyGo = True
            ok, data = self.ctx.matchFile(d, n, self.tests)
            if ok:
                files.append((os.path.join(d, n), data))
            elif not n.endswith("_test.go"):
                p.IgnoredFiles.append(os.path.join(d, n))
        if not files:
            if isStd:
                del self.stdPkgs[path]
            else:
                del self.pkgs[(path, d)]
            if anyGo:
                raise LoadError(f"build constraints exclude all Go files in {d}")
            raise LoadError(f"no Go files in {d}")
        self.loadPackage(p, files)
        return p

    def _unsafe(self, d: str) -> Package:
        """Package unsafe is the checker's (types.Unsafe), never compiled."""
        p = self.stdPkgs.get("unsafe")
        if p is None:
            p = Package("unsafe", d)
            p.Name = "unsafe"
            p.IsStd = True
            p.GoVersion = STD_GO_VERSION
            p.Fset = self.fset
            p.Types = types.Unsafe  # type: ignore[assignment]
            p._state = 2
            self.stdPkgs["unsafe"] = p
        return p

    def _checkCycle(self, p: Package) -> None:
        if p._state == 1:
            lines = ["package " + self.stack[0].Path]
            for q, frm in zip(self.stack[1:], self.stackFrom[1:], strict=True):
                lines.append(f"\timports {q.Path} from {frm}")
            lines.append(f"\timports {p.Path} from {self.pendingFrom}")
            raise LoadError("\n".join(lines) + ": import cycle not allowed")

    def loadPackage(self, p: Package, files: list[tuple[str, bytes]]) -> None:
        p._state = 1
        p.Fset = self.fset
        self.stack.append(p)
        self.stackFrom.append(self.pendingFrom)
        try:
            self._parse(p, files)
            self._loadImports(p)
        finally:
            self.stack.pop()
            self.stackFrom.pop()
        # as gc: only errors starting with "syntax error" stop type checking
        # (the parser's other complaints, like "middle index required in
        # 3-index slice", are reported together with the type errors)
        if not any(e.Kind == "parse" and e.Msg.startswith("syntax error") for e in p.Errors):
            self._check(p)
        else:
            # gc's parser also checks branches; those errors appear with the
            # syntax errors even though the package is not type-checked
            from gort.go.types.labels import CheckBranches

            for pos, msg in CheckBranches(self.fset, p.Syntax):
                ps = self.fset.Position(pos)
                p.Errors.append(Diagnostic(ps.Filename, ps.Line, ps.Column, msg, "parse"))
            # gc reports both as it parses, top to bottom
            p.Errors.sort(key=Diagnostic.key)
        p._state = 2

    def _parse(self, p: Package, files: list[tuple[str, bytes]]) -> None:
        names: dict[str, str] = {}
        for fn, data in files:
            try:
                f, errs = parser.ParseFile(self.fset, fn, data, 0)
            except parser.ReadError as rerr:
                p.Errors.append(Diagnostic(fn, 0, 0, str(rerr), "load"))
                continue
            if errs:
                for perr in errs:
                    pos: Position = perr.Pos
                    p.Errors.append(Diagnostic(pos.Filename, pos.Line, pos.Column, perr.Msg,
                                               "parse"))
            if f is None:
                continue
            if not self.ctx.CgoEnabled and any(_importPath(s) == "C" for s in f.Imports):
                p.IgnoredFiles.append(fn)
                continue
            name = f.Name.Name
            if name == "documentation":
                p.IgnoredFiles.append(fn)
                continue
            if p.Path != CommandLineArguments and name.endswith("_test") and \
                    fn.endswith("_test.go"):
                continue
            names[fn] = name
            p.GoFiles.append(fn)
            p.Syntax.append(f)
        distinct = sorted(set(names.values()))
        if len(distinct) > 1:
            first: dict[str, str] = {}
            for fn, n in names.items():
                first.setdefault(n, os.path.basename(fn))
            a, b = distinct[0], distinct[1]
            p.Errors.append(Diagnostic("", 0, 0, f"found packages {a} ({first[a]}) and {b} "
                                       f"({first[b]}) in {p.Dir}", "load"))
        if p.Syntax:
            p.Name = p.Syntax[0].Name.Name

    def _loadImports(self, p: Package) -> None:
        for f in p.Syntax:
            for spec in f.Imports:
                path = _importPath(spec)
                if path is None or path in ("unsafe", "C") or path in p.Imports:
                    continue
                try:
                    cpath, d = self.resolve(path, p)
                    self.pendingFrom = os.path.basename(self.fset.Position(spec.Pos()).Filename)
                    q = self.loadDir(cpath, d)
                except LoadError as e:
                    pos = self.fset.Position(spec.Pos())
                    msg = str(e)
                    if "import cycle" in msg:
                        p.Errors.append(Diagnostic("", 0, 0, msg, "load"))
                    else:
                        p.Errors.append(Diagnostic(pos.Filename, pos.Line, pos.Column, msg,
                                                   "load"))
                    continue
                p.Imports[path] = q
                if q.Errors or q.DepErrors:
                    p.DepErrors = True

    def _check(self, p: Package) -> None:
        errs: list[types.Error] = []
        imp = _Importer(self, p)
        conf = types.Config(Importer=imp, Error=errs.append, GoVersion=p.GoVersion,
                            Sizes=self.sizes, Context=self.typesContext)
        info = types.Info()
        pkg = conf.Check(p.Path, self.fset, p.Syntax, info)
        p.Types = pkg
        p.Info = info
        pkg.files = list(p.Syntax)
        pkg.info = info
        pkg.dir = p.Dir
        typeErrs: list[Diagnostic] = []
        for terr in errs:
            fn, line, col = terr.Position()
            msg = terr.Msg
            if _versionErrorRx.search(msg):
                msg = self._versionHint(p, info, terr.Pos, msg)
            typeErrs.append(Diagnostic(fn, line, col, msg, "type"))
        late = [d for d in p.Errors if d.Kind == "parse" and d.Msg.startswith(_types2Msgs)]
        if late:
            p.Errors = [d for d in p.Errors if d not in late]
            late = [d for d in late if not d.Msg.startswith(_rangeExtraMsg)
                    or self._rangeExtraStands(p, info, typeErrs, d)]
        if late and typeErrs:
            # the parser's complaints that are not syntax errors are types2
            # errors in gc (reported while checking their statement): put
            # them where they fall in the checker's (source) order, which
            # matters for the 10-error limit
            i = 0
            for d in typeErrs:
                while i < len(late) and late[i].key() < d.key():
                    p.Errors.append(late[i])
                    i += 1
                p.Errors.append(d)
            p.Errors.extend(late[i:])
        else:
            p.Errors.extend(typeErrs)
            p.Errors.extend(late)
        if not p.Errors:
            self._gcChecks(p, info)
        pkg.errors = [e for e in p.Errors]

    def _rangeExtraStands(self, p: Package, info: types.Info, typeErrs: list[Diagnostic],
                          e: Diagnostic) -> bool:
        """Whether gc reports the parser's error about a third range variable.

        types2 reports it only when the range expression is valid and
        nothing else is wrong with the range clause ("cannot range over",
        "permits only one iteration variable", ...).
        """
        fset = self.fset
        found: list[ast.RangeStmt] = []
        for f in p.Syntax:
            if fset.Position(f.Pos()).Filename != e.Filename:
                continue

            def visit(n: ast.Node | None) -> bool:
                if isinstance(n, ast.RangeStmt):
                    a = fset.Position(n.For)
                    b = fset.Position(n.TokPos)
                    if (a.Line, a.Column) <= (e.Line, e.Column) < (b.Line, b.Column):
                        found.append(n)
                        return False
                return not found

            ast.Inspect(f, visit)
        if not found:
            return True
        s = found[0]
        if info.Types is not None and s.X not in info.Types:
            return False  # invalid range expression
        a = fset.Position(s.For)
        b = fset.Position(s.Body.Pos())
        for t in typeErrs:
            if t.Filename == e.Filename and t.Msg.startswith(_rangeClauseMsgs) and \
                    (a.Line, a.Column) <= (t.Line, t.Column) < (b.Line, b.Column):
                return False
        return True

    def _gcChecks(self, p: Package, info: types.Info) -> None:
        """gc's own checks after type checking (gcchecks.py)."""
        from gort.go.build import gcchecks

        found = gcchecks.anonymousInterfaceCycles(p.Syntax, info, self.fset)
        if not found:
            isOverlay = bool(self.overlay) and p.Dir.startswith(self.overlay + os.sep)
            src = os.path.join(self.goroot, "src") + os.sep
            if gcchecks.isComplete(p.Path, p.Dir, p.Dir.startswith(src), isOverlay, self.ctx):
                found = gcchecks.missingBodies(p.Syntax, self.fset)
        for fn, line, col, msg in found:
            p.Errors.append(Diagnostic(fn, line, col, msg, "type"))


    def _versionHint(self, p: Package, info: types.Info, pos: int, msg: str) -> str:
        """gc's hint on a version error: where the language version came from."""
        file = None
        for f in p.Syntax:
            if f.FileStart <= pos <= f.FileEnd:
                file = f
                break
        fileVersion = ""
        if file is not None and info.FileVersions is not None:
            fileVersion = info.FileVersions.get(file, "")
        if file is not None and file.GoVersion == fileVersion:
            return f"{msg} (file declares //go:build {fileVersion})"
        return f"{msg} (-lang was set to {p.GoVersion}; check go.mod)"


class _gcPaused:
    """Suspend Python's cyclic garbage collector while loading.

    Parsing and checking allocate millions of long-lived objects (syntax
    trees, types, Info maps); with the collector on, about a third of the
    time goes into scanning them again and again, although they make little
    cyclic garbage. Afterwards the survivors are moved to the permanent
    generation (gc.freeze) so that the collections of the program that runs
    next do not traverse them either.
    """

    __slots__ = ("was",)

    def __enter__(self) -> None:
        self.was = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self.was:
            gc.freeze()
            gc.enable()


# the parser's messages that gc's type checker (not its parser) reports
_types2Msgs = ("range clause permits at most two iteration variables",
               "expression in go/defer must be function call",
               "expression in go must be function call",
               "expression in defer must be function call")

_rangeExtraMsg = "range clause permits at most two iteration variables"
_rangeClauseMsgs = ("cannot range over", "range over")

_versionErrorRx = re.compile(r"requires go[0-9]+\.[0-9]+ or later")


class _Importer:
    """types.Importer for one package: returns its already loaded imports."""

    __slots__ = ("loader", "pkg")

    def __init__(self, loader: Loader, pkg: Package) -> None:
        self.loader = loader
        self.pkg = pkg

    def Import(self, path: str) -> types.Package:
        return self.ImportFrom(path, self.pkg.Dir, 0)

    def ImportFrom(self, path: str, dir: str, mode: int) -> types.Package:
        if path == "unsafe":
            return types.Unsafe  # type: ignore[return-value]
        q = self.pkg.Imports.get(path)
        if q is None or q.Types is None:
            # the load error was reported at the import; give the checker an
            # empty package so that it reports nothing more
            name = path.rsplit("/", 1)[-1]
            if q is not None and q.Name:
                name = q.Name
            fake = types.Package(path, name)
            fake.fake = True
            return fake
        return q.Types


def _importPath(spec: ast.ImportSpec) -> str | None:
    from gort.go import constant

    if spec.Path is None:
        return None
    v = constant.MakeFromLiteral(spec.Path.Value, token.STRING)
    if v.Kind() != constant.String:
        return None
    return constant.StringVal(v)
