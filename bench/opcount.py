#!/usr/bin/env python3
"""Count the Python work per operation of the runtime benchmarks, gort against asyncio.

Wall times (bench/run.py) say how far gort is from its asyncio twins; this
says why. For each runtime benchmark it runs the Go program under gort and
the Python twin under CPython, each at two sizes, counting

- bytecodes: every bytecode instruction the interpreter executes, in every
  thread but sysmon's (sys.settrace and threading.settrace with
  f_trace_opcodes; sysmon wakes by the clock, and a traced program runs
  some thirty times slower, so its share would be an artefact);
- calls: Python function calls, a generator's resumption included;

and divides the difference between the two sizes by the difference in
operations, so start-up and the compile cache do not count. Under gort the
count starts once the build is done (the program's own run, runtime start
included, which the subtraction removes) and ends where runtime.main calls
exit. A traced program runs some fifty times slower, so sysmon's time slices
are measured on a bytecode clock while counting (SLICE_BYTECODES, about
10 ms of untraced gort), not on the wall clock that would preempt it fifty
times as often as untraced. gort runs at GOMAXPROCS=1: every
operation then runs on one M, and the counts do not depend on how two
threads happen to interleave. C code (asyncio's Task and Future, dict and
memoryview operations) counts nothing here: a bytecode is not a fixed cost,
so compare counts between versions of gort, and wall times between gort
and CPython.

Usage:

    python bench/opcount.py [--only NAMES] [--top N]

--top N also prints, per benchmark, the N gort functions with the most
bytecodes per operation. Tracing slows a program down about thirtyfold;
the sizes below keep the whole run near a minute.
"""

from __future__ import annotations

import argparse
import collections
import os
import runpy
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent

# name: (what one operation is, small size, large size, twin script)
BENCHMARKS: dict[str, tuple[str, int, int, str]] = {
    "spawn": ("goroutine", 4000, 12000, "spawn.py"),
    "pingpong": ("round trip", 2000, 4000, "pingpong.py"),
    "buffered": ("item", 20000, 40000, "buffered.py"),
    "select": ("value", 2000, 4000, "select_.py"),
    "sieve": ("prime", 50, 100, "sieve.py"),
}

_MARK = "opcount:"

# The bytecode clock of time-slice preemption while counting: untraced, gort
# runs a bytecode in about 4 ns, so Go's 10 ms slice (forcePreemptNS) is
# some 2.5 million bytecodes, and sysmon's 20 µs look some 5 000.
SLICE_BYTECODES = 2_500_000
LOOK_EVERY = 5_000


class Counter:
    """The trace function: counts bytecodes and calls, by function when asked."""

    def __init__(self, by_function: bool) -> None:
        self.ops = 0
        self.calls = 0
        self.by_function = by_function
        self.funcs: collections.Counter[str] = collections.Counter()
        self.ignored: set[int] = set()
        self.stopped = False
        self.look: Callable[[], None] | None = None  # sysmon's look at the P, on the bytecode clock
        self.nextLook = LOOK_EVERY

    def trace(self, frame: FrameType, event: str, arg: Any) -> Any:
        if self.stopped:
            return None
        if event == "call" and frame.f_code.co_name == "sysmon":
            # sysmon's M wakes by the clock, and tracing slows the program
            # down thirtyfold: its share would be an artefact. Not counted.
            self.ignored.add(threading.get_ident())
        if self.ignored and threading.get_ident() in self.ignored:
            return None
        if event == "opcode":
            self.ops += 1
            if self.ops >= self.nextLook and self.look is not None:
                self.nextLook = self.ops + LOOK_EVERY
                self.look()
            if self.by_function:
                code = frame.f_code
                self.funcs[f"{code.co_name} ({Path(code.co_filename).name[:16]})"] += 1
        else:
            if event == "call":
                self.calls += 1
            frame.f_trace_opcodes = True
        return self.trace

    def start(self) -> None:
        threading.settrace(self.trace)
        sys.settrace(self.trace)

    def report(self) -> None:
        """Write the counts to stderr (the child's last words), stop counting."""
        sys.settrace(None)
        threading.settrace(None)  # type: ignore[arg-type]
        funcs = ";".join(f"{k}={n}" for k, n in self.funcs.most_common(60))
        os.write(2, f"\n{_MARK}{self.ops} {self.calls} {funcs}\n".encode())


