# ruff: noqa: N802  (hand-compiled: the compiler's F_ names)
"""time.NewTimer, hand-compiled: a runtime timer feeding a channel of
capacity 1 (lazy: in a heap only while someone blocks on the channel),
fired by package time's sendTime (a Go funcval doing a non-blocking send);
Stop and Reset never let a stale value through; len and cap are 0."""

import os

from gort.runtime import chan, proc
from gort.runtime import export_sched_test as rt
from gort.runtime import time as rtime
from gort.runtime.unsafe import I64, U64


def F_sendTime(gp, fv, arg, seq, delta):
    # select { case c.(chan Time) <- Now().Add(-delta): default: }
    c = arg[1]
    return rt.chan.selectnbsend(c, rt.Slot(proc.nanotime() - delta))


fid_send = rt.Func("time.sendTime", F_sendTime)


def newTimer(ms):
    c = rt.MakeChan(1)
    t = rtime.newTimer(proc.nanotime() + ms * 1_000_000, 0, rt.Closure(fid_send), (0, c), c)
    U64[(t + rtime.timeTimer_c) >> 3] = c  # t.C = c (package time does this)
    return t, c


def F_main(gp):
    t, c = newTimer(10)
    os.write(1, f"len/cap of C: {chan.chanlen(c)} {chan.chancap(c)}\n".encode())
    v = rt.Slot()
    t0 = proc.nanotime()
    yield from rt.chanrecv1(c, v)  # blocks: the timer goes into a heap and fires
    os.write(1, f"fired after >= 10ms: {proc.nanotime() - t0 >= 10_000_000} value set: {I64[v >> 3] != 0}\n".encode())
    os.write(1, f"stop after firing: {rtime.stopTimer(t)}\n".encode())
    # A timer nobody waits on is in no heap; it still fires when received from late.
    t2, c2 = newTimer(5)
    yield from rtime.timeSleep(20_000_000)
    ok = rt.chan.selectnbrecv(v, c2)
    os.write(1, f"lazy timer ran on receive: {ok[0]}\n".encode())
    # Stop before it fires: nothing ever arrives.
    t3, c3 = newTimer(5)
    os.write(1, f"stop pending: {rtime.stopTimer(t3)}\n".encode())
    yield from rtime.timeSleep(20_000_000)
    ok = rt.chan.selectnbrecv(v, c3)
    os.write(1, f"stopped timer sent: {ok[0]}\n".encode())
    # Reset an expired, unreceived timer: the stale value is drained.
    t4, c4 = newTimer(1)
    yield from rtime.timeSleep(10_000_000)
    os.write(1, f"reset expired: {rtime.resetTimer(t4, proc.nanotime() + 30_000_000, 0)}\n".encode())
    ok = rt.chan.selectnbrecv(v, c4)
    os.write(1, f"stale value after reset: {ok[0]}\n".encode())
    yield from rt.chanrecv1(c4, v)
    os.write(1, b"reset timer fired\n")


rt.Run(F_main)
