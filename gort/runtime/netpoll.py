"""The network poller: goroutines waiting for file descriptors (netpoll.go).

A goroutine that reads a pipe or a socket with nothing to read parks, and
its M runs other goroutines; when the descriptor becomes ready, whichever M
next polls (findRunnable before stealing, an idle M blocked in
netpoll(timeout), sysmon every 10 ms) readies it. The OS side is epoll
(netpoll_epoll.py); this file is the portable side that package
internal/poll reaches through its runtime_poll* functions.

Structures:
  * `pollDesc`: one per registered descriptor. `rg` and `wg` are the read
    and write semaphores: pdNil (nothing), pdReady (an I/O notification
    arrived and nobody consumed it), pdWait (a G is about to park), or the
    parked g itself. `rd`/`wd` are the deadlines (nanotime; -1 expired),
    served by the timers `rt`/`wt` whose functions are
    netpollReadDeadline / netpollWriteDeadline / netpollDeadline.
    `atomicInfo` publishes closing, expired deadlines and event errors for
    lock-free checks (netpollcheckerr). Each pollDesc has an address (the
    `ctx` uintptr internal/poll keeps): `pdByAddr` maps it back.
  * `netpollWaiters`: goroutines parked in netpoll; findRunnable polls the
    network only if there are some.

The algorithm (pollWait, read side):
  1. netpollblock: rg pdReady → pdNil, return ready. Else rg pdNil → pdWait
     and gopark with netpollblockcommit, which swaps pdWait for the G only
     after the G is off its M (so a concurrent netpollunblock either sees
     pdWait and sets pdReady, and the commit fails and the G resumes at
     once, or sees the G and readies it).
  2. netpoll (epoll_wait) turns events into netpollready → netpollunblock
     (rg → pdReady, returning the parked G, if any) → injectglist.
  3. A deadline timer or pollUnblock (close) sets the error state and
     unblocks without pdReady; the G wakes and reports pollErrTimeout or
     pollErrClosing.

Invariants: at most one G waits per direction per descriptor ("runtime:
double wait" otherwise); rg/wg change only by compare-and-swap (here: under
the pollDesc's `glock`).

Differences from Go: pollDescs are Python objects with a persistentalloc'd
address, not a pollcache of structs; epoll's user data is the descriptor
number, mapped to its pollDesc (`pdByFd`) rather than a tagged pointer, so
the fdseq tag is kept only to reject events for a descriptor number that
was closed and reused.
"""

from __future__ import annotations

import threading
from typing import Any

from gort.runtime import netpoll_epoll, proc
from gort.runtime.atomic import Int
from gort.runtime.lock import lock, mutex, unlock
from gort.runtime.panic import throw
from gort.runtime.runtime2 import g, gList, waitReasonIOWait

pollNoError = 0  # no error
pollErrClosing = 1  # descriptor is closed
pollErrTimeout = 2  # I/O timeout
pollErrNotPollable = 3  # general error polling descriptor

# The values of rg and wg besides a parked G.
pdNil = 0
pdReady = 1
pdWait = 2

# pollInfo bits (the atomic copy of some pollDesc fields).
pollClosing = 1 << 0
pollEventErr = 1 << 1
pollExpiredReadDeadline = 1 << 2
pollExpiredWriteDeadline = 1 << 3
pollFDSeq = 4  # 20 bit field, low 20 bits of fdseq
pollFDSeqBits = 20
pollFDSeqMask = (1 << pollFDSeqBits) - 1

sizeof_pollDesc = 264  # Go 1.27 linux/amd64


