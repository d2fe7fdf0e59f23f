"""Helpers for the scheduler's tests (not a test module).

* `unit` — a decorator for unit tests that call the scheduler's internals
  directly (export_sched_test.Unit() sets up memory and Ps without
  starting the scheduler). Such a test changes process-wide runtime state
  (allp, m0's P, mcache0), so it must not share a process with the
  allocator's tests: the first decorated test of a module runs the whole
  module once in a child pytest, and each test reports its own outcome
  from that run.
* `run_prog(name, ...)` — run tests/runtime/progs/NAME.py (a hand-compiled
  program booting the runtime) in a subprocess; returns (status, stdout,
  stderr).
"""

from __future__ import annotations

import functools
import inspect
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from typing import Any

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROGS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "progs")
_CHILD = "GORT_SCHED_UNIT_CHILD"

_results: dict[str, dict[str, str | None]] = {}
_units: dict[str, list[str]] = {}  # module path → names of its @unit tests


def in_child() -> bool:
    return os.environ.get(_CHILD) == "1"


def unit_runtime(throw_raises: bool = False) -> Iterator[Any]:
    """The body of a module's `rt` fixture for its @unit tests: in the child,
    export_sched_test with the runtime set up (Unit); in the parent, which
    only collects the child's results, None. throw_raises: throw raises
    panic.Throw, which a test can catch, instead of ending the process."""
    if not in_child():
        yield None
        return
    from gort.runtime import export_sched_test as rt
    from gort.runtime import panic

    rt.Unit()
    panic.throwRaises = throw_raises
    try:
        yield rt
    finally:
        panic.throwRaises = False


def _run_module(path: str) -> dict[str, str | None]:
    """Run every test of the module at path in one child; name → None (passed) or the failure text."""
    res = _results.get(path)
    if res is not None:
        return res
    with tempfile.TemporaryDirectory() as d:
        xml = os.path.join(d, "r.xml")
        r = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={xml}",
             "-k", " or ".join(_units.get(path, [])), path],
            env=dict(os.environ, **{_CHILD: "1"}),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
        res = {}
        if os.path.exists(xml):
            for case in ET.parse(xml).getroot().iter("testcase"):
                name = case.get("name", "")
                bad = case.find("failure")
                if bad is None:
                    bad = case.find("error")
                res[name.split("[")[0] if "[" not in name else name] = (
                    None if bad is None else (bad.get("message", "") + "\n" + (bad.text or ""))
                )
        if not res:
            res["*"] = f"child pytest failed ({r.returncode}):\n{r.stdout[-4000:]}\n{r.stderr[-4000:]}"
    _results[path] = res
    return res


def unit(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Run the decorated test in the module's child process (see the module docstring)."""
    path = inspect.getsourcefile(fn)
    assert path is not None
    name = fn.__name__
    _units.setdefault(path, []).append(name)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if in_child():
            return fn(*args, **kwargs)
        res = _run_module(path)
        if "*" in res:
            pytest.fail(res["*"] or "", pytrace=False)
        if name not in res:
            pytest.fail(f"{name}: no result from the child run", pytrace=False)
        if res[name] is not None:
            pytest.fail(f"in the child process:\n{res[name]}", pytrace=False)
        return None

    return wrapper


def run_prog(name: str, *args: str, env: dict[str, str] | None = None, timeout: int = 120) -> tuple[int, str, str]:
    """Run progs/NAME.py in a new interpreter: (exit status, stdout, stderr)."""
    r = subprocess.run(
        [sys.executable, os.path.join(PROGS, name + ".py"), *args],
        cwd=ROOT,
        env=dict(os.environ, **(env or {})),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return r.returncode, r.stdout, r.stderr
