"""Which files of a package count on linux/amd64 (go/build's matching rules).

A file counts when its name's _GOOS / _GOARCH suffixes (before .go) match
linux/amd64 and its `//go:build` line, if any, is satisfied by the tags
linux, amd64, unix, gc, go1.1 … go1.27 (cgo off, purego off).
"""

from __future__ import annotations

import re

GOOS = "linux"
GOARCH = "amd64"
knownOS = {
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl",
    "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
}
knownArch = {
    "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle", "mips64",
    "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x",
    "sparc", "sparc64", "wasm",
}
unixOS = {"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux", "netbsd",
          "openbsd", "solaris"}
TAGS = {GOOS, GOARCH, "unix", "gc", "goexperiment.swissmap", "goexperiment.aliastypeparams",
        "goexperiment.greenteagc", "goexperiment.regabiwrappers", "goexperiment.regabiargs"}
TAGS |= {f"go1.{i}" for i in range(1, 28)}


def goodOSArchFile(name: str) -> bool:
    stem = name[:-3]
    i = stem.find("_")
    if i < 0:
        return True
    parts = stem[i:].split("_")
    n = len(parts)
    if n >= 2 and parts[n - 2] in knownOS and parts[n - 1] in knownArch:
        return parts[n - 2] == GOOS and parts[n - 1] == GOARCH
    if n >= 1 and parts[n - 1] in knownOS:
        return parts[n - 1] == GOOS
    if n >= 1 and parts[n - 1] in knownArch:
        return parts[n - 1] == GOARCH
    return True


_buildline = re.compile(rb"^//go:build\s+(.*)$", re.M)


def goodFile(name: str, src: bytes) -> bool:
    if not goodOSArchFile(name):
        return False
    # Only the header (before the package clause) may hold the constraint.
    head = src.split(b"\npackage ", 1)[0]
    m = _buildline.search(head)
    if m is None:
        return True
    return evalExpr(m.group(1).decode("utf-8", "replace").strip())


def evalExpr(expr: str) -> bool:
    toks = re.findall(r"\(|\)|!|&&|\|\||[A-Za-z0-9_.]+", expr)
    pos = 0

    def orExpr() -> bool:
        nonlocal pos
        v = andExpr()
        while pos < len(toks) and toks[pos] == "||":
            pos += 1
            v = andExpr() or v
        return v

    def andExpr() -> bool:
        nonlocal pos
        v = notExpr()
        while pos < len(toks) and toks[pos] == "&&":
            pos += 1
            v = notExpr() and v
        return v

    def notExpr() -> bool:
        nonlocal pos
        if pos < len(toks) and toks[pos] == "!":
            pos += 1
            return not notExpr()
        if pos < len(toks) and toks[pos] == "(":
            pos += 1
            v = orExpr()
            pos += 1
            return v
        tag = toks[pos] if pos < len(toks) else ""
        pos += 1
        return tag in TAGS

    return orExpr()
