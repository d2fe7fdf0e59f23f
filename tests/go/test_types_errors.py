"""The type-error suite: invalid programs checked by gort and by real Go.

Each tests/testdata/typeerrors/NAME.go (or directory with a go.mod) is an
invalid program. golden.json records what `go build` prints for it
(regenerate with `python tools/regen_typeerrors.py`); gort's first error,
position and message, must be the same, and (stronger) so must the whole
list gort prints for the package. Valid programs in tests/testdata/typesok
must check without errors and compile with Go.

GOROOT's own packages are used (no gort/std overlays): the suite checks
the checker against gc on gc's standard library.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess

import pytest

from gort.cmd.gort import tool_types
from gort.go.build import FindGOROOT, Loader

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "testdata", "typeerrors")
OKDATA = os.path.join(HERE, "..", "testdata", "typesok")

with open(os.path.join(DATA, "golden.json"), encoding="utf-8") as _f:
    GOLDEN: dict[str, list[str]] = json.load(_f)


def run_tool(args: list[str]) -> tuple[int, list[str]]:
    buf = io.StringIO()
    with contextlib.redirect_stderr(buf):
        rc = tool_types.main(["-nooverlay"] + args)
    root = FindGOROOT()
    lines = [ln.replace(root, "$GOROOT") for ln in buf.getvalue().splitlines()
             if not ln.startswith("# ")]
    return rc, lines


def check_case(name: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    if name.endswith(".go"):
        monkeypatch.chdir(DATA)
        args = [name]
    else:
        monkeypatch.chdir(os.path.join(DATA, name))
        args = ["."]
    rc, lines = run_tool(args)
    assert rc == 1, f"{name}: gort found no error"
    return lines


def test_suite_size() -> None:
    assert len(GOLDEN) >= 150
    names = {n for n in os.listdir(DATA) if n.endswith(".go")}
    assert names <= set(GOLDEN), f"regenerate golden.json: {sorted(names - set(GOLDEN))}"


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_first_error(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    want = GOLDEN[name]
    assert want, f"{name}: Go compiles it; fix the test program"
    got = check_case(name, monkeypatch)
    assert got[:1] == want[:1]
    assert got == want


@pytest.mark.parametrize("name", sorted(n for n in os.listdir(OKDATA) if n.endswith(".go")))
def test_valid_program(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(OKDATA)
    rc, lines = run_tool([name])
    assert lines == []
    assert rc == 0


@pytest.mark.differential
@pytest.mark.skipif(shutil.which("go") is None, reason="needs the go command")
@pytest.mark.parametrize("name", sorted(n for n in os.listdir(OKDATA) if n.endswith(".go")))
def test_valid_program_go(name: str) -> None:
    r = subprocess.run(["go", "vet", name], cwd=OKDATA, capture_output=True, text=True,
                       env=dict(os.environ, CGO_ENABLED="0"))
    assert r.returncode == 0, r.stderr


def test_info_complete_for_valid_program() -> None:
    """Every expression of a valid program has a recorded type."""
    from gort.go import ast

    ld = Loader(overlay="")
    prog = ld.Load([os.path.join(OKDATA, "structs.go")])
    p = prog.Roots[0]
    assert p.Info is not None and p.Info.Types is not None
    missing = []
    skip: set[int] = set()  # nodes go/types does not record either
    for f in p.Syntax:
        for n in ast.Preorder(f):
            if isinstance(n, ast.ImportSpec) and n.Path is not None:
                skip.add(id(n.Path))
            elif isinstance(n, ast.FuncDecl):
                skip.add(id(n.Type))
            elif isinstance(n, ast.TypeSwitchStmt):
                for g in ast.Preorder(n.Assign):
                    if isinstance(g, ast.TypeAssertExpr):
                        skip.add(id(g))
            if id(n) in skip:
                continue
            if isinstance(n, ast.Expr) and not isinstance(n, (ast.KeyValueExpr, ast.Ellipsis)):
                if n not in p.Info.Types and not (isinstance(n, ast.Ident) and
                                                  (n in p.Info.Defs or n in p.Info.Uses)):
                    missing.append(n)
    assert missing == []
