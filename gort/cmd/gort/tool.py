"""`gort tool NAME args...`: developer tools, in the manner of `go tool`.

Each tool is a module `gort.cmd.gort.tool_<name>` with `main(argv) -> int`.
"""

from __future__ import annotations

import importlib
import sys

TOOLS: dict[str, str] = {
    "parse": "parse Go files and report syntax errors",
    "types": "type-check packages and report errors",
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "-help", "--help"):
        sys.stderr.write("usage: gort tool NAME [args...]\n\nTools:\n")
        for name, summary in TOOLS.items():
            sys.stderr.write(f"\t{name:<8} {summary}\n")
        return 2 if not argv else 0
    name = argv[0]
    if name not in TOOLS:
        sys.stderr.write(f"gort tool: no such tool \"{name}\"\n")
        return 2
    module = importlib.import_module(f"gort.cmd.gort.tool_{name}")
    rc: int = module.main(argv[1:])
    return rc
