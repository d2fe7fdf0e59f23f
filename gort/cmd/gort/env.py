"""`gort env [VAR...]`: print gort's environment, as `go env` does."""

from __future__ import annotations

import sys

from gort import GOVERSION


def variables() -> dict[str, str]:
    from gort.cmd.gort.build import cacheDir, goroot

    return {
        "GOARCH": "amd64",
        "GOOS": "linux",
        "GOROOT": goroot(),
        "GORTCACHE": cacheDir(),
        "GOVERSION": GOVERSION,
    }


def main(argv: list[str]) -> int:
    v = variables()
    if argv:
        for name in argv:
            sys.stdout.write(v.get(name, "") + "\n")
        return 0
    for k, val in v.items():
        sys.stdout.write(f"{k}='{val}'\n")
    return 0
