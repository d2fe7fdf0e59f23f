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
import gort.std

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


_STD = os.path.dirname(os.path.abspath(gort.std.__file__))


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


def compilePackage(pkg: Any, path: str, deps: dict[str, dict[str, Any]], fset: Any) -> tuple[str, dict[str, Any]]:
    from gort.cmd.compile.gen import PkgGen

    pg = PkgGen(pkg.Types, pkg.Syntax, pkg.Info, fset, deps, path=path)
    return pg.compile()


# The compiler's own identity: any change to gort's compiler invalidates the cache.
_ckey: str | None = None


def compilerKey() -> str:
    """Names this compiler: gort's version and the sources of everything that
    shapes a compiled module (compiler, linker, the runtime entry points)."""
    global _ckey
    if _ckey is not None:
        return _ckey
    h = hashlib.sha256()
    h.update(gort.__version__.encode())
    root = os.path.dirname(os.path.abspath(gort.__file__))
    for sub in ("cmd/compile", "cmd/link", "runtime/builtin.py", "cmd/gort/build.py"):
        p = os.path.join(root, sub)
        paths = [p] if p.endswith(".py") else [os.path.join(p, n) for n in sorted(os.listdir(p)) if n.endswith(".py")]
        for fp in paths:
            with open(fp, "rb") as f:
                h.update(f.read())
    _ckey = h.hexdigest()
    return _ckey


def loadModule(path: str, filename: str) -> ModuleType:
    """Import the compiled module of package path from the cache.

    Beside each module the cache keeps its Python code object (marshalled,
    behind the interpreter's magic number), as Go's build cache keeps
    objects, so a warm start skips Python's compiler as well as gort's —
    whatever PYTHONDONTWRITEBYTECODE says, since the cache is gort's own."""
    from gort._codecache import load_code, store_code

    name = "gort_pkg." + path.replace("/", ".").replace("-", "_")
    mod = ModuleType(name)
    mod.__file__ = filename
    codefile = filename[:-3] + ".pyc" if filename.endswith(".py") else filename + "c"
    # The module file is named by its content's hash: the magic number is key enough.
    key = importlib.util.MAGIC_NUMBER
    code = load_code(codefile, key)
    if code is None:
        with open(filename, "rb") as f:
            code = compile(f.read(), filename, "exec", dont_inherit=True)
        store_code(codefile, key, code)
    sys.modules[name] = mod
    exec(code, mod.__dict__)
    return mod


# --- the build plan: a warm start without parsing or type-checking -------------------------
#
# After a successful build, the list of packages (in link order, with the
# cache key of each compiled module and the size and mtime of every source
# file) is stored under a key made of the compiler's key and the named
# files' contents. The next run of the same files checks those stats and
# links the cached modules directly, as `go run` with a warm build cache
# skips the compiler.


def _stat(fn: str) -> list[int]:
    """What a plan remembers of a file: [mtime, size], or [0, -1] if there is none."""
    try:
        st = os.stat(fn)
    except FileNotFoundError:
        return [0, -1]
    return [st.st_mtime_ns, st.st_size]


def nativesFile(path: str) -> str:
    """Where package path's natives module is, if it has one (gort/std/PATH/natives.py)."""
    root = os.path.dirname(os.path.abspath(gort.__file__))
    return os.path.join(root, "std", *path.split("/"), "natives.py")


def planKey(files: list[str], ckey: str) -> str:
    h = hashlib.sha256()
    h.update(ckey.encode())
    for fn in files:
        a = os.path.abspath(fn)
        h.update(a.encode())
        with open(a, "rb") as f:
            h.update(f.read())
    return h.hexdigest()


def _planFile(key: str) -> str:
    return os.path.join(cacheDir(), "plans", key + ".json")


def tryPlan(files: list[str], ckey: str) -> list[str] | None:
    """Link the program from a stored plan if nothing changed; returns the order or None."""
    import json

    try:
        key = planKey(files, ckey)
        with open(_planFile(key)) as f:
            plan = json.load(f)
        for pk in plan["packages"]:
            for fn, st in pk["files"]:
                if _stat(fn) != st:
                    return None
            if not os.path.exists(_modFile(pk["key"])):
                return None
    except (OSError, ValueError, KeyError):
        return None
    from gort.cmd.link.link import Linker

    linker = Linker()
    order = []
    for pk in plan["packages"]:
        mod = loadModule(pk["path"], _modFile(pk["key"]))
        linker.add(pk["path"], mod)
        order.append(pk["path"])
    linker.link(order, "main")
    return order


