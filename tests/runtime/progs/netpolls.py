# ruff: noqa: N802  (hand-compiled: the compiler's F_ names)
"""The network poller: a reader parks on a pipe while others run (one P);
a read deadline wakes a parked reader with a timeout."""

import os

from gort.runtime import export_sched_test as rt
from gort.runtime import netpoll, proc
from gort.runtime.unsafe import U64

R = ord("r")
r, w = os.pipe()
r2, w2 = os.pipe()
for fd in (r, r2):
    os.set_blocking(fd, False)
ticks = []


def F_reader(gp, ctx):
    done = U64[(ctx >> 3) + 1]
    netpoll.poll_runtime_pollServerInit()  # internal/poll's serverInit.Do
    pd, _ = netpoll.poll_runtime_pollOpen(r)
    while True:
        try:
            data = os.read(r, 10)
            break
        except BlockingIOError:
            netpoll.poll_runtime_pollReset(pd, R)
            yield from netpoll.poll_runtime_pollWait(pd, R)
    os.write(1, f"others ran while the reader waited: {len(ticks) == 5}\nread: {data!r}\n".encode())
    yield from rt.chansend1(done, rt.Slot())


def F_ticker(gp, ctx):
    for _ in range(5):
        ticks.append(1)
        yield from proc.Gosched()
    os.write(w, b"ping")


fid_r, fid_t = rt.Func("main.reader", F_reader), rt.Func("main.ticker", F_ticker)


def F_main(gp):
    done = rt.MakeChan(0)
    rt.Go(fid_r, done)
    rt.Go(fid_t)
    yield from rt.chanrecv1(done, rt.Slot())
    pd, _ = netpoll.poll_runtime_pollOpen(r2)
    netpoll.poll_runtime_pollSetDeadline(pd, 20_000_000, R)
    e = yield from netpoll.poll_runtime_pollWait(pd, R)
    os.write(1, f"deadline: {'timeout' if e == netpoll.pollErrTimeout else e}\n".encode())


rt.Run(F_main)
