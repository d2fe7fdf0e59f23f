"""Channels: makechan, chansend, chanrecv, closechan (chan.go).

A channel is a `hchan` in Go memory (112 bytes), with its ring buffer of
`dataqsiz` elements right after it (pointer-free elements) or in its own
allocation (elements with pointers):

    0   qcount    uint      elements in the buffer
    8   dataqsiz  uint      capacity of the buffer
    16  buf       pointer   the buffer
    24  elemsize  uint16
    28  closed    uint32
    32  timer     *timer    timer feeding this channel (time.After etc.)
    40  elemtype  *_type
    48  sendx     uint      next slot to send into
    56  recvx     uint      next slot to receive from
    64  recvq     waitq     {first, last *sudog}: parked receivers
    80  sendq     waitq     {first, last *sudog}: parked senders
    96  bubble    *synctestBubble
    104 lock      mutex

The algorithm (send; receive is symmetric):
  1. nil channel: block forever (gopark with no unlock), or fail at once in
     a non-blocking select.
  2. Lock. Closed: panic "send on closed channel".
  3. A receiver is parked: copy the value straight into the receiver's
     slot (`sendDirect`, its sudog's elem — possibly on its stack), unlock,
     ready it. No buffer involved.
  4. Room in the buffer: copy into buf[sendx], advance, unlock.
  5. Otherwise park on sendq with a sudog whose elem points at the value;
     a receiver will take it directly (recv) and ready us.

Invariants (chan.go): at least one of c.sendq and c.recvq is empty, except
for an unbuffered channel with a single goroutine blocked in select on both
send and receive; qcount > 0 implies recvq is empty; qcount < dataqsiz
implies sendq is empty.

Differences from Go: `c.lock` is a host lock kept beside the hchan in
`chanlocks` (keyed by the hchan's address) instead of a futex word inside
it; the word at offset 104 stays, so the layout and size are Go's.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from gort.runtime import param
from gort.runtime.lock import lock, mutex, unlock
from gort.runtime.mbarrier import typedmemclr, typedmemmove
from gort.runtime.panic import panicPlain, throw
from gort.runtime.proc import acquireSudog, gopark, goready, releaseSudog
from gort.runtime.runtime2 import (
    gByAddr,
    gList,
    sudog_c,
    sudog_c_vu,
    sudog_elem,
    sudog_elem_vu,
    sudog_g,
    sudog_isSelect,
    sudog_next,
    sudog_prev,
    sudog_releasetime,
    sudog_success,
    sudog_waitlink,
    waitReasonChanReceive,
    waitReasonChanReceiveNilChan,
    waitReasonChanSend,
    waitReasonChanSendNilChan,
)
from gort.runtime.stubs import getg
from gort.runtime.type import Struct, _type, chantype, typeByAddr
from gort.runtime.unsafe import U8, U16, U32, U64

hchanSize = param.sizeof_hchan
maxAlign = 8

# Field offsets of hchan.
c_qcount = 0
c_dataqsiz = 8
c_buf = 16
c_elemsize = 24
c_closed = 28
c_timer = 32
c_elemtype = 40
c_sendx = 48
c_recvx = 56
c_recvq = 64
c_sendq = 80
c_bubble = 96
c_lock = 104

# hchan's type, for channels whose elements hold pointers (new(hchan)):
# pointer words buf, timer, elemtype, recvq.first/last, sendq.first/last, bubble.
hchanType = _type(Struct, size=hchanSize, align=8, ptrdata=104, gcdata=b"\x34\x1f", s="runtime.hchan")

# The lock of each channel, by hchan address (see "Differences from Go").
chanlocks: dict[int, mutex] = {}


def chanbuf(c: int, i: int) -> int:
    """Address of slot i of c's buffer."""
    return U64[(c + c_buf) >> 3] + i * U16[(c + c_elemsize) >> 1]


def elemtypeOf(c: int) -> _type:
    return typeByAddr[U64[(c + c_elemtype) >> 3]]


# go: runtime/chan.go makechan
def makechan(t: chantype, size: int) -> int:
    """make(chan T, size): a new hchan and its buffer."""
    from gort.runtime.malloc import mallocgc

    elem = t.elem
    if elem.size >= 1 << 16:
        throw("makechan: invalid channel element type")
    if hchanSize % maxAlign != 0 or elem.align > maxAlign:
        throw("makechan: bad alignment")
    mem = elem.size * size
    if size < 0 or mem > param.maxAlloc - hchanSize:
        panicPlain("makechan: size out of range")

    if mem == 0:
        # Queue or element size is zero: no buffer.
        c = mallocgc(hchanSize, None, True)
        U64[(c + c_buf) >> 3] = c  # race detector uses this location for synchronization
    elif not elem.pointers():
        # Elements do not contain pointers: hchan and buffer in one allocation.
        c = mallocgc(hchanSize + mem, None, True)
        U64[(c + c_buf) >> 3] = c + hchanSize
    else:
        c = mallocgc(hchanSize, hchanType, True)
        U64[(c + c_buf) >> 3] = mallocgc(mem, elem, True)

    from gort.runtime.type import placeType

    U16[(c + c_elemsize) >> 1] = elem.size
    U64[(c + c_elemtype) >> 3] = placeType(elem)
    U64[(c + c_dataqsiz) >> 3] = size
    chanlocks[c] = mutex("hchan")
    return c