class pollDesc:
    """One registered descriptor (netpoll.go pollDesc)."""

    __slots__ = (
        "fd",
        "fdseq",
        "atomicInfo",
        "rg",
        "wg",
        "glock",
        "lock",
        "closing",
        "rrun",
        "wrun",
        "user",
        "rseq",
        "rt",
        "rd",
        "wseq",
        "wt",
        "wd",
        "addr",
    )

    def __init__(self, addr: int) -> None:
        from gort.runtime.time import timer

        self.fd = -1  # constant for pollDesc usage lifetime
        self.fdseq = 0  # protects against stale events for a reused fd
        self.atomicInfo = Int()  # pollInfo bits; read without lock
        self.rg: Any = pdNil  # pdReady, pdWait, the G waiting for read, or pdNil
        self.wg: Any = pdNil  # the same for write
        self.glock = threading.Lock()  # serialises the compare-and-swaps of rg and wg
        self.lock = mutex("pollDesc")  # protects the following fields
        self.closing = False
        self.rrun = False  # whether rt is running
        self.wrun = False  # whether wt is running
        self.user = 0  # user settable cookie
        self.rseq = 0  # protects from stale read timers
        self.rt = timer()  # read deadline timer
        self.rd = 0  # read deadline (a nanotime in the future, -1 when expired)
        self.wseq = 0  # protects from stale write timers
        self.wt = timer()  # write deadline timer
        self.wd = 0  # write deadline (a nanotime in the future, -1 when expired)
        self.addr = addr  # the handle internal/poll holds (persistentalloc'd); set once

    # go: runtime/netpoll.go pollDesc.info
    def info(self) -> int:
        return self.atomicInfo.v

    # go: runtime/netpoll.go pollDesc.publishInfo
    def publishInfo(self) -> None:
        """pd.lock held: publish closing and the expired deadlines."""
        info = 0
        if self.closing:
            info |= pollClosing
        if self.rd < 0:
            info |= pollExpiredReadDeadline
        if self.wd < 0:
            info |= pollExpiredWriteDeadline
        info |= (self.fdseq & pollFDSeqMask) << pollFDSeq
        # Set all of x except the pollEventErr bit.
        while True:
            x = self.atomicInfo.v
            if self.atomicInfo.CompareAndSwap(x, (x & pollEventErr) | info):
                return

    # go: runtime/netpoll.go pollDesc.setEventErr
    def setEventErr(self, b: bool, seq: int) -> None:
        mSeq = seq & pollFDSeqMask
        x = self.atomicInfo.v
        xSeq = (x >> pollFDSeq) & pollFDSeqMask
        if seq != 0 and xSeq != mSeq:
            return
        while bool(x & pollEventErr) != b and not self.atomicInfo.CompareAndSwap(x, x ^ pollEventErr):
            x = self.atomicInfo.v
            xSeq = (x >> pollFDSeq) & pollFDSeqMask
            if seq != 0 and xSeq != mSeq:
                return

    def casg(self, mode: int, old: Any, new: Any) -> bool:
        """CompareAndSwap on rg (mode 'r') or wg."""
        with self.glock:
            if mode == _r:
                if self.rg is old or self.rg == old and not isinstance(old, g):
                    self.rg = new
                    return True
                return False
            if self.wg is old or self.wg == old and not isinstance(old, g):
                self.wg = new
                return True
            return False

    def swapg(self, mode: int, new: Any) -> Any:
        with self.glock:
            if mode == _r:
                old = self.rg
                self.rg = new
            else:
                old = self.wg
                self.wg = new
            return old

    def loadg(self, mode: int) -> Any:
        return self.rg if mode == _r else self.wg

    def makeArg(self) -> pollDesc:
        """The deadline timers' arg: the pollDesc itself."""
        return self


_r = ord("r")
_w = ord("w")

netpollInitLock = mutex("netpollInit")
netpollInited = Int()  # 1 once netpollinit ran
netpollWaiters = Int()  # goroutines parked in netpollblock
pollcacheLock = mutex("pollCache")
pollcache: list[pollDesc] = []  # free pollDescs; pollcacheLock
pdByAddr: dict[int, pollDesc] = {}  # handle → pollDesc (every pollDesc ever made)
pdByFd: dict[int, pollDesc] = {}  # registered descriptor → its pollDesc; pollcacheLock


# go: runtime/netpoll.go poll_runtime_pollServerInit
def poll_runtime_pollServerInit() -> None:
    netpollGenericInit()


