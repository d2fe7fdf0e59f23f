"""Sizes, alignments and offsets as gc computes them on amd64.

tests/testdata/typesok/sizes.go prints unsafe.Sizeof/Alignof/Offsetof of
assorted types; gort's checker folds each of those calls to a constant.
WANT is what `go run sizes.go` prints (test_sizes_go re-runs it).
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from gort.go import ast, constant, types
from gort.go.build import Loader

HERE = os.path.dirname(os.path.abspath(__file__))
PROG = os.path.join(HERE, "..", "testdata", "typesok", "sizes.go")

WANT = """24 8 8 16
96 8 4 8 24 48 64 72 88 94
16 16 8 0
48 40 8
0 120 4
16 24 16 8
"""


def folded_output() -> str:
    ld = Loader(overlay="")
    prog = ld.Load([PROG])
    p = prog.Roots[0]
    assert p.Errors == []
    assert p.Info is not None and p.Info.Types is not None
    lines = []
    for f in p.Syntax:
        for n in ast.Preorder(f):
            if isinstance(n, ast.CallExpr) and isinstance(n.Fun, ast.SelectorExpr) and \
                    n.Fun.Sel.Name == "Println":
                vals = []
                for a in n.Args:
                    tv = p.Info.Types[a]
                    assert tv.Value is not None, "unsafe.X must be constant"
                    vals.append(str(constant.IntVal(tv.Value)))
                lines.append(" ".join(vals))
    return "\n".join(lines) + "\n"


def test_sizes_folded() -> None:
    assert folded_output() == WANT


@pytest.mark.differential
@pytest.mark.skipif(shutil.which("go") is None, reason="needs the go command")
def test_sizes_go() -> None:
    r = subprocess.run(["go", "run", os.path.basename(PROG)], cwd=os.path.dirname(PROG),
                       capture_output=True, text=True, env=dict(os.environ, CGO_ENABLED="0"))
    assert r.returncode == 0, r.stderr
    assert r.stdout == WANT


def test_sizes_api() -> None:
    sz = types.SizesFor("gc", "amd64")
    assert sz is not None
    tt = types.Typ
    assert [sz.Sizeof(tt[k]) for k in (1, 2, 3, 6, 13, 14, 15, 16, 17, 18)] == \
        [1, 8, 1, 8, 4, 8, 8, 16, 16, 8]
    assert [sz.Alignof(tt[k]) for k in (15, 16, 17)] == [4, 8, 8]
    assert sz.Sizeof(types.NewSlice(tt[2])) == 24
    assert sz.Sizeof(types.NewArray(tt[8], 3)) == 3
    st = types.NewStruct([types.NewField(0, None, "a", tt[1], False),
                          types.NewField(0, None, "b", tt[6], False)])
    assert sz.Offsetsof(st.fields) == [0, 8]
    assert sz.Sizeof(st) == 16
    assert types.SizesFor("gc", "386").Sizeof(tt[2]) == 4  # type: ignore[union-attr]
    assert types.SizesFor("gccgo", "amd64") is None
