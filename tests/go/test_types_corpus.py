"""Slow corpus runs of the type checker.

test_goroot_checks_clean: every package of the standard library (what
`go build std` compiles for linux/amd64, cgo off) type-checks without
errors.

test_go_types_testdata: each file of GOROOT/src/internal/types/testdata
(go/types' own test programs) is compiled by real Go (`go build`) and
checked by gort; the first error gc prints must be gort's first error,
position and text. gc's output is cached per file content in pytest's
cache. A few files differ for known reasons (listed in KNOWN).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import subprocess

import pytest

from gort.cmd.gort import tool_types
from gort.go.build import FindGOROOT, Loader, LoadError

# files whose first error differs from gc's, and why
KNOWN = {
    "check/importC.go": "cmd/go says 'no Go source files' when cgo drops the only file",
    "check/labels.go": "gc reports unused labels in map order (nondeterministic)",
    "fixedbugs/issue43190.go": "cmd/go's own parsing of broken import declarations",
}


def corpus() -> list[str]:
    root = os.path.join(FindGOROOT(), "src", "internal", "types", "testdata")
    out = []
    for sub in ("check", "fixedbugs", "spec", "examples"):
        d = os.path.join(root, sub)
        if os.path.isdir(d):
            out.extend(f"{sub}/{n}" for n in sorted(os.listdir(d)) if n.endswith(".go"))
    return out


@pytest.mark.slow
def test_goroot_checks_clean() -> None:
    src = os.path.join(FindGOROOT(), "src")
    ld = Loader(overlay="", shareStd=False)
    bad = []
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames[:] = sorted(d for d in dirnames if d not in ("testdata", "vendor", "cmd")
                             and not d.startswith(("_", ".")))
        rel = os.path.relpath(dirpath, src).replace(os.sep, "/")
        if rel in (".", "builtin"):
            continue
        if not any(f.endswith(".go") and not f.endswith("_test.go") for f in filenames):
            continue
        try:
            p = ld.LoadImport(rel)
        except LoadError:
            continue
        if p.Errors:
            bad.append(f"{rel}: {p.Errors[0]}")
    assert bad == []


@pytest.mark.slow
@pytest.mark.differential
@pytest.mark.skipif(shutil.which("go") is None, reason="needs the go command")
@pytest.mark.parametrize("name", corpus())
def test_go_types_testdata(name: str, tmp_path: object, request: pytest.FixtureRequest,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    if name in KNOWN:
        pytest.skip(KNOWN[name])
    root = os.path.join(FindGOROOT(), "src", "internal", "types", "testdata")
    with open(os.path.join(root, name), "rb") as f:
        src = f.read()
    d = str(tmp_path)
    with open(os.path.join(d, "x.go"), "wb") as f:
        f.write(src)
    key = "gort/typecorpus/" + hashlib.sha256(src).hexdigest()
    want = request.config.cache.get(key, None)
    if want is None:
        r = subprocess.run(["go", "build", "-o", os.devnull, "x.go"], cwd=d, capture_output=True,
                           text=True, env=dict(os.environ, CGO_ENABLED="0"))
        want = [ln for ln in r.stderr.splitlines() if not ln.startswith("#")]
        request.config.cache.set(key, want)
    monkeypatch.chdir(d)
    buf = io.StringIO()
    with contextlib.redirect_stderr(buf):
        tool_types.main(["-nooverlay", "x.go"])
    got = [ln for ln in buf.getvalue().splitlines() if not ln.startswith("#")]
    assert got[:1] == want[:1]
