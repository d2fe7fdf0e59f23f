# ruff: noqa: N802  (hand-compiled: the compiler's F_ names)
"""Blocking selects: woken by a sender, by a receiver, by close; and a
fairness count over two producers."""

import os

from gort.runtime import export_sched_test as rt
from gort.runtime.unsafe import U64


def F_send(gp, ctx):
    yield from rt.chansend1(U64[(ctx >> 3) + 1], rt.Slot(U64[(ctx >> 3) + 2]))


def F_recv(gp, ctx):
    yield from rt.chanrecv1(U64[(ctx >> 3) + 1], rt.Slot())


def F_close(gp, ctx):
    rt.closechan(U64[(ctx >> 3) + 1])
    yield from ()


def F_produce(gp, ctx):
    c, n = U64[(ctx >> 3) + 1], U64[(ctx >> 3) + 2]
    v = rt.Slot()
    for _ in range(n):
        yield from rt.chansend1(c, v)
    rt.closechan(c)


fid_send, fid_recv, fid_close, fid_produce = (rt.Func("main." + f.__name__, f) for f in (F_send, F_recv, F_close, F_produce))


def F_main(gp):
    e, f = rt.MakeChan(0), rt.MakeChan(0)
    rt.Go(fid_send, f, 1)
    casi, ok = yield from rt.selectgo(((e, rt.Slot()), (f, rt.Slot())), 0, 2, True)
    os.write(1, f"woken by {'ef'[casi]}\n".encode())
    a = rt.MakeChan(0)
    rt.Go(fid_recv, a)
    casi, ok = yield from rt.selectgo(((a, rt.Slot(9)), (e, rt.Slot())), 1, 1, True)
    os.write(1, b"sent to a waiting select\n" if casi == 0 else b"?\n")
    rt.Go(fid_close, f)
    r = yield from rt.selectgo(((e, rt.Slot()), (f, rt.Slot())), 0, 2, True)
    os.write(1, f"close wakes select: {r}\n".encode())
    x, y = rt.MakeChan(0), rt.MakeChan(0)
    rt.Go(fid_produce, x, 10000)
    rt.Go(fid_produce, y, 10000)
    counts = [0, 0]
    while x or y:
        casi, ok = yield from rt.selectgo(((x, rt.Slot()), (y, rt.Slot())), 0, 2, True)
        if not ok:
            if casi == 0:
                x = 0
            else:
                y = 0
            continue
        counts[casi] += 1
    os.write(1, f"balanced: {counts[0] == counts[1] == 10000} {sum(counts)}\n".encode())


rt.Run(F_main)
