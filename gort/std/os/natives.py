"""Natives of package os: what it takes from package runtime.

Package os itself is GOROOT's, compiled as it is; these are the bodyless
functions it links to the runtime (os.Args, the exit hook, the SIGPIPE
death of a write to a closed standard output, random numbers for
temporary file names).

Differences from Go: ignoreSIGSYS and restoreSIGSYS do nothing (gort never
runs the pidfd probe that needs them; os/exec is not supported).
"""

from __future__ import annotations

import os as _os
import signal as _signal
from typing import Any


def F_runtime_args(gp: Any) -> tuple[int, int, int]:
    from gort.runtime import runtime1
    from gort.runtime.string import makestringslice

    return makestringslice(list(runtime1.argslice))


def F_runtime_beforeExit(gp: Any, exitCode: int) -> None:
    # Go flushes race and coverage data here; gort has neither.
    return None


def F_runtime_rand(gp: Any) -> int:
    from gort.runtime import proc

    return proc.rand()


def F_sigpipe(gp: Any) -> None:
    """A write to a broken standard output or error: die of SIGPIPE, as Go does.

    The Python host ignores SIGPIPE, so the default action is restored
    before the signal is raised.
    """
    _signal.signal(_signal.SIGPIPE, _signal.SIG_DFL)
    _os.kill(_os.getpid(), _signal.SIGPIPE)


def F_ignoreSIGSYS(gp: Any) -> None:
    return None


def F_restoreSIGSYS(gp: Any) -> None:
    return None
