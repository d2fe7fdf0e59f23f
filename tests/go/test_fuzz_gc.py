"""Differential fuzzing against gc (slow): mutate valid programs at random
(seeded, so a failure replays) and compare every error the scanner and
parser produce with what `go tool compile` prints for the same bytes."""

from __future__ import annotations

import os
import random
import subprocess

import pytest

from gort.go import parser, token
from tests.go.goroot import goroot
from tests.go.test_fuzz import PIECES, SEEDS
from tests.go.test_syntax_errors import is_ours

pytestmark = [
    pytest.mark.slow,
    pytest.mark.differential,
    pytest.mark.skipif(goroot() is None, reason="go not installed"),
]


def ours(lines: list[str]) -> list[str]:
    keep = [ln for ln in lines if is_ours(ln)]
    if keep and keep[-1].endswith(": too many errors") and len(keep) <= 10:
        keep.pop()  # the limit was reached with type errors
    return keep


@pytest.mark.parametrize("seed", range(8))
def test_mutations_match_gc(seed: int, tmp_path: pytest.TempPathFactory) -> None:
    rng = random.Random(seed)
    src_file = os.path.join(str(tmp_path), "f.go")
    mismatches = []
    for _ in range(40):
        src = bytearray(rng.choice(SEEDS))
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(src) + 1)
            op = rng.random()
            if op < 0.4:
                src[i:i] = rng.choice(PIECES)
            elif op < 0.7:
                del src[i : i + rng.randint(1, 8)]
            else:
                src[i : i + 1] = rng.choice(PIECES)
        with open(src_file, "wb") as f:
            f.write(src)
        r = subprocess.run(
            ["go", "tool", "compile", "-p", "main", "-o", os.path.join(str(tmp_path), "x.o"), "f.go"],
            cwd=str(tmp_path), capture_output=True, text=True, errors="replace",
        )
        want = ours((r.stdout + r.stderr).splitlines())
        _, err = parser.ParseFile(token.FileSet(), "f.go", bytes(src))
        got = ours("\n".join(err.Lines()).splitlines()) if err else []
        if got != want:
            mismatches.append((bytes(src), want, got))
    assert mismatches == []