def child(impl: str, name: str, size: int, by_function: bool) -> None:
    """Run one program at one size with the counter on."""
    counter = Counter(by_function)
    exit_ = os._exit

    def reporting_exit(code: int) -> None:
        counter.report()
        exit_(code)

    os._exit = reporting_exit  # type: ignore[assignment]  # gort ends its run through os._exit
    if impl == "python":
        sys.path.insert(0, str(BENCH / "python"))
        sys.argv = [BENCHMARKS[name][3], str(size)]
        counter.start()
        try:
            runpy.run_path(str(BENCH / "python" / BENCHMARKS[name][3]), run_name="__main__")
        finally:
            counter.report()
        return

    from gort.cmd.gort import build as buildmod
    from gort.cmd.gort.main import main

    build = buildmod.build

    def counting_build(*args: Any, **kwargs: Any) -> Any:
        result = build(*args, **kwargs)
        counter.start()
        return result

    buildmod.build = counting_build  # type: ignore[assignment]
    # Tracing slows the program down some fifty times, so sysmon's 10 ms
    # time slices would preempt goroutines fifty times as often as untraced,
    # sending them to the global queue and reordering pipelines. While
    # counting, time slices are measured on a bytecode clock instead: the
    # counter looks at the P as sysmon's retake does, and preempts its G
    # once it has run on one schedtick for SLICE_BYTECODES. And the count
    # ends where runtime.main calls exit, so that work other Ms do until
    # the process is gone does not count.
    from gort.runtime import param, proc

    param.forcePreemptNS = 1 << 62
    last = [-1, 0]  # the P's schedtick at the last look, and the count when it changed

    def look() -> None:
        pp = proc.allp[0] if proc.allp else None
        if pp is None:  # (before procresize)
            return
        if pp.schedtick != last[0]:
            last[0], last[1] = pp.schedtick, counter.ops
        elif counter.ops - last[1] >= SLICE_BYTECODES:
            mp = pp.m
            gp = mp.curg if mp is not None else None
            if gp is not None and gp is not mp.g0:  # (preemptone)
                gp.preempt = True
                gp.stackguard0 = param.stackPreempt
            last[1] = counter.ops

    counter.look = look
    exit_runtime = proc.exit

    def counted_exit(code: int) -> None:
        counter.stopped = True
        exit_runtime(code)

    proc.exit = counted_exit  # type: ignore[assignment]
    try:
        code = main(["run", str(BENCH / "go" / name / "main.go"), str(size)])
    finally:
        counter.report()
    sys.exit(code)


def measure(impl: str, name: str, size: int, by_function: bool) -> tuple[int, int, dict[str, int]]:
    """(bytecodes, calls, bytecodes by function) of one child run."""
    # GORT_SCHED_SEED fixes gort's scheduling randomness (select's poll
    # order, the steal order), so that one run at one P replays.
    env = dict(os.environ, GOMAXPROCS="1", GORT_SCHED_SEED="1", PYTHONPATH=str(ROOT))
    cmd = [sys.executable, __file__, "--child", impl, name, str(size)]
    if by_function:
        cmd.append("--by-function")
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=1800)
    lines = [line for line in p.stderr.splitlines() if line.startswith(_MARK)]
    if p.returncode != 0 or not lines:
        raise SystemExit(f"opcount: {impl} {name} {size} failed (exit {p.returncode}):\n{p.stderr[-2000:]}")
    ops, calls, funcs = (lines[-1][len(_MARK) :].split(" ", 2) + [""])[:3]
    by_func = {k: int(n) for k, _, n in (f.rpartition("=") for f in funcs.split(";") if f)}
    return int(ops), int(calls), by_func


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="comma-separated benchmark names")
    ap.add_argument("--top", type=int, default=0, help="also list gort's N costliest functions")
    ap.add_argument("--child", nargs=3, metavar=("IMPL", "NAME", "SIZE"), help=argparse.SUPPRESS)
    ap.add_argument("--by-function", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        impl, name, size = args.child
        child(impl, name, int(size), args.by_function)
        return
    names = args.only.split(",") if args.only else list(BENCHMARKS)
    for n in names:
        if n not in BENCHMARKS:
            ap.error(f"unknown benchmark {n!r} (have {', '.join(BENCHMARKS)})")

    print("| benchmark | per | gort bytecodes | CPython bytecodes | ratio | gort calls | CPython calls |")
    print("|---|---|---|---|---|---|---|")
    tops: list[str] = []
    for name in names:
        op, small, large, _ = BENCHMARKS[name]
        row: dict[str, tuple[float, float]] = {}
        for impl in ("gort", "python"):
            by_function = impl == "gort" and args.top > 0
            o1, c1, f1 = measure(impl, name, small, by_function)
            o2, c2, f2 = measure(impl, name, large, by_function)
            row[impl] = ((o2 - o1) / (large - small), (c2 - c1) / (large - small))
            if by_function:
                diff = {k: (f2.get(k, 0) - f1.get(k, 0)) / (large - small) for k in f2}
                best = sorted(diff.items(), key=lambda kv: -kv[1])[: args.top]
                tops.append(f"{name}, gort bytecodes per {op}:")
                tops.extend(f"  {v:8.1f}  {k}" for k, v in best)
        (go, gc), (po, pc) = row["gort"], row["python"]
        print(f"| {name} | {op} | {go:.0f} | {po:.0f} | {go / po:.2f} | {gc:.1f} | {pc:.1f} |", flush=True)
    if tops:
        print()
        print("\n".join(tops))


if __name__ == "__main__":
    main()
