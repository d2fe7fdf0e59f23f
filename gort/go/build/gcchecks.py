"""Checks gc makes after type checking (cmd/compile's noder), which go/types
does not: they are part of what `go build` reports for a package.

  * "missing function body": in a package compiled with -complete (no
    assembly or other non-Go files, and not one of the standard packages
    cmd/go exempts), a function declared without a body must be named by a
    //go:linkname directive;
  * "invalid recursive type: anonymous interface refers to itself (see
    https://go.dev/issue/56103)": an interface literal whose methods mention
    the same interface literal again (through other type literals only).

gc runs them only when type checking found no error; so does the loader.
gort's own overlay packages (gort/std) are never "complete": their
body-less functions are Python natives.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from gort.go import ast, types

if TYPE_CHECKING:
    from gort.go.build.context import Context
    from gort.go.token import FileSet

# std packages cmd/go does not compile with -complete (their forward
# declarations are supplied by the runtime)
_INCOMPLETE_STD = {"bytes", "internal/poll", "net", "os", "runtime/metrics", "runtime/pprof",
                   "runtime/trace", "sync", "syscall", "time"}

_EXT_SUFFIXES = (".s", ".S", ".sx", ".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", ".hxx",
                 ".m", ".f", ".F", ".for", ".f90", ".syso", ".swig", ".swigcxx")


def isComplete(path: str, dir: str, isStd: bool, isOverlay: bool, ctx: Context) -> bool:
    """Whether cmd/go would pass -complete when compiling the package."""
    if isOverlay:
        return False
    if isStd and path in _INCOMPLETE_STD:
        return False
    try:
        names = os.listdir(dir)
    except OSError:
        return True
    for n in names:
        if n.endswith(_EXT_SUFFIXES) and ctx.goodOSArchFile(n) and not n.startswith(("_", ".")):
            try:
                with open(os.path.join(dir, n), "rb") as f:
                    head = f.read(4096)
            except OSError:
                continue
            if ctx.shouldBuild(head):
                return False
    return True


def linknamed(files: list[ast.File]) -> set[str]:
    """Local names appearing as the first argument of //go:linkname(std)."""
    out: set[str] = set()
    for f in files:
        for c in f.Directives:
            text = c.Text
            if text.startswith(("//go:linkname ", "//go:linknamestd ")):
                parts = text.split()
                if len(parts) >= 2:
                    out.add(parts[1])
    return out


def missingBodies(files: list[ast.File], fset: FileSet) -> list[tuple[str, int, int, str]]:
    names = linknamed(files)
    out = []
    for f in files:
        for d in f.Decls:
            if isinstance(d, ast.FuncDecl) and d.Body is None:
                if d.Recv is None and d.Name.Name in names:
                    continue
                pos = d.Recv.Opening if d.Recv is not None else d.Name.Pos()
                p = fset.Position(pos)
                out.append((p.Filename, p.Line, p.Column, "missing function body"))
    return out


def anonymousInterfaceCycles(files: list[ast.File], info: types.Info,
                             fset: FileSet) -> list[tuple[str, int, int, str]]:
    """Interface literals whose methods refer back to them (gc's cycleFinder).

    The interface literals are found among the recorded type expressions
    (Info.Types), in source order; an interface literal nested in one
    already examined is covered by that one's search.
    """
    out: list[tuple[str, int, int, str]] = []
    if info.Types is None:
        return out
    nodes = [n for n in info.Types if type(n) is ast.InterfaceType]
    if not nodes:
        return out
    nodes.sort(key=lambda n: n.Pos())
    finder = _CycleFinder()
    end = 0
    for n in nodes:
        if n.Pos() < end:
            continue  # nested in an interface literal already examined
        end = n.End()
        tv = info.Types[n]
        t = types.Unalias(tv.Type)
        if isinstance(t, types.Interface) and finder.hasCycle(t):
            p = fset.Position(n.Pos())
            out.append((p.Filename, p.Line, p.Column,
                        "invalid recursive type: anonymous interface refers to itself "
                        "(see https://go.dev/issue/56103)"))
            for k in finder.cyclic:
                finder.cyclic[k] = False
    return out


class _CycleFinder:
    __slots__ = ("cyclic",)

    def __init__(self) -> None:
        self.cyclic: dict[types.Interface, bool] = {}

    def hasCycle(self, typ: types.Interface) -> bool:
        for m in typ.typeSet().methods:
            if self.visit(m.Type()):
                return True
        return False

    def visit(self, t: types.Type) -> bool:
        while True:
            t = types.Unalias(t)
            if isinstance(t, (types.Basic, types.Named, types.TypeParam)):
                return False
            if isinstance(t, (types.Pointer, types.Array, types.Chan, types.Slice)):
                t = t.Elem()
                continue
            if isinstance(t, types.Map):
                if self.visit(t.key):
                    return True
                t = t.elem
                continue
            if isinstance(t, types.Struct):
                return any(self.visit(f.Type()) for f in t.fields)
            if isinstance(t, types.Interface):
                if not t.methods and not t.embeddeds:
                    return False
                x = self.cyclic.get(t)
                if x is not None:
                    return x
                self.cyclic[t] = True
                if self.hasCycle(t):
                    return True
                self.cyclic[t] = False
                return False
            if isinstance(t, types.Signature):
                return self.visit(t.params) or self.visit(t.results)
            if isinstance(t, types.Tuple):
                return any(self.visit(v.Type()) for v in t.vars)
            return False
