"""The benchmark suite of bench/: the Go programs and their Python twins agree,
and bench/run.py runs, reports and writes JSON as documented.

The twins are only worth comparing against if they compute what the Go
programs compute, so every Go program is built with `go build` and run at
its tiny size beside its twin, and the outputs must match byte for byte.
bench/run.py is loaded as a module for its benchmark table and its
reporting, and run as a command for --help and --json.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN_PY = ROOT / "bench" / "run.py"


def _load_run() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", RUN_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


run_py = _load_run()
PROGRAMS = [b for b in run_py.BENCHMARKS if b.group != "startup"]


@pytest.fixture(scope="session")
def go_build(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """Build a Go program once per session; return its binary."""
    go = shutil.which("go")
    if go is None:
        pytest.skip("go not installed")
    bindir = tmp_path_factory.mktemp("bench-bin")
    built: dict[Path, Path] = {}

    def build(source: Path) -> Path:
        if source not in built:
            binary = bindir / source.parent.name
            r = subprocess.run(
                [go, "build", "-o", str(binary), str(source)],
                capture_output=True,
                text=True,
                cwd=ROOT,
                timeout=300,
            )
            assert r.returncode == 0, r.stderr
            built[source] = binary
        return built[source]

    return build


def _run(cmd: list[str]) -> str:
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, f"{cmd}: exit {r.returncode}\n{r.stderr}"
    return r.stdout


@pytest.mark.differential
@pytest.mark.parametrize("bench", PROGRAMS, ids=lambda b: b.name)
def test_python_twin_prints_what_go_prints(bench: Any, go_build: Callable[[Path], Path]) -> None:
    size = str(bench.tiny)
    want = _run([str(go_build(bench.go_source)), size])
    got = _run([sys.executable, str(bench.python_source), size])
    assert want.strip(), "the Go program printed nothing"
    assert got == want


@pytest.mark.differential
def test_startup_prints_hello(go_build: Callable[[Path], Path]) -> None:
    startup = run_py.BY_NAME["startup"]
    assert _run([str(go_build(startup.go_source))]) == "hello\n"


def test_every_benchmark_has_its_programs() -> None:
    names = [b.name for b in run_py.BENCHMARKS]
    assert names == [
        "spawn",
        "pingpong",
        "buffered",
        "select",
        "sieve",
        "binarytrees",
        "fannkuch",
        "nbody",
        "spectralnorm",
        "startup",
    ]
    for b in run_py.BENCHMARKS:
        assert b.go_source.is_file(), b.go_source
        if b.group != "startup":
            assert b.python_source.is_file(), b.python_source
            assert b.tiny <= b.quick <= b.full


def test_documented_sizes_are_the_sizes() -> None:
    """The size table in run.py's docstring says what BENCHMARKS holds."""
    doc = run_py.__doc__
    assert doc is not None
    for b in run_py.BENCHMARKS:
        cells = [b.name, b.group] + [
            "-" if s is None else str(s) for s in (b.full, b.quick, b.tiny)
        ]
        assert any(line.split()[:5] == cells for line in doc.splitlines() if line.strip()), b.name


