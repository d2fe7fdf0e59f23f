"""The select statement: selectgo and block (select.go).

Generated code lowers `select` with two or more cases (a single case and a
default become chansend/chanrecv's non-blocking forms) to

    casi, recvOK = yield from selectgo(cases, nsends, nrecvs, block)

where `cases` is a tuple of (c, elemaddr) pairs, the send cases first and
then the receives, each group in source order; casi is the index of the
chosen case in `cases`, or -1 for default when block is false. `select {}`
is `yield from block()`.

The algorithm (Go's, step for step):
  1. pollorder: a random permutation of the cases with a non-nil channel
     (nil channels never proceed), shuffled with cheaprandn — the fairness
     of select. Timer channels run a due timer first (maybeRunChan).
  2. lockorder: the same cases heap-sorted by channel address, so that two
     selects always lock shared channels in the same order; sellock locks
     each distinct channel once, selunlock unlocks in reverse.
  3. pass 1: in pollorder, the first case that can proceed now wins — a
     receive from a waiting sender (recv), the buffer (bufrecv) or a closed
     channel (rclose); a send to a waiting receiver (send), into the buffer
     (bufsend), or on a closed channel (panic).
  4. None, and not blocking: unlock, return -1 (default).
  5. pass 2: enqueue a sudog (isSelect) on every channel, in lock order,
     chained through waitlink from gp.waiting; park with selparkcommit,
     which unlocks the channels once the G is off its M.
  6. pass 3: woken with gp.param = the sudog that fired (the first to CAS
     gp.selectDone wins, see chan.dequeue); relock everything, dequeue our
     other sudogs from their channels, release them, and report the case.

Invariants: while the G is parked, every sudog of gp.waiting is on its
channel's queue and isSelect; at most one of them fires (selectDone).

Differences from Go: the cases arrive as a Python tuple rather than an array
of scase on the stack, and pollorder/lockorder are Python lists (Go's order0
array is stack scratch space); sudogs, channels and element slots are in Go
memory as in Go. sellock returns the mutexes of the distinct channels
it took, in lock order, and selunlock, selparkcommit (handed them as
gopark's lock argument) and the second sellock, after the park (`relock`),
go through that list instead of through the cases, or gp.waiting's sudogs.
The lock order of two cases is one compare, and of one case its poll order,
where Go runs its heap sort: the same order, except that two cases on one
channel keep their poll order where the heap sort swaps them (a random
order either way).
"""

from __future__ import annotations

from collections.abc import Generator
from functools import partial
from typing import Any

from gort.runtime import chan
from gort.runtime.chan import (
    _C_DATAQSIZ,
    _C_QCOUNT,
    _C_RECVQ,
    _C_RECVX,
    _C_SENDQ,
    _C_SENDX,
    _SG_C,
    _SG_CVU,
    _SG_ELEM,
    _SG_ELEMVU,
    _SG_G,
    _SG_NEXT,
    _SG_PREV,
    _SG_RELEASETIME,
    _SG_WAITLINK,
    c_recvq,
    c_sendq,
    chanbuf,
    chaninfo,
    closedChans,
    dequeue,
    elemArg,
    elemtypeOf,
    enqueue,
    recv,
    send,
    timerChans,
)
from gort.runtime.lock import lock2, mutex, unlock2
from gort.runtime.mbarrier import typedmemclr, typedmemmove
from gort.runtime.panic import panicPlain, throw
from gort.runtime.proc import _randbits, acquireSudog, gopark, releaseSudog
from gort.runtime.runtime2 import (
    sudog_isSelect,
    sudog_success,
    sudogViews,
    waitReasonSelect,
    waitReasonSelectNoCases,
)
from gort.runtime.stubs import _tls
from gort.runtime.unsafe import U8, U64

Cases = tuple[tuple[int, int], ...]


# The mutexes of a select's distinct channels, in lock order: what
# sellock returns, and selunlock, selparkcommit and relock work from (see
# "Differences from Go").
Locks = list[mutex]


