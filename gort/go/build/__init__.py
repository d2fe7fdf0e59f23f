"""gort/go/build: finding, filtering, parsing and type-checking packages.

In the spirit of go/build (which files make a package: `context.py`,
`constraint.py`), golang.org/x/mod (`modfile.py`) and go/packages
(`loader.py`: a program's packages in dependency order, type-checked, with
errors). `goroot.py` finds GOROOT. See docs/notes/types-api.md for how the
compiler uses it.
"""

from __future__ import annotations

from gort.go.build.context import Context, Default
from gort.go.build.goroot import FindGOROOT
from gort.go.build.loader import (
    CommandLineArguments,
    Diagnostic,
    Loader,
    LoadError,
    Package,
    Program,
)
from gort.go.build.modfile import FindModule, Module

__all__ = ["Context", "Default", "FindGOROOT", "CommandLineArguments", "Diagnostic", "Loader",
           "LoadError", "Package", "Program", "FindModule", "Module"]
