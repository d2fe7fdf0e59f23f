"""lock.py's runtime mutex: the key's three states, sleepers woken by unlock,
mutual exclusion between real threads, and the host lock used without a GIL."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator

import pytest

from gort.runtime import atomic, lock, panic
from gort.runtime.lock import mutex


@pytest.fixture
def raising() -> Iterator[None]:
    """throw raises Throw instead of ending the process."""
    panic.throwRaises = True
    try:
        yield
    finally:
        panic.throwRaises = False


@pytest.fixture
def fast_switches() -> Iterator[None]:
    """The interpreter offers to switch threads as often as it can."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(old)


needs_gil = pytest.mark.skipif(not atomic.gilAtomic, reason="the key is used only under a GIL")


@needs_gil
def test_key_states() -> None:
    l = mutex("test")
    assert l.key == lock.mutex_unlocked and not l.locked()
    lock.lock(l)
    assert l.key == lock.mutex_locked and l.locked()
    assert not lock.trylock(l)
    lock.unlock(l)
    assert l.key == lock.mutex_unlocked
    assert lock.trylock(l) and l.key == lock.mutex_locked
    lock.unlock(l)
    assert l._sema is None  # no contention: no wait queue was made


def test_unlock_of_unlocked_lock_throws(raising: None) -> None:
    l = mutex("test")
    with pytest.raises(panic.Throw, match="unlock of unlocked lock"):
        lock.unlock(l)
    lock.lock(l)
    lock.unlock(l)
    with pytest.raises(panic.Throw, match="unlock of unlocked lock"):
        lock.unlock(l)


@needs_gil
def test_a_waiter_sleeps_until_unlock() -> None:
    l = mutex("test")
    lock.lock(l)
    got: list[int] = []

    def waiter() -> None:
        lock.lock(l)
        got.append(l.key)
        lock.unlock(l)

    t = threading.Thread(target=waiter)
    t.start()
    t.join(0.3)
    # The waiter announced itself and sleeps: the key says so, and unlock
    # must wake it (it would sleep for ever otherwise).
    assert t.is_alive() and not got
    assert l.key == lock.mutex_sleeping
    lock.unlock(l)
    t.join(5)
    assert not t.is_alive()
    # It took the lock keeping "sleeping": it cannot know it was the last.
    assert got == [lock.mutex_sleeping]
    assert l.key == lock.mutex_unlocked


@pytest.mark.parametrize("gil", [True, False], ids=["key", "host-lock"])
def test_mutual_exclusion(gil: bool, fast_switches: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Threads add to a counter in read, yield, write steps under the lock:
    none of their additions is lost, and the waiters really slept."""
    if gil and not atomic.gilAtomic:
        pytest.skip("the key is used only under a GIL")
    monkeypatch.setattr(atomic, "gilAtomic", gil)
    l = mutex("test")
    assert (l._l is None) == gil
    sleeps = 0
    real_futexsleep = lock.futexsleep

    def counting_futexsleep(m: mutex) -> None:
        nonlocal sleeps
        sleeps += 1
        real_futexsleep(m)

    monkeypatch.setattr(lock, "futexsleep", counting_futexsleep)
    total = 0
    inside = 0
    overlaps = 0

    def worker() -> None:
        nonlocal total, inside, overlaps
        for _ in range(300):
            lock.lock(l)
            inside += 1
            if inside != 1:
                overlaps += 1
            v = total
            time.sleep(0)  # let another thread try the lock here
            total = v + 1
            inside -= 1
            lock.unlock(l)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert total == 4 * 300 and overlaps == 0
    assert not l.locked()
    if gil:
        assert sleeps > 0 and l.key == lock.mutex_unlocked


def test_host_lock_without_a_gil(raising: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic, "gilAtomic", False)
    l = mutex("test")
    # The key never lets the fast paths through: every lock takes the host lock.
    assert l.key not in (lock.mutex_unlocked, lock.mutex_locked) and l._l is not None
    lock.lock(l)
    assert l.locked() and l._l.locked() and not lock.trylock(l)
    lock.unlock(l)
    assert not l.locked() and lock.trylock(l)
    lock.unlock(l)
    with pytest.raises(panic.Throw, match="unlock of unlocked lock"):
        lock.unlock(l)
