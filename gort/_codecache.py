"""Compiled code for gort's own modules when Python may not write any.

With PYTHONDONTWRITEBYTECODE set (or `python -B`), CPython compiles every
module it imports from source, every time: for gort that is half the
start-up of `gort run hello.go`. gort already keeps the compiled code of
Go packages in its cache directory; `install` makes it keep the code of
its own modules there too (GORTCACHE/pyc), and leaves the source tree and
every other package alone. Without PYTHONDONTWRITEBYTECODE it does
nothing: Python's own __pycache__ does the job.

A cached file starts with the interpreter's magic number and the source
file's mtime and size; any difference recompiles it.

This module itself is compiled from source at every start (it is what
loads the others): keep it small.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import marshal
import os
import sys
from types import CodeType
from typing import Any

_dir = ""


def _sha1(b: bytes) -> Any:
    """hashlib's sha1 without importing hashlib (OpenSSL: 2 ms of every start)."""
    global _sha1ctor
    if _sha1ctor is None:
        try:
            _sha1ctor = importlib.import_module("_sha1").sha1
        except (ImportError, AttributeError):
            _sha1ctor = importlib.import_module("hashlib").sha1
    return _sha1ctor(b)


_sha1ctor: Any = None


def load_data(cpath: str, key: bytes) -> object:
    """The object marshalled at cpath, if the file starts with key (else None)."""
    try:
        with open(cpath, "rb") as f:
            data = f.read()
        if data[: len(key)] == key:
            return marshal.loads(memoryview(data)[len(key):])
    except (OSError, ValueError, EOFError, TypeError):
        pass
    return None


def load_code(cpath: str, key: bytes) -> CodeType | None:
    """The code object cached at cpath, if the file starts with key."""
    code = load_data(cpath, key)
    return code if isinstance(code, CodeType) else None


def store_code(cpath: str, key: bytes, code: Any) -> None:
    """Cache code (or any object marshal stores) at cpath behind key
    (atomically; a read-only cache is left alone)."""
    try:
        os.makedirs(os.path.dirname(cpath), exist_ok=True)
        tmp = f"{cpath}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            f.write(key + marshal.dumps(code))
        os.replace(tmp, cpath)
    except (OSError, ValueError):
        pass


class _Loader(importlib.machinery.SourceFileLoader):
    """A source loader whose bytecode lives in gort's cache directory."""

    def get_code(self, fullname: str) -> CodeType:
        path = self.get_filename(fullname)
        try:
            st = os.stat(path)
        except OSError:
            return super().get_code(fullname)  # type: ignore[return-value]
        tag = _sha1(path.encode()).hexdigest()[:10]
        cpath = os.path.join(_dir, f"{fullname}-{tag}.pyc")
        key = importlib.util.MAGIC_NUMBER + st.st_mtime_ns.to_bytes(8, "little") + st.st_size.to_bytes(8, "little")
        code = load_code(cpath, key)
        if code is None:
            code = self.source_to_code(self.get_data(path), path)
            store_code(cpath, key, code)
        return code


class _Finder:
    """Finds gort's modules as the path finder does, with _Loader."""

    @classmethod
    def find_spec(cls, name: str, path: object = None, target: object = None) -> importlib.machinery.ModuleSpec | None:
        if name != "gort" and not name.startswith("gort."):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)  # type: ignore[arg-type]
        if spec is not None and type(spec.loader) is importlib.machinery.SourceFileLoader:
            spec.loader = _Loader(spec.loader.name, spec.loader.path)
        return spec


def install() -> None:
    """Keep gort's compiled modules in GORTCACHE/pyc if Python will not write bytecode."""
    global _dir
    if not sys.dont_write_bytecode or any(f is _Finder for f in sys.meta_path):
        return
    base = os.environ.get("GORTCACHE")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "gort")
    _dir = os.path.join(base, "pyc")
    sys.meta_path.insert(0, _Finder)
