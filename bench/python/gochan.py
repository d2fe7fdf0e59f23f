"""Go's unbuffered channel and select, for the asyncio twins of the Go programs.

A Go unbuffered channel is a rendezvous: a send completes only when a
receiver has taken the value, and a receive only when a sender has offered
one. `Chan` does the same with asyncio futures:

- a sender that finds a receiver waiting hands it the value (resolves the
  receiver's future) and goes on without blocking; otherwise it queues the
  value with a future of its own and waits until a receiver resolves it;
- a receiver that finds a sender waiting takes its value and releases it;
  otherwise it queues a future and waits for a sender (or close) to resolve
  it;
- `close` wakes every waiting receiver with the zero value and ok=False.

`select` receives from whichever of several channels is ready first. When
several are ready at once it picks one at random, as Go's select does, so no
channel can starve the others; when none is, it waits on all of them with a
single future, and takes itself off the other channels' queues once one of
them has answered. A channel given as None is never ready (a nil channel).

Waiters whose future is already done (answered by another channel of a
select, or cancelled with their task) are skipped when found at the head of a
queue.

Buffered channels need no helper: asyncio.Queue(maxsize) is one.
"""

from __future__ import annotations

import asyncio
import random
from collections import deque
from collections.abc import AsyncIterator
from typing import Generic, TypeVar

T = TypeVar("T")

# What a waiting receiver's future resolves to: (index of the channel within
# the select, value, ok).
Answer = tuple[int, T | None, bool]


class Chan(Generic[T]):
    """An unbuffered channel."""

    __slots__ = ("_senders", "_receivers", "_closed")

    def __init__(self) -> None:
        # Waiting senders: the value offered, and the future to resolve once
        # a receiver has taken it.
        self._senders: deque[tuple[T, asyncio.Future[None]]] = deque()
        # Waiting receivers: the future to resolve with an Answer, and the
        # index this channel has among the cases of the receiver's select.
        self._receivers: deque[tuple[asyncio.Future[Answer[T]], int]] = deque()
        self._closed = False

    async def send(self, value: T) -> None:
        """Send value, waiting until a receiver takes it."""
        if self._closed:
            raise RuntimeError("send on closed channel")
        receivers = self._receivers
        while receivers:
            waiter, index = receivers.popleft()
            if not waiter.done():
                waiter.set_result((index, value, True))
                return
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._senders.append((value, done))
        await done

    def _take(self) -> tuple[T | None, bool] | None:
        """Receive without waiting: (value, ok), or None if nothing is ready."""
        senders = self._senders
        while senders:
            value, done = senders.popleft()
            if not done.done():
                done.set_result(None)
                return value, True
        if self._closed:
            return None, False
        return None

    async def recv(self) -> tuple[T | None, bool]:
        """Receive a value: (value, True), or (None, False) once closed."""
        got = self._take()
        if got is not None:
            return got
        waiter: asyncio.Future[Answer[T]] = asyncio.get_running_loop().create_future()
        self._receivers.append((waiter, 0))
        _, value, ok = await waiter
        return value, ok

    def close(self) -> None:
        """Close the channel: waiting and later receivers get (None, False)."""
        if self._closed:
            raise RuntimeError("close of closed channel")
        self._closed = True
        while self._receivers:
            waiter, index = self._receivers.popleft()
            if not waiter.done():
                waiter.set_result((index, None, False))
        while self._senders:
            _, done = self._senders.popleft()
            if not done.done():
                done.set_exception(RuntimeError("send on closed channel"))

    async def __aiter__(self) -> AsyncIterator[T]:
        """Receive values until the channel is closed (Go's for-range)."""
        while True:
            value, ok = await self.recv()
            if not ok:
                return
            yield value  # type: ignore[misc]  # ok, so value is a T


async def select(*chans: Chan[T] | None) -> Answer[T]:
    """Receive from whichever channel is ready first: (index, value, ok)."""
    cases = [(i, c) for i, c in enumerate(chans) if c is not None]
    random.shuffle(cases)
    for index, chan in cases:
        got = chan._take()
        if got is not None:
            return index, got[0], got[1]
    waiter: asyncio.Future[Answer[T]] = asyncio.get_running_loop().create_future()
    entries = [(chan, (waiter, index)) for index, chan in cases]
    for chan, entry in entries:
        chan._receivers.append(entry)
    try:
        return await waiter
    finally:
        for chan, entry in entries:
            try:
                chan._receivers.remove(entry)
            except ValueError:
                pass
