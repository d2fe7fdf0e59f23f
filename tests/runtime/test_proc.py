"""proc.py: run queues, the G status machine, free lists, Ms and Ps; park and ready.

The unit tests (decorated @unit) call the scheduler's functions directly on
a runtime set up without starting the scheduler (export_sched_test.Unit),
in one child process per module. The program tests boot the runtime in a
subprocess (tests/runtime/progs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.runtime.schedutil import run_prog, unit, unit_runtime


@pytest.fixture
def rt() -> Iterator[Any]:
    yield from unit_runtime(throw_raises=True)


def _gs(rt: Any, n: int) -> list[Any]:
    return [rt.NewG() for _ in range(n)]


# --- run queues ------------------------------------------------------------------


@unit
def test_runq_fifo_and_runnext(rt: Any) -> None:
    pp = rt.NewP()
    a, b, c = _gs(rt, 3)
    assert rt.runqempty(pp)
    rt.runqput(pp, a, False)
    rt.runqput(pp, b, False)
    rt.runqput(pp, c, True)
    # runnext first, and it inherits the time slice; then FIFO.
    assert rt.runqget(pp) == (c, True)
    assert rt.runqget(pp) == (a, False)
    assert rt.runqget(pp) == (b, False)
    assert rt.runqget(pp) == (None, False)


@unit
def test_runnext_kicks_old_to_tail(rt: Any) -> None:
    pp = rt.NewP()
    a, b, c = _gs(rt, 3)
    rt.runqput(pp, a, False)
    rt.runqput(pp, b, True)
    rt.runqput(pp, c, True)
    assert pp.runnext is c
    got = [rt.runqget(pp)[0] for _ in range(3)]
    assert got == [c, a, b]


@unit
def test_runqempty_counts_runnext(rt: Any) -> None:
    pp = rt.NewP()
    (a,) = _gs(rt, 1)
    rt.runqput(pp, a, True)
    assert pp.runqhead == pp.runqtail
    assert not rt.runqempty(pp)


@unit
def test_runq_overflow_moves_half_to_global(rt: Any) -> None:
    sched = rt.sched
    pp = rt.NewP()
    gs = _gs(rt, 257)
    before = sched.runq.size
    for gp in gs:
        rt.runqput(pp, gp, False)
    # The 257th put found the ring full: 128 of the ring and the new G went
    # to the global queue, in order.
    assert pp.runqtail - pp.runqhead == 128
    assert sched.runq.size - before == 129
    rt.proc.lock(sched.lock)
    moved = [sched.runq.pop() for _ in range(sched.runq.size)][-129:]
    rt.proc.unlock(sched.lock)
    assert moved == gs[:128] + [gs[256]]
    assert [rt.runqget(pp)[0] for _ in range(128)] == gs[128:256]


@unit
def test_runqsteal_takes_half(rt: Any) -> None:
    p1, p2 = rt.NewP(1), rt.NewP(2)
    gs = _gs(rt, 10)
    for gp in gs:
        rt.runqput(p2, gp, False)
    got = rt.runqsteal(p1, p2, False)
    # Five stolen: one returned, four on the thief's queue; the victim keeps five.
    assert got is gs[4]
    assert p1.runqtail - p1.runqhead == 4
    assert p2.runqtail - p2.runqhead == 5
    assert [rt.runqget(p1)[0] for _ in range(4)] == gs[:4]


@unit
def test_runqsteal_runnext_only_when_asked(rt: Any) -> None:
    p1, p2 = rt.NewP(1), rt.NewP(2)
    (a,) = _gs(rt, 1)
    rt.runqput(p2, a, True)
    assert rt.runqsteal(p1, p2, False) is None
    assert rt.runqsteal(p1, p2, True) is a
    assert p2.runnext is None


@unit
def test_globrunqgetbatch_is_fair(rt: Any) -> None:
    sched = rt.sched
    gs = _gs(rt, 20)
    rt.proc.lock(sched.lock)
    while sched.runq.size:
        sched.runq.pop()
    for gp in gs:
        rt.globrunqput(gp)
    # n = min(128, size, size/gomaxprocs + 1): with 4 Ps, 20/4+1 = 6.
    gp, q = rt.globrunqgetbatch(128)
    rt.proc.unlock(sched.lock)
    assert gp is gs[0] and q.size == 5 and sched.runq.size == 14


@unit
def test_thieves_take_only_starving_work(rt: Any) -> None:
    # Lazy wakeups (docs/design/0003): an M that dropped its P takes an idle
    # P back only for work that has waited since sysmon's last look; fresh
    # work stays with the P that made it.
    proc = rt.proc
    victim = rt.NewP(7)
    victim.status = proc._Prunning
    (a,) = _gs(rt, 1)
    rt.runqput(victim, a, False)
    npidle = rt.sched.npidle.v
    assert npidle > 0
    assert not proc.starving(victim)
    assert proc.checkRunqsNoP([victim]) is None
    assert rt.sched.npidle.v == npidle
    # sysmon looks (as retake does), and the same G is still first at its next look.
    pd = victim.sysmontick
    pd.runqhead, pd.runnext = victim.runqhead, victim.runnext
    assert proc.starving(victim)
    pp = proc.checkRunqsNoP([victim])
    assert pp is not None and rt.sched.npidle.v == npidle - 1
    proc.lock(rt.sched.lock)
    proc.pidleput(pp, 0)
    proc.unlock(rt.sched.lock)
    assert rt.runqget(victim) == (a, False)


# --- G status machine -----------------------------------------------------------


@unit
def test_casgstatus_transitions(rt: Any) -> None:
    (gp,) = _gs(rt, 1)
    for old, new in [(rt._Gdead, rt._Grunnable), (rt._Grunnable, rt._Grunning), (rt._Grunning, rt._Gwaiting),
                     (rt._Gwaiting, rt._Grunnable), (rt._Grunnable, rt._Grunning), (rt._Grunning, rt._Gdead)]:
        rt.casgstatus(gp, old, new)
        assert gp.atomicstatus == new


@unit
def test_casgstatus_throws(rt: Any) -> None:
    from gort.runtime.panic import Throw
    from gort.runtime.runtime2 import _Gscan

    (gp,) = _gs(rt, 1)
    with pytest.raises(Throw, match="casgstatus: bad incoming values"):
        rt.casgstatus(gp, rt._Gdead, rt._Gdead)
    with pytest.raises(Throw, match="casgstatus: bad incoming values"):
        rt.casgstatus(gp, rt._Gdead | _Gscan, rt._Grunnable)
    rt.casgstatus(gp, rt._Gdead, rt._Grunnable)
    with pytest.raises(Throw, match="casgstatus: waiting for Gwaiting but is Grunnable"):
        rt.casgstatus(gp, rt._Gwaiting, rt._Grunning)


@unit
def test_status_and_runnext_cas_take_no_lock_under_the_gil(rt: Any) -> None:
    # docs/design/0005: with a GIL, the CAS fast paths are a compare and a
    # store with no call between, and take no lock; a G whose status lock
    # another thread holds still moves. (The locked path has its own test:
    # test_sched_programs.py::test_stress_locked_cas.)
    import threading

    from gort.runtime import atomic

    if not atomic.gilAtomic:
        pytest.skip("free-threaded Python: every CAS takes its lock")
    (gp,) = _gs(rt, 1)
    pp = rt.NewP(5)
    done = threading.Event()

    def moves() -> None:
        rt.casgstatus(gp, rt._Gdead, rt._Grunnable)
        rt.runqput(pp, gp, True)
        assert rt.runqget(pp) == (gp, True)
        done.set()

    gp.statusLock.acquire()
    pp.runqLock.acquire()
    try:
        t = threading.Thread(target=moves, daemon=True)
        t.start()
        assert done.wait(5), "a CAS fast path waited for a lock"
    finally:
        gp.statusLock.release()
        pp.runqLock.release()
    assert gp.atomicstatus == rt._Grunnable


@unit
def test_scan_bit_blocks_and_releases(rt: Any) -> None:
    from gort.runtime import proc
    from gort.runtime.runtime2 import _Gscan, _Gsyscall

    (gp,) = _gs(rt, 1)
    gp.atomicstatus = _Gsyscall
    assert proc.castogscanstatus(gp, _Gsyscall, _Gsyscall | _Gscan)
    assert not proc.castogscanstatus(gp, _Gsyscall, _Gsyscall | _Gscan)
    proc.casfrom_Gscanstatus(gp, _Gsyscall | _Gscan, _Gsyscall)
    rt.casgstatus(gp, _Gsyscall, rt._Grunning)
    assert gp.atomicstatus == rt._Grunning


# --- free lists, malg, Ms and Ps ---------------------------------------------------


@unit
def test_gfput_spills_at_64_keeping_31(rt: Any) -> None:
    from gort.runtime import proc

    sched = rt.sched
    pp = rt.NewP()
    before = sched.gFreeStack.size
    for gp in _gs(rt, 64):
        proc.gfput(pp, gp)
    assert pp.gFree.size == 31
    assert sched.gFreeStack.size - before == 33
    # An empty P list refills up to 32 from the global lists, and returns one.
    p2 = rt.NewP(3)
    gp = proc.systemstack(proc.gfget, p2)
    assert gp is not None and p2.gFree.size == 31
    assert gp.stack.hi - gp.stack.lo == 2048


@unit
def test_malg_sizes(rt: Any) -> None:
    from gort.runtime import param, proc

    g1 = proc.systemstack(proc.malg, 2048)
    assert g1.stack.hi - g1.stack.lo == 2048 and g1.stackguard0 == g1.stack.lo + param.stackGuard
    assert g1.stackguard1 == 0xFFFFFFFFFFFFFFFF and g1.atomicstatus == rt._Gidle
    g2 = proc.systemstack(proc.malg, 3000)
    assert g2.stack.hi - g2.stack.lo == 4096
    g3 = proc.systemstack(proc.malg, -1)
    assert g3.stack.lo == 0


@unit
def test_thread_limit_throws(rt: Any) -> None:
    from gort.runtime import proc
    from gort.runtime.panic import Throw

    sched = rt.sched
    saved = sched.maxmcount, sched.mnext
    sched.maxmcount = sched.mnext
    try:
        proc.lock(sched.lock)
        with pytest.raises(Throw, match="thread exhaustion"):
            proc.mReserveID()
    finally:
        proc.unlock(sched.lock)
        sched.maxmcount, sched.mnext = saved[0], saved[1]


@unit
def test_pidle_is_lifo(rt: Any) -> None:
    from gort.runtime import proc

    sched = rt.sched
    proc.lock(sched.lock)
    n = sched.npidle.v
    got = []
    while True:
        pp, _ = proc.pidleget(0)
        if pp is None:
            break
        got.append(pp)
    assert len(got) == n == 3  # procresize(4): P0 is m0's, P3..P1 idle, P3 first
    assert [pp.id for pp in got] == [3, 2, 1]
    for pp in reversed(got):
        proc.pidleput(pp, 0)
    assert sched.npidle.v == 3 and sched.pidle is got[0]
    proc.unlock(sched.lock)


@unit
def test_wirep_checks(rt: Any) -> None:
    from gort.runtime import proc
    from gort.runtime.panic import Throw

    pp = proc.allp[1]
    with pytest.raises(Throw, match="wirep: already in go"):
        proc.wirep(pp)


@unit
def test_goid_batches_of_16(rt: Any) -> None:
    from gort.runtime import proc

    sched = rt.sched
    pp = rt.proc.allp[0]
    start = sched.goidgen.v
    pp.goidcache = pp.goidcacheend = 0
    ids = []
    for _ in range(17):
        gp = proc.systemstack(proc.newproc1, rt.Closure(rt.Func("main.f", lambda gp, ctx: None)), rt.runtime2.g0, 0, False, 0)
        ids.append(gp.goid)
    assert ids == list(range(start + 1, start + 18))
    assert sched.goidgen.v == start + 32


@unit
def test_new_gs_inherit_the_fips_bypass_and_lose_it_when_dead(rt: Any) -> None:
    from gort.runtime import proc
    from gort.runtime.runtime2 import _Grunning

    g0 = rt.runtime2.g0
    f = rt.Closure(rt.Func("main.f", lambda gp, ctx: None))
    made = []
    for bypass in (True, False):
        g0.fipsOnlyBypass = bypass  # crypto/fips140.WithoutEnforcement's mark
        gp = proc.systemstack(proc.newproc1, f, g0, 0, False, 0)
        made.append(gp.fipsOnlyBypass)
    g0.fipsOnlyBypass = False
    assert made == [True, False]
    # gdestroy clears it with the rest of a dead G's state.
    gp = proc.systemstack(proc.newproc1, f, g0, 0, False, 0)
    gp.fipsOnlyBypass = True
    gp.atomicstatus = _Grunning
    gp.m = rt.runtime2.m0
    proc.gdestroy(gp)
    assert gp.fipsOnlyBypass is False


# --- programs --------------------------------------------------------------------


def test_park_and_ready() -> None:
    st, out, err = run_prog("parkready")
    assert (st, err) == (0, ""), err
    assert out == "parked: waiting chan receive\nreadied by sender: 42\nunlockf false resumes at once\ndone\n"


@pytest.mark.parametrize("procs", [1, 2, 4])
def test_gomaxprocs_at_run_time(procs: int) -> None:
    st, out, err = run_prog("gomaxprocs", env={"GOMAXPROCS": str(procs)})
    assert (st, err) == (0, ""), err
    assert out == f"initial {procs}\nold {procs} now 4 allp 4\nold 4 now 1 allp 1\ncounter 4000\n"


@pytest.mark.parametrize("mode", ["plain", "gen"])
def test_cpu_bound_loop_does_not_starve_others(mode: str) -> None:
    st, out, err = run_prog("spin", mode, env={"GOMAXPROCS": "1"})
    assert (st, err) == (0, ""), err
    assert out.startswith("main woke after ") and out.endswith(" ms\n")
    assert int(out.split()[3]) < 2000


@pytest.mark.parametrize("mode", ["syscall", "netpoll"])
def test_blocked_reader_does_not_stop_others(mode: str) -> None:
    st, out, err = run_prog("pipereader", mode, env={"GOMAXPROCS": "1"})
    assert (st, err) == (0, ""), err
    assert out == "tick 0\ntick 1\ntick 2\nreader got hello\nmain done\n"


def test_lockosthread() -> None:
    st, out, err = run_prog("lockos", env={"GOMAXPROCS": "2"})
    assert (st, err) == (0, ""), err
    assert out == "locked goroutine stayed on its thread: True\nother goroutines ran meanwhile: True\n"


def test_deadlock_dump() -> None:
    st, out, err = run_prog("deadlock")
    assert st == 2 and out == "before\n"
    # The goroutine's id depends on which P's id cache made it (5 or 17), as in Go.
    err = re.sub(r"goroutine (5|17) \[", "goroutine 5 [", err)
    assert err == (
        "fatal error: all goroutines are asleep - deadlock!\n\n"
        "goroutine 1 [chan receive]:\nmain.main()\n\tdl.go:10\n\n"
        "goroutine 5 [select (no cases)]:\nmain.main.func1()\n\tdl.go:6\n"
        "created by main.main in goroutine 1\n\tdl.go:10\n"
    )


@pytest.mark.parametrize("tb", ["none", "single", "all", "system"])
def test_panic_in_goroutine(tb: str) -> None:
    st, out, err = run_prog("gopanic", env={"GOTRACEBACK": tb})
    assert st == 2 and out == ""
    lines = err.splitlines()
    assert lines[0] == "panic: boom"
    if tb == "none":
        assert lines == ["panic: boom"]
        return
    assert lines[1] == "" and lines[2].startswith("goroutine ") and lines[2].endswith(" [running]:")
    assert "main.main.func1()" in lines
    assert ("goroutine 1 [sleep]:" in err or "goroutine 1 gp=" in err) == (tb in ("all", "system"))
    assert ("runtime." in err) == (tb == "system")


@pytest.mark.slow
def test_sysmon_retakes_p_from_syscall() -> None:
    st, out, err = run_prog("pipereader", "syscall", env={"GOMAXPROCS": "1"})
    assert st == 0 and "main done" in out


def test_sysmon_forces_gc() -> None:
    st, out, err = run_prog("forcegc")
    assert (st, err) == (0, ""), err
    assert out == "helper is goroutine 2, parked: True\nforced GC ran: True\n"
