# ruff: noqa: N802  (hand-compiled: the compiler's F_ names)
"""Stress, hand-compiled: "ring" — 10,000 goroutines pass a token around a
ring of unbuffered channels, then 10,000 goroutines send to one receiver;
"pipeline" — 2000 values through 21 stages on buffered channels;
"mutex" — 200 goroutines increment a counter under a semaphore-based lock."""

import os
import sys

from gort.runtime import export_sched_test as rt
from gort.runtime import sema
from gort.runtime.unsafe import I64, U64

MODE = sys.argv[1]


def F_link(gp, ctx):
    cin, cout, i = U64[(ctx >> 3) + 1], U64[(ctx >> 3) + 2], U64[(ctx >> 3) + 3]
    v = rt.Slot()
    yield from rt.chanrecv1(cin, v)
    I64[v >> 3] += i
    yield from rt.chansend1(cout, v)


def F_one(gp, ctx):
    yield from rt.chansend1(U64[(ctx >> 3) + 1], rt.Slot(1))


def F_gen(gp, ctx):
    out, n = U64[(ctx >> 3) + 1], U64[(ctx >> 3) + 2]
    v = rt.Slot()
    for i in range(1, n + 1):
        I64[v >> 3] = i
        yield from rt.chansend1(out, v)
    rt.closechan(out)


def F_stage(gp, ctx):
    cin, out, sq = U64[(ctx >> 3) + 1], U64[(ctx >> 3) + 2], U64[(ctx >> 3) + 3]
    v = rt.Slot()
    while (yield from rt.chanrecv2(cin, v)):
        x = I64[v >> 3]
        I64[v >> 3] = x * x if sq else x + 1
        yield from rt.chansend1(out, v)
    rt.closechan(out)


def F_inc(gp, ctx):
    mu, counter, done = U64[(ctx >> 3) + 1], U64[(ctx >> 3) + 2], U64[(ctx >> 3) + 3]
    for _ in range(100):
        yield from sema.semacquire(mu)  # Lock
        I64[counter >> 3] += 1
        yield from sema.semrelease(mu)  # Unlock
    yield from rt.chansend1(done, rt.Slot(1))


fids = {f.__name__: rt.Func("main." + f.__name__[2:], f) for f in (F_link, F_one, F_gen, F_stage, F_inc)}


def F_main(gp):
    if MODE == "ring":
        n = 10000
        first = rt.MakeChan(0)
        cin = first
        for i in range(n):
            out = rt.MakeChan(0)
            rt.Go(fids["F_link"], cin, out, i)
            cin = out
        yield from rt.chansend1(first, rt.Slot(0))
        v = rt.Slot()
        yield from rt.chanrecv1(cin, v)
        os.write(1, f"ring total {I64[v >> 3]}\n".encode())
        c = rt.MakeChan(100)
        for _ in range(n):
            rt.Go(fids["F_one"], c)
        total = 0
        for _ in range(n):
            yield from rt.chanrecv1(c, v)
            total += I64[v >> 3]
        os.write(1, f"fan-in total {total}\n".encode())
    elif MODE == "pipeline":
        c = rt.MakeChan(0)
        rt.Go(fids["F_gen"], c, 2000)
        for i in range(21):
            out = rt.MakeChan(8)
            rt.Go(fids["F_stage"], c, out, 1 if i == 20 else 0)
            c = out
        v = rt.Slot()
        total = 0
        while (yield from rt.chanrecv2(c, v)):
            total += I64[v >> 3]
        os.write(1, f"pipeline sum {total}\n".encode())
    else:
        mu, counter, done = rt.Slot(1), rt.Slot(0), rt.MakeChan(0)
        for _ in range(200):
            rt.Go(fids["F_inc"], mu, counter, done)
        for _ in range(200):
            yield from rt.chanrecv1(done, rt.Slot())
        os.write(1, f"counter {I64[counter >> 3]}\n".encode())


rt.Run(F_main)