# go: runtime/netpoll.go netpollGenericInit
def netpollGenericInit() -> None:
    if netpollInited.v == 0:
        lock(netpollInitLock)
        if netpollInited.v == 0:
            netpoll_epoll.netpollinit()
            netpollInited.Store(1)
        unlock(netpollInitLock)


# go: runtime/netpoll.go netpollinited
def netpollinited() -> bool:
    return netpollInited.v != 0


# go: runtime/netpoll.go poll_runtime_isPollServerDescriptor
def poll_runtime_isPollServerDescriptor(fd: int) -> bool:
    """Whether fd is the poller's own (epoll or its eventfd)."""
    return netpoll_epoll.netpollIsPollDescriptor(fd)


# go: runtime/netpoll.go poll_runtime_pollOpen
def poll_runtime_pollOpen(fd: int) -> tuple[int, int]:
    """Register fd with the poller. Returns (handle, errno)."""
    pd = pollcacheAlloc()
    lock(pd.lock)
    wg = pd.wg
    if wg != pdNil and wg != pdReady:
        throw("runtime: blocked write on free polldesc")
    rg = pd.rg
    if rg != pdNil and rg != pdReady:
        throw("runtime: blocked read on free polldesc")
    pd.fd = fd
    if pd.fdseq == 0:
        # The value 0 is special in setEventErr, so don't use it.
        pd.fdseq = 1
    pd.closing = False
    pd.setEventErr(False, 0)
    pd.rseq += 1
    pd.rg = pdNil
    pd.rd = 0
    pd.wseq += 1
    pd.wg = pdNil
    pd.wd = 0
    pd.publishInfo()
    unlock(pd.lock)
    lock(pollcacheLock)
    pdByFd[fd] = pd
    unlock(pollcacheLock)
    errno = netpoll_epoll.netpollopen(fd, pd)
    if errno != 0:
        lock(pollcacheLock)
        pdByFd.pop(fd, None)
        unlock(pollcacheLock)
        pollcacheFree(pd)
        return 0, errno
    return pd.addr, 0


# go: runtime/netpoll.go poll_runtime_pollClose
def poll_runtime_pollClose(ctx: int) -> None:
    pd = pdOf(ctx)
    if not pd.closing:
        throw("runtime: close polldesc w/o unblock")
    wg = pd.wg
    if wg != pdNil and wg != pdReady:
        throw("runtime: blocked write on closing polldesc")
    rg = pd.rg
    if rg != pdNil and rg != pdReady:
        throw("runtime: blocked read on closing polldesc")
    netpoll_epoll.netpollclose(pd.fd)
    lock(pollcacheLock)
    if pdByFd.get(pd.fd) is pd:
        del pdByFd[pd.fd]
    unlock(pollcacheLock)
    pollcacheFree(pd)


def pdOf(ctx: int) -> pollDesc:
    pd = pdByAddr.get(ctx)
    if pd is None:
        throw("runtime: bad pollDesc")
    return pd


# go: runtime/netpoll.go pollCache.free
def pollcacheFree(pd: pollDesc) -> None:
    lock(pd.lock)
    # Increment the fdseq field, so that any currently running netpoll
    # calls will not mark pd as ready.
    pd.fdseq = (pd.fdseq + 1) & ((1 << 20) - 1)
    pd.publishInfo()
    unlock(pd.lock)
    lock(pollcacheLock)
    pollcache.append(pd)
    unlock(pollcacheLock)