def _lockOf(c: int) -> mutex:
    return chanlocks[c]


# --- waitq -----------------------------------------------------------------------


def enqueue(q: int, sgp: int) -> None:
    """Append sudog sgp to the waitq at address q."""
    U64[(sgp + sudog_next) >> 3] = 0
    x = U64[(q + 8) >> 3]  # q.last
    if x == 0:
        U64[(sgp + sudog_prev) >> 3] = 0
        U64[q >> 3] = sgp
        U64[(q + 8) >> 3] = sgp
        return
    U64[(sgp + sudog_prev) >> 3] = x
    U64[(x + sudog_next) >> 3] = sgp
    U64[(q + 8) >> 3] = sgp


def dequeue(q: int) -> int:
    """Remove and return the first sudog of waitq q that can be woken (0 if none)."""
    from gort.runtime import atomic

    while True:
        sgp = U64[q >> 3]
        if sgp == 0:
            return 0
        y = U64[(sgp + sudog_next) >> 3]
        if y == 0:
            U64[q >> 3] = 0
            U64[(q + 8) >> 3] = 0
        else:
            U64[(y + sudog_prev) >> 3] = 0
            U64[q >> 3] = y
            U64[(sgp + sudog_next) >> 3] = 0  # mark as removed
        # A goroutine in select is queued on several channels; the first
        # to win the selectDone race wakes it, the others skip it.
        if U8[sgp + sudog_isSelect]:
            gp = gByAddr[U64[(sgp + sudog_g) >> 3]]
            if not atomic.Cas(gp, "selectDone", 0, 1):
                continue
        return sgp


def sgset_elem(sg: int, ep: int) -> None:
    U64[(sg + sudog_elem) >> 3] = ep
    U64[(sg + sudog_elem_vu) >> 3] = ep


def sgset_c(sg: int, c: int) -> None:
    U64[(sg + sudog_c) >> 3] = c
    U64[(sg + sudog_c_vu) >> 3] = c


# --- send --------------------------------------------------------------------------


# go: runtime/chan.go chansend1
def chansend1(c: int, elem: int) -> Generator[Any, Any, None]:
    """c <- *elem (compiled code's entry point)."""
    yield from chansend(c, elem, True, 0)


# go: runtime/chan.go full
def full(c: int) -> bool:
    dataqsiz = U64[(c + c_dataqsiz) >> 3]
    if dataqsiz == 0:
        return U64[(c + c_recvq) >> 3] == 0
    return U64[(c + c_qcount) >> 3] == dataqsiz


# go: runtime/chan.go chansend
def chansend(c: int, ep: int, block: bool, callerpc: int) -> Generator[Any, Any, bool]:
    """Send the element at ep on c. Reports whether it was sent (only false if not block)."""
    if c == 0:
        if not block:
            return False
        yield from gopark(None, None, waitReasonChanSendNilChan)
        throw("unreachable")

    if not block and U32[(c + c_closed) >> 2] == 0 and full(c):
        return False

    l = _lockOf(c)
    lock(l)

    if U32[(c + c_closed) >> 2] != 0:
        unlock(l)
        panicPlain("send on closed channel")

    sg = dequeue(c + c_recvq)
    if sg != 0:
        # A receiver is waiting: pass the value straight to it.
        send(c, sg, ep, l)
        return True

    qcount = U64[(c + c_qcount) >> 3]
    dataqsiz = U64[(c + c_dataqsiz) >> 3]
    if qcount < dataqsiz:
        # Space in the buffer: enqueue the element.
        sendx = U64[(c + c_sendx) >> 3]
        qp = chanbuf(c, sendx)
        typedmemmove(elemtypeOf(c), qp, ep)
        sendx += 1
        if sendx == dataqsiz:
            sendx = 0
        U64[(c + c_sendx) >> 3] = sendx
        U64[(c + c_qcount) >> 3] = qcount + 1
        unlock(l)
        return True

    if not block:
        unlock(l)
        return False

    # Block on the channel; a receiver will complete our operation.
    gp = getg()
    mysg = acquireSudog()
    U64[(mysg + sudog_releasetime) >> 3] = 0
    sgset_elem(mysg, ep)
    U64[(mysg + sudog_waitlink) >> 3] = 0
    U64[(mysg + sudog_g) >> 3] = gp.addr
    U8[mysg + sudog_isSelect] = 0
    sgset_c(mysg, c)
    gp.waiting = mysg
    gp.param = None
    enqueue(c + c_sendq, mysg)
    gp.parkingOnChan = True
    yield from gopark(chanparkcommit, l, waitReasonChanSend)

    # Someone woke us up.
    if mysg != gp.waiting:
        throw("G waiting list is corrupted")
    gp.waiting = 0
    gp.activeStackChans = False
    closed = not U8[mysg + sudog_success]
    gp.param = None
    sgset_c(mysg, 0)
    releaseSudog(mysg)
    if closed:
        if U32[(c + c_closed) >> 2] == 0:
            throw("chansend: spurious wakeup")
        panicPlain("send on closed channel")
    return True


