"""The build cache and plan: a warm run links cached code by the stored
plan, and any change to a source file of any package of the program (or to
a natives module) is seen.

A fake GOROOT whose src/ links to the real one, except for one package
copied so the test can edit it, stands in for an edited dependency."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.difftest import ROOT, gort_cache

MAIN = """package main

import "unicode/utf8"

func main() {
	println(utf8.RuneLen('\u00e9'))
}
"""


def _real_goroot() -> str:
    from gort.go.build import FindGOROOT

    return FindGOROOT()


def _gort(tmp: Path, cache: str, *args: str, goroot: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, GORTCACHE=cache)
    if goroot:
        env["GOROOT"] = goroot
    return subprocess.run([sys.executable, "-m", "gort", "run", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=600)


def _fake_goroot(tmp: Path, copy: str) -> Path:
    real = Path(_real_goroot())
    root = tmp / "goroot"
    (root / "src").mkdir(parents=True)
    for e in real.iterdir():
        if e.name != "src":
            (root / e.name).symlink_to(e)
    top = copy.split("/")[0]
    for e in (real / "src").iterdir():
        if e.name != top:
            (root / "src" / e.name).symlink_to(e)
    # The top directory of the copied package: its entries linked, the
    # package itself copied.
    (root / "src" / top).mkdir()
    for e in (real / "src" / top).iterdir():
        if e.name != copy.split("/")[1]:
            (root / "src" / top / e.name).symlink_to(e)
    shutil.copytree(real / "src" / copy, root / "src" / copy)
    return root


def test_an_edited_dependency_is_rebuilt(tmp_path: Path) -> None:
    root = _fake_goroot(tmp_path, "unicode/utf8")
    prog = tmp_path / "main.go"
    prog.write_text(MAIN)
    cache = gort_cache()
    r = _gort(tmp_path, cache, str(prog), goroot=str(root))
    assert (r.returncode, r.stderr) == (0, "2\n")
    r = _gort(tmp_path, cache, str(prog), goroot=str(root))  # warm: by the plan
    assert (r.returncode, r.stderr) == (0, "2\n")
    plans = list((Path(cache) / "plans").iterdir())
    assert plans
    # An edit of the dependency (its size changes, its mtime may not).
    src = root / "src" / "unicode" / "utf8" / "utf8.go"
    st = src.stat()
    with open(src, "a") as f:
        f.write('\nfunc init() { println("edited") }\n')
    os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns))
    r = _gort(tmp_path, cache, str(prog), goroot=str(root))
    assert (r.returncode, r.stderr) == (0, "edited\n2\n")
    # An edit that keeps the size (a changed mtime).
    text = src.read_text().replace('"edited"', '"edit2d"')
    src.write_text(text)
    os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    r = _gort(tmp_path, cache, str(prog), goroot=str(root))
    assert (r.returncode, r.stderr) == (0, "edit2d\n2\n")
    # A new file in the package.
    (src.parent / "extra.go").write_text('package utf8\n\nfunc init() { println("new file") }\n')
    r = _gort(tmp_path, cache, str(prog), goroot=str(root))
    assert r.returncode == 0
    assert "new file\n" in r.stderr


def test_an_edited_main_is_rebuilt(tmp_path: Path) -> None:
    prog = tmp_path / "main.go"
    prog.write_text(MAIN)
    cache = gort_cache()
    assert _gort(tmp_path, cache, str(prog)).stderr == "2\n"
    assert _gort(tmp_path, cache, str(prog)).stderr == "2\n"
    prog.write_text(MAIN.replace("'\u00e9'", "'\u4e16'"))
    assert _gort(tmp_path, cache, str(prog)).stderr == "3\n"


def test_cached_code_and_metadata_are_remade_from_the_source(tmp_path: Path) -> None:
    prog = tmp_path / "main.go"
    prog.write_text(MAIN)
    cache = str(tmp_path / "cache")
    assert _gort(tmp_path, cache, str(prog)).stderr == "2\n"
    pycs = list(Path(cache).glob("??/*.pyc"))
    metas = list(Path(cache).glob("??/*.meta"))
    assert pycs and len(pycs) == len(metas)
    # Without the code objects, a warm run compiles them again from the modules.
    for p in pycs:
        p.unlink()
    assert _gort(tmp_path, cache, str(prog)).stderr == "2\n"
    assert len(list(Path(cache).glob("??/*.pyc"))) == len(pycs)
    # Without plans or metadata, a build links again from the modules.
    shutil.rmtree(Path(cache) / "plans")
    for p in metas:
        p.unlink()
    assert _gort(tmp_path, cache, str(prog)).stderr == "2\n"
    assert len(list(Path(cache).glob("??/*.meta"))) == len(metas)
    # A damaged plan is ignored.
    for p in (Path(cache) / "plans").iterdir():
        p.write_bytes(p.read_bytes()[:100])
    assert _gort(tmp_path, cache, str(prog)).stderr == "2\n"
