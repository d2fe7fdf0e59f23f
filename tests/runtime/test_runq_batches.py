"""The run-queue batch moves keep Go's order: runqputslow from a wrapped ring,
globrunqgetbatch's chain, runqputbatch into a nearly full ring.

proc.py writes Go's pop-and-push loops over the schedlink links (one walk,
the ends and counts set once); these check that the same Gs move, in the
same order, with the queues' heads, tails and sizes consistent after.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.runtime.schedutil import unit, unit_runtime


@pytest.fixture
def rt() -> Iterator[Any]:
    yield from unit_runtime(throw_raises=True)


def _chain(q: Any) -> list[Any]:
    out = []
    gp = q.head
    while gp is not None:
        out.append(gp)
        gp = gp.schedlink
    return out


def _empty_global(rt: Any) -> None:
    while rt.sched.runq.size:
        rt.sched.runq.pop()


@unit
def test_runqputslow_from_a_wrapped_ring(rt: Any) -> None:
    sched = rt.sched
    pp = rt.NewP()
    rt.proc.lock(sched.lock)
    _empty_global(rt)
    rt.proc.unlock(sched.lock)
    first = [rt.NewG() for _ in range(200)]
    for gp in first:
        rt.runqput(pp, gp, False)
    for _ in range(200):
        rt.runqget(pp)
    # head and tail at 200: the next 256 puts wrap around the ring's end.
    gs = [rt.NewG() for _ in range(257)]
    for gp in gs:
        rt.runqput(pp, gp, False)
    assert pp.runqtail - pp.runqhead == 128
    rt.proc.lock(sched.lock)
    moved = _chain(sched.runq)
    assert moved == gs[:128] + [gs[256]] and sched.runq.size == 129
    assert sched.runq.tail is gs[256] and gs[256].schedlink is None
    rt.proc.unlock(sched.lock)
    assert [rt.runqget(pp)[0] for _ in range(128)] == gs[128:256]


@unit
def test_globrunqgetbatch_then_runqputbatch_keep_the_order(rt: Any) -> None:
    saved = rt.proc.gomaxprocs
    rt.proc.gomaxprocs = 1  # (the batch is then min(n, size), not a share of it)
    try:
        _batches(rt)
    finally:
        rt.proc.gomaxprocs = saved


def _batches(rt: Any) -> None:
    sched = rt.sched
    pp = rt.NewP()
    rt.proc.lock(sched.lock)
    _empty_global(rt)
    gs = [rt.NewG() for _ in range(10)]
    for gp in gs:
        rt.globrunqput(gp)
    gp, q = rt.globrunqgetbatch(7)
    # The first G is returned, the next six form q; the rest stay global.
    assert gp is gs[0] and _chain(q) == gs[1:7] and q.size == 6 and q.tail is gs[6]
    assert gs[6].schedlink is None
    assert _chain(sched.runq) == gs[7:] and sched.runq.size == 3 and sched.runq.tail is gs[9]
    # Taking all that is left empties the global queue.
    gp2, q2 = rt.globrunqgetbatch(128)
    assert gp2 is gs[7] and _chain(q2) == gs[8:] and q2.tail is gs[9]
    assert sched.runq.head is None and sched.runq.tail is None and sched.runq.size == 0
    rt.proc.unlock(sched.lock)
    # A ring with room for four: runqputbatch takes four and leaves two in q.
    fill = [rt.NewG() for _ in range(252)]
    for g1 in fill:
        rt.runqput(pp, g1, False)
    rt.runqputbatch(pp, q)
    assert pp.runqtail - pp.runqhead == 256
    assert _chain(q) == gs[5:7] and q.size == 2 and q.tail is gs[6]
    got = [rt.runqget(pp)[0] for _ in range(256)]
    assert got == fill + gs[1:5]
    # The rest fits: q is left empty.
    rt.runqputbatch(pp, q)
    assert q.head is None and q.tail is None and q.size == 0
    assert [rt.runqget(pp)[0] for _ in range(2)] == gs[5:7]