# go: runtime/chan.go send
def send(c: int, sg: int, ep: int, l: mutex) -> None:
    """Hand the value at ep to the receiver parked on sg. c's lock held; unlocks it."""
    if U64[(c + c_dataqsiz) >> 3] != 0:
        # Buffered channel with a parked receiver: the buffer is empty, so
        # the receive and send indices move together.
        recvx = U64[(c + c_recvx) >> 3] + 1
        if recvx == U64[(c + c_dataqsiz) >> 3]:
            recvx = 0
        U64[(c + c_recvx) >> 3] = recvx
        U64[(c + c_sendx) >> 3] = recvx
    if U64[(sg + sudog_elem_vu) >> 3] != 0:
        sendDirect(elemtypeOf(c), sg, ep)
        sgset_elem(sg, 0)
    gp = gByAddr[U64[(sg + sudog_g) >> 3]]
    unlock(l)
    gp.param = sg
    U8[sg + sudog_success] = 1
    goready(gp, 4)


# go: runtime/chan.go sendDirect
def sendDirect(t: _type, sg: int, src: int) -> None:
    """Write the value at src into the receiver's slot (maybe on its stack)."""
    dst = U64[(sg + sudog_elem_vu) >> 3]
    from gort.runtime.stubs import memmove

    memmove(dst, src, t.size)


# go: runtime/chan.go recvDirect
def recvDirect(t: _type, sg: int, dst: int) -> None:
    src = U64[(sg + sudog_elem_vu) >> 3]
    from gort.runtime.stubs import memmove

    memmove(dst, src, t.size)


# --- receive ---------------------------------------------------------------------


# go: runtime/chan.go chanrecv1
def chanrecv1(c: int, elem: int) -> Generator[Any, Any, None]:
    """*elem = <-c (elem may be 0 to discard)."""
    yield from chanrecv(c, elem, True)


# go: runtime/chan.go chanrecv2
def chanrecv2(c: int, elem: int) -> Generator[Any, Any, bool]:
    """*elem, ok = <-c; returns ok."""
    _, received = yield from chanrecv(c, elem, True)
    return received


# go: runtime/chan.go empty
def empty(c: int) -> bool:
    if U64[(c + c_dataqsiz) >> 3] == 0:
        return U64[(c + c_sendq) >> 3] == 0
    return U64[(c + c_qcount) >> 3] == 0


# go: runtime/chan.go chanrecv
def chanrecv(c: int, ep: int, block: bool) -> Generator[Any, Any, tuple[bool, bool]]:
    """Receive from c into ep (0: discard). Returns (selected, received)."""
    if c == 0:
        if not block:
            return False, False
        yield from gopark(None, None, waitReasonChanReceiveNilChan)
        throw("unreachable")

    if not block and empty(c):
        if U32[(c + c_closed) >> 2] == 0:
            return False, False
        if empty(c):
            if ep != 0:
                typedmemclr(elemtypeOf(c), ep)
            return True, False

    l = _lockOf(c)
    lock(l)

    if U32[(c + c_closed) >> 2] != 0:
        if U64[(c + c_qcount) >> 3] == 0:
            unlock(l)
            if ep != 0:
                typedmemclr(elemtypeOf(c), ep)
            return True, False
    else:
        sg = dequeue(c + c_sendq)
        if sg != 0:
            # A sender is waiting: take its value (unbuffered), or the
            # buffer's head and let the sender refill the tail.
            recv(c, sg, ep, l)
            return True, True

    qcount = U64[(c + c_qcount) >> 3]
    if qcount > 0:
        recvx = U64[(c + c_recvx) >> 3]
        qp = chanbuf(c, recvx)
        et = elemtypeOf(c)
        if ep != 0:
            typedmemmove(et, ep, qp)
        typedmemclr(et, qp)
        recvx += 1
        if recvx == U64[(c + c_dataqsiz) >> 3]:
            recvx = 0
        U64[(c + c_recvx) >> 3] = recvx
        U64[(c + c_qcount) >> 3] = qcount - 1
        unlock(l)
        return True, True

    if not block:
        unlock(l)
        return False, False

    # No sender available: block on this channel.
    gp = getg()
    mysg = acquireSudog()
    U64[(mysg + sudog_releasetime) >> 3] = 0
    sgset_elem(mysg, ep)
    U64[(mysg + sudog_waitlink) >> 3] = 0
    gp.waiting = mysg
    U64[(mysg + sudog_g) >> 3] = gp.addr
    U8[mysg + sudog_isSelect] = 0
    sgset_c(mysg, c)
    gp.param = None
    enqueue(c + c_recvq, mysg)
    gp.parkingOnChan = True
    yield from gopark(chanparkcommit, l, waitReasonChanReceive)

    # Someone woke us up.
    if mysg != gp.waiting:
        throw("G waiting list is corrupted")
    gp.waiting = 0
    gp.activeStackChans = False
    success = bool(U8[mysg + sudog_success])
    gp.param = None
    sgset_c(mysg, 0)
    releaseSudog(mysg)
    return True, success