# go: runtime/select.go sellock
def sellock(scases: Cases, lockorder: list[int]) -> Locks:
    """Lock every distinct channel of the cases, in lock order; return their locks."""
    locks = []
    c = 0
    for o in lockorder:
        c0 = scases[o][0]
        if c0 != c:
            c = c0
            l = chaninfo[c][0]
            if l.key == 0:  # lock(l), its fast path: one CAS (lock.py)
                l.key = 1
            else:
                lock2(l)
            locks.append(l)
    return locks


def relock(locks: Locks) -> None:
    """sellock again, after the park: the locks the first sellock returned."""
    for l in locks:
        if l.key == 0:  # lock(l), its fast path: one CAS
            l.key = 1
        else:
            lock2(l)


# go: runtime/select.go selunlock
def selunlock(locks: Locks) -> None:
    """Unlock the channels of the cases, in reverse lock order, each once."""
    for l in reversed(locks):
        if l.key == 1:  # unlock(l), its fast path: one CAS
            l.key = 0
        else:
            unlock2(l)


# go: runtime/select.go selparkcommit
def selparkcommit(gp: Any, locks: Locks) -> bool:
    """gopark's unlock function for select: unlock every channel, on g0."""
    # There are unlocked sudogs that point into gp's stack. Stack copying
    # must lock the channels of those sudogs.
    gp.activeStackChans = True
    # Mark that it's safe for stack shrinking to occur now.
    gp.parkingOnChan = False
    # Unlock each channel once, in lock order. (Go finds them walking
    # gp.waiting, whose sudogs are in lock order; gort has their list.)
    for l in locks:
        if l.key == 1:  # unlock(l), its fast path: one CAS
            l.key = 0
        else:
            unlock2(l)
    return True


# go: runtime/select.go block
def block() -> Generator[Any, Any, None]:
    """select {}: park forever."""
    yield gopark(None, None, waitReasonSelectNoCases)  # forever


