# ruff: noqa: N802  (hand-compiled: the compiler's F_ names)
"""gopark and goready: a G parks on a channel with its unlock function; a
sender readies it; an unlock function that returns false resumes the G at
once. Hand-compiled (docs/design/0001)."""

import os

from gort.runtime import export_sched_test as rt
from gort.runtime import proc
from gort.runtime.runtime2 import waitReasonString
from gort.runtime.unsafe import I64, U64


def F_receiver(gp, ctx):
    ch, out = U64[(ctx >> 3) + 1], U64[(ctx >> 3) + 2]
    v = rt.Slot()
    yield from rt.chanrecv1(ch, v)
    I64[out >> 3] = I64[v >> 3]


fid = rt.Func("main.receiver", F_receiver)


def F_main(gp):
    ch, out = rt.MakeChan(0), rt.Slot()
    rt.Go(fid, ch, out)
    yield from proc.Gosched()  # let the receiver park
    recv = [g for g in proc.allgs if g.startpc == fid][0]
    os.write(1, f"parked: {rt.runtime2.gStatusStrings[recv.atomicstatus]} {waitReasonString(recv.waitreason)}\n".encode())
    yield from rt.chansend1(ch, rt.Slot(42))
    yield from proc.Gosched()
    os.write(1, f"readied by sender: {I64[out >> 3]}\n".encode())
    yield proc.gopark(lambda gp, lk: False, None, 0)
    os.write(1, b"unlockf false resumes at once\n")
    os.write(1, b"done\n")


rt.Run(F_main)
