"""Regenerate tests/testdata/syntax/*.golden from real gc.

    python tools/regen_syntax_golden.py

For each NAME.go in tests/testdata/syntax, runs `go tool compile` on it (from
that directory, so messages name the file as NAME.go) and writes everything
gc prints to NAME.golden. tests/go/test_syntax_errors.py compares gort's
`tool parse` output with these files.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DIR = os.path.join(HERE, "..", "tests", "testdata", "syntax")


def gc_output(name: str) -> str:
    """What `go tool compile` prints for the file NAME.go in DIR."""
    with tempfile.TemporaryDirectory() as tmp:
        r = subprocess.run(
            ["go", "tool", "compile", "-p", "main", "-o", os.path.join(tmp, "x.o"), name],
            cwd=DIR,
            capture_output=True,
            text=True,
            errors="replace",
        )
    return r.stdout + r.stderr


def main() -> int:
    names = sorted(f for f in os.listdir(DIR) if f.endswith(".go"))
    for name in names:
        out = gc_output(name)
        with open(os.path.join(DIR, name[:-3] + ".golden"), "w", encoding="utf-8") as f:
            f.write(out)
    print(f"wrote {len(names)} golden files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
