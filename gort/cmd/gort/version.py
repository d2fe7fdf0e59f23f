"""`gort version`."""

from __future__ import annotations

import platform

from gort import GOVERSION, __version__


def main(argv: list[str]) -> int:
    print(f"gort version {__version__} ({GOVERSION} linux/amd64) python {platform.python_version()}")
    return 0
