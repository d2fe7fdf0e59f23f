"""Runtime debug settings: the `debug` struct of runtime1.go, read from GODEBUG.

Go parses GODEBUG in `parsedebugvars` (runtime1.go) into the fields of a
global `debug` struct that the rest of the runtime reads directly
(`debug.clobberfree != 0`). gort keeps the same shape: one module-level
object, `debug`, whose fields carry Go's names and meanings. Full GODEBUG
parsing belongs to the bootstrap (proc.py's schedinit); until it lands,
`parsedebugvars()` here reads the settings the allocator needs from the
environment, and tests may set the fields directly.

Settings (name, meaning, Go's default):
  clobberfree  1: the sweeper poisons every freed heap object with the
               32-bit pattern 0xdeadbeef, and stackfree poisons freed
               stacks, so a use after free reads garbage that stands out (0)
  efence       1: every object gets its own span and freed spans are
               never reused (0). Read, not yet acted upon.
  sbrk         1: a trivial bump allocator, no GC (0). Read, not yet acted upon.
  schedtrace   N: sysmon prints one line of scheduler state every N ms (0)
  scheddetail  1: with schedtrace, the state of every P, M and G too (0)
  treapbestfit 1: the page heap allocates the smallest free span that fits
               (Go 1.12's best fit) instead of the lowest-addressed one (the
               seed's Go 1.13 first fit) — a gort setting, for comparing
               the two policies (0)

Invariants: the fields are written only before the first allocation (by
`parsedebugvars`) or by tests with the world stopped.

Differences from Go: only the allocator's settings are parsed here; the
bootstrap's parser will take over and fill the same object.
"""

from __future__ import annotations

import os


class dbgVars:
    """The runtime's debug settings (runtime1.go `debug`). Set at start-up."""

    __slots__ = (
        "clobberfree", "efence", "sbrk", "madvdontneed", "gctrace", "scavtrace", "schedtrace", "scheddetail",
        "treapbestfit",
    )

    def __init__(self) -> None:
        self.clobberfree = 0  # 1: poison freed heap objects and stacks with 0xdeadbeef
        self.efence = 0  # 1: one span per object (not yet acted upon)
        self.sbrk = 0  # 1: bump allocator, no GC (not yet acted upon)
        self.madvdontneed = 1  # 1: sysUnused uses MADV_DONTNEED (Go's default since 1.16)
        self.gctrace = 0
        self.scavtrace = 0
        self.schedtrace = 0  # N > 0: sysmon prints the scheduler's state every N ms (proc.schedtrace)
        self.scheddetail = 0  # 1: with schedtrace, every P, M and G
        self.treapbestfit = 0  # 1: mheap takes the smallest fitting free span (Go 1.12), not the lowest (1.13)


debug = dbgVars()


# go: runtime/runtime1.go parsedebugvars
def parsedebugvars(godebug: str | None = None) -> None:
    """Fill `debug` from GODEBUG (or from the given string). Runs before mallocinit."""
    if godebug is None:
        godebug = os.environ.get("GODEBUG", "")
    for field in godebug.split(","):
        key, eq, value = field.partition("=")
        if not eq or key not in dbgVars.__slots__:
            continue
        try:
            n = int(value)
        except ValueError:
            continue
        setattr(debug, key, n)


parsedebugvars()
