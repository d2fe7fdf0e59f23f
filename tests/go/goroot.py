"""GOROOT file lists shared by the corpus tests."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess


@functools.cache
def goroot() -> str | None:
    if shutil.which("go") is None:
        return None
    r = subprocess.run(["go", "env", "GOROOT"], capture_output=True, text=True)
    root = r.stdout.strip()
    return root if r.returncode == 0 and root else None


@functools.cache
def all_files() -> tuple[str, ...]:
    """Every .go file under GOROOT/src outside testdata, in sorted order."""
    root = goroot()
    if root is None:
        return ()
    out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, "src")):
        dirnames[:] = sorted(d for d in dirnames if d != "testdata")
        out.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".go"))
    return tuple(out)


def sample_files() -> list[str]:
    """Every 20th file plus all of src/runtime, src/fmt and src/strconv."""
    root = goroot()
    if root is None:
        return []
    keep = tuple(os.path.join(root, "src", d) + os.sep for d in ("runtime", "fmt", "strconv"))
    return [f for i, f in enumerate(all_files()) if i % 20 == 0 or f.startswith(keep)]
