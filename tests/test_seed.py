"""The seed program end to end: output, the traced bootstrap, bad input."""

from __future__ import annotations

import os
import re

import pytest

from tests.difftest import ROOT, run_gort

HELLO = os.path.join(ROOT, "examples", "seed", "hello.go")

# The runtime calls the seed article walks through, in the order it walks them.
SEED_ORDER = [
    "runtime.rt0_go",
    "runtime.check",
    "runtime.args",
    "runtime.osinit",
    "runtime.schedinit",
    "runtime.mallocinit",
    "runtime.mcommoninit",
    "runtime.procresize",
    "runtime.newproc",
    "runtime.newproc1",
    "runtime.gfget",
    "runtime.malg",
    "runtime.stackalloc",
    "runtime.mstart",
    "runtime.schedule",
    "runtime.execute",
    "runtime.main",
    "runtime.gcenable",
    "runtime.gopark",
    "runtime.park_m",
    "runtime.goready",
    "main.main",
    "runtime.exit",
]


def test_hello() -> None:
    r = run_gort(HELLO)
    assert (r.stdout, r.stderr, r.rc) == ("hello\n", "", 0)


def _names(trace: str) -> list[tuple[int, str, str]]:
    out = []
    for line in trace.splitlines():
        m = re.match(r"^( *)(\S+)(?: (.*))?$", line)
        assert m, f"bad trace line {line!r}"
        out.append((len(m.group(1)) // 2, m.group(2), m.group(3) or ""))
    return out


def test_trace_runtime_follows_the_seed() -> None:
    r = run_gort(HELLO, flags=["--trace-runtime"])
    assert r.rc == 0 and r.stdout == "hello\n"
    calls = _names(r.stderr)
    names = [n for _, n, _ in calls]
    # Every call of the seed's walk appears, in the seed's order.
    pos = 0
    for want in SEED_ORDER:
        assert want in names[pos:], f"{want} missing after {names[pos - 1] if pos else 'start'}"
        pos = names.index(want, pos) + 1
    # The bootstrap is nested as rt0_go calls it.
    depth = {n: d for d, n, _ in reversed(calls)}
    assert depth["runtime.rt0_go"] == 0
    for n in ("runtime.check", "runtime.args", "runtime.osinit", "runtime.schedinit", "runtime.mstart"):
        assert depth[n] == 1, n
    assert depth["runtime.mallocinit"] == 2
    # newproc of runtime.main gets goid 1, and main.main's go statement a new G.
    details = [(n, d) for _, n, d in calls if n == "runtime.newproc"]
    assert details[0] == ("runtime.newproc", "fn=runtime.main goid=1")
    assert any(d.startswith("fn=main.main.func1 goid=") for n, d in details)
    # The depth carries over where Go switches stacks: newproc1 runs on g0
    # (systemstack) one call below the G's newproc, and runtime.main runs
    # one call below the execute that started its G (gogo).
    # (Other Ms' lines may come in between: match each by its details.)
    newproc1s = 0
    for i, (d, n, detail) in enumerate(calls):
        if n == "runtime.newproc1":
            caller = [c for c in calls[:i] if c[1] == "runtime.newproc" and c[2].startswith(detail + " ")][-1]
            assert caller[0] == d - 1, (caller, calls[i])
            newproc1s += 1
    assert newproc1s >= 5  # runtime.main, forcegchelper, bgsweep, bgscavenge, main.main.func1
    i = names.index("runtime.main")
    ex = [c for c in calls[:i] if c[1:] == ("runtime.execute", "goid=1")][-1]
    assert calls[i][0] == ex[0] + 1
    # The main goroutine parks on its receive, and is readied by the sender.
    assert any(n == "runtime.gopark" and d == 'reason="chan receive"' for _, n, d in calls)
    assert calls[-1][1:] == ("runtime.exit", "code=0")


def _write(tmp_path: os.PathLike[str], name: str, src: str) -> str:
    p = os.path.join(tmp_path, name)
    with open(p, "w") as f:
        f.write(src)
    return p


def test_missing_file(tmp_path: os.PathLike[str]) -> None:
    r = run_gort("nosuch.go", cwd=str(tmp_path))
    assert r.rc == 1
    assert r.stderr == "stat nosuch.go: no such file or directory\n"


def test_syntax_error(tmp_path: os.PathLike[str]) -> None:
    _write(tmp_path, "syn.go", "package main\n\nfunc main() {\n\tx := \n}\n")
    r = run_gort("syn.go", cwd=str(tmp_path))
    assert r.rc == 1
    assert r.stderr == "# command-line-arguments\n./syn.go:5:1: syntax error: unexpected }, expected expression\n"


def test_undefined_name(tmp_path: os.PathLike[str]) -> None:
    _write(tmp_path, "hello.go", "package main\n\nfunc main() {\n\tx = 1\n}\n")
    r = run_gort("hello.go", cwd=str(tmp_path))
    assert r.rc == 1
    assert r.stderr == "# command-line-arguments\n./hello.go:4:2: undefined: x\n"
    assert "Traceback" not in r.stderr


def test_panic_boom(tmp_path: os.PathLike[str]) -> None:
    _write(tmp_path, "boom.go", 'package main\n\nfunc main() {\n\tpanic("boom")\n}\n')
    r = run_gort("boom.go", cwd=str(tmp_path))
    assert r.rc == 2
    lines = r.stderr.splitlines()
    assert lines[:3] == ["panic: boom", "", "goroutine 1 [running]:"]
    assert lines[3] == "main.main()"
    assert lines[4].startswith("\t") and lines[4].endswith("boom.go:4")


@pytest.mark.parametrize("flag", ["-x", "--bogus"])
def test_bad_flag(flag: str) -> None:
    r = run_gort(HELLO, flags=[flag])
    assert r.rc == 2
    assert r.stderr.startswith(f"flag provided but not defined: {flag}\n")


@pytest.mark.parametrize("how", ["fmt", "os"])
def test_broken_stdout_dies_of_sigpipe(tmp_path: os.PathLike[str], how: str) -> None:
    """Writing to a closed pipe on fd 1 kills the program with SIGPIPE, as a Go binary."""
    import signal
    import subprocess
    import sys

    write = 'fmt.Println("line", i)' if how == "fmt" else 'os.Stdout.WriteString("line\\n")'
    src = ("package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nvar _ = fmt.Sprint\nvar _ = os.Stdout\n\n"
           "func main() {\n\tfor i := 0; i < 1000000; i++ {\n\t\t" + write + "\n\t}\n}\n")
    path = _write(tmp_path, "pipe.go", src)
    env = dict(os.environ, GORTCACHE=os.environ.get("GORTCACHE", str(tmp_path / "cache")))
    with subprocess.Popen([sys.executable, "-m", "gort", "run", path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=env, cwd=ROOT) as p:
        assert p.stdout is not None and p.stderr is not None
        assert p.stdout.readline().startswith(b"line")
        p.stdout.close()
        err = p.stderr.read()
        assert p.wait(timeout=120) == -signal.SIGPIPE, err.decode()
    assert b"Traceback" not in err


_SCHED = re.compile(
    r"^SCHED \d+ms: gomaxprocs=\d+ idleprocs=\d+ threads=\d+ spinningthreads=\d+ needspinning=\d+ "
    r"idlethreads=\d+ runqueue=\d+ \[( \d+)+ \] schedticks=\[ (\d+ )+\]$"
)
_DETAIL = [
    re.compile(r"^SCHED \d+ms: gomaxprocs=\d+ .* gcwaiting=(true|false) nmidlelocked=-?\d+ stopwait=\d+ sysmonwait=(true|false)$"),
    re.compile(r"^  P\d+: status=\d+ schedtick=\d+ syscalltick=\d+ m=(\d+|nil) runqsize=\d+ gfreecnt=\d+ timerslen=\d+$"),
    re.compile(r"^  M\d+: p=(\d+|nil) curg=(\d+|nil) mallocing=\d+ throwing=\d+ preemptoff=.* locks=\d+ dying=\d+ "
               r"spinning=(true|false) blocked=(true|false) lockedg=(\d+|nil)$"),
    re.compile(r"^  G\d+: status=\d+\([a-zA-Z ()]*\) m=(\d+|nil) lockedm=(\d+|nil)$"),
]


@pytest.mark.parametrize("detail", [False, True])
def test_godebug_schedtrace(tmp_path: os.PathLike[str], detail: bool) -> None:
    """GODEBUG=schedtrace=N makes sysmon print Go's SCHED lines; scheddetail=1 adds P, M and G lines."""
    from tests.difftest import go_available, run_go

    src = ('package main\n\nimport (\n\t"fmt"\n\t"time"\n)\n\nfunc main() {\n'
           '\ttime.Sleep(40 * time.Millisecond)\n\tfmt.Println("done")\n}\n')
    path = _write(tmp_path, "trace.go", src)
    godebug = "schedtrace=10" + (",scheddetail=1" if detail else "")
    results = [run_gort(path, env={"GODEBUG": godebug})]
    if go_available():
        results.append(run_go(path, env={"GODEBUG": godebug}))  # the oracle's lines fit the same patterns
    for r in results:
        assert r.rc == 0 and r.stdout == "done\n", r.stderr
        lines = [ln for ln in r.stderr.splitlines() if ln.startswith(("SCHED", "  "))]
        assert len([ln for ln in lines if ln.startswith("SCHED")]) >= 2, r.stderr
        for ln in lines:
            if detail:
                assert any(p.match(ln) for p in _DETAIL), ln
            else:
                assert _SCHED.match(ln), ln
    assert results[0].stderr.startswith("SCHED 0ms: ")
