# ruff: noqa: N802  (hand-compiled: the compiler's F_ names)
"""A CPU-bound loop does not starve the others at GOMAXPROCS=1: sysmon asks
it to yield after 10 ms, and it does at its loop back-edge poll — a
generator yields (gopreempt), a plain function parks its thread
(gopreemptPlain). Usage: spin.py plain|gen"""

import os
import sys
import time

from gort.runtime import export_sched_test as rt
from gort.runtime import time as rtime
from gort.runtime.preempt import gopreempt, gopreemptPlain


def F_spin(gp, ctx):
    x = 0
    while True:
        x += 1
        if gp.preempt:
            gopreemptPlain(gp)


def F_spin_g(gp, ctx):
    x = 0
    while True:
        x += 1
        if gp.preempt:
            yield from gopreempt(gp)


fid = rt.Func("main.spin", F_spin_g if sys.argv[1] == "gen" else F_spin)


def F_main(gp):
    rt.Go(fid)
    rt.Go(fid)
    t0 = time.perf_counter()
    yield from rtime.timeSleep(100_000_000)
    os.write(1, f"main woke after {(time.perf_counter() - t0) * 1000:.0f} ms\n".encode())


rt.Run(F_main)
