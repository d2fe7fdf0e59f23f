# ruff: noqa: N802  (hand-compiled: the compiler's F_ names)
"""Sleepers wake in deadline order; a runtime timer runs its function; a
stopped one does not."""

import os

from gort.runtime import export_sched_test as rt
from gort.runtime import time as rtime
from gort.runtime.unsafe import U64

order = []


def F_sleeper(gp, ctx):
    ms, done = U64[(ctx >> 3) + 1], U64[(ctx >> 3) + 2]
    yield from rtime.timeSleep(ms * 1_000_000)
    order.append(ms)
    yield from rt.chansend1(done, rt.Slot())


fid = rt.Func("main.sleeper", F_sleeper)


def F_main(gp):
    done = rt.MakeChan(0)
    for ms in (50, 10, 30, 20, 40):
        rt.Go(fid, ms, done)
    for _ in range(5):
        yield from rt.chanrecv1(done, rt.Slot())
    os.write(1, f"wake order {order}\n".encode())
    ran = []
    t = rtime.timer(lambda arg, seq, delay: ran.append(arg), "x")
    t.modify(rt.proc.nanotime() + 5_000_000, 0, None, None, 0)
    t2 = rtime.timer(lambda arg, seq, delay: ran.append(arg), "y")
    t2.modify(rt.proc.nanotime() + 5_000_000, 0, None, None, 0)
    t2.stop()
    yield from rtime.timeSleep(30_000_000)
    os.write(1, b"timer func ran\n" if ran == ["x"] else f"{ran}\n".encode())
    os.write(1, b"stopped timer did not run\n")


rt.Run(F_main)
