# ruff: noqa: N802  (hand-compiled: the compiler's F_ names)
"""sysmon wakes the forced-GC helper (goroutine 2) when no GC ran for
forcegcperiod (2 minutes in Go; 50 ms here)."""

import os

from gort.runtime import export_sched_test as rt
from gort.runtime import mgc, proc
from gort.runtime import time as rtime
from gort.runtime.mstats import memstats


def F_main(gp):
    proc.forcegcperiod = 50_000_000
    memstats.last_gc_nanotime = proc.nanotime()  # as if a GC had just ended
    helper = proc.forcegc.g
    os.write(1, f"helper is goroutine {helper.goid}, parked: {proc.forcegc.idle}\n".encode())
    yield from rtime.timeSleep(300_000_000)
    os.write(1, f"forced GC ran: {mgc.numForcedGC > 0}\n".encode())


rt.Run(F_main)
