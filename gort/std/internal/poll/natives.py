"""Natives of Go package internal/poll: the network poller and fdMutex's semaphore.

In gc these are runtime functions linknamed into internal/poll
(runtime/netpoll.go, sema.go): a descriptor is registered once
(runtime_pollOpen → its pollDesc handle), a goroutine that finds it not
ready parks in runtime_pollWait until epoll reports it ready, its deadline
passes, or it is closed (gort/runtime/netpoll.py). Natives take the
running goroutine `gp` first; mode is 'r', 'w' or 'r'+'w'; the results are
the poll error codes of fd_poll_runtime.go (0 ok, 1 closing, 2 timeout, 3
not pollable).
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from gort.runtime import netpoll, proc, sema


# go: runtime/sema.go poll_runtime_Semacquire
def F_runtime_Semacquire(gp: Any, s: int) -> Generator[Any, Any, None]:
    yield from sema.poll_runtime_Semacquire(s)


# go: runtime/sema.go poll_runtime_Semrelease
def F_runtime_Semrelease(gp: Any, s: int) -> Generator[Any, Any, None]:
    yield from sema.poll_runtime_Semrelease(s)


# go: runtime/time.go poll_runtimeNano
def F_runtimeNano(gp: Any) -> int:
    return proc.nanotime()


# go: runtime/netpoll.go poll_runtime_pollServerInit
def F_runtime_pollServerInit(gp: Any) -> None:
    netpoll.poll_runtime_pollServerInit()


# go: runtime/netpoll.go poll_runtime_pollOpen
def F_runtime_pollOpen(gp: Any, fd: int) -> tuple[int, int]:
    """func runtime_pollOpen(fd uintptr) (uintptr, int): (handle, errno)."""
    return netpoll.poll_runtime_pollOpen(fd)


# go: runtime/netpoll.go poll_runtime_pollClose
def F_runtime_pollClose(gp: Any, ctx: int) -> None:
    netpoll.poll_runtime_pollClose(ctx)


# go: runtime/netpoll.go poll_runtime_pollWait
def F_runtime_pollWait(gp: Any, ctx: int, mode: int) -> Generator[Any, Any, int]:
    """func runtime_pollWait(ctx uintptr, mode int) int: park until ready."""
    r: int = yield from netpoll.poll_runtime_pollWait(ctx, mode)
    return r


# go: runtime/netpoll.go poll_runtime_pollWaitCanceled
def F_runtime_pollWaitCanceled(gp: Any, ctx: int, mode: int) -> Generator[Any, Any, None]:
    yield from netpoll.poll_runtime_pollWaitCanceled(ctx, mode)


# go: runtime/netpoll.go poll_runtime_pollReset
def F_runtime_pollReset(gp: Any, ctx: int, mode: int) -> int:
    return netpoll.poll_runtime_pollReset(ctx, mode)


# go: runtime/netpoll.go poll_runtime_pollSetDeadline
def F_runtime_pollSetDeadline(gp: Any, ctx: int, d: int, mode: int) -> None:
    netpoll.poll_runtime_pollSetDeadline(ctx, d, mode)


# go: runtime/netpoll.go poll_runtime_pollUnblock
def F_runtime_pollUnblock(gp: Any, ctx: int) -> None:
    netpoll.poll_runtime_pollUnblock(ctx)


# go: runtime/netpoll.go poll_runtime_isPollServerDescriptor
def F_runtime_isPollServerDescriptor(gp: Any, fd: int) -> bool:
    return netpoll.poll_runtime_isPollServerDescriptor(fd)