def test_run_help() -> None:
    r = subprocess.run(
        [sys.executable, str(RUN_PY), "--help"], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0, r.stderr
    for option in ("--quick", "--json", "--runs", "--only", "--impl", "--timeout"):
        assert option in r.stdout


def test_run_rejects_unknown_names() -> None:
    r = subprocess.run(
        [sys.executable, str(RUN_PY), "--only", "nosuch"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2
    assert "unknown benchmark(s): nosuch" in r.stderr


@pytest.mark.differential
def test_run_writes_the_documented_json(tmp_path: Path) -> None:
    if shutil.which("go") is None:
        pytest.skip("go not installed")
    out = tmp_path / "bench.json"
    r = subprocess.run(
        [
            sys.executable,
            str(RUN_PY),
            "--impl",
            "python,go",
            "--only",
            "fannkuch",
            "--quick",
            "--tiny",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    rows = json.loads(out.read_text())
    assert isinstance(rows, list) and len(rows) == 1
    row = rows[0]
    assert list(row) == ["name", "gort", "python", "go", "gort_rss", "python_rss", "go_rss"]
    assert row["name"] == "fannkuch"
    assert row["gort"] is None and row["gort_rss"] is None  # not run
    for impl in ("python", "go"):
        assert isinstance(row[impl], float) and 0 < row[impl] < 60
        assert isinstance(row[f"{impl}_rss"], int) and row[f"{impl}_rss"] > 0
    # The table: the row, with gort not run, and no mismatch reported.
    line = next(line for line in r.stdout.splitlines() if line.startswith("fannkuch"))
    assert line.split()[:3] == ["fannkuch", "6", "-"]
    assert "differs" not in r.stdout


def _suite(*argv: str) -> Any:
    return run_py.Suite(run_py.parse_args(list(argv)))


def _ok(stdout: bytes, seconds: float = 1.0) -> Any:
    return run_py.Run(
        seconds=seconds, rss_kb=2048, exit_code=0, timed_out=False, stdout=stdout, stderr=b""
    )


def test_mismatch_and_failure_are_reported_not_raised() -> None:
    suite = _suite("--only", "nbody,spectralnorm")
    nbody, spectralnorm = run_py.BY_NAME["nbody"], run_py.BY_NAME["spectralnorm"]
    suite.results["nbody"] = {
        "gort": run_py.Result(runs=[_ok(b"-0.1\n-0.3\n", 8.0)]),
        "python": run_py.Result(runs=[_ok(b"-0.1\n-0.2\n", 2.0)]),
        "go": run_py.Result(runs=[_ok(b"-0.1\n-0.2\n", 0.1)]),
    }
    suite.check_outputs(nbody, suite.results["nbody"])
    failed = run_py.Run(
        seconds=0.5, rss_kb=1, exit_code=2, timed_out=False, stdout=b"", stderr=b"panic: boom\n"
    )
    suite.results["spectralnorm"] = {
        "gort": run_py.Result(runs=[failed], failure="fail"),
        "python": run_py.Result(runs=[_ok(b"1.27\n", 3.0)]),
        "go": run_py.Result(runs=[_ok(b"1.27\n", 0.5)]),
    }
    suite.notes.append(("spectralnorm", "gort fail: " + run_py.describe(failed)))
    suite.check_outputs(spectralnorm, suite.results["spectralnorm"])

    assert suite.results["nbody"]["gort"].failure == "wrong"
    assert suite.results["nbody"]["python"].failure is None
    table = suite.table()
    assert "nbody: gort output differs from go's: line 2: want '-0.2', got '-0.3'" in table
    assert "panic: boom" in table
    rows = {r["name"]: r for r in suite.rows()}
    assert rows["nbody"]["gort"] is None and rows["nbody"]["python"] == 2.0
    assert rows["spectralnorm"]["gort"] is None and rows["spectralnorm"]["go"] == 0.5
    lines = {line.split()[0]: line.split() for line in table.splitlines() if line.strip()}
    assert lines["nbody"][2] == "wrong" and lines["spectralnorm"][2] == "fail"
    assert "compute group (binarytrees, fannkuch, nbody, spectralnorm): n/a" in table


def test_geometric_mean_over_the_compute_group() -> None:
    suite = _suite("--only", "fannkuch,nbody")
    for name, gort in (("fannkuch", 2.0), ("nbody", 8.0)):
        suite.results[name] = {
            "gort": run_py.Result(runs=[_ok(b"x\n", gort)]),
            "python": run_py.Result(runs=[_ok(b"x\n", 1.0)]),
            "go": run_py.Result(runs=[_ok(b"x\n", 0.1)]),
        }
    table = suite.table()
    assert "gort/python, compute group (binarytrees, fannkuch, nbody, spectralnorm): 4.00" in table
    assert "(over 2 of 4; without binarytrees, spectralnorm)" in table


def test_timeout_kills_and_records(go_build: Callable[[Path], Path], tmp_path: Path) -> None:
    measure = run_py.Measure(go_build(ROOT / "bench" / "measure" / "main.go"), tmp_path / "m.out")
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)"]
    for how in (None, measure):
        run = run_py.run_child(sleeper, 0.5, how)
        assert run.timed_out and not run.ok
        assert run.seconds < 30


def test_measure_reports_the_child(go_build: Callable[[Path], Path], tmp_path: Path) -> None:
    measure = run_py.Measure(go_build(ROOT / "bench" / "measure" / "main.go"), tmp_path / "m.out")
    grow = [sys.executable, "-c", "b = bytearray(64 << 20); b[::4096] = b'x' * (len(b) // 4096)"]
    run = run_py.run_child(grow, 60, measure)
    assert run.ok
    assert 64 * 1024 < run.rss_kb < 256 * 1024
    run = run_py.run_child([sys.executable, "-c", "import sys; sys.exit(3)"], 60, measure)
    assert run.exit_code == 3 and not run.ok


def test_opcount_counts_per_operation(monkeypatch: pytest.MonkeyPatch) -> None:
    """bench/opcount.py's counts: a ping-pong round trip costs gort some
    hundreds to thousands of bytecodes, in the channel and scheduler
    functions, and its asyncio twin some hundreds."""
    from tests.difftest import gort_cache

    spec = importlib.util.spec_from_file_location("bench_opcount", ROOT / "bench" / "opcount.py")
    assert spec is not None and spec.loader is not None
    opcount = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(opcount)
    monkeypatch.setenv("GORTCACHE", gort_cache())
    ops1, calls1, _ = opcount.measure("gort", "pingpong", 100, False)
    ops2, calls2, funcs = opcount.measure("gort", "pingpong", 300, True)
    per, calls_per = (ops2 - ops1) / 200, (calls2 - calls1) / 200
    assert 500 < per < 20000 and 10 < calls_per < per, (per, calls_per)
    # (Which side parks depends on who reaches the channel first.)
    parks = funcs.get("chanrecvpark (chan.py)", 0) + funcs.get("chansendpark (chan.py)", 0)
    assert parks > 100 * 200 and "selectgo (select.py)" not in funcs
    py1, _, _ = opcount.measure("python", "pingpong", 100, False)
    py2, _, _ = opcount.measure("python", "pingpong", 300, False)
    assert 100 < (py2 - py1) / 200 < per
