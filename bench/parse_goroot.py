"""Time gort's scanner and parser over every .go file of GOROOT/src.

    python bench/parse_goroot.py [--scan-only] [--limit N] [--profile]

Skips testdata directories (they hold deliberately broken files). Prints
files/s and MB/s for scanning alone and for scanning plus parsing, and
lists any file that fails to parse (there should be none).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time


def goroot_files() -> list[str]:
    goroot = subprocess.run(["go", "env", "GOROOT"], capture_output=True, text=True, check=True).stdout.strip()
    out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(goroot, "src")):
        dirnames[:] = sorted(d for d in dirnames if d != "testdata")
        for fn in sorted(filenames):
            if fn.endswith(".go"):
                out.append(os.path.join(dirpath, fn))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scan-only", action="store_true")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    from gort.go import parser, token
    from gort.go.scanner import scanFile

    files = goroot_files()
    if args.limit:
        files = files[:: max(1, len(files) // args.limit)]
    datas = []
    for fn in files:
        with open(fn, "rb") as f:
            datas.append((fn, f.read()))
    total = sum(len(d) for _, d in datas)
    mb = total / 1e6

    t0 = time.perf_counter()
    for _, d in datas:
        scanFile(d, 1)
    t1 = time.perf_counter()
    print(f"scan:  {len(datas)} files, {mb:.1f} MB in {t1 - t0:.1f} s: "
          f"{len(datas) / (t1 - t0):.0f} files/s, {mb / (t1 - t0):.2f} MB/s")
    if args.scan_only:
        return 0

    prof = None
    if args.profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    bad = 0
    t0 = time.perf_counter()
    for fn, d in datas:
        fset = token.FileSet()
        _, err = parser.ParseFile(fset, fn, d, parser.ParseComments)
        if err:
            bad += 1
            print(f"FAIL {fn}: {err.Lines()[0]}")
    t1 = time.perf_counter()
    if prof is not None:
        import pstats

        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    print(f"parse: {len(datas)} files, {mb:.1f} MB in {t1 - t0:.1f} s: "
          f"{len(datas) / (t1 - t0):.0f} files/s, {mb / (t1 - t0):.2f} MB/s (scan included)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
