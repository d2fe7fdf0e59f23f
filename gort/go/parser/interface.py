"""Entry points of the parser (go/parser interface.go): ParseFile, ParseExpr.

    fset = token.FileSet()
    f, err = parser.ParseFile(fset, "x.go", src, parser.ParseComments)
    if err is not None:
        for line in err.Lines(): print(line)     # gc's output

`ParseFile` reads the file if `src` is None, registers it in `fset`, scans
and parses it, and returns the tree (None if not even the package clause
could be parsed) together with an `ErrorList` of gc-worded errors, or None.

The cyclic garbage collector is paused during ParseFile (the scanner and
parser make no reference cycles; everything is freed by reference counts).

Differences from Go: the error is an `ErrorList` in gc's report order (see
scanner/errors.py); `err.Lines()` renders it as gc prints it. Without
`AllErrors`, parsing stops at gc's limit of 10 errors. Reading a missing
file returns an error whose text is Go's `open X: no such file or
directory`.
"""

from __future__ import annotations

import gc
import os

from gort.go import ast
from gort.go.parser.parser import parseTokens
from gort.go.scanner.errors import ErrorList
from gort.go.scanner.scanner import scanFile
from gort.go.token import FileSet


class ReadError(Exception):
    """The source file could not be read (Go's *fs.PathError text)."""


def readSource(filename: str, src: bytes | str | None) -> bytes:
    if src is None:
        try:
            with open(filename, "rb") as fh:
                return fh.read()
        except FileNotFoundError:
            raise ReadError(f"open {filename}: no such file or directory") from None
        except IsADirectoryError:
            raise ReadError(f"read {filename}: is a directory") from None
        except PermissionError:
            raise ReadError(f"open {filename}: permission denied") from None
        except OSError as e:
            raise ReadError(f"open {filename}: {os.strerror(e.errno or 0).lower()}") from None
    if isinstance(src, str):
        return src.encode("utf-8")
    return bytes(src)


def ParseFile(
    fset: FileSet, filename: str, src: bytes | str | None = None, mode: int = 0
) -> tuple[ast.File | None, ErrorList | None]:
    """Parse one Go source file; see the module docstring."""
    data = readSource(filename, src)
    file = fset.AddFile(filename, -1, len(data))
    errors = ErrorList()
    # Scanning and parsing create many objects and no reference cycles, so
    # the cyclic collector only costs time here (half of it, measured): it
    # is paused while the file is processed.
    enabled = gc.isenabled()
    gc.disable()
    try:
        ts = scanFile(data, file.base)
        file.lines = ts.lines
        f = parseTokens(file, ts, errors, mode)
    finally:
        if enabled:
            gc.enable()
    return f, (errors if errors else None)


def ParseExpr(x: str) -> tuple[ast.Expr | None, ErrorList | None]:
    """Parse a single expression (for tests and tools)."""
    fset = FileSet()
    src = "package p;var _ = (" + x + ")"
    f, err = ParseFile(fset, "", src)
    if f is None or not f.Decls:
        return None, err
    d = f.Decls[0]
    if isinstance(d, ast.GenDecl) and d.Specs:
        s = d.Specs[0]
        if isinstance(s, ast.ValueSpec) and s.Values:
            v = s.Values[0]
            if isinstance(v, ast.ParenExpr):
                return v.X, err
    return None, err
