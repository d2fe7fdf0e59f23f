"""gort keeps its own modules' bytecode in GORTCACHE/pyc when Python may not write any."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.difftest import ROOT


def _run(cache: Path, code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, GORTCACHE=str(cache), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_own_modules_cached_outside_the_source_tree(tmp_path: Path) -> None:
    r = _run(tmp_path, "import gort.runtime.proc, sys; print(type(sys.modules['gort.runtime.proc'].__spec__.loader).__name__)")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "_Loader"
    names = sorted(p.name for p in (tmp_path / "pyc").iterdir())
    assert any(n.startswith("gort.runtime.proc-") and n.endswith(".pyc") for n in names), names
    assert not any(n.startswith("json") for n in names), "only gort's modules belong in gort's cache"


def test_cached_code_is_used_and_checked_against_the_source(tmp_path: Path) -> None:
    assert _run(tmp_path, "import gort.runtime.param").returncode == 0
    (cached,) = [p for p in (tmp_path / "pyc").iterdir() if p.name.startswith("gort.runtime.param-")]
    # A cached file whose key matches is used as it is: replace its code
    # with code that says so.
    data = cached.read_bytes()
    import importlib.util
    import marshal

    key = data[: len(importlib.util.MAGIC_NUMBER) + 16]
    cached.write_bytes(key + marshal.dumps(compile("MARK = 'from cache'", "x", "exec")))
    r = _run(tmp_path, "import gort.runtime.param as p; print(p.MARK)")
    assert r.stdout.strip() == "from cache", r.stderr
    # A key that does not match the source (another mtime) is recompiled.
    cached.write_bytes(key[:-16] + b"\0" * 16 + marshal.dumps(compile("MARK = 'stale'", "x", "exec")))
    r = _run(tmp_path, "import gort.runtime.param as p; print(hasattr(p, 'MARK'))")
    assert r.stdout.strip() == "False", r.stderr
