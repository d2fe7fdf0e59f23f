# ruff: noqa: N802  (hand-compiled: the compiler's F_ names)
"""Every goroutine asleep: checkdead's fatal error and the goroutine dump."""

import os

from gort.runtime import export_sched_test as rt


def F_func1(gp, ctx):
    yield from rt.block()


fid = rt.Func("main.main.func1", F_func1, 0, "dl.go", 6)


def F_main(gp):
    ch = rt.MakeChan(0)
    rt.Go(fid)
    os.write(1, b"before\n")
    yield from rt.chanrecv1(ch, 0)


rt.Run(F_main, file="dl.go", line=10)
