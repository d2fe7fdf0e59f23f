"""time.py: per-P timer heaps (add, modify, stop, run in order, periodic
timers), wake times; sleepers and timers in programs (and testdata/sched/time.go)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.runtime.schedutil import in_child, run_prog, unit


@pytest.fixture
def rt() -> Iterator[Any]:
    if not in_child():  # the parent only collects the child's results
        yield None
        return
    from gort.runtime import export_sched_test as rt

    rt.Unit()
    # No scheduler runs here: keep wakeNetPoller from starting Ms.
    rt.sched.lastpoll.v = 1
    rt.sched.nmspinning.v = 1
    yield rt


def _timer(log: list[tuple[str, int]], name: str) -> Any:
    from gort.runtime import time as rtime

    return rtime.timer(lambda arg, seq, delay: log.append((arg, delay)), name)


@unit
def test_timers_run_in_when_order(rt: Any) -> None:
    ts = rt.proc.allp[0].timers
    log: list[tuple[str, int]] = []
    ws = {"a": 5000, "b": 1000, "c": 3000, "d": 2000, "e": 4000}
    tt = {}
    for name, w in ws.items():
        tt[name] = _timer(log, name)
        tt[name].modify(w, 0, None, None, 0)
    assert ts.heapLen() == 5 and ts.wakeTime() == 1000
    assert rt.rtime.timeSleepUntil() == 1000
    now, nxt, ran = ts.check(3500)
    assert ran and nxt == 4000 and [n for n, _ in log] == ["b", "d", "c"]
    assert [d for _, d in log] == [2500, 1500, 500]  # delay = now - when
    ts.check(10_000)
    assert [n for n, _ in log] == ["b", "d", "c", "e", "a"] and ts.heapLen() == 0 and ts.wakeTime() == 0


@unit
def test_stop_and_reset(rt: Any) -> None:
    ts = rt.proc.allp[0].timers
    log: list[tuple[str, int]] = []
    t = _timer(log, "t")
    t.modify(1000, 0, None, None, 0)
    assert t.stop() is True  # stopped before it ran
    assert t.stop() is False
    assert ts.zombies.v == 1
    assert t.reset(2000, 0) is False  # it was not pending
    assert ts.zombies.v == 0
    ts.check(1500)
    assert log == []
    ts.check(2500)
    assert log == [("t", 500)] and t.reset(3000, 0) is False


@unit
def test_periodic_timer_rearms(rt: Any) -> None:
    ts = rt.proc.allp[0].timers
    log: list[tuple[str, int]] = []
    t = _timer(log, "tick")
    t.modify(100, 100, None, None, 0)
    ts.check(350)  # fires once (at 100), late by 250; next at 400
    assert len(log) == 1 and t.when == 400
    ts.check(400)
    assert len(log) == 2 and t.when == 500
    t.stop()
    ts.check(10_000)
    assert len(log) == 2


@unit
def test_heap_is_4ary_ordered(rt: Any) -> None:
    import random

    ts = rt.proc.allp[0].timers
    log: list[tuple[str, int]] = []
    whens = random.Random(1).sample(range(1, 100_000), 300)
    timers = [_timer(log, str(w)) for w in whens]
    for t, w in zip(timers, whens, strict=True):
        t.modify(w, 0, None, None, 0)
    for t in timers[::3]:
        t.stop()
    for i, (w, _) in enumerate(ts.heap):
        if i:
            assert ts.heap[(i - 1) // 4][0] <= w
    ts.check(1_000_000)
    got = [int(n) for n, _ in log]
    assert got == sorted(w for i, w in enumerate(whens) if i % 3)


def test_sleepers_and_timers() -> None:
    st, out, err = run_prog("timers")
    assert (st, err) == (0, ""), err
    assert out == "wake order [10, 20, 30, 40, 50]\ntimer func ran\nstopped timer did not run\n"


def test_timer_channels() -> None:
    """time.NewTimer's lazy channel timer, hand-compiled; the same answers as
    Go 1.27 gives for the same operations."""
    st, out, err = run_prog("timerchan", env={"GOMAXPROCS": "2"})
    assert (st, err) == (0, ""), err
    assert out == (
        "len/cap of C: 0 0\n"
        "fired after >= 10ms: True value set: True\n"
        "stop after firing: False\n"
        "lazy timer ran on receive: True\n"
        "stop pending: True\n"
        "stopped timer sent: False\n"
        "reset expired: True\n"
        "stale value after reset: False\n"
        "reset timer fired\n"
    )
