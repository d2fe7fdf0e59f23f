"""Regenerate tests/testdata/typeerrors/golden.json from real Go.

For every NAME.go in tests/testdata/typeerrors, run `go build -o /dev/null
NAME.go` in that directory; for every subdirectory holding a go.mod, run
`go build -o /dev/null .` inside it. Record the lines the go command prints
(without the "# package" header), with GOROOT replaced by "$GOROOT" so that
no machine path lands in the repository. tests/go/test_types_errors.py
compares gort's first error with the first recorded line.

Usage: python tools/regen_typeerrors.py [NAME...]
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "tests", "testdata", "typeerrors")
GOLDEN = os.path.join(DATA, "golden.json")


def goroot() -> str:
    return subprocess.run(["go", "env", "GOROOT"], capture_output=True, text=True,
                          check=True).stdout.strip()


def run(name: str, root: str) -> tuple[str, list[str]]:
    env = dict(os.environ, CGO_ENABLED="0", GOFLAGS="", GOWORK="off")
    if name.endswith(".go"):
        cmd = ["go", "build", "-o", os.devnull, name]
        cwd = DATA
    else:
        cmd = ["go", "build", "-o", os.devnull, "."]
        cwd = os.path.join(DATA, name)
    out = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    lines = []
    for line in out.stderr.splitlines():
        if line.startswith("# "):
            continue
        lines.append(line.replace(root, "$GOROOT"))
    if out.returncode == 0:
        lines = []
    return name, lines


def cases() -> list[str]:
    names = []
    for n in sorted(os.listdir(DATA)):
        p = os.path.join(DATA, n)
        if n.endswith(".go") or os.path.isfile(os.path.join(p, "go.mod")):
            names.append(n)
    return names


def main(argv: list[str]) -> int:
    root = goroot()
    want = argv or cases()
    golden: dict[str, list[str]] = {}
    if argv and os.path.exists(GOLDEN):
        with open(GOLDEN) as f:
            golden = json.load(f)
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
        for name, lines in ex.map(lambda n: run(n, root), want):
            golden[name] = lines
            if not lines:
                sys.stderr.write(f"warning: {name} compiles cleanly\n")
    with open(GOLDEN, "w") as f:
        json.dump(dict(sorted(golden.items())), f, indent=1, ensure_ascii=False)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
