"""Panics, fatal errors and throw.

This file will hold gopanic/gorecover and the _panic and _defer records (see
docs/design/0001). For now it holds the fatal paths every other file needs:

  throw(s)  — a runtime invariant is broken: print "fatal error: s", the
              goroutine dump, exit 2 (panic.go throw / fatalthrow).
  fatal(s)  — a user-caused unrecoverable error (deadlock, concurrent map
              writes): "fatal error: s" and exit 2 (panic.go fatal).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import NoReturn

# Set by traceback.py once it can dump goroutines: called with the
# GOTRACEBACK level for the fatal path, writes the dump to fd 2.
dumpHook: Callable[[str], None] | None = None


def _write2(s: str) -> None:
    b = s.encode()
    while b:
        n = os.write(2, b)
        b = b[n:]


class Throw(BaseException):
    """Raised by throw() under tests that ask for it (export_test.py)."""


throwRaises = False  # tests set this to observe throws without exiting


# go: runtime/panic.go throw
def throw(s: str) -> NoReturn:
    """Fatal runtime error. Never returns."""
    if throwRaises:
        raise Throw(s)
    _write2(f"fatal error: {s}\n")
    if dumpHook is not None:
        try:
            dumpHook("throw")
        except BaseException:
            pass
    sys.stdout.flush()
    os._exit(2)


# go: runtime/panic.go fatal
def fatal(s: str) -> NoReturn:
    """Fatal error caused by the user program. Never returns."""
    if throwRaises:
        raise Throw(s)
    _write2(f"fatal error: {s}\n")
    if dumpHook is not None:
        try:
            dumpHook("fatal")
        except BaseException:
            pass
    os._exit(2)
