"""sema.py: the semaphore treap (semaRoot), acquire and release, notify lists;
a semaphore-locked counter across GOMAXPROCS in a program."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.runtime.schedutil import in_child, run_prog, unit


@pytest.fixture
def rt() -> Iterator[Any]:
    """The runtime, with a user G current: queue records the waiting G."""
    if not in_child():  # the parent only collects the child's results
        yield None
        return
    from gort.runtime import export_sched_test as rt
    from gort.runtime.stubs import getg, setg

    rt.Unit()
    g0 = getg()
    gp = rt.NewG()
    gp.m = g0.m
    setg(gp)
    yield rt
    setg(g0)


def _check_treap(root: Any) -> list[int]:
    """The tree's addresses in order; asserts the BST and heap properties."""
    from gort.runtime.runtime2 import (
        sudog_elem_vu,
        sudog_next,
        sudog_parent,
        sudog_prev,
        sudog_ticket,
    )
    from gort.runtime.unsafe import U32, U64

    out: list[int] = []

    def walk(s: int, parent: int) -> None:
        if s == 0:
            return
        assert U64[(s + sudog_parent) >> 3] == parent
        for child in (U64[(s + sudog_prev) >> 3], U64[(s + sudog_next) >> 3]):
            if child:
                assert U32[(s + sudog_ticket) >> 2] <= U32[(child + sudog_ticket) >> 2]
        walk(U64[(s + sudog_prev) >> 3], s)
        out.append(U64[(s + sudog_elem_vu) >> 3])
        walk(U64[(s + sudog_next) >> 3], s)

    walk(root.treap, 0)
    assert out == sorted(out)
    return out


@unit
def test_cansemacquire(rt: Any) -> None:
    from gort.runtime import sema
    from gort.runtime.unsafe import U32

    s = rt.Slot(2)
    assert sema.cansemacquire(s) and sema.cansemacquire(s) and not sema.cansemacquire(s)
    assert U32[s >> 2] == 0


@unit
def test_treap_queue_dequeue(rt: Any) -> None:
    from gort.runtime import proc, sema

    root = sema.semaRoot()
    addrs = [rt.Slot() for _ in range(40)]
    waiters: dict[int, list[int]] = {}
    for _rep in range(3):
        for a in addrs:
            s = proc.acquireSudog()
            root.queue(a, s, False)
            waiters.setdefault(a, []).append(s)
    assert _check_treap(root) == sorted(addrs)  # one node per address
    for a in addrs[::2]:
        # FIFO per address.
        assert [root.dequeue(a) for _ in range(3)] == waiters[a]
        assert root.dequeue(a) == 0
    assert _check_treap(root) == sorted(addrs[1::2])


@unit
def test_lifo_queues_first(rt: Any) -> None:
    from gort.runtime import proc, sema

    root = sema.semaRoot()
    a = rt.Slot()
    s1, s2, s3 = (proc.acquireSudog() for _ in range(3))
    root.queue(a, s1, False)
    root.queue(a, s2, False)
    root.queue(a, s3, True)  # a starving Mutex waiter goes first
    assert [root.dequeue(a) for _ in range(3)] == [s3, s1, s2]


@unit
def test_notify_list_tickets(rt: Any) -> None:
    from gort.runtime import sema

    assert sema.less(1, 2) and not sema.less(2, 1) and sema.less(0xFFFFFFFF, 0)
    from gort.runtime.malloc import mallocgc

    nl = mallocgc(sema.sizeof_notifyList, None, True)
    assert sema.notifyListAdd(nl) == 0 and sema.notifyListAdd(nl) == 1
    sema.notifyListNotifyAll(nl)  # no waiters queued: notify catches up with wait
    from gort.runtime.unsafe import U32

    assert U32[(nl + sema.nl_notify) >> 2] == 2
    sema.notifyListCheck(sema.sizeof_notifyList)


@pytest.mark.parametrize("procs", [1, 2, 4, pytest.param(8, marks=pytest.mark.slow)])
def test_semaphore_lock_counter(procs: int) -> None:
    st, out, err = run_prog("stress", "mutex", env={"GOMAXPROCS": str(procs)})
    assert (st, err) == (0, ""), err
    assert out == "counter 20000\n"
