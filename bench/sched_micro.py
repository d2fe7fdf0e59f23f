#!/usr/bin/env python3
# ruff: noqa: N802, N806  (hand-compiled programs keep the compiler's names)
"""Micro-benchmark of the scheduler and channels: ns per operation, gort beside asyncio and Go.

Four operations, each timed inside the program (start-up excluded):

  spawn      start a goroutine that stores one result and signals a
             WaitGroup-like counter, then exits (per goroutine)
  pingpong   one round trip over two unbuffered channels: two parks and
             two wake-ups (per round trip)
  buffered   one item through a channel of capacity 128 (per item)
  select     one value received by a two-case select from two producers
             on unbuffered channels (per value)

gort runs "hand-compiled" programs: Python written as the compiler will
write Go (docs/design/0001), through the scheduler's test seam
(gort/runtime/export_sched_test.py); each runs in a child process, since
the runtime ends its process. The asyncio twins are the same algorithms on
asyncio (tasks, futures, asyncio.Queue), as bench/python's twins are. Go's
figure is the Go program of bench/go/NAME timed at two sizes, the
difference divided by the difference of sizes.

Usage:

    python3 bench/sched_micro.py [--scale F] [--gomaxprocs 1,2] [--runs N] [--only NAMES] [--no-go]

Prints ns/op and the ratio gort/asyncio (below 1: gort is faster).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import deque
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

SIZES = {"spawn": 50_000, "pingpong": 50_000, "buffered": 200_000, "select": 50_000}
UNITS = {"spawn": "goroutine", "pingpong": "round trip", "buffered": "item", "select": "value"}


# --- gort: hand-compiled programs (run in a child: `sched_micro.py --child NAME N`) -----


def gort_child(name: str, n: int) -> None:
    from gort.runtime import atomic, sema
    from gort.runtime import export_sched_test as rt
    from gort.runtime.unsafe import I64, U64

    def report(t0: float) -> None:
        dt = time.perf_counter() - t0
        os.write(1, f"{dt / n * 1e9:.0f}\n".encode())

    if name == "spawn":

        def F_work(gp: Any, ctx: int) -> Any:
            cw = ctx >> 3
            results, counter, sem, i = U64[cw + 1], U64[cw + 2], U64[cw + 3], U64[cw + 4]
            I64[(results >> 3) + i] = i * i % 1000003
            if atomic.Xadd64(counter, -1) == 0:  # wg.Done
                yield from sema.semrelease(sem)

        fid_work = rt.Func("main.main.func1", F_work, 0)

        def F_main(gp: Any) -> Any:
            from gort.runtime.malloc import mallocgc

            results = mallocgc(8 * n, None, True)
            counter = rt.Slot(n)
            sem = rt.Slot(0)
            t0 = time.perf_counter()
            for i in range(n):
                rt.Go(fid_work, results, counter, sem, i)
            yield from sema.semacquire(sem)  # wg.Wait
            report(t0)

        rt.Run(F_main)

    if name == "pingpong":

        def F_partner(gp: Any, ctx: int) -> Any:
            ping, pong = U64[(ctx >> 3) + 1], U64[(ctx >> 3) + 2]
            v = rt.Slot()
            while True:
                ok = yield from rt.chanrecv2(ping, v)
                if not ok:
                    break
                I64[v >> 3] += 1
                yield from rt.chansend1(pong, v)
            rt.closechan(pong)

        fid_partner = rt.Func("main.partner", F_partner, 2)

        def F_main(gp: Any) -> Any:
            ping, pong = rt.MakeChan(0), rt.MakeChan(0)
            rt.Go(fid_partner, ping, pong)
            a, b = rt.Slot(), rt.Slot()
            total = 0
            t0 = time.perf_counter()
            for i in range(n):
                I64[a >> 3] = i
                yield from rt.chansend1(ping, a)
                yield from rt.chanrecv1(pong, b)
                total += I64[b >> 3]
            report(t0)
            rt.closechan(ping)

        rt.Run(F_main)

    if name == "buffered":

        def F_produce(gp: Any, ctx: int) -> Any:
            ch = U64[(ctx >> 3) + 1]
            v = rt.Slot()
            for i in range(n):
                I64[v >> 3] = i
                yield from rt.chansend1(ch, v)
            rt.closechan(ch)

        fid_produce = rt.Func("main.produce", F_produce, 2)

        def F_main(gp: Any) -> Any:
            ch = rt.MakeChan(128)
            rt.Go(fid_produce, ch)
            v = rt.Slot()
            count = total = 0
            t0 = time.perf_counter()
            while True:
                ok = yield from rt.chanrecv2(ch, v)
                if not ok:
                    break
                count += 1
                total += I64[v >> 3]
            report(t0)

        rt.Run(F_main)

    if name == "select":

        def F_produce(gp: Any, ctx: int) -> Any:
            ch, count, k = U64[(ctx >> 3) + 1], U64[(ctx >> 3) + 2], U64[(ctx >> 3) + 3]
            v = rt.Slot()
            for i in range(count):
                I64[v >> 3] = i * k
                yield from rt.chansend1(ch, v)
            rt.closechan(ch)

        fid_produce = rt.Func("main.produce", F_produce, 3)

        def F_main(gp: Any) -> Any:
            a, b = rt.MakeChan(0), rt.MakeChan(0)
            rt.Go(fid_produce, a, n // 2, 1)
            rt.Go(fid_produce, b, n - n // 2, 3)
            va, vb = rt.Slot(), rt.Slot()
            fromA = fromB = total = 0
            t0 = time.perf_counter()
            while a != 0 or b != 0:
                casi, ok = yield from rt.selectgo(((a, va), (b, vb)), 0, 2, True)
                if casi == 0:
                    if not ok:
                        a = 0
                    else:
                        fromA += 1
                        total += I64[va >> 3]
                else:
                    if not ok:
                        b = 0
                    else:
                        fromB += 1
                        total += I64[vb >> 3]
            report(t0)

        rt.Run(F_main)

    raise SystemExit(f"unknown benchmark {name}")


def run_gort(name: str, n: int, gomaxprocs: int) -> float:
    env = dict(os.environ, GOMAXPROCS=str(gomaxprocs))
    r = subprocess.run(
        [sys.executable, os.path.abspath(__file__), "--child", name, str(n)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    if r.returncode != 0:
        raise RuntimeError(f"gort {name} failed ({r.returncode}): {r.stderr[-2000:]}")
    return float(r.stdout.strip().splitlines()[-1])


# --- asyncio twins ----------------------------------------------------------------------


class Chan:
    """An unbuffered channel on asyncio futures (as bench/python/gochan.py)."""

    __slots__ = ("senders", "receivers", "closed")

    def __init__(self) -> None:
        self.senders: deque[tuple[Any, asyncio.Future[None]]] = deque()
        self.receivers: deque[tuple[asyncio.Future[Any], int]] = deque()
        self.closed = False

    async def send(self, v: Any) -> None:
        while self.receivers:
            w, i = self.receivers.popleft()
            if not w.done():
                w.set_result((i, v, True))
                return
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.senders.append((v, done))
        await done

    def take(self) -> tuple[Any, bool] | None:
        while self.senders:
            v, done = self.senders.popleft()
            if not done.done():
                done.set_result(None)
                return v, True
        if self.closed:
            return None, False
        return None

    async def recv(self) -> tuple[Any, bool]:
        got = self.take()
        if got is not None:
            return got
        w: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.receivers.append((w, 0))
        _, v, ok = await w
        return v, ok

    def close(self) -> None:
        self.closed = True
        while self.receivers:
            w, i = self.receivers.popleft()
            if not w.done():
                w.set_result((i, None, False))


async def select2(a: Chan | None, b: Chan | None) -> tuple[int, Any, bool]:
    cases = [(i, c) for i, c in enumerate((a, b)) if c is not None]
    random.shuffle(cases)
    for i, c in cases:
        got = c.take()
        if got is not None:
            return i, got[0], got[1]
    w: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    entries = [(c, (w, i)) for i, c in cases]
    for c, e in entries:
        c.receivers.append(e)
    try:
        return await w  # type: ignore[no-any-return]
    finally:
        for c, e in entries:
            try:
                c.receivers.remove(e)
            except ValueError:
                pass


async def aio_spawn(n: int) -> float:
    results = [0] * n
    left = [n]
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    async def work(i: int) -> None:
        results[i] = i * i % 1000003
        left[0] -= 1
        if left[0] == 0:
            done.set_result(None)

    t0 = time.perf_counter()
    for i in range(n):
        asyncio.create_task(work(i))
    await done
    return time.perf_counter() - t0


async def aio_pingpong(n: int) -> float:
    ping, pong = Chan(), Chan()

    async def partner() -> None:
        while True:
            v, ok = await ping.recv()
            if not ok:
                break
            await pong.send(v + 1)
        pong.close()

    task = asyncio.create_task(partner())
    total = 0
    t0 = time.perf_counter()
    for i in range(n):
        await ping.send(i)
        v, _ = await pong.recv()
        total += v
    dt = time.perf_counter() - t0
    ping.close()
    await task
    return dt


async def aio_buffered(n: int) -> float:
    q: asyncio.Queue[int | None] = asyncio.Queue(maxsize=128)

    async def produce() -> None:
        for i in range(n):
            await q.put(i)
        await q.put(None)

    task = asyncio.create_task(produce())
    count = total = 0
    t0 = time.perf_counter()
    while (v := await q.get()) is not None:
        count += 1
        total += v
    dt = time.perf_counter() - t0
    await task
    return dt


async def aio_select(n: int) -> float:
    a: Chan | None = Chan()
    b: Chan | None = Chan()

    async def produce(ch: Chan, count: int, k: int) -> None:
        for i in range(count):
            await ch.send(i * k)
        ch.close()

    t1 = asyncio.create_task(produce(a, n // 2, 1))  # type: ignore[arg-type]
    t2 = asyncio.create_task(produce(b, n - n // 2, 3))  # type: ignore[arg-type]
    total = 0
    t0 = time.perf_counter()
    while a is not None or b is not None:
        i, v, ok = await select2(a, b)
        if not ok:
            if i == 0:
                a = None
            else:
                b = None
        else:
            total += v
    dt = time.perf_counter() - t0
    await t1
    await t2
    return dt


def run_asyncio(name: str, n: int) -> float:
    fn = {"spawn": aio_spawn, "pingpong": aio_pingpong, "buffered": aio_buffered, "select": aio_select}[name]
    return asyncio.run(fn(n)) / n * 1e9


# --- Go ---------------------------------------------------------------------------------


def run_go(name: str, n: int, gomaxprocs: int, bindir: str) -> float | None:
    go = shutil.which("go")
    if go is None:
        return None
    exe = os.path.join(bindir, name)
    if not os.path.exists(exe):
        r = subprocess.run([go, "build", "-o", exe, os.path.join(HERE, "go", name, "main.go")], capture_output=True)
        if r.returncode != 0:
            return None
    env = dict(os.environ, GOMAXPROCS=str(gomaxprocs))
    big, small = n * 20, n

    def t(size: int) -> float:
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run([exe, str(size)], env=env, capture_output=True, check=True)
            best = min(best, time.perf_counter() - t0)
        return best

    return (t(big) - t(small)) / (big - small) * 1e9


def main(argv: list[str]) -> int:
    if len(argv) > 1 and argv[1] == "--child":
        gort_child(argv[2], int(argv[3]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    ap.add_argument("--gomaxprocs", default=f"1,{os.cpu_count() or 1}", help="GOMAXPROCS values for gort and Go")
    ap.add_argument("--only", default="", help="comma-separated benchmarks")
    ap.add_argument("--no-go", action="store_true", help="do not build and time the Go programs")
    ap.add_argument("--runs", type=int, default=3, help="runs of each implementation; the best counts")
    args = ap.parse_args(argv[1:])
    names = [x for x in (args.only.split(",") if args.only else SIZES)]
    procs = sorted({int(x) for x in args.gomaxprocs.split(",")})
    bindir = tempfile.mkdtemp(prefix="schedmicro")
    print(f"{'benchmark':10} {'per':11} {'P':>2} {'gort ns':>9} {'asyncio ns':>10} {'gort/asyncio':>12} {'go ns':>7}")
    for name in names:
        n = max(100, int(SIZES[name] * args.scale))
        # Interleave the runs (asyncio, then gort at each GOMAXPROCS, three
        # times) and keep the best of each, so that a busy machine slows
        # every implementation alike.
        aio = float("inf")
        gort = {gmp: float("inf") for gmp in procs}
        for _ in range(args.runs):
            aio = min(aio, run_asyncio(name, n))
            for gmp in procs:
                gort[gmp] = min(gort[gmp], run_gort(name, n, gmp))
        for gmp in procs:
            g = gort[gmp]
            go = None if args.no_go else run_go(name, n, gmp, bindir)
            gos = f"{go:7.0f}" if go is not None else "      -"
            print(f"{name:10} {UNITS[name]:11} {gmp:>2} {g:9.0f} {aio:10.0f} {g / aio:12.2f} {gos}", flush=True)
    shutil.rmtree(bindir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