# go: runtime/select.go selectgo
def selectgo(scases: Cases, nsends: int, nrecvs: int, block: bool) -> Generator[Any, Any, tuple[int, bool]]:
    """Run a select statement. Returns (index of the chosen case or -1, recvOK)."""
    u64 = U64

    # generate permuted order
    pollorder: list[int] = []
    norder = 0
    for i, (c, _) in enumerate(scases):
        # Omit cases without channels from the poll and lock orders.
        if not c:
            continue
        if c in timerChans:
            chan._maybeRunChan(c)
        j = (_randbits(32) * (norder + 1)) >> 32  # cheaprandn(norder + 1), inline
        if j == norder:
            pollorder.append(i)
        else:
            pollorder.append(pollorder[j])
            pollorder[j] = i
        norder += 1

    # sort the cases by Hchan address to get the locking order.
    # simple heap sort, to guarantee n log n time and constant stack footprint.
    if norder == 2:
        # (gort: the two-case select, the commonest, sorted by one compare:
        # the heap sort below takes a hundred bytecodes to do the same. Both
        # orders are only read from here on, so one list can be both.)
        o0, o1 = pollorder
        lockorder = [o1, o0] if scases[o1][0] < scases[o0][0] else pollorder
    elif norder < 2:
        # (gort: the heap sort of one case, or none, is the identity.)
        lockorder = pollorder
    else:
        lockorder = _heapsortByChan(scases, pollorder)

    # lock all the channels involved in the select
    locks = sellock(scases, lockorder)

    # pass 1 - look for something already waiting
    for casi in pollorder:
        c, elem = scases[casi]
        cw = c >> 3
        if casi >= nsends:
            if u64[cw + _C_SENDQ]:
                sg = dequeue(c + c_sendq)
                if sg:
                    # recv: can receive from sleeping sender (sg)
                    recv(c, sg, elem, partial(selunlock, locks))
                    return casi, True
            if u64[cw + _C_QCOUNT]:
                # bufrecv: can receive from buffer
                et = elemtypeOf(c)
                recvx = u64[cw + _C_RECVX]
                qp = chanbuf(c, recvx)
                if elem != 0:
                    typedmemmove(et, elem, qp)
                typedmemclr(et, qp)
                recvx += 1
                if recvx == u64[cw + _C_DATAQSIZ]:
                    recvx = 0
                u64[cw + _C_RECVX] = recvx
                u64[cw + _C_QCOUNT] -= 1
                selunlock(locks)
                return casi, True
            if c in closedChans:
                # rclose: read at end of closed channel
                selunlock(locks)
                if elem != 0:
                    typedmemclr(elemtypeOf(c), elem)
                return casi, False
        else:
            if c in closedChans:
                # sclose: send on closed channel
                selunlock(locks)
                panicPlain("send on closed channel")
            if u64[cw + _C_RECVQ]:
                sg = dequeue(c + c_recvq)
                if sg:
                    # send: can send to a sleeping receiver (sg)
                    send(c, sg, elemArg(c, elem), partial(selunlock, locks))
                    return casi, False
            if u64[cw + _C_QCOUNT] < u64[cw + _C_DATAQSIZ]:
                # bufsend: can send to buffer
                sendx = u64[cw + _C_SENDX]
                typedmemmove(elemtypeOf(c), chanbuf(c, sendx), elem)
                sendx += 1
                if sendx == u64[cw + _C_DATAQSIZ]:
                    sendx = 0
                u64[cw + _C_SENDX] = sendx
                u64[cw + _C_QCOUNT] += 1
                selunlock(locks)
                return casi, False

    if not block:
        selunlock(locks)
        return -1, False

    # pass 2 - enqueue on all chans
    gp = _tls.g
    if gp.waiting:
        throw("gp.waiting != nil")
    u8 = U8
    gaddr = gp.addr
    prev = None  # the view of the last sudog on the list
    for casi in lockorder:
        c, elem = scases[casi]
        sg = acquireSudog(gp.m)
        sv = sudogViews[sg]
        sv[_SG_G] = gaddr
        u8[sg + sudog_isSelect] = 1
        # No stack splits between assigning elem and enqueuing sg on
        # gp.waiting where copystack can find it.
        sv[_SG_ELEM] = elem
        sv[_SG_ELEMVU] = elem
        sv[_SG_RELEASETIME] = 0
        sv[_SG_C] = c
        sv[_SG_CVU] = c
        # Construct waiting list in lock order. (sg.waitlink is nil already:
        # releaseSudog checks it, so the last sudog ends the list.)
        if prev is None:
            gp.waiting = sg
        else:
            prev[_SG_WAITLINK] = sg
        prev = sv
        if casi < nsends:
            enqueue(c + c_sendq, sg)
        else:
            enqueue(c + c_recvq, sg)
        if c in timerChans:
            chan._blockTimerChan(c)

    # wait for someone to wake us up
    gp.param = None
    # Signal to anyone trying to shrink our stack that we're about to park
    # on a channel.
    gp.parkingOnChan = True
    yield gopark(selparkcommit, locks, waitReasonSelect, 0, 1, gp)
    gp.activeStackChans = False

    relock(locks)  # sellock(scases, lockorder)

    gp.selectDone = 0
    sg = gp.param  # the sudog that fired, or None (never a case's sudog)
    gp.param = None

    # pass 3 - dequeue from unsuccessful chans; otherwise they stack up on
    # quiet channels. Record the successful case, if any. We singly-linked
    # up the SudoGs in lock order.
    casiFound = -1
    caseSuccess = False
    sglist = gp.waiting
    # Clear all elem before unlinking from gp.waiting.
    sg1 = sglist
    while sg1:
        sv = sudogViews[sg1]
        u8[sg1 + sudog_isSelect] = 0
        sv[_SG_ELEM] = 0
        sv[_SG_ELEMVU] = 0
        sv[_SG_C] = 0
        sv[_SG_CVU] = 0
        sg1 = sv[_SG_WAITLINK]
    gp.waiting = 0

    for casei in lockorder:
        c = scases[casei][0]
        if c in timerChans:
            chan._unblockTimerChan(c)
        if sg == sglist:
            # sg has already been dequeued by the G that woke us up.
            casiFound = casei
            caseSuccess = u8[sglist + sudog_success] != 0
        elif casei < nsends:
            dequeueSudoG(c + c_sendq, sglist)
        else:
            dequeueSudoG(c + c_recvq, sglist)
        sv = sudogViews[sglist]
        sgnext = sv[_SG_WAITLINK]
        sv[_SG_WAITLINK] = 0
        releaseSudog(sglist, gp)
        sglist = sgnext

    if casiFound < 0:
        # We can wake up with gp.param == nil (so cas == nil) when a
        # goroutine closes a channel we are waiting on; see closechan.
        throw("selectgo: bad wakeup")

    recvOK = False
    if casiFound < nsends:
        if not caseSuccess:
            # sclose: send on closed channel
            selunlock(locks)
            panicPlain("send on closed channel")
    else:
        recvOK = caseSuccess
    selunlock(locks)
    return casiFound, recvOK


