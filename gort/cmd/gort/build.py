"""Building a program: load, type-check, compile (cached), link.

The steps of `go build` for gort:

  1. load: the named files (or directory) form package main; their imports,
     transitively, come from gort's overlays (gort/std/<path>) or GOROOT,
     filtered by build constraints for linux/amd64 (gort.go.build);
  2. type-check every package in dependency order (gort.go.types); any
     error stops the build with gc's messages;
  3. compile each package to a Python module (gort.cmd.compile), or take
     it from the cache: the key hashes the compiler, the package's files
     and the keys of its dependencies;
  4. import the modules and link them (gort.cmd.link).

The cache lives in GORTCACHE, else $XDG_CACHE_HOME/gort, else
~/.cache/gort (`gort env` prints it).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from types import ModuleType
from typing import Any

import gort
from gort.go import ast, parser, token, types


_lastFset: Any = None


class BuildError(Exception):
    """Errors to print (already formatted, one per line) and exit 1."""

    def __init__(self, lines: list[str], header: bool = True) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines
        self.header = header


def cacheDir() -> str:
    d = os.environ.get("GORTCACHE")
    if d:
        return d
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "gort")


def goroot() -> str:
    r = os.environ.get("GOROOT")
    if r and os.path.isdir(os.path.join(r, "src")):
        return r
    try:
        spec = importlib.util.find_spec("go")
        if spec is not None and spec.origin:
            d = os.path.dirname(spec.origin)
            if os.path.isdir(os.path.join(d, "src", "runtime")):
                return d
    except (ImportError, ValueError):
        pass
    import shutil
    import subprocess

    go = shutil.which("go")
    if go:
        out = subprocess.run([go, "env", "GOROOT"], capture_output=True, text=True)
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    return ""


_STD = os.path.dirname(os.path.abspath(__import__("gort.std", fromlist=["x"]).__file__))


def displayPath(filename: str) -> str:
    """A file name as go build prints it: ./x.go relative to the working directory."""
    try:
        rel = os.path.relpath(filename)
    except ValueError:
        return filename
    if rel.startswith(".."):
        return filename if len(filename) <= len(rel) else rel
    if os.path.dirname(rel) == "":
        return "./" + rel
    return rel


class Package:
    __slots__ = ("path", "dir", "files", "filenames", "tpkg", "info", "imports", "key", "meta", "module", "src")

    def __init__(self, path: str, dir: str) -> None:
        self.path = path
        self.dir = dir
        self.files: list[ast.File] = []
        self.filenames: list[str] = []
        self.tpkg: types.Package | None = None
        self.info: types.Info | None = None
        self.imports: list[str] = []
        self.key = ""
        self.meta: dict[str, Any] | None = None
        self.module: ModuleType | None = None
        self.src: dict[str, bytes] = {}


class Loader:
    """Finds, parses and type-checks the packages of one program."""

    def __init__(self) -> None:
        self.fset = token.FileSet()
        self.pkgs: dict[str, Package] = {}
        self.order: list[str] = []
        self.goroot = goroot()
        self.loading: list[str] = []

    # --- finding files -----------------------------------------------------------

    def pkgDir(self, path: str) -> tuple[str, list[str]]:
        over = os.path.join(_STD, *path.split("/"))
        if os.path.isdir(over) and any(f.endswith(".go") for f in os.listdir(over)):
            return over, self.goFiles(over, overlay=True)
        d = os.path.join(self.goroot, "src", *path.split("/"))
        if not os.path.isdir(d):
            vend = os.path.join(self.goroot, "src", "vendor", *path.split("/"))
            if os.path.isdir(vend):
                d = vend
            else:
                raise BuildError([f"package {path} is not in std ({os.path.join('$GOROOT', 'src', path)})"])
        return d, self.goFiles(d)

    def goFiles(self, d: str, overlay: bool = False) -> list[str]:
        from gort.cmd.gort.constraints import goodFile

        out = []
        for name in sorted(os.listdir(d)):
            if not name.endswith(".go") or name.endswith("_test.go"):
                continue
            full = os.path.join(d, name)
            with open(full, "rb") as f:
                src = f.read()
            if goodFile(name, src):
                out.append(full)
        return out

    # --- loading -----------------------------------------------------------------

    def loadMain(self, files: list[str]) -> Package:
        pkg = Package("main", os.path.dirname(os.path.abspath(files[0])) if files else ".")
        self.parseFiles(pkg, files, display=True)
        names = {f.Name.Name for f in pkg.files}
        if names and "main" not in names:
            fn = pkg.filenames[0]
            raise BuildError([f"package command-line-arguments is not a main package"], header=False)
        self.pkgs["main"] = pkg
        self.checkImports(pkg)
        self.typecheck(pkg)
        self.order.append("main")
        return pkg

    def parseFiles(self, pkg: Package, files: list[str], display: bool = False) -> None:
        errors: list[str] = []
        for fn in files:
            try:
                with open(fn, "rb") as f:
                    src = f.read()
            except OSError as e:
                raise BuildError([f"open {fn}: {e.strerror.lower() if e.strerror else e}"], header=False) from None
            pkg.src[fn] = src
            name = displayPath(fn) if display else fn
            f_, errs = parser.ParseFile(self.fset, name, src, parser.ParseComments)
            if errs:
                for e in list(errs)[:10]:
                    errors.append(str(e))
                continue
            if f_ is not None:
                pkg.files.append(f_)
                pkg.filenames.append(fn)
        if errors:
            raise BuildError(errors)

    def checkImports(self, pkg: Package) -> None:
        for f in pkg.files:
            for imp in f.Imports:
                path = imp.Path.Value[1:-1]
                if path == "unsafe" or path == "C":
                    continue
                if path not in pkg.imports:
                    pkg.imports.append(path)

    def importPkg(self, path: str) -> types.Package:
        if path == "unsafe":
            return types.Unsafe
        pkg = self.pkgs.get(path)
        if pkg is not None:
            if pkg.tpkg is None:
                raise BuildError([f"import cycle not allowed: {' -> '.join(self.loading + [path])}"])
            return pkg.tpkg
        d, files = self.pkgDir(path)
        pkg = Package(path, d)
        self.pkgs[path] = pkg
        self.loading.append(path)
        self.parseFiles(pkg, files)
        self.checkImports(pkg)
        self.typecheck(pkg)
        self.loading.pop()
        self.order.append(path)
        assert pkg.tpkg is not None
        return pkg.tpkg

    def typecheck(self, pkg: Package) -> None:
        errors: list[Any] = []
        loader = self

        class Importer:
            def Import(self, path: str) -> types.Package:
                return loader.importPkg(path)

        info = types.Info()
        conf = types.Config(Importer=Importer(), Error=errors.append)
        try:
            tp = conf.Check(pkg.path, self.fset, pkg.files, info)
        except BuildError:
            raise
        if errors:
            msgs = []
            for e in sorted(errors, key=lambda e: (self.fset.Position(e.Pos).Filename, e.Pos) if hasattr(e, "Pos") else ("", 0)):
                msgs.append(formatTypeError(self.fset, e))
            if len(msgs) > 10:
                msgs = msgs[:10] + ["too many errors"]
            raise BuildError(msgs if pkg.path == "main" else [f"# {pkg.path}"] + msgs, header=pkg.path == "main")
        pkg.tpkg = tp
        pkg.info = info


def formatTypeError(fset: Any, e: Any) -> str:
    s = str(e)
    return s


def compilePackage(pkg: Package, deps: dict[str, dict[str, Any]], fset: Any) -> tuple[str, dict[str, Any]]:
    from gort.cmd.compile.gen import PkgGen

    assert pkg.tpkg is not None and pkg.info is not None
    pg = PkgGen(pkg.tpkg, pkg.files, pkg.info, fset, deps)
    return pg.compile()


# The compiler's own identity: any change to gort's compiler invalidates the cache.
def compilerKey() -> str:
    h = hashlib.sha256()
    h.update(gort.__version__.encode())
    root = os.path.dirname(os.path.abspath(gort.__file__))
    for sub in ("cmd/compile", "cmd/link", "runtime/builtin.py"):
        p = os.path.join(root, sub)
        paths = [p] if p.endswith(".py") else [os.path.join(p, n) for n in sorted(os.listdir(p)) if n.endswith(".py")]
        for fp in paths:
            with open(fp, "rb") as f:
                h.update(f.read())
    return h.hexdigest()


def loadModule(path: str, filename: str) -> ModuleType:
    name = "gort_pkg." + path.replace("/", ".").replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, filename)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def build(files: list[str], verbose: bool = False) -> tuple[Loader, list[str]]:
    """Load, check, compile and link the program made of files. Returns (loader, order)."""
    from gort.cmd.link.link import Linker

    global _lastFset
    loader = Loader()
    _lastFset = loader.fset
    loader.loadMain(files)
    order = loader.order
    ckey = compilerKey()
    cdir = cacheDir()
    os.makedirs(cdir, exist_ok=True)
    metas: dict[str, dict[str, Any]] = {}
    for path in order:
        pkg = loader.pkgs[path]
        h = hashlib.sha256()
        h.update(ckey.encode())
        h.update(path.encode())
        for fn in pkg.filenames:
            h.update(os.path.basename(fn).encode())
            h.update(pkg.src[fn])
        for dep in pkg.imports:
            if dep in loader.pkgs:
                h.update(loader.pkgs[dep].key.encode())
        pkg.key = h.hexdigest()
        out = os.path.join(cdir, pkg.key[:2], pkg.key + ".py")
        if not os.path.exists(out):
            src, meta = compilePackage(pkg, metas, loader.fset)
            os.makedirs(os.path.dirname(out), exist_ok=True)
            tmp = out + f".tmp{os.getpid()}"
            with open(tmp, "w") as f:
                f.write(src)
            os.replace(tmp, out)
        mod = loadModule(path, out)
        pkg.module = mod
        pkg.meta = mod.__gort__
        metas[path] = mod.__gort__
    linker = Linker()
    for path in order:
        mod = loader.pkgs[path].module
        assert mod is not None
        linker.add(path, mod)
    linker.link(order, "main")
    return loader, order
