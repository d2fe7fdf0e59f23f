"""Benchmark: parse and type-check all of GOROOT/src with gort.

Every directory under GOROOT/src (outside testdata and vendor) that holds
a package building on linux/amd64 (cgo off) is loaded with gort.go.build
and checked with gort.go.types, GOROOT's own packages only (no gort/std
overlays). Prints the number of packages and files, the time taken (parse
and check together, and the checker alone), and the packages with errors
(there should be none).

Usage: python bench/typecheck_goroot.py [-std] [-profile]
    -std      only the standard library (skip cmd/...)
    -profile  run under pyinstrument and print its report
"""

from __future__ import annotations

import os
import sys
import time


def package_dirs(root: str, std_only: bool) -> list[str]:
    src = os.path.join(root, "src")
    out = []
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames[:] = sorted(d for d in dirnames if d not in ("testdata", "vendor")
                             and not d.startswith((".", "_")))
        rel = os.path.relpath(dirpath, src).replace(os.sep, "/")
        if rel == ".":
            continue
        if rel == "builtin":
            continue  # documentation only; the go command never compiles it
        if std_only and (rel == "cmd" or rel.startswith("cmd/")):
            continue
        if any(f.endswith(".go") and not f.endswith("_test.go") for f in filenames):
            out.append(rel)
    return out


def main(argv: list[str]) -> int:
    from gort.go.build import FindGOROOT, Loader, LoadError
    from gort.go.types import check as _check

    std_only = "-std" in argv
    profile = "-profile" in argv
    root = FindGOROOT()
    paths = package_dirs(root, std_only)
    check_time = [0.0]
    orig = _check.Checker.Files

    def timed_files(self: _check.Checker, files: list[object]) -> object:
        t = time.perf_counter()
        try:
            return orig(self, files)  # type: ignore[arg-type]
        finally:
            check_time[0] += time.perf_counter() - t

    _check.Checker.Files = timed_files  # type: ignore[method-assign]
    profiler = None
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
    t0 = time.perf_counter()
    ld = Loader(overlay="", shareStd=False)
    skipped = 0
    for p in paths:
        try:
            ld.LoadImport(p)
        except LoadError:
            skipped += 1  # nothing builds here for linux/amd64 (or only main test dirs)
    elapsed = time.perf_counter() - t0
    if profiler is not None:
        profiler.stop()
    pkgs = list(ld.stdPkgs.values())
    nfiles = sum(len(p.GoFiles) for p in pkgs)
    nlines = 0
    for p in pkgs:
        for f in p.GoFiles:
            with open(f, "rb") as fh:
                nlines += fh.read().count(b"\n")
    bad = [p for p in pkgs if p.Errors]
    print(f"gort: {len(pkgs)} packages, {nfiles} files, {nlines} lines "
          f"({skipped} directories with nothing to build)")
    print(f"parse + type-check: {elapsed:.1f}s (type-check alone {check_time[0]:.1f}s, "
          f"{nlines / elapsed:.0f} lines/s)")
    for p in sorted(bad, key=lambda p: p.Path):
        print(f"  {p.Path}: {len(p.Errors)} errors; first: {p.Errors[0]}")
    if profiler is not None:
        print(profiler.output_text(unicode=False, color=False))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
