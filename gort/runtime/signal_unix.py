"""Signal handling at start-up (signal_unix.go initsig, sigtable).

Go installs its handler for every signal at start-up (m0's mstartm0 →
initsig). For a program that never calls os/signal.Notify, what a user
can see is this table's default column:

    signal            Go's default                   gort
    SIGINT, SIGTERM,  the program dies from the      the same: the signal's
    SIGHUP            signal (dieFromSignal)         default action (SIG_DFL)
    SIGQUIT           "SIGQUIT: quit", a dump of     the same dump, exit 2
                      every goroutine, exit 2
    SIGPIPE           ignored except on fds 1 and 2  ignored (Python's choice
                      (raised again by the write)    already); the write
                                                     natives re-raise it

Python itself installs a SIGINT handler that raises KeyboardInterrupt in
the main thread, which would surface as a gort internal error: initsig
puts the default action back, so Ctrl-C ends a gort program exactly as it
ends a Go program (status 130 in a shell: killed by SIGINT).

Differences from Go: no signal stack, no per-M signal masks, no async
preemption signal (SIGURG); SIGQUIT's dump is taken by the Python handler
on the main thread between bytecodes, so it shows each goroutine where it
last parked.
"""

from __future__ import annotations

import signal
from types import FrameType

from gort.runtime.panic import _write2

_installed = False


# go: runtime/signal_unix.go initsig
def initsig(preinit: bool) -> None:
    """Install the default behaviour of Go's signal table (m0 only, once)."""
    global _installed
    if _installed:
        return
    _installed = True
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        try:
            signal.signal(sig, signal.SIG_DFL)
        except (OSError, ValueError):
            pass  # not on the main thread (tests), or not catchable
    try:
        signal.signal(signal.SIGQUIT, sigquit)
    except (OSError, ValueError):
        pass


def sigquit(signum: int, frame: FrameType | None) -> None:
    """SIGQUIT: print every goroutine, as Go's crash path does, and exit 2."""
    from gort.runtime import proc, traceback

    _write2("SIGQUIT: quit\nPC=0x0 m=0 sigcode=0\n")
    level, _, _ = traceback.gotraceback()
    if level > 0:
        _write2(traceback.tracebackothers(None, max(level, 1)))
    proc.exit(2)
