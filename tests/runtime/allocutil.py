"""Helpers shared by the allocator's tests (not a test module).

* `fresh_process` — run a test function in a new Python process: the heap
  then starts empty at the first arena hint (0x0c000000), GC-cycle simulations cannot disturb
  other tests' objects, and a throw exits only that process.
* `run_snippet(code)` — run Python code after a prelude that initialises the
  allocator; returns (exit status, stdout, stderr). For throw scenarios.
"""

from __future__ import annotations

import functools
import inspect
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from typing import Any

import pytest

_FRESH = "GORT_TEST_FRESH"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

PRELUDE = """
from gort.runtime import export_test as rt
rt.InitHeap()
"""


def in_fresh_process() -> bool:
    return _FRESH in os.environ


def fresh_process(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Run the decorated test in its own Python process (through pytest)."""
    path = inspect.getsourcefile(fn)
    name = fn.__name__

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if os.environ.get(_FRESH) == name:
            return fn(*args, **kwargs)
        env = dict(os.environ, **{_FRESH: name})
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-x",
                "-p",
                "no:cacheprovider",
                f"{path}::{name}",
            ],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if r.returncode != 0:
            pytest.fail(f"in a fresh process:\n{r.stdout}\n{r.stderr}", pytrace=False)
        return None

    return wrapper


def run_snippet(
    code: str, env: dict[str, str] | None = None, timeout: int = 120
) -> tuple[int, str, str]:
    """Run PRELUDE + code in a new interpreter; (status, stdout, stderr)."""
    src = PRELUDE + textwrap.dedent(code)
    r = subprocess.run(
        [sys.executable, "-c", src],
        cwd=ROOT,
        env=dict(os.environ, **(env or {})),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return r.returncode, r.stdout, r.stderr
