"""go.mod files (in the spirit of golang.org/x/mod/modfile): the module path
and the `go` language version, which is all the loader needs.

`FindModule(dir)` walks up from dir to the nearest go.mod and returns a
`Module(root, path, goVersion)`, or None.
"""

from __future__ import annotations

import os
import re


class Module:
    """A main module: its root directory, module path and go version."""

    __slots__ = ("root", "path", "goVersion")

    def __init__(self, root: str, path: str, goVersion: str) -> None:
        self.root = root  # directory holding go.mod
        self.path = path  # module path from the module directive
        self.goVersion = goVersion  # "go1.22" from the go directive, or ""

    def __repr__(self) -> str:
        return f"<Module {self.path} at {self.root} ({self.goVersion})>"


_MODULE = re.compile(r'^\s*module\s+("?)([^"\s]+)\1\s*(//.*)?$')
_GO = re.compile(r"^\s*go\s+([0-9][0-9.a-z]*)\s*(//.*)?$")


def ParseModFile(data: str) -> tuple[str, str]:
    """(module path, go version "go1.N" or "") of go.mod text."""
    path = ""
    gover = ""
    for line in data.splitlines():
        m = _MODULE.match(line)
        if m:
            path = m.group(2)
            continue
        m = _GO.match(line)
        if m:
            v = m.group(1)
            parts = v.split(".")
            gover = "go" + ".".join(parts[:2]) if len(parts) >= 2 else "go" + v
    return path, gover


def FindModule(dir: str) -> Module | None:
    d = os.path.abspath(dir)
    while True:
        gm = os.path.join(d, "go.mod")
        if os.path.isfile(gm):
            with open(gm, encoding="utf-8", errors="replace") as f:
                path, gover = ParseModFile(f.read())
            return Module(d, path, gover)
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent
