"""Syntax errors against real gc: tests/testdata/syntax/NAME.go holds a small
invalid program and NAME.golden what `go tool compile` prints for it
(regenerate with `python tools/regen_syntax_golden.py`).

gc goes on to type-check a file whose only errors are lexical (they do not
start with "syntax error"), so a golden file may also hold type errors. The
expected output of `gort tool parse` is the golden file without them: the
lines whose message is one the scanner and parser produce.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

DIR = os.path.join(os.path.dirname(__file__), "..", "testdata", "syntax")
CASES = sorted(f[:-3] for f in os.listdir(DIR) if f.endswith(".go"))

# Messages of gort.go.scanner and gort.go.parser (gc's texts).
OURS = re.compile(
    r"syntax error: |too many errors$|invalid character |identifier cannot begin with digit|"
    r"invalid radix point|literal has no digits|exponent requires|exponent has no digits|"
    r"mantissa requires a 'p' exponent|invalid digit |'_' must separate|empty rune literal|"
    r"more than one character in rune literal|newline in rune literal|rune literal not terminated|"
    r"newline in string|string not terminated|comment not terminated|unknown escape|"
    r"octal escape value|escape is invalid Unicode|invalid NUL character|invalid UTF-8 encoding|"
    r"invalid BOM|method has no receiver|method has multiple receivers|"
    r"index required in 3-index slice|can only use \.\.\. with final parameter|invalid use of \.\.\.|"
    r"must not be parenthesized|range clause permits|"
    r"empty type (parameter|argument) list|interface method must have no type parameters"
)


def is_ours(line: str) -> bool:
    """Whether a line of gc's output is a message of the scanner or parser."""
    msg = line.split(": ", 1)[-1] if ": " in line else line
    return bool(OURS.search(msg)) and not msg.startswith("invalid import path")


def expected(name: str) -> list[str]:
    with open(os.path.join(DIR, name + ".golden"), encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    ours = [ln for ln in lines if is_ours(ln)]
    if ours and ours[-1].endswith(": too many errors") and len(ours) <= 10:
        ours.pop()  # gc's limit was reached by type errors, not ours
    return ours


def run(name: str) -> tuple[int, list[str]]:
    r = subprocess.run(
        [sys.executable, "-m", "gort.cmd.gort.tool_parse", name + ".go"],
        cwd=DIR,
        capture_output=True,
        text=True,
        errors="replace",
    )
    return r.returncode, r.stderr.splitlines()


def in_process(name: str) -> list[str]:
    from gort.go import parser, token
    from gort.go.scanner import ErrorList

    cwd = os.getcwd()
    os.chdir(DIR)
    try:
        _, err = parser.ParseFile(token.FileSet(), name + ".go", None)
    finally:
        os.chdir(cwd)
    return (err or ErrorList()).Lines()


@pytest.mark.parametrize("name", CASES)
def test_first_error(name: str) -> None:
    want = expected(name)
    got = in_process(name)
    assert got[:1] == want[:1]


@pytest.mark.parametrize("name", CASES)
def test_all_errors(name: str) -> None:
    assert in_process(name) == expected(name)


def test_enough_cases() -> None:
    assert len(CASES) >= 40
    assert sum(1 for n in CASES if expected(n)) >= 40


@pytest.mark.parametrize("name", ["hexnodigits", "toomany", "commentsemi"])
def test_tool_exit_status(name: str) -> None:
    rc, lines = run(name)
    assert lines == expected(name)
    assert rc == (1 if lines else 0)
