"""chan.py: hchan layout, the buffer, close and its panics, wait queues; blocking
operations between goroutines in programs (and tests/testdata/sched/chan*.go)."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import Any

import pytest

from tests.runtime.schedutil import run_prog, unit, unit_runtime


@pytest.fixture
def rt() -> Iterator[Any]:
    yield from unit_runtime()


def now(gen: Generator[Any, Any, Any]) -> Any:
    """Run a channel operation that must complete without parking."""
    try:
        gen.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError("the operation parked")


@unit
def test_makechan_layout(rt: Any) -> None:
    from gort.runtime import chan
    from gort.runtime.unsafe import U16, U64

    c = rt.MakeChan(5)
    assert U64[(c + chan.c_dataqsiz) >> 3] == 5 and U16[(c + chan.c_elemsize) >> 1] == 8
    assert U64[(c + chan.c_buf) >> 3] == c + chan.hchanSize  # pointer-free: buffer follows the hchan
    assert chan.chanlen(c) == 0 and chan.chancap(c) == 5
    u = rt.MakeChan(0)
    assert U64[(u + chan.c_buf) >> 3] == u and chan.chancap(u) == 0
    assert chan.chanlen(0) == 0 and chan.chancap(0) == 0


@unit
def test_buffer_fifo_and_wraparound(rt: Any) -> None:
    from gort.runtime import chan
    from gort.runtime.unsafe import I64

    c = rt.MakeChan(3)
    v = rt.Slot()
    got = []
    for i in range(10):
        I64[v >> 3] = i
        assert now(rt.chansend(c, v, False, 0)) is True
        if chan.chanlen(c) == 3:
            assert now(rt.chanrecv(c, v, False)) == (True, True)
            got.append(I64[v >> 3])
    # Full: a non-blocking send fails.
    assert chan.chanlen(c) == 2 and now(rt.chansend(c, v, False, 0)) is True
    assert now(rt.chansend(c, v, False, 0)) is False
    while chan.chanlen(c):
        now(rt.chanrecv(c, v, False))
        got.append(I64[v >> 3])
    assert got == list(range(10)) + [7]  # the extra send re-sent the last value received
    assert now(rt.chanrecv(c, v, False)) == (False, False)


@unit
def test_close_receive_zero_and_drain(rt: Any) -> None:
    from gort.runtime.unsafe import I64

    c = rt.MakeChan(2)
    now(rt.chansend(c, rt.Slot(7), False, 0))
    rt.closechan(c)
    v = rt.Slot(99)
    assert now(rt.chanrecv(c, v, True)) == (True, True) and I64[v >> 3] == 7
    assert now(rt.chanrecv(c, v, True)) == (True, False) and I64[v >> 3] == 0
    assert now(rt.chanrecv2(c, v)) is False


@unit
def test_channel_panics(rt: Any) -> None:
    from gort.runtime.panic import GoPanic

    c = rt.MakeChan(1)
    rt.closechan(c)
    with pytest.raises(GoPanic, match="send on closed channel") as e:
        now(rt.chansend(c, rt.Slot(), True, 0))
    assert e.value.kind == "plainError"
    with pytest.raises(GoPanic, match="close of closed channel"):
        rt.closechan(c)
    with pytest.raises(GoPanic, match="close of nil channel"):
        rt.closechan(0)


@unit
def test_nil_channel_nonblocking(rt: Any) -> None:
    assert now(rt.chansend(0, rt.Slot(), False, 0)) is False
    assert now(rt.chanrecv(0, rt.Slot(), False)) == (False, False)


@unit
def test_buffer_paths_take_the_lock_only_while_it_is_in_use(rt: Any) -> None:
    import threading

    from gort.runtime import chan
    from gort.runtime.atomic import gilAtomic
    from gort.runtime.lock import lock, unlock

    c = rt.MakeChan(4)  # chan int: its elements pass by value
    l, _, _, _, _, _, cl = chan.chaninfo[c]
    assert chan.chaninfo[rt.MakeChan(0)][6] is None  # unbuffered: always locks
    if not gilAtomic:
        assert cl is None
        return
    assert cl is l and l.key == 0
    # Nobody holds the lock: the buffer paths run without it.
    assert chan.trysend(c, 7, True) is True and l.key == 0
    assert chan.tryrecv(c, 0, True) == 7 and l.key == 0
    # Another M holds it: a send waits for it, then goes into the buffer.
    lock(l)
    done: list[bool] = []
    t = threading.Thread(target=lambda: done.append(chan.trysend(c, 8, True)))
    t.start()
    t.join(0.3)
    assert t.is_alive() and not done and chan.chanlen(c) == 0
    assert l.key == 2  # the sender sleeps on it
    unlock(l)
    t.join(5)
    assert done == [True] and chan.chanlen(c) == 1 and l.key == 0
    # An empty buffer: the receive locks, and leaves the lock held to park.
    assert chan.tryrecv(c, 0, True) == 8
    assert chan.tryrecv(c, 0, True) is None and l.locked()
    unlock(l)
    assert l.key == 0


@unit
def test_waitq(rt: Any) -> None:
    from gort.runtime import chan, proc, select

    c = rt.MakeChan(0)
    q = c + chan.c_recvq
    s = [proc.acquireSudog() for _ in range(3)]
    for sg in s:
        chan.enqueue(q, sg)
    select.dequeueSudoG(q, s[1])  # from the middle
    assert chan.dequeue(q) == s[0] and chan.dequeue(q) == s[2] and chan.dequeue(q) == 0
    select.dequeueSudoG(q, s[1])  # already removed: nothing happens
    assert chan.dequeue(q) == 0
    for sg in s:
        chan.enqueue(q, sg)
    select.dequeueSudoG(q, s[2])  # the last: q.last moves back
    select.dequeueSudoG(q, s[0])  # the first: q.first moves on
    assert chan.U64[q >> 3] == chan.U64[(q >> 3) + 1] == s[1]
    select.dequeueSudoG(q, s[1])  # the only one: the queue is empty
    assert chan.U64[q >> 3] == chan.U64[(q >> 3) + 1] == 0
    chan.enqueue(q, s[0])  # a removed sudog can queue again
    assert chan.dequeue(q) == s[0] and chan.dequeue(q) == 0


@pytest.mark.parametrize("procs", [1, 2, pytest.param(4, marks=pytest.mark.slow), pytest.param(8, marks=pytest.mark.slow)])
def test_stress_messages(procs: int) -> None:
    st, out, err = run_prog("stress", "ring", env={"GOMAXPROCS": str(procs)})
    assert (st, err) == (0, ""), err
    assert out == "ring total 49995000\nfan-in total 10000\n"


@pytest.mark.parametrize("procs", [1, 2, pytest.param(4, marks=pytest.mark.slow), pytest.param(8, marks=pytest.mark.slow)])
def test_stress_pipeline(procs: int) -> None:
    st, out, err = run_prog("stress", "pipeline", env={"GOMAXPROCS": str(procs)})
    assert (st, err) == (0, ""), err
    assert out == f"pipeline sum {sum((i + 20) ** 2 for i in range(1, 2001))}\n"
