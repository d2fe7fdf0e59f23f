# ruff: noqa: N802  (hand-compiled: the compiler's F_ names)
"""runtime.GOMAXPROCS(n) at run time: stop the world, resize allp, start again."""

import os

from gort.runtime import atomic, proc
from gort.runtime import export_sched_test as rt
from gort.runtime.unsafe import I64, U64


def F_worker(gp, ctx):
    ch, counter = U64[(ctx >> 3) + 1], U64[(ctx >> 3) + 2]
    for i in range(200):
        atomic.Xadd64(counter, 1)
        if i % 10 == 0:
            yield from proc.Gosched()
    yield from rt.chansend1(ch, rt.Slot(1))


fid = rt.Func("main.worker", F_worker)


def F_main(gp):
    os.write(1, f"initial {proc.GOMAXPROCS(0)}\n".encode())
    ch, counter = rt.MakeChan(0), rt.Slot(0)
    for _ in range(20):
        rt.Go(fid, ch, counter)
    old = proc.GOMAXPROCS(4)
    os.write(1, f"old {old} now {proc.GOMAXPROCS(0)} allp {len(proc.allp)}\n".encode())
    for _ in range(10):
        yield from rt.chanrecv1(ch, rt.Slot())
    old = proc.GOMAXPROCS(1)
    os.write(1, f"old {old} now {proc.GOMAXPROCS(0)} allp {len(proc.allp)}\n".encode())
    for _ in range(10):
        yield from rt.chanrecv1(ch, rt.Slot())
    os.write(1, f"counter {I64[counter >> 3]}\n".encode())


rt.Run(F_main)