def _heapsortByChan(scases: Cases, pollorder: list[int]) -> list[int]:
    """selectgo's lock order: the cases of pollorder heap-sorted by channel address."""
    norder = len(pollorder)
    lockorder = [0] * norder
    for i in range(norder):
        j = i
        # Start with the pollorder to permute cases on the same channel.
        c = scases[pollorder[i]][0]
        while j > 0 and scases[lockorder[(j - 1) // 2]][0] < c:
            k = (j - 1) // 2
            lockorder[j] = lockorder[k]
            j = k
        lockorder[j] = pollorder[i]
    for i in range(norder - 1, 0, -1):  # (i == 0 leaves the order as it is)
        o = lockorder[i]
        c = scases[o][0]
        lockorder[i] = lockorder[0]
        j = 0
        while True:
            k = j * 2 + 1
            if k >= i:
                break
            if k + 1 < i and scases[lockorder[k]][0] < scases[lockorder[k + 1]][0]:
                k += 1
            if c < scases[lockorder[k]][0]:
                lockorder[j] = lockorder[k]
                j = k
                continue
            break
        lockorder[j] = o
    return lockorder


# go: runtime/select.go waitq.dequeueSudoG
def dequeueSudoG(q: int, sgp: int) -> None:
    """Remove sgp from waitq q, if it is still there."""
    u64 = U64
    sv = sudogViews[sgp]
    x = sv[_SG_PREV]
    y = sv[_SG_NEXT]
    if x:
        if y:
            # middle of queue
            sudogViews[x][_SG_NEXT] = y
            sudogViews[y][_SG_PREV] = x
            sv[_SG_NEXT] = 0
            sv[_SG_PREV] = 0
            return
        # end of queue
        sudogViews[x][_SG_NEXT] = 0
        u64[(q >> 3) + 1] = x  # q.last
        sv[_SG_PREV] = 0
        return
    if y:
        # start of queue
        sudogViews[y][_SG_PREV] = 0
        u64[q >> 3] = y  # q.first
        sv[_SG_NEXT] = 0
        return
    # x==y==nil. Either sgp is the only element in the queue, or it has
    # already been removed. Use q.first to disambiguate.
    qw = q >> 3
    if u64[qw] == sgp:
        u64[qw] = 0
        u64[qw + 1] = 0


# go: runtime/select.go reflect_rselect
def reflect_rselect(cases: list[tuple[int, int, int]]) -> Generator[Any, Any, tuple[int, bool]]:
    """reflect.Select: cases are (dir, c, val) with dir 1 send, 2 recv, 3 default."""
    if not cases:
        yield from block()
    sends = [(i, c, v) for i, (d, c, v) in enumerate(cases) if d == 1]
    recvs = [(i, c, v) for i, (d, c, v) in enumerate(cases) if d == 2]
    dflt = next((i for i, (d, _, _) in enumerate(cases) if d == 3), -1)
    if not sends and not recvs:
        return dflt, False
    orig = [i for i, _, _ in sends] + [i for i, _, _ in recvs]
    sel = tuple((c, v) for _, c, v in sends) + tuple((c, v) for _, c, v in recvs)
    chosen, recvOK = yield from selectgo(sel, len(sends), len(recvs), dflt == -1)
    if chosen < 0:
        return dflt, recvOK
    return orig[chosen], recvOK
