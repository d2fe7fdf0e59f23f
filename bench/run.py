#!/usr/bin/env python3
"""Run the benchmark suite: gort, CPython and Go side by side.

Each benchmark NAME is a Go program, bench/go/NAME/main.go, and its Python
twin, bench/python/NAME.py (select's twin is select_.py: a select.py there
would hide the standard library's select module). Both take the problem size
as their first argument and print a small checksum, so their outputs can be
compared. The concurrent twins use asyncio; bench/README.md says what each
benchmark measures.

Steps:

1. Build each Go program once with `go build` into a temporary directory, so
   that the Go binary is timed, not `go run`.
2. Run gort once per program at the tiny size, untimed, so that its compile
   cache is warm for the timed runs (and a program gort cannot run yet costs
   one short attempt, not several long ones).
3. Run the implementations interleaved (run 1 of each, then run 2 of each,
   ...), each as a child process:
     gort    python -m gort run bench/go/NAME/main.go SIZE
     python  python bench/python/NAME.py SIZE
     go      BUILT_BINARY SIZE
   For startup, there is no size, and python is `python -c pass`.
4. Measure each child's wall time and its peak RSS (ru_maxrss from wait4,
   in KB). A child that outlives the timeout is killed with its process
   group and counts as failed.
5. Check every output against the reference: Go's output, or CPython's when
   Go did not run (startup's `python -c pass` prints nothing and is not
   compared). A mismatch counts as a failure and is reported under the table.
6. Print the medians, the ratios and two geometric means: gort/python over the
   compute group, gort/asyncio over the runtime group. With --json FILE, write
   a list of rows {"name", "gort", "python", "go", "gort_rss", "python_rss",
   "go_rss"}: median seconds and KB, null where an implementation failed,
   timed out, printed a wrong output or was not run.

An implementation that fails once is not run again for that benchmark; the
table shows `fail`, `timeout` or `wrong` for it and goes on.

Sizes (the first argument given to each program):

    name          group     full     quick    tiny
    spawn         runtime   100000   50000    1000    goroutines
    pingpong      runtime   200000   100000   1000    round trips
    buffered      runtime   1000000  500000   10000   items
    select        runtime   200000   100000   1000    values received
    sieve         runtime   1000     700      50      primes
    binarytrees   compute   16       13       6       max tree depth
    fannkuch      compute   9        9        6       permutation length
    nbody         compute   200000   50000    1000    steps
    spectralnorm  compute   300      200      20      matrix order
    startup       startup   -        -        -       (hello)

Full sizes take CPython about 11 to 16 s in all on a 2-core machine, the Go
binaries about 1 s. Quick sizes keep each CPython run near or under one
second (about 4 to 5 s in all), so that a quick run (one run of each, timeout
120 s) finishes in under ten minutes even where gort is 50 times slower
than CPython. Tiny sizes are for the tests and gort's warm-up runs.

Usage:

    python bench/run.py [--quick] [--tiny] [--json FILE] [--runs N]
                        [--only NAMES] [--impl gort,python,go] [--timeout S]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"

IMPLS = ("gort", "python", "go")


@dataclass(frozen=True, slots=True)
class Benchmark:
    """One program of the suite."""

    name: str
    group: str  # "runtime", "compute" or "startup"
    full: int | None  # sizes; None for startup, which takes no argument
    quick: int | None
    tiny: int | None
    python: str  # the twin's file name under bench/python; "" for startup

    @property
    def go_source(self) -> Path:
        return BENCH / "go" / self.name / "main.go"

    @property
    def python_source(self) -> Path:
        return BENCH / "python" / self.python


BENCHMARKS = (
    Benchmark("spawn", "runtime", 100000, 50000, 1000, "spawn.py"),
    Benchmark("pingpong", "runtime", 200000, 100000, 1000, "pingpong.py"),
    Benchmark("buffered", "runtime", 1000000, 500000, 10000, "buffered.py"),
    Benchmark("select", "runtime", 200000, 100000, 1000, "select_.py"),
    Benchmark("sieve", "runtime", 1000, 700, 50, "sieve.py"),
    Benchmark("binarytrees", "compute", 16, 13, 6, "binarytrees.py"),
    Benchmark("fannkuch", "compute", 9, 9, 6, "fannkuch.py"),
    Benchmark("nbody", "compute", 200000, 50000, 1000, "nbody.py"),
    Benchmark("spectralnorm", "compute", 300, 200, 20, "spectralnorm.py"),
    Benchmark("startup", "startup", None, None, None, ""),
)
BY_NAME = {b.name: b for b in BENCHMARKS}


@dataclass(frozen=True, slots=True)
class Measure:
    """The built measure program (bench/measure) and the file it reports to."""

    program: Path
    report: Path


@dataclass(slots=True)
class Run:
    """One child process: how it went and what it printed."""

    seconds: float
    rss_kb: int
    exit_code: int  # negative: killed by that signal
    timed_out: bool
    stdout: bytes
    stderr: bytes

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.timed_out


@dataclass(slots=True)
class Result:
    """The runs of one implementation on one benchmark."""

    runs: list[Run] = field(default_factory=list)
    failure: str | None = None  # "fail", "timeout" or "wrong"; None if all went well

    def median_seconds(self) -> float | None:
        if self.failure or not self.runs:
            return None
        return statistics.median(r.seconds for r in self.runs)

    def median_rss(self) -> int | None:
        if self.failure or not self.runs:
            return None
        return round(statistics.median(r.rss_kb for r in self.runs))


def run_child(cmd: list[str], timeout: float, measure: Measure | None = None) -> Run:
    """Run cmd in ROOT, in a process group of its own; return its Run.

    With measure, cmd runs under the measure program, which forks it and
    reports its wall time and peak RSS (cmd[0] must then be a path). Without,
    wall time runs from just before the fork to the child's reaping, and peak
    RSS is the child's ru_maxrss from wait4, which counts run.py's own
    resident size in. Past timeout seconds the whole process group is
    killed.
    """
    if measure is not None:
        measure.report.unlink(missing_ok=True)
        cmd = [str(measure.program), str(measure.report), *cmd]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        timed_out = threading.Event()
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            kill()
            proc.wait()
            raise
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped: tell Popen
        exit_code, rss_kb = proc.returncode, usage.ru_maxrss
        if measure is not None and not timed_out.is_set() and exit_code == 0:
            code, wall_ns, rss = measure.report.read_text().split()
            exit_code, seconds, rss_kb = int(code), int(wall_ns) / 1e9, int(rss)
        out.seek(0)
        err.seek(0)
        return Run(
            seconds=seconds,
            rss_kb=rss_kb,
            exit_code=exit_code,
            timed_out=timed_out.is_set(),
            stdout=out.read(),
            stderr=err.read(),
        )


def describe(run: Run) -> str:
    """A short account of a failed run: how it ended and its last stderr lines."""
    if run.timed_out:
        head = f"timed out after {run.seconds:.0f} s"
    elif run.exit_code < 0:
        head = f"killed by signal {-run.exit_code}"
    else:
        head = f"exit status {run.exit_code}"
    tail = run.stderr.decode(errors="replace").strip().splitlines()[-3:]
    return head + "".join(f"\n      {line}" for line in tail)


def first_difference(want: bytes, got: bytes) -> str:
    """The first line where got differs from want, both shown."""
    want_lines = want.decode(errors="replace").splitlines()
    got_lines = got.decode(errors="replace").splitlines()
    for i in range(max(len(want_lines), len(got_lines))):
        w = want_lines[i] if i < len(want_lines) else "<end of output>"
        g = got_lines[i] if i < len(got_lines) else "<end of output>"
        if w != g:
            return f"line {i + 1}: want {w!r}, got {g!r}"
    return "outputs differ"  # e.g. only in a final newline


class Suite:
    """Builds, runs and reports the selected benchmarks."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.benchmarks: list[Benchmark] = args.only
        self.impls: list[str] = args.impl
        self.sizes: str = "tiny" if args.tiny else "quick" if args.quick else "full"
        self.runs: int = args.runs
        self.timeout: float = args.timeout
        self.results: dict[str, dict[str, Result]] = {}
        # What went wrong, as (benchmark or "", message); the table prints
        # each message once, after the benchmarks it happened to.
        self.notes: list[tuple[str, str]] = []
        # The built binaries: a temporary directory while run() runs.
        self.bindir = Path("gort-bench-binaries-not-built")
        self.measure: Measure | None = None

    def size_args(self, b: Benchmark, sizes: str | None = None) -> list[str]:
        size = getattr(b, sizes or self.sizes)
        return [] if size is None else [str(size)]

    def command(self, impl: str, b: Benchmark, sizes: str | None = None) -> list[str]:
        size = self.size_args(b, sizes)
        source = str(b.go_source.relative_to(ROOT))
        python = os.path.abspath(sys.executable)
        if impl == "gort":
            return [python, "-m", "gort", "run", source, *size]
        if impl == "python":
            if b.group == "startup":
                return [python, "-c", "pass"]
            return [python, str(b.python_source.relative_to(ROOT)), *size]
        return [str(self.bindir / b.name), *size]

    def log(self, msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    def go_build(self, source: Path, binary: str) -> str | None:
        """Build source into the temporary directory; None, or what went wrong."""
        go = shutil.which("go")
        if go is None:
            return "go: not found on PATH"
        cmd = [go, "build", "-o", str(self.bindir / binary), str(source.relative_to(ROOT))]
        run = run_child(cmd, self.timeout)
        return None if run.ok else f"go build failed: {describe(run)}"

    def build(self, b: Benchmark) -> bool:
        """Build b's Go program; False on failure."""
        self.log(f"{b.name}: go build")
        error = self.go_build(b.go_source, b.name)
        if error:
            self.notes.append((b.name, error))
        return error is None

    def build_measure(self) -> None:
        """Build bench/measure, which gives fair peak RSS figures (see there)."""
        self.log("measure: go build")
        error = self.go_build(BENCH / "measure" / "main.go", "measure")
        if error:
            self.notes.append(
                ("", f"measure: {error}; peak RSS figures include run.py's own resident size")
            )
        else:
            self.measure = Measure(self.bindir / "measure", self.bindir / "measure.out")

    def warm_up(self, b: Benchmark) -> bool:
        """Run gort once at the tiny size, untimed; False if it failed."""
        self.log(f"{b.name}: gort warm-up")
        run = run_child(self.command("gort", b, "tiny"), self.timeout, self.measure)
        if not run.ok:
            self.notes.append((b.name, f"gort failed (warm-up at tiny size): {describe(run)}"))
        return run.ok

    def run_benchmark(self, b: Benchmark) -> None:
        results = {impl: Result() for impl in self.impls}
        self.results[b.name] = results
        if "go" in results and not self.build(b):
            results["go"].failure = "fail"
        if "gort" in results and not self.warm_up(b):
            results["gort"].failure = "fail"

        for i in range(self.runs):
            for impl, result in results.items():
                if result.failure:
                    continue
                run = run_child(self.command(impl, b), self.timeout, self.measure)
                self.log(
                    f"{b.name}: {impl} run {i + 1}/{self.runs}: "
                    + (f"{run.seconds:.3f} s, {run.rss_kb / 1024:.1f} MB" if run.ok else "failed")
                )
                if not run.ok:
                    result.failure = "timeout" if run.timed_out else "fail"
                    self.notes.append((b.name, f"{impl} {result.failure}: {describe(run)}"))
                    continue
                result.runs.append(run)
        self.check_outputs(b, results)

    def check_outputs(self, b: Benchmark, results: dict[str, Result]) -> None:
        """Mark as wrong every implementation whose output is not the reference."""
        compared = [
            impl
            for impl in ("go", "python", "gort")
            if impl in results and not (impl == "python" and b.group == "startup")
        ]
        reference = next(
            (impl for impl in compared if not results[impl].failure and results[impl].runs), None
        )
        if reference is None:
            return
        want = results[reference].runs[0].stdout
        for impl in compared:
            result = results[impl]
            if result.failure:
                continue
            bad = next((r for r in result.runs if r.stdout != want), None)
            if bad is not None:
                result.failure = "wrong"
                self.notes.append(
                    (
                        b.name,
                        f"{impl} output differs from {reference}'s: "
                        + first_difference(want, bad.stdout),
                    )
                )

    def run(self) -> None:
        self.bindir = Path(tempfile.mkdtemp(prefix="gort-bench-"))
        try:
            self.build_measure()
            for b in self.benchmarks:
                self.run_benchmark(b)
        finally:
            shutil.rmtree(self.bindir, ignore_errors=True)

    def rows(self) -> list[dict[str, object]]:
        """The JSON rows: median seconds and KB, None where there is no figure."""
        rows: list[dict[str, object]] = []
        for b in self.benchmarks:
            results = self.results.get(b.name, {})
            row: dict[str, object] = {"name": b.name}
            for impl in IMPLS:
                row[impl] = results[impl].median_seconds() if impl in results else None
            for impl in IMPLS:
                row[f"{impl}_rss"] = results[impl].median_rss() if impl in results else None
            rows.append(row)
        return rows

    def table(self) -> str:
        """The table of medians, the geometric means and the notes."""
        header = (
            f"{'name':<13} {'size':>8} {'gort s':>8} {'python s':>9} {'go s':>8} "
            f"{'gort/python':>11} {'gort/go':>8} {'gort MB':>8} {'python MB':>9} {'go MB':>7}"
        )
        lines = [header, "-" * len(header)]
        for b, row in zip(self.benchmarks, self.rows(), strict=True):
            results = self.results.get(b.name, {})
            times = [time_cell(results.get(impl)) for impl in IMPLS]
            rss = [rss_cell(row[f"{impl}_rss"]) for impl in IMPLS]
            size = self.size_args(b)
            lines.append(
                f"{b.name:<13} {size[0] if size else '-':>8} "
                f"{times[0]:>8} {times[1]:>9} {times[2]:>8} "
                f"{fmt_ratio(ratio(row, 'gort', 'python')):>11} "
                f"{fmt_ratio(ratio(row, 'gort', 'go')):>8} "
                f"{rss[0]:>8} {rss[1]:>9} {rss[2]:>7}"
            )
        lines.append("")
        lines.append(self.geomean_line("compute", "gort/python"))
        lines.append(self.geomean_line("runtime", "gort/asyncio"))
        if self.notes:
            where: dict[str, list[str]] = {}
            for name, message in self.notes:
                where.setdefault(message, []).append(name)
            lines.append("")
            lines.append("notes:")
            for message, names in where.items():
                names = [n for n in names if n]
                lines.append(f"  {', '.join(names)}: {message}" if names else f"  {message}")
        return "\n".join(lines)

    def geomean_line(self, group: str, label: str) -> str:
        members = [b.name for b in BENCHMARKS if b.group == group]
        rows = {str(r["name"]): r for r in self.rows()}
        ran = [name for name in members if name in rows]
        ratios = {name: ratio(rows[name], "gort", "python") for name in ran}
        have = {name: r for name, r in ratios.items() if r is not None}
        head = f"geometric mean {label}, {group} group ({', '.join(members)}): "
        if not have:
            return head + "n/a"
        mean = math.exp(sum(math.log(r) for r in have.values()) / len(have))
        text = head + fmt_ratio(mean)
        missing = [name for name in members if name not in have]
        if missing:
            text += f" (over {len(have)} of {len(members)}; without {', '.join(missing)})"
        return text


def time_cell(result: Result | None) -> str:
    """Median seconds, the failure, or "-" for an implementation not run."""
    if result is None:
        return "-"
    if result.failure:
        return result.failure
    seconds = result.median_seconds()
    return "-" if seconds is None else f"{seconds:.3f}"


def rss_cell(kb: object) -> str:
    """KB as MB, or "-"."""
    return f"{kb / 1024:.1f}" if isinstance(kb, int) else "-"


def ratio(row: dict[str, object], num: str, den: str) -> float | None:
    a, b = row[num], row[den]
    if isinstance(a, float) and isinstance(b, float) and b > 0:
        return a / b
    return None


def fmt_ratio(r: float | None) -> str:
    if r is None:
        return "-"
    return f"{r:.2f}" if r < 10 else f"{r:.1f}" if r < 100 else f"{r:.0f}"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Run the benchmark suite: gort, CPython and Go side by side.",
        epilog="Sizes and what is measured: see the docstring of bench/run.py and bench/README.md.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="quick sizes: 1 run, timeout 120 s; under 10 minutes even with gort 50x CPython",
    )
    parser.add_argument(
        "--tiny",
        action="store_true",
        help="tiny sizes (wins over --quick), for smoke tests: 1 run, timeout 60 s",
    )
    parser.add_argument("--json", metavar="FILE", type=Path, help="write the medians as JSON")
    parser.add_argument("--runs", type=int, help="runs of each implementation (default 3, quick 1)")
    parser.add_argument("--only", metavar="NAMES", help="comma-separated benchmarks (default: all)")
    parser.add_argument(
        "--impl",
        metavar="IMPLS",
        default=",".join(IMPLS),
        help="comma-separated implementations among gort,python,go (default: all three)",
    )
    parser.add_argument("--timeout", type=float, help="seconds per run (default 600, quick 120)")
    args = parser.parse_args(argv)

    if args.only:
        names = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in names if n not in BY_NAME]
        if unknown:
            parser.error(f"unknown benchmark(s): {', '.join(unknown)}; have {', '.join(BY_NAME)}")
        args.only = [BY_NAME[n] for n in names]
    else:
        args.only = list(BENCHMARKS)
    impls = [i.strip() for i in args.impl.split(",") if i.strip()]
    unknown = [i for i in impls if i not in IMPLS]
    if unknown or not impls:
        parser.error(f"--impl: choose among {','.join(IMPLS)}")
    args.impl = [i for i in IMPLS if i in impls]
    short = args.quick or args.tiny
    if args.runs is None:
        args.runs = 1 if short else 3
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.timeout is None:
        args.timeout = 60.0 if args.tiny else 120.0 if args.quick else 600.0
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    suite = Suite(args)
    suite.run()
    print(suite.table())
    if args.json:
        args.json.write_text(json.dumps(suite.rows(), indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