# go: runtime/chan.go recv
def recv(c: int, sg: int, ep: int, l: mutex) -> None:
    """Complete a receive with the sender parked on sg. c's lock held; unlocks it."""
    et = elemtypeOf(c)
    if U64[(c + c_dataqsiz) >> 3] == 0:
        if ep != 0:
            # Copy data from the sender.
            recvDirect(et, sg, ep)
    else:
        # The queue is full: take the item at its head and make the sender
        # enqueue its item at the tail (the same slot).
        recvx = U64[(c + c_recvx) >> 3]
        qp = chanbuf(c, recvx)
        if ep != 0:
            typedmemmove(et, ep, qp)
        typedmemmove(et, qp, U64[(sg + sudog_elem_vu) >> 3])
        recvx += 1
        if recvx == U64[(c + c_dataqsiz) >> 3]:
            recvx = 0
        U64[(c + c_recvx) >> 3] = recvx
        U64[(c + c_sendx) >> 3] = recvx
    sgset_elem(sg, 0)
    gp = gByAddr[U64[(sg + sudog_g) >> 3]]
    unlock(l)
    gp.param = sg
    U8[sg + sudog_success] = 1
    goready(gp, 4)


# go: runtime/chan.go chanparkcommit
def chanparkcommit(gp: Any, chanLock: Any) -> bool:
    """gopark's unlock function for channels: runs on g0 after the G is off its M."""
    gp.activeStackChans = True
    gp.parkingOnChan = False
    unlock(chanLock)
    return True


# --- close -----------------------------------------------------------------------


# go: runtime/chan.go closechan
def closechan(c: int) -> None:
    """close(c): wake every parked receiver (with zero values) and sender (to panic)."""
    if c == 0:
        panicPlain("close of nil channel")
    l = _lockOf(c)
    lock(l)
    if U32[(c + c_closed) >> 2] != 0:
        unlock(l)
        panicPlain("close of closed channel")
    U32[(c + c_closed) >> 2] = 1

    glist = gList()
    et = elemtypeOf(c)
    # Release all readers.
    while True:
        sg = dequeue(c + c_recvq)
        if sg == 0:
            break
        elem = U64[(sg + sudog_elem_vu) >> 3]
        if elem != 0:
            typedmemclr(et, elem)
            sgset_elem(sg, 0)
        gp = gByAddr[U64[(sg + sudog_g) >> 3]]
        gp.param = sg
        U8[sg + sudog_success] = 0
        glist.push(gp)
    # Release all writers (they will panic).
    while True:
        sg = dequeue(c + c_sendq)
        if sg == 0:
            break
        sgset_elem(sg, 0)
        gp = gByAddr[U64[(sg + sudog_g) >> 3]]
        gp.param = sg
        U8[sg + sudog_success] = 0
        glist.push(gp)
    unlock(l)

    # Ready all Gs now that we've dropped the channel lock.
    while not glist.empty():
        gp = glist.pop()
        assert gp is not None
        gp.schedlink = None
        goready(gp, 3)


# --- len, cap, and the non-blocking forms ------------------------------------------


def chanlen(c: int) -> int:
    if c == 0:
        return 0
    return int(U64[(c + c_qcount) >> 3])


def chancap(c: int) -> int:
    if c == 0:
        return 0
    return int(U64[(c + c_dataqsiz) >> 3])


# go: runtime/chan.go selectnbsend
def selectnbsend(c: int, elem: int) -> Generator[Any, Any, bool]:
    """select { case c <- v: ...; default: ... }"""
    return (yield from chansend(c, elem, False, 0))


# go: runtime/chan.go selectnbrecv
def selectnbrecv(elem: int, c: int) -> Generator[Any, Any, tuple[bool, bool]]:
    """select { case v, ok = <-c: ...; default: ... }"""
    return (yield from chanrecv(c, elem, False))
