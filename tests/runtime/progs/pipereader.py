# ruff: noqa: N802  (hand-compiled: the compiler's F_ names)
"""A goroutine blocked reading a pipe does not stop the others at
GOMAXPROCS=1: in a system call (sysmon retakes its P) or in the network
poller (it parks). Usage: pipereader.py syscall|netpoll"""

import os
import sys

from gort.runtime import export_sched_test as rt
from gort.runtime import netpoll, proc
from gort.runtime import time as rtime
from gort.runtime.unsafe import U64

MODE = sys.argv[1]
r, w = os.pipe()


def F_reader(gp, ctx):
    done = U64[(ctx >> 3) + 1]
    if MODE == "syscall":
        proc.entersyscall()
        data = os.read(r, 100)
        proc.exitsyscall()
    else:
        os.set_blocking(r, False)
        netpoll.poll_runtime_pollServerInit()  # internal/poll's serverInit.Do
        pd, errno = netpoll.poll_runtime_pollOpen(r)
        while True:
            try:
                data = os.read(r, 100)
                break
            except BlockingIOError:
                netpoll.poll_runtime_pollReset(pd, ord("r"))
                yield from netpoll.poll_runtime_pollWait(pd, ord("r"))
    os.write(1, b"reader got " + data + b"\n")
    yield from rt.chansend1(done, rt.Slot(1))


fid_r = rt.Func("main.reader", F_reader)


def F_writer(gp, ctx):
    for i in range(3):
        os.write(1, f"tick {i}\n".encode())
        yield from rtime.timeSleep(20_000_000)
    os.write(w, b"hello")


fid_w = rt.Func("main.writer", F_writer)


def F_main(gp):
    done = rt.MakeChan(0)
    rt.Go(fid_r, done)
    rt.Go(fid_w)
    yield from rt.chanrecv1(done, rt.Slot())
    os.write(1, b"main done\n")


rt.Run(F_main)
