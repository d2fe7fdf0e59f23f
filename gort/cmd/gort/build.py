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

import importlib.util
import os
import sys
from types import CodeType, ModuleType
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


def sha256() -> Any:
    """A new SHA-256 hash object. Not hashlib's: importing hashlib loads
    OpenSSL, 2 ms of every start; the interpreter's own module takes 0.3."""
    global _sha256
    if _sha256 is None:
        for name in ("_sha256", "_sha2", "hashlib"):  # (_sha2 since Python 3.12)
            try:
                _sha256 = importlib.import_module(name).sha256
                break
            except (ImportError, AttributeError):
                pass
    return _sha256()


_sha256: Any = None

# The compiler's own identity: any change to gort's compiler invalidates the cache.
_ckey: str | None = None


def compilerKey() -> str:
    """Names this compiler: gort's version and the sources of everything that
    shapes a compiled module or the link table a plan keeps (compiler,
    linker, the runtime entry points, type descriptors' layout, symtab's rows).

    The key is remembered in GORTCACHE/ckey/ with the mtime and size of each
    of those files (and of their directories, which change when a file is
    added or removed): a run whose files all match reads the key instead of
    hashing 350 KB of source again."""
    global _ckey
    if _ckey is not None:
        return _ckey
    from gort._codecache import load_data, store_code

    root = os.path.dirname(os.path.abspath(gort.__file__))
    paths: list[str] = []
    for sub in ("cmd/compile", "cmd/link", "runtime/builtin.py", "runtime/type.py", "runtime/symtab.py",
                "cmd/gort/build.py"):
        p = os.path.join(root, sub)
        if p.endswith(".py"):
            paths.append(p)
        else:
            paths.append(p)
            paths.extend(os.path.join(p, n) for n in sorted(os.listdir(p)) if n.endswith(".py"))
    stats = (gort.__version__, *((fp, *_stat(fp)) for fp in paths))
    h = sha256()
    h.update(root.encode())
    stamp = os.path.join(cacheDir(), "ckey", h.hexdigest()[:32])
    magic = importlib.util.MAGIC_NUMBER
    st = load_data(stamp, magic)
    if isinstance(st, tuple) and len(st) == 2 and st[0] == stats and isinstance(st[1], str):
        _ckey = st[1]
        return _ckey
    h = sha256()
    h.update(gort.__version__.encode())
    for fp in paths:
        if fp.endswith(".py"):
            with open(fp, "rb") as f:
                h.update(f.read())
    _ckey = h.hexdigest()
    store_code(stamp, magic, (stats, _ckey))
    return _ckey


# --- the package cache -----------------------------------------------------------------------
#
# A compiled package K (its cache key) is three files in GORTCACHE/K[:2]/:
#   K.py     the module's source, as the compiler wrote it: the package's
#            code, then one last line `__gort__ = {...}`, its metadata;
#   K.pyc    the interpreter's magic number, then the marshalled code
#            object of K.py without that last line;
#   K.meta   the magic number, then the marshalled metadata.
# A warm run (build plan) needs only K.pyc: the plan holds the prelinked
# metadata of the whole program. K.meta serves builds that compile a
# dependent package or link a new plan. K.pyc and K.meta are made from
# K.py again whenever one is missing or unreadable.

_META_LINE = b"\n__gort__ = "


def _split(filename: str, src: bytes | None = None) -> tuple[CodeType, dict[str, Any]]:
    """The code and the metadata of the compiled module in filename (or src)."""
    if src is None:
        with open(filename, "rb") as f:
            src = f.read()
    i = src.rfind(_META_LINE)
    if i < 0 or src.find(b"\n", i + 1) not in (-1, len(src) - 1):
        # Not the compiler's usual last line: run the whole module for it.
        code = compile(src, filename, "exec", dont_inherit=True)
        ns: dict[str, Any] = {}
        exec(code, ns)
        return code, ns["__gort__"]
    code = compile(src[: i + 1], filename, "exec", dont_inherit=True)
    lit = compile(src[i + len(_META_LINE) :], filename, "eval", dont_inherit=True)
    meta = eval(lit, {"__builtins__": {}})  # a literal the compiler wrote
    return code, meta


def _cacheFiles(filename: str) -> tuple[str, str]:
    stem = filename[:-3] if filename.endswith(".py") else filename
    return stem + ".pyc", stem + ".meta"


def loadModule(path: str, filename: str, src: bytes | None = None) -> ModuleType:
    """Import the compiled module of package path from the cache (without its metadata).

    Beside each module the cache keeps its Python code object (marshalled,
    behind the interpreter's magic number), as Go's build cache keeps
    objects, so a warm start skips Python's compiler as well as gort's —
    whatever PYTHONDONTWRITEBYTECODE says, since the cache is gort's own."""
    return execModule(path, filename, moduleCode(filename, src))


def moduleCode(filename: str, src: bytes | None = None) -> CodeType:
    """The code of the compiled module in filename (src: its text, just written)."""
    from gort._codecache import load_code, store_code

    codefile, metafile = _cacheFiles(filename)
    # The module file is named by its content's hash: the magic number is key enough.
    key = importlib.util.MAGIC_NUMBER
    code = load_code(codefile, key) if src is None else None
    if code is None:
        code, meta = _split(filename, src)
        store_code(codefile, key, code)
        store_code(metafile, key, meta)
    return code


def execModule(path: str, filename: str, code: CodeType) -> ModuleType:
    name = "gort_pkg." + path.replace("/", ".").replace("-", "_")
    mod = ModuleType(name)
    mod.__file__ = filename
    sys.modules[name] = mod
    exec(code, mod.__dict__)
    return mod


