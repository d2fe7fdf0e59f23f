"""The free lists of dead Gs: gList.pushAll, and gfput's spill to the global lists.

gfput moves half of a full P list to sched's lists as one gQueue per kind
(with and without a stack), each linked in at once by gList.pushAll, as Go
1.27 does; gfpurge moves a whole P list the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from gort.runtime.runtime2 import g, gList, gQueue
from tests.runtime.schedutil import unit, unit_runtime


def _names(l: gList) -> list[int]:
    out = []
    gp = l.head
    while gp is not None:
        out.append(gp.goid)
        gp = gp.schedlink
    return out


def _mk(n: int, first: int = 1) -> list[g]:
    gs = [g() for _ in range(n)]
    for i, gp in enumerate(gs):
        gp.goid = first + i
    return gs


def test_pushall_prepends_the_queue_in_its_order() -> None:
    l = gList()
    for gp in _mk(2, 10):
        l.push(gp)  # list: 11 10
    q = gQueue()
    for gp in _mk(3, 1):
        q.pushBack(gp)  # queue: 1 2 3
    l.pushAll(q)
    assert _names(l) == [1, 2, 3, 11, 10]
    assert l.size == 5


def test_pushall_of_an_empty_queue_changes_nothing() -> None:
    l = gList()
    a = _mk(1)[0]
    l.push(a)
    l.pushAll(gQueue())
    assert _names(l) == [1] and l.size == 1
    empty = gList()
    empty.pushAll(gQueue())
    assert empty.head is None and empty.size == 0


def test_pushall_into_an_empty_list() -> None:
    l = gList()
    q = gQueue()
    for gp in _mk(2):
        q.push(gp)  # queue: 2 1
    l.pushAll(q)
    assert _names(l) == [2, 1] and l.size == 2
    assert l.pop() is not None and l.pop() is not None and l.pop() is None and l.size == 0


@pytest.fixture
def rt() -> Iterator[Any]:
    yield from unit_runtime(throw_raises=True)


@unit
def test_gfput_spills_each_kind_to_its_own_list(rt: Any) -> None:
    from gort.runtime import proc, stack
    from gort.runtime.stubs import systemstack

    sched = rt.sched
    pp = rt.NewP()
    with_stack0 = sched.gFreeStack.size
    no_stack0 = sched.gFreeNoStack.size
    gs = [rt.NewG() for _ in range(64)]
    # Every fourth G has an odd-sized stack: gfput frees it, so it spills
    # to the no-stack list.
    for i, gp in enumerate(gs):
        if i % 4 == 0:
            systemstack(stack.stackfree, gp.stack)
            gp.stack = systemstack(stack.stackalloc, 4096)
        proc.gfput(pp, gp)
    assert pp.gFree.size == 31
    moved = gs[31:]  # the last pushed are popped first
    with_stack = [gp for gp in moved if gp.stack.lo != 0]
    no_stack = [gp for gp in moved if gp.stack.lo == 0]
    assert len(with_stack) + len(no_stack) == 33 and no_stack
    assert sched.gFreeStack.size - with_stack0 == len(with_stack)
    assert sched.gFreeNoStack.size - no_stack0 == len(no_stack)
    # Each global list holds its kind at its head, linked through schedlink.
    seen = []
    gp = sched.gFreeNoStack.head
    for _ in range(len(no_stack)):
        assert gp is not None and gp.stack.lo == 0
        seen.append(gp)
        gp = gp.schedlink
    assert set(map(id, seen)) == set(map(id, no_stack))
    # gfget refills the P list, Gs with stacks first, and gives the
    # no-stack ones a new stack.
    p2 = rt.NewP(3)
    got = [systemstack(proc.gfget, p2) for _ in range(len(moved))]
    assert all(gp is not None and gp.stack.hi - gp.stack.lo == 2048 for gp in got)
    assert {id(gp) for gp in got} >= set(map(id, with_stack))


@unit
def test_gfpurge_moves_the_whole_list(rt: Any) -> None:
    from gort.runtime import proc

    sched = rt.sched
    pp = rt.NewP(5)
    before = sched.gFreeStack.size
    for gp in [rt.NewG() for _ in range(10)]:
        proc.gfput(pp, gp)
    proc.gfpurge(pp)
    assert pp.gFree.size == 0 and pp.gFree.head is None
    assert sched.gFreeStack.size - before == 10
