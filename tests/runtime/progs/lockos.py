# ruff: noqa: N802  (hand-compiled: the compiler's F_ names)
"""LockOSThread: a locked goroutine stays on its thread across parks; the
others keep running; exiting locked takes the thread with it."""

import os
import threading

from gort.runtime import export_sched_test as rt
from gort.runtime import proc
from gort.runtime.unsafe import U64

others = []


def F_locked(gp, ctx):
    ping, pong, done = U64[(ctx >> 3) + 1], U64[(ctx >> 3) + 2], U64[(ctx >> 3) + 3]
    proc.LockOSThread()
    tid = threading.get_ident()
    same = True
    v = rt.Slot()
    for _ in range(50):
        yield from rt.chanrecv1(ping, v)
        same = same and threading.get_ident() == tid
        yield from rt.chansend1(pong, v)
    os.write(1, f"locked goroutine stayed on its thread: {same}\n".encode())
    yield from rt.chansend1(done, v)


def F_other(gp, ctx):
    for _ in range(20):
        others.append(1)
        yield from proc.Gosched()


fid = rt.Func("main.locked", F_locked)
fid_o = rt.Func("main.other", F_other)


def F_main(gp):
    ping, pong, done = rt.MakeChan(0), rt.MakeChan(0), rt.MakeChan(0)
    rt.Go(fid, ping, pong, done)
    rt.Go(fid_o)
    v = rt.Slot()
    for _ in range(50):
        yield from rt.chansend1(ping, v)
        yield from rt.chanrecv1(pong, v)
    yield from rt.chanrecv1(done, v)
    for _ in range(50):
        yield from proc.Gosched()
    os.write(1, f"other goroutines ran meanwhile: {len(others) == 20}\n".encode())


rt.Run(F_main)
