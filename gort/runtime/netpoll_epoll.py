"""The network poller's Linux side: epoll (netpoll_epoll.go).

netpollinit creates the epoll instance and an eventfd registered in it,
which netpollBreak writes to wake an M blocked in epoll_wait (a new timer
is due earlier than its timeout, or the world is stopping). Descriptors are
registered edge-triggered for both directions (EPOLLIN | EPOLLOUT |
EPOLLRDHUP | EPOLLET), as Go does: one registration per descriptor for its
lifetime, and the pollDesc's rg/wg semaphores remember readiness between
edges.

netpoll(delay) waits up to delay ns (rounded as Go rounds: < 1 ms → 1 ms),
turns each event into a mode ('r', 'w' or both; hang-ups and errors count
for both) and readies the parked goroutines through netpollready.

Differences from Go: Python's `select.epoll` (the standard library module;
this file imports it absolutely, and gort/runtime is never on sys.path, so
gort's own select.py cannot hide it) returns the descriptor number instead
of a user data word, so events are mapped to pollDescs by fd.
"""

from __future__ import annotations

import errno as _errno
import os
import select
from typing import TYPE_CHECKING

from gort.runtime.atomic import Int
from gort.runtime.panic import _write2, throw
from gort.runtime.runtime2 import gList

if TYPE_CHECKING:
    from gort.runtime.netpoll import pollDesc

EPOLLIN = select.EPOLLIN
EPOLLOUT = select.EPOLLOUT
EPOLLERR = select.EPOLLERR
EPOLLHUP = select.EPOLLHUP
EPOLLRDHUP = select.EPOLLRDHUP
EPOLLET = select.EPOLLET

epfd: select.epoll | None = None  # the epoll descriptor
netpollEventFd = -1  # eventfd for netpollBreak
netpollWakeSig = Int()  # used to avoid duplicate calls of netpollBreak

_r = ord("r")
_w = ord("w")


# go: runtime/netpoll_epoll.go netpollinit
def netpollinit() -> None:
    global epfd, netpollEventFd
    try:
        epfd = select.epoll(sizehint=-1, flags=0)
    except OSError as e:
        _write2(f"runtime: epollcreate failed with {e.errno}\n")
        throw("runtime: netpollinit failed")
    try:
        efd = os.eventfd(0, os.EFD_CLOEXEC | os.EFD_NONBLOCK)
    except OSError as e:
        _write2(f"runtime: eventfd failed with {e.errno}\n")
        throw("runtime: eventfd failed")
    try:
        epfd.register(efd, EPOLLIN)
    except OSError as e:
        _write2(f"runtime: epollctl failed with {e.errno}\n")
        throw("runtime: epollctl failed")
    netpollEventFd = efd


# go: runtime/netpoll_epoll.go netpollIsPollDescriptor
def netpollIsPollDescriptor(fd: int) -> bool:
    return (epfd is not None and fd == epfd.fileno()) or fd == netpollEventFd


# go: runtime/netpoll_epoll.go netpollopen
def netpollopen(fd: int, pd: pollDesc) -> int:
    """Register fd edge-triggered for reading and writing. Returns an errno (0: ok)."""
    if epfd is None:
        return _errno.EBADF
    try:
        epfd.register(fd, EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET)
    except OSError as e:
        return e.errno or _errno.EINVAL
    return 0


# go: runtime/netpoll_epoll.go netpollclose
def netpollclose(fd: int) -> int:
    if epfd is None:
        return _errno.EBADF
    try:
        epfd.unregister(fd)
    except OSError as e:
        return e.errno or _errno.EINVAL
    return 0


# go: runtime/netpoll_epoll.go netpollBreak
def netpollBreak() -> None:
    """Interrupt an epoll_wait in progress (at most one write until it is read)."""
    # Failing to cas indicates there is an in-flight wakeup, so we're done here.
    if not netpollWakeSig.CompareAndSwap(0, 1):
        return
    while True:
        try:
            os.eventfd_write(netpollEventFd, 1)
            return
        except InterruptedError:
            continue
        except BlockingIOError:
            # If we get EAGAIN, that means the counter is full, so there is
            # already a wakeup pending.
            return
        except OSError as e:
            _write2(f"runtime: netpollBreak write failed with {e.errno}\n")
            throw("runtime: netpollBreak write failed")


# go: runtime/netpoll_epoll.go netpoll
def netpoll(delay: int) -> tuple[gList, int]:
    """Check for ready network connections, blocking up to delay ns (< 0: forever).

    Returns the goroutines that became runnable and the change to
    netpollWaiters."""
    from gort.runtime import netpoll as np

    if epfd is None:
        return gList(), 0
    if delay < 0:
        timeout = -1.0
    elif delay == 0:
        timeout = 0.0
    elif delay < 1_000_000:
        timeout = 0.001
    elif delay < 10**15:
        timeout = (delay // 1_000_000) / 1000.0
    else:
        # An arbitrary cap on how long to wait for a timer. 1e9 ms == ~11.5 days.
        timeout = 1e6
    while True:
        try:
            events = epfd.poll(timeout, 128)
            break
        except InterruptedError:
            # If a timed sleep was interrupted, just return to recalculate
            # how long we should sleep now.
            if timeout > 0:
                return gList(), 0
        except OSError as e:
            _write2(f"runtime: epollwait on fd {epfd.fileno()} failed with {e.errno}\n")
            throw("runtime: netpoll failed")
    toRun = gList()
    delta = 0
    for fd, ev in events:
        if ev == 0:
            continue
        if fd == netpollEventFd:
            if ev != EPOLLIN:
                _write2(f"runtime: netpoll: eventfd ready for {ev}\n")
                throw("runtime: netpoll: eventfd ready for something unexpected")
            if delay != 0:
                # netpollBreak could be picked up by a nonblocking poll.
                # Only read the byte if blocking.
                try:
                    os.eventfd_read(netpollEventFd)
                except BlockingIOError:
                    pass
                netpollWakeSig.Store(0)
            continue
        mode = 0
        if ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR):
            mode += _r
        if ev & (EPOLLOUT | EPOLLHUP | EPOLLERR):
            mode += _w
        if mode != 0:
            pd = np.pdByFd.get(fd)
            if pd is not None:
                pd.setEventErr(ev == EPOLLERR, pd.fdseq)
                delta += np.netpollready(toRun, pd, mode)
    return toRun, delta