def savePlan(files: list[str], ckey: str, entries: list[dict[str, Any]]) -> None:
    import json

    key = planKey(files, ckey)
    out = _planFile(key)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    tmp = out + f".tmp{os.getpid()}"
    with open(tmp, "w") as f:
        json.dump({"packages": entries}, f)
    os.replace(tmp, out)


_buildContext: Any = None


def buildContext() -> Any:
    """The context programs are built in: linux/amd64, no cgo, and the
    `purego` build tag, Go's own switch from assembly to the portable Go
    implementations (crypto, hashes) — gort compiles Go, not assembly."""
    global _buildContext
    if _buildContext is None:
        from gort.go.build.context import Context

        _buildContext = Context(BuildTags=["purego"])
    return _buildContext


def _modFile(key: str) -> str:
    return os.path.join(cacheDir(), key[:2], key + ".py")


def build(files: list[str], verbose: bool = False) -> tuple[Any, list[str]]:
    """Load, check, compile and link the program made of files.

    Returns (program, import paths in link order). The main package links
    as "main", as gc names its symbols.
    """
    global _lastFset
    ckey0 = compilerKey()
    order0 = tryPlan(files, ckey0)
    if order0 is not None:
        return None, order0
    from gort.cmd.gort.tool_types import formatErrors
    from gort.cmd.link.link import Linker
    from gort.go.build import Loader

    loader = Loader(ctx=buildContext())
    prog = loader.Load(files)
    _lastFset = prog.Fset
    # The runtime package is part of every program (its error types, init).
    if not any(p.Path == "runtime" for p in prog.Packages):
        rt = loader.LoadImport("runtime")
        prog.Packages.insert(0, rt)
    for p in prog.Packages:
        if p.Errors:
            lines = formatErrors(p)
            isMain = p in prog.Roots
            if not isMain:
                lines = [f"# {p.Path}"] + lines
            raise BuildError(lines, header=isMain)
    if not prog.Roots or prog.Roots[0].Name != "main":
        raise BuildError(["package command-line-arguments is not a main package"], header=False)
    from gort.cmd.compile import gen as _gen

    for p in prog.Packages:
        if p.Types is not None and p.Info is not None:  # set together by the check
            _gen.PACKAGES[p.Types] = p.Info
    ckey = compilerKey()
    cdir = cacheDir()
    os.makedirs(cdir, exist_ok=True)
    metas: dict[str, dict[str, Any]] = {}
    keys: dict[int, str] = {}
    order: list[str] = []
    mods: dict[str, ModuleType] = {}
    root = prog.Roots[0]
    for p in prog.Packages:
        path = "main" if p is root else p.Path
        h = hashlib.sha256()
        h.update(ckey.encode())
        h.update(path.encode())
        for fn in p.GoFiles:
            h.update(os.path.basename(fn).encode())
            with open(fn, "rb") as f:
                h.update(f.read())
        for dep in sorted(p.Imports.values(), key=lambda q: q.Path):
            h.update(keys.get(id(dep), dep.Path).encode())
        try:
            # The package's natives decide how calls of its bodyless functions compile.
            with open(nativesFile(path), "rb") as f:
                h.update(f.read())
        except OSError:
            pass
        key = h.hexdigest()
        keys[id(p)] = key
        out = os.path.join(cdir, key[:2], key + ".py")
        if not os.path.exists(out):
            src, _meta = compilePackage(p, path, metas, prog.Fset)
            os.makedirs(os.path.dirname(out), exist_ok=True)
            tmp = out + f".tmp{os.getpid()}"
            with open(tmp, "w") as f:
                f.write(src)
            os.replace(tmp, out)
        mod = loadModule(path, out)
        mods[path] = mod
        metas[path] = mod.__gort__
        order.append(path)
    linker = Linker()
    for path in order:
        linker.add(path, mods[path])
    linker.link(order, "main")
    entries = []
    for p, path in zip(prog.Packages, order):
        nf = nativesFile(path)
        entries.append({"path": path, "key": keys[id(p)],
                        "files": [[fn, _stat(fn)] for fn in p.GoFiles] + [[nf, _stat(nf)]]})
    try:
        savePlan(files, ckey, entries)
    except OSError:
        pass
    return prog, order
