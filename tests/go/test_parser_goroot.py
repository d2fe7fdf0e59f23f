"""The parser against the standard library: every file parses, and the tree
is the one go/parser builds (compared through tools/goastdump.go)."""

from __future__ import annotations

import os
import re
import subprocess

import pytest

from gort.go import parser, token
from tests.go.astdump import dump_file
from tests.go.goroot import all_files, goroot, sample_files

pytestmark = pytest.mark.skipif(goroot() is None, reason="go not installed")

TOOLS = os.path.join(os.path.dirname(__file__), "..", "..", "tools")


@pytest.fixture(scope="module")
def goastdump(tmp_path_factory: pytest.TempPathFactory) -> str:
    exe = str(tmp_path_factory.mktemp("goastdump") / "goastdump")
    subprocess.run(["go", "build", "-o", exe, os.path.join(TOOLS, "goastdump.go")], check=True)
    return exe


def parse_ok(files: list[str]) -> list[str]:
    failures = []
    for fn in files:
        f, err = parser.ParseFile(token.FileSet(), fn, None, parser.ParseComments)
        if err is not None or f is None:
            failures.append(f"{fn}: {err.Lines()[0] if err else 'no tree'}")
    return failures


def compare_with_go(exe: str, files: list[str], comments: bool = False) -> list[str]:
    """Files whose gort tree differs from go/parser's (first difference);
    with comments, Doc, Comment and File.Comments are compared too."""
    diffs: list[str] = []
    flags = ["-comments"] if comments else []
    mode = parser.ParseComments if comments else 0
    for start in range(0, len(files), 400):
        batch = files[start : start + 400]
        out = subprocess.run([exe, *flags, *batch], capture_output=True, text=True, check=True).stdout
        for chunk in re.split(r"^=== ", out, flags=re.M)[1:]:
            name, _, body = chunk.partition("\n")
            want = body.rstrip("\n").split("\n")
            fset = token.FileSet()
            f, err = parser.ParseFile(fset, name, None, mode)
            if want[0].startswith("ERROR"):
                continue  # go/parser rejects it (none in GOROOT today)
            if f is None:
                diffs.append(f"{name}: {err}")
                continue
            tf = fset.File(f.Package)
            got = dump_file(f, tf.base if tf is not None else 0, comments)
            if got != want:
                i = next((i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b), min(len(got), len(want)))
                diffs.append(f"{name}: line {i}: got {got[i:i+1]} want {want[i:i+1]}")
    return diffs


def test_sample_parses() -> None:
    files = sample_files()
    assert len(files) > 500
    assert parse_ok(files) == []


def test_sample_matches_go_parser(goastdump: str) -> None:
    assert compare_with_go(goastdump, sample_files()) == []


def test_sample_comments_match_go_parser(goastdump: str) -> None:
    files = list(all_files()[::20])
    assert compare_with_go(goastdump, files, comments=True) == []


@pytest.mark.slow
def test_all_parse() -> None:
    assert parse_ok(list(all_files())) == []


@pytest.mark.slow
def test_all_match_go_parser(goastdump: str) -> None:
    assert compare_with_go(goastdump, list(all_files())) == []


@pytest.mark.slow
def test_all_comments_match_go_parser(goastdump: str) -> None:
    assert compare_with_go(goastdump, list(all_files()), comments=True) == []
