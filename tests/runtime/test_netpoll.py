"""netpoll.py / netpoll_epoll.py: registration, readiness, deadlines, close;
a goroutine parked on a pipe in a program."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.runtime.schedutil import in_child, run_prog, unit

R = ord("r")
W = ord("w")


@pytest.fixture
def rt() -> Iterator[Any]:
    if not in_child():  # the parent only collects the child's results
        yield None
        return
    from gort.runtime import export_sched_test as rt

    rt.Unit()
    rt.sched.lastpoll.v = 1
    rt.sched.nmspinning.v = 1
    yield rt


@unit
def test_readiness_and_reset(rt: Any) -> None:
    from gort.runtime import netpoll

    r, w = os.pipe()
    os.set_blocking(r, False)
    netpoll.netpollGenericInit()
    pd, errno = netpoll.poll_runtime_pollOpen(r)
    assert errno == 0 and pd != 0
    assert netpoll.poll_runtime_isPollServerDescriptor(netpoll.netpoll_epoll.netpollEventFd)
    assert not netpoll.poll_runtime_isPollServerDescriptor(r)
    lst, delta = netpoll.netpoll(0)
    assert lst.empty()
    os.write(w, b"x")
    lst, delta = netpoll.netpoll(0)
    assert lst.empty() and delta == 0  # nobody parked: the event is remembered
    p = netpoll.pdOf(pd)
    assert p.rg == netpoll.pdReady
    assert netpoll.poll_runtime_pollReset(pd, R) == netpoll.pollNoError and p.rg == netpoll.pdNil
    netpoll.poll_runtime_pollUnblock(pd)
    assert netpoll.poll_runtime_pollReset(pd, R) == netpoll.pollErrClosing
    netpoll.poll_runtime_pollClose(pd)
    os.close(r)
    os.close(w)


@unit
def test_deadline_in_the_past(rt: Any) -> None:
    from gort.runtime import netpoll

    r, w = os.pipe()
    os.set_blocking(r, False)
    pd, _ = netpoll.poll_runtime_pollOpen(r)
    netpoll.poll_runtime_pollSetDeadline(pd, -1, R)
    assert netpoll.poll_runtime_pollReset(pd, R) == netpoll.pollErrTimeout
    assert netpoll.poll_runtime_pollReset(pd, W) == netpoll.pollNoError
    netpoll.poll_runtime_pollSetDeadline(pd, 0, R + W)  # no deadline
    assert netpoll.poll_runtime_pollReset(pd, R) == netpoll.pollNoError
    netpoll.poll_runtime_pollUnblock(pd)
    netpoll.poll_runtime_pollClose(pd)


@unit
def test_netpoll_break(rt: Any) -> None:
    import time

    from gort.runtime import netpoll

    netpoll.netpollGenericInit()
    netpoll.netpollBreak()
    t0 = time.monotonic()
    netpoll.netpoll(5_000_000_000)  # returns at once: the break was pending
    assert time.monotonic() - t0 < 1


def test_parked_reader_and_deadline() -> None:
    st, out, err = run_prog("netpolls", env={"GOMAXPROCS": "1"})
    assert (st, err) == (0, ""), err
    assert out == "others ran while the reader waited: True\nread: b'ping'\ndeadline: timeout\n"
