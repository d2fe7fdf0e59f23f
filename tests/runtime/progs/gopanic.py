# ruff: noqa: N802  (hand-compiled: the compiler's F_ names)
"""An unrecovered panic in a goroutine: "panic: boom", its traceback, exit 2."""

from gort.runtime import export_sched_test as rt
from gort.runtime import time as rtime
from gort.runtime.panic import panicPlain


def F_func1(gp, ctx):
    panicPlain("boom")
    yield


fid = rt.Func("main.main.func1", F_func1, 0, "pn.go", 6)


def F_main(gp):
    rt.Go(fid)
    yield from rtime.timeSleep(2_000_000_000)


rt.Run(F_main)
