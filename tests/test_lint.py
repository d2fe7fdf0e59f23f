"""The tree stays clean under the linters pyproject.toml configures: ruff, and mypy --strict for gort/."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.difftest import ROOT


def _module_available(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


@pytest.mark.skipif(shutil.which("ruff") is None and not _module_available("ruff"), reason="needs ruff (pip install -e '.[test]')")
def test_ruff() -> None:
    p = subprocess.run([sys.executable, "-m", "ruff", "check", "."], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr


@pytest.mark.skipif(not _module_available("mypy"), reason="needs mypy (pip install -e '.[test]')")
def test_mypy() -> None:
    p = subprocess.run([sys.executable, "-m", "mypy"], capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert p.returncode == 0, p.stdout[-5000:] + p.stderr