# go: runtime/netpoll.go pollCache.alloc
def pollcacheAlloc() -> pollDesc:
    from gort.runtime.mfixalloc import persistentalloc
    from gort.runtime.mstats import memstats

    lock(pollcacheLock)
    if not pollcache:
        # Allocate a block of pollDescs the way Go's pollcache does.
        n = max(4096 // sizeof_pollDesc, 1)
        mem = persistentalloc(n * sizeof_pollDesc, 8, memstats.other_sys)
        for i in range(n - 1, -1, -1):
            pd = pollDesc(mem + i * sizeof_pollDesc)
            pdByAddr[pd.addr] = pd
            pollcache.append(pd)
    pd = pollcache.pop()
    unlock(pollcacheLock)
    return pd


# go: runtime/netpoll.go poll_runtime_pollReset
def poll_runtime_pollReset(ctx: int, mode: int) -> int:
    """Prepare for I/O in mode ('r' or 'w'): clear a stale notification."""
    pd = pdOf(ctx)
    errcode = netpollcheckerr(pd, mode)
    if errcode != pollNoError:
        return errcode
    if mode == _r:
        pd.rg = pdNil
    elif mode == _w:
        pd.wg = pdNil
    return pollNoError


# go: runtime/netpoll.go poll_runtime_pollWait
def poll_runtime_pollWait(ctx: int, mode: int) -> Any:
    """Park until fd is ready for mode (a generator). Returns a poll error code."""
    pd = pdOf(ctx)
    errcode = netpollcheckerr(pd, mode)
    if errcode != pollNoError:
        return errcode
    while not (yield from netpollblock(pd, mode, False)):
        errcode = netpollcheckerr(pd, mode)
        if errcode != pollNoError:
            return errcode
        # Can happen if timeout has fired and unblocked us, but before we
        # had a chance to run, timeout has been reset. Pretend it has not
        # happened and retry.
    return pollNoError


# go: runtime/netpoll.go poll_runtime_pollWaitCanceled
def poll_runtime_pollWaitCanceled(ctx: int, mode: int) -> Any:
    pd = pdOf(ctx)
    # This function is used only on windows after a failed attempt to
    # cancel a pending async IO operation. Wait for ioready, ignore closing
    # or timeouts.
    while not (yield from netpollblock(pd, mode, True)):
        pass


# go: runtime/netpoll.go poll_runtime_pollSetDeadline
def poll_runtime_pollSetDeadline(ctx: int, d: int, mode: int) -> None:
    """Set the read ('r'), write ('w') or both ('r'+'w') deadline: d ns from now (≤ 0: none/expired)."""
    pd = pdOf(ctx)
    lock(pd.lock)
    if pd.closing:
        unlock(pd.lock)
        return
    rd0, wd0 = pd.rd, pd.wd
    combo0 = rd0 > 0 and rd0 == wd0
    if d > 0:
        d += proc.nanotime()
        if d <= 0:
            # If the user has a deadline in the future, but the delay
            # calculation overflows, then set the deadline to the maximum.
            d = (1 << 63) - 1
    if mode == _r or mode == _r + _w:
        pd.rd = d
    if mode == _w or mode == _r + _w:
        pd.wd = d
    pd.publishInfo()
    combo = pd.rd > 0 and pd.rd == pd.wd
    rtf = netpollDeadline if combo else netpollReadDeadline
    if not pd.rrun:
        if pd.rd > 0:
            # Copy current seq into the timer arg. Timer func will check
            # the seq against current descriptor seq, if they differ the
            # descriptor was reused or timers were reset.
            pd.rt.modify(pd.rd, 0, rtf, pd.makeArg(), pd.rseq)
            pd.rrun = True
    elif pd.rd != rd0 or combo != combo0:
        pd.rseq += 1  # invalidate current timers
        if pd.rd > 0:
            pd.rt.modify(pd.rd, 0, rtf, pd.makeArg(), pd.rseq)
        else:
            pd.rt.stop()
            pd.rrun = False
    if not pd.wrun:
        if pd.wd > 0 and not combo:
            pd.wt.modify(pd.wd, 0, netpollWriteDeadline, pd.makeArg(), pd.wseq)
            pd.wrun = True
    elif pd.wd != wd0 or combo != combo0:
        pd.wseq += 1  # invalidate current timers
        if pd.wd > 0 and not combo:
            pd.wt.modify(pd.wd, 0, netpollWriteDeadline, pd.makeArg(), pd.wseq)
        else:
            pd.wt.stop()
            pd.wrun = False
    # If we set the new deadline in the past, unblock currently pending IO if any.
    delta = [0]
    rg = wg = None
    if pd.rd < 0:
        rg = netpollunblock(pd, _r, False, delta)
    if pd.wd < 0:
        wg = netpollunblock(pd, _w, False, delta)
    unlock(pd.lock)
    if rg is not None:
        netpollgoready(rg, 3)
    if wg is not None:
        netpollgoready(wg, 3)
    netpollAdjustWaiters(delta[0])


# go: runtime/netpoll.go poll_runtime_pollUnblock
def poll_runtime_pollUnblock(ctx: int) -> None:
    """The descriptor is closing: wake its waiters with pollErrClosing."""
    pd = pdOf(ctx)
    lock(pd.lock)
    if pd.closing:
        throw("runtime: unblock on closing polldesc")
    pd.closing = True
    pd.rseq += 1
    pd.wseq += 1
    pd.publishInfo()
    delta = [0]
    rg = netpollunblock(pd, _r, False, delta)
    wg = netpollunblock(pd, _w, False, delta)
    if pd.rrun:
        pd.rt.stop()
        pd.rrun = False
    if pd.wrun:
        pd.wt.stop()
        pd.wrun = False
    unlock(pd.lock)
    if rg is not None:
        netpollgoready(rg, 3)
    if wg is not None:
        netpollgoready(wg, 3)
    netpollAdjustWaiters(delta[0])


# go: runtime/netpoll.go netpollready
def netpollready(toRun: gList, pd: pollDesc, mode: int) -> int:
    """fd is ready for mode ('r', 'w' or 'r'+'w'): unblock its waiters onto toRun.
    Returns the change to netpollWaiters."""
    delta = [0]
    rg = wg = None
    if mode == _r or mode == _r + _w:
        rg = netpollunblock(pd, _r, True, delta)
    if mode == _w or mode == _r + _w:
        wg = netpollunblock(pd, _w, True, delta)
    if rg is not None:
        toRun.push(rg)
    if wg is not None:
        toRun.push(wg)
    return delta[0]


# go: runtime/netpoll.go netpollcheckerr
def netpollcheckerr(pd: pollDesc, mode: int) -> int:
    info = pd.info()
    if info & pollClosing:
        return pollErrClosing
    if (mode == _r and info & pollExpiredReadDeadline) or (mode == _w and info & pollExpiredWriteDeadline):
        return pollErrTimeout
    # Report an event scanning error only on a read event. An error on a
    # write event will be captured in a subsequent write call that is able
    # to report a more specific error.
    if mode == _r and info & pollEventErr:
        return pollErrNotPollable
    return pollNoError


# go: runtime/netpoll.go netpollblockcommit
def netpollblockcommit(gp: g, arg: Any) -> bool:
    """gopark's unlock function: publish the parked G in rg/wg unless I/O arrived."""
    pd, mode = arg
    r: bool = pd.casg(mode, pdWait, gp)
    if r:
        # Bump the count of goroutines waiting for the poller. The
        # scheduler uses this to decide whether to block waiting for the
        # poller if there is nothing else to do.
        netpollAdjustWaiters(1)
    return r


# go: runtime/netpoll.go netpollgoready
def netpollgoready(gp: g, traceskip: int) -> None:
    proc.goready(gp, traceskip + 1)


# go: runtime/netpoll.go netpollblock
def netpollblock(pd: pollDesc, mode: int, waitio: bool) -> Any:
    """Park until I/O is ready or an error (a generator). Returns True if I/O is ready."""
    # set the gpp semaphore to pdWait
    while True:
        # Consume notification if already ready.
        if pd.casg(mode, pdReady, pdNil):
            return True
        if pd.casg(mode, pdNil, pdWait):
            break
        # Double check that this isn't corrupt; otherwise we'd loop forever.
        v = pd.loadg(mode)
        if v is not pdReady and v is not pdNil and not (isinstance(v, int) and v in (pdReady, pdNil)):
            throw("runtime: double wait")
    # need to recheck error states after setting gpp to pdWait
    # this is necessary because runtime_pollUnblock/runtime_pollSetDeadline/deadlineimpl
    # do the opposite: store to closing/rd/wd, publishInfo, load of rg/wg
    if waitio or netpollcheckerr(pd, mode) == pollNoError:
        yield proc.gopark(netpollblockcommit, (pd, mode), waitReasonIOWait)
    # be careful to not lose concurrent pdReady notification
    old = pd.swapg(mode, pdNil)
    if isinstance(old, int) and old > pdWait:
        throw("runtime: corrupted polldesc")
    return isinstance(old, int) and old == pdReady


# go: runtime/netpoll.go netpollunblock
def netpollunblock(pd: pollDesc, mode: int, ioready: bool, delta: list[int]) -> g | None:
    """Move rg/wg to pdReady (ioready) or pdNil; return the G that was parked, if any.
    delta[0] is decremented when a parked G is taken."""
    while True:
        old = pd.loadg(mode)
        if isinstance(old, int) and old == pdReady:
            return None
        if isinstance(old, int) and old == pdNil and not ioready:
            # Only set pdReady for ioready. runtime_pollWait will check for
            # timeout/cancel before waiting.
            return None
        new = pdReady if ioready else pdNil
        if pd.casg(mode, old, new):
            if isinstance(old, int):
                return None  # pdWait (or pdNil): no G to wake
            delta[0] -= 1
            return old  # type: ignore[no-any-return]


# go: runtime/netpoll.go netpolldeadlineimpl
def netpolldeadlineimpl(pd: pollDesc, seq: int, read: bool, write: bool) -> None:
    lock(pd.lock)
    # Seq arg is seq when the timer was set. If it's stale, ignore the timer event.
    currentSeq = pd.rseq if read else pd.wseq
    if seq != currentSeq:
        # The descriptor was reused or timers were reset.
        unlock(pd.lock)
        return
    delta = [0]
    rg = wg = None
    if read:
        if pd.rd <= 0 or not pd.rrun:
            throw("runtime: inconsistent read deadline")
        pd.rd = -1
        pd.publishInfo()
        rg = netpollunblock(pd, _r, False, delta)
    if write:
        if pd.wd <= 0 or (not pd.wrun and not read):
            throw("runtime: inconsistent write deadline")
        pd.wd = -1
        pd.publishInfo()
        wg = netpollunblock(pd, _w, False, delta)
    unlock(pd.lock)
    if rg is not None:
        netpollgoready(rg, 0)
    if wg is not None:
        netpollgoready(wg, 0)
    netpollAdjustWaiters(delta[0])


# go: runtime/netpoll.go netpollDeadline
def netpollDeadline(arg: Any, seq: int, delta: int) -> None:
    netpolldeadlineimpl(arg, seq, True, True)


# go: runtime/netpoll.go netpollReadDeadline
def netpollReadDeadline(arg: Any, seq: int, delta: int) -> None:
    netpolldeadlineimpl(arg, seq, True, False)


# go: runtime/netpoll.go netpollWriteDeadline
def netpollWriteDeadline(arg: Any, seq: int, delta: int) -> None:
    netpolldeadlineimpl(arg, seq, False, True)


# go: runtime/netpoll.go netpollAnyWaiters
def netpollAnyWaiters() -> bool:
    return netpollWaiters.v > 0


# go: runtime/netpoll.go netpollAdjustWaiters
def netpollAdjustWaiters(delta: int) -> None:
    if delta != 0:
        netpollWaiters.Add(delta)


def netpoll(delay: int) -> tuple[gList, int]:
    """Poll the network: block up to delay ns (< 0 forever, 0 not at all)."""
    return netpoll_epoll.netpoll(delay)


def netpollBreak() -> None:
    """Wake an M blocked in netpoll."""
    netpoll_epoll.netpollBreak()
