"""The gort command: `gort run`, `gort env`, `gort version`, `gort tool ...`.

Each subcommand lives in its own module with a `main(argv) -> int`; this file
only dispatches, in the manner of cmd/go's command table.
"""

from __future__ import annotations

import importlib
import sys

# name -> (module, one-line summary)
COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("gort.cmd.gort.run", "compile and run a Go program"),
    "env": ("gort.cmd.gort.env", "print gort environment information"),
    "version": ("gort.cmd.gort.version", "print the gort and Go versions"),
    "tool": ("gort.cmd.gort.tool", "run a developer tool (parse, types)"),
}

USAGE = """gort runs Go programs on Go's own runtime, rebuilt in Python.

Usage:

\tgort <command> [arguments]

The commands are:

{commands}
"""


def usage() -> str:
    width = max(len(n) for n in COMMANDS)
    lines = [f"\t{name:<{width}}  {summary}" for name, (_, summary) in COMMANDS.items()]
    return USAGE.format(commands="\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "-help", "--help", "help"):
        sys.stderr.write(usage())
        return 2 if not args else 0
    name = args[0]
    entry = COMMANDS.get(name)
    if entry is None:
        sys.stderr.write(f"gort {name}: unknown command\nRun 'gort help' for usage.\n")
        return 2
    module = importlib.import_module(entry[0])
    rc: int = module.main(args[1:])
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