def globalNames(code: CodeType) -> set[str]:
    """The global (and attribute) names code and the functions it defines use."""
    names = set(code.co_names)
    for c in code.co_consts:
        if isinstance(c, CodeType):
            names |= globalNames(c)
    return names


def loadMeta(filename: str) -> dict[str, Any]:
    """The metadata (`__gort__`) of the compiled module in filename."""
    from gort._codecache import load_data, store_code

    codefile, metafile = _cacheFiles(filename)
    key = importlib.util.MAGIC_NUMBER
    meta = load_data(metafile, key)
    if not isinstance(meta, dict):
        code, meta = _split(filename)
        store_code(codefile, key, code)
        store_code(metafile, key, meta)
    return meta


# --- the build plan: a warm start without parsing or type-checking -------------------------
#
# After a successful build, the list of packages (in link order, with the
# cache key of each compiled module and the mtime and size of every source
# file and natives module) and the prelinked metadata of the whole program
# (gort/cmd/link: prelink) are stored under a key made of the compiler's key
# and the named files' contents. The next run of the same files checks
# those stats, loads the cached code of each package and links it by the
# stored table, as `go run` with a warm build cache skips the compiler.
# A plan is marshalled behind the interpreter's magic number.


def _stat(fn: str) -> tuple[int, int]:
    """What a plan remembers of a file or directory: (mtime, size), or (0, -1)
    if there is none (or it cannot be read)."""
    try:
        st = os.stat(fn)
    except OSError:
        return (0, -1)
    return (st.st_mtime_ns, st.st_size)


def nativesFile(path: str) -> str:
    """Where package path's natives module is, if it has one (gort/std/PATH/natives.py)."""
    root = os.path.dirname(os.path.abspath(gort.__file__))
    return os.path.join(root, "std", *path.split("/"), "natives.py")


def planKey(files: list[str], ckey: str) -> str:
    h = sha256()
    h.update(ckey.encode())
    for fn in files:
        a = os.path.abspath(fn)
        h.update(a.encode())
        with open(a, "rb") as f:
            h.update(f.read())
    key: str = h.hexdigest()
    return key


def _planFile(key: str) -> str:
    return os.path.join(cacheDir(), "plans", key + ".plan")


def tryPlan(files: list[str], ckey: str) -> list[str] | None:
    """Link the program from a stored plan if nothing changed; returns the order or None."""
    from gort._codecache import load_data

    try:
        plan = load_data(_planFile(planKey(files, ckey)), importlib.util.MAGIC_NUMBER)
        if not isinstance(plan, dict):
            return None
        stat = os.stat
        for _path, _key, stats in plan["packages"]:
            for fn, mtime, size in stats:  # (_stat, inline: 470 files for a program that imports fmt)
                try:
                    st = stat(fn)
                except OSError:
                    if size != -1:
                        return None
                    continue
                if st.st_mtime_ns != mtime or st.st_size != size:
                    return None
        mods = {path: loadModule(path, _modFile(key)) for path, key, _ in plan["packages"]}
        table = plan["link"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    from gort.cmd.link.link import Linker

    Linker().link(table, mods, "main")
    return list(mods)


def savePlan(files: list[str], ckey: str, packages: list[tuple[str, str, tuple[tuple[str, int, int], ...]]],
             table: dict[str, Any]) -> None:
    from gort._codecache import store_code

    store_code(_planFile(planKey(files, ckey)), importlib.util.MAGIC_NUMBER, {"packages": packages, "link": table})


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
    names: dict[str, set[str]] = {}
    root = prog.Roots[0]
    for p in prog.Packages:
        path = "main" if p is root else p.Path
        h = sha256()
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
        src = None
        if not os.path.exists(out):
            text, _meta = compilePackage(p, path, metas, prog.Fset)
            os.makedirs(os.path.dirname(out), exist_ok=True)
            tmp = out + f".tmp{os.getpid()}"
            with open(tmp, "w") as f:
                f.write(text)
            os.replace(tmp, out)
            src = text.encode()
        code = moduleCode(out, src)
        mods[path] = execModule(path, out, code)
        metas[path] = loadMeta(out)
        names[path] = globalNames(code)
        order.append(path)
    from gort.cmd.link.link import prelink

    table = prelink(order, metas, names)
    Linker().link(table, mods, "main")
    packages = []
    for p, path in zip(prog.Packages, order):
        stats = tuple((fn, *_stat(fn)) for fn in _planFiles(p, path, p is root, loader.overlay))
        packages.append((path, keys[id(p)], stats))
    savePlan(files, ckey, packages, table)
    return prog, order


def _planFiles(p: Any, path: str, isRoot: bool, overlay: str) -> list[str]:
    """What a plan checks of package p: whatever, changed, could change the
    package's files or how they are found and checked.

    Its Go files, those that build constraints in their text exclude (an
    edit can bring one in; not those excluded by name) and its natives module; its directory, whose mtime changes when
    a file is added, removed or renamed (not for the named files of package
    main: they are the plan's key); for a standard package the overlay
    directory that would replace it; for any other, the go.mod files that
    decide its module and Go version (the one found, and every place
    nearer the package where one could appear)."""
    match = buildContext().matchFileName
    out = [*p.GoFiles, *(fn for fn in p.IgnoredFiles if match(os.path.basename(fn))), nativesFile(path)]
    if not isRoot:
        out.append(p.Dir)
    if p.IsStd:
        if overlay:
            out.append(os.path.join(overlay, *p.Path.split("/")))
    else:
        d = os.path.abspath(p.Dir)
        while True:
            gm = os.path.join(d, "go.mod")
            out.append(gm)
            parent = os.path.dirname(d)
            if os.path.isfile(gm) or parent == d:
                break
            d = parent
    return out
