"""select.py's lock order: _heapsortByChan sorts the cases by channel
address; sellock takes each distinct channel's lock once, in that order, and
returns the locks for selunlock and relock; a select leaves no lock held and
its sudogs clean, whatever its width."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest

from tests.runtime.schedutil import unit, unit_runtime
from tests.runtime.test_chan import now


@pytest.fixture
def rt() -> Iterator[Any]:
    yield from unit_runtime()


def _lock(rt: Any, c: int) -> Any:
    return rt.chan.chaninfo[c][0]


@unit
def test_heapsort_orders_by_channel(rt: Any) -> None:
    chans = [rt.MakeChan(1) for _ in range(5)]
    rnd = random.Random(1)
    for n in range(1, 9):
        for _ in range(50):
            scases = tuple((rnd.choice(chans), 0) for _ in range(n))
            pollorder = list(range(n))
            rnd.shuffle(pollorder)
            lockorder = rt.select._heapsortByChan(scases, pollorder)
            assert sorted(lockorder) == list(range(n))
            addrs = [scases[o][0] for o in lockorder]
            assert addrs == sorted(addrs)


@unit
def test_sellock_takes_each_channel_once(rt: Any) -> None:
    a, b, c = sorted(rt.MakeChan(0) for _ in range(3))
    scases = ((b, 0), (a, 0), (c, 0), (a, 0), (b, 0))
    lockorder = [1, 3, 0, 4, 2]  # by address, a's and b's cases side by side
    locks = rt.select.sellock(scases, lockorder)
    assert locks == [_lock(rt, a), _lock(rt, b), _lock(rt, c)]
    assert all(l.locked() for l in locks)
    rt.select.selunlock(locks)
    assert not any(l.locked() for l in locks)
    rt.select.relock(locks)
    assert all(l.locked() for l in locks)
    rt.select.selunlock(locks)


@unit
def test_selects_of_every_width_release_their_locks(rt: Any) -> None:
    from gort.runtime.unsafe import I64

    chans = [rt.MakeChan(1) for _ in range(4)]
    v = rt.Slot()
    for width in range(1, 5):
        for k in range(width):
            # One ready case among width (plus a nil channel): it is chosen.
            now(rt.chansend(chans[k], rt.Slot(10 + k), False, 0))
            scases = tuple((ch, v) for ch in chans[:width]) + ((0, v),)
            casi, ok = now(rt.selectgo(scases, 0, width + 1, True))
            assert (casi, ok, I64[v >> 3]) == (k, True, 10 + k)
            assert not any(_lock(rt, ch).locked() for ch in chans)
        # Nothing ready: the default, the locks released too.
        scases = tuple((ch, v) for ch in chans[:width])
        assert now(rt.selectgo(scases, 0, width, False)) == (-1, False)
        assert not any(_lock(rt, ch).locked() for ch in chans)
