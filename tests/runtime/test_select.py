"""select.py: selectgo's passes, fairness, default, nil and closed channels,
duplicate channels; blocking selects in programs (and testdata/sched/select.go)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.runtime.schedutil import run_prog, unit, unit_runtime
from tests.runtime.test_chan import now


@pytest.fixture
def rt() -> Iterator[Any]:
    yield from unit_runtime()


@unit
def test_ready_cases_chosen_at_random(rt: Any) -> None:
    a, b = rt.MakeChan(1), rt.MakeChan(1)
    va, vb = rt.Slot(), rt.Slot()
    counts = [0, 0]
    for _ in range(2000):
        now(rt.chansend(a, rt.Slot(1), False, 0))
        now(rt.chansend(b, rt.Slot(2), False, 0))
        casi, ok = now(rt.selectgo(((a, va), (b, vb)), 0, 2, True))
        assert ok
        counts[casi] += 1
        now(rt.chanrecv(b if casi == 0 else a, 0, False))
    assert 800 < counts[0] < 1200 and counts[0] + counts[1] == 2000


@unit
def test_default_and_nil(rt: Any) -> None:
    from gort.runtime.unsafe import I64

    a = rt.MakeChan(1)
    v = rt.Slot()
    assert now(rt.selectgo(((a, v), (0, v)), 0, 2, False)) == (-1, False)
    # A nil channel never proceeds: a send on nil and a receive on empty a.
    assert now(rt.selectgo(((0, v), (a, rt.Slot(5))), 1, 1, False)) == (-1, False)
    assert now(rt.selectgo(((a, rt.Slot(5)), (0, v)), 1, 1, False)) == (0, False)
    assert now(rt.selectgo(((0, v), (a, v)), 0, 2, False)) == (1, True) and I64[v >> 3] == 5


@unit
def test_closed_channel_cases(rt: Any) -> None:
    from gort.runtime.panic import GoPanic
    from gort.runtime.unsafe import I64

    c = rt.MakeChan(0)
    rt.closechan(c)
    v = rt.Slot(3)
    assert now(rt.selectgo(((c, v),), 0, 1, True)) == (0, False) and I64[v >> 3] == 0
    with pytest.raises(GoPanic, match="send on closed channel"):
        now(rt.selectgo(((c, v),), 1, 0, True))


@unit
def test_same_channel_twice(rt: Any) -> None:
    c = rt.MakeChan(2)
    now(rt.chansend(c, rt.Slot(7), False, 0))
    casi, ok = now(rt.selectgo(((c, rt.Slot()), (c, rt.Slot())), 0, 2, True))
    assert casi in (0, 1) and ok
    # Sending and receiving on one buffered channel: the send fits.
    casi, ok = now(rt.selectgo(((c, rt.Slot(1)), (c, rt.Slot())), 1, 1, True))
    assert casi in (0, 1)


def test_blocking_select() -> None:
    st, out, err = run_prog("selects")
    assert (st, err) == (0, ""), err
    assert out == "woken by f\nsent to a waiting select\nclose wakes select: (1, False)\nbalanced: True 20000\n"
