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

Timer channels (time.NewTimer, time.Tick...): `c.timer` names the timer
that feeds the channel. Such a channel has a buffer of one but presents
itself as unbuffered (len and cap 0); a receive first runs the timer if it
is due and in no heap (`maybeRunChan`), and a goroutine blocking on it puts
the timer in a heap (`blockTimerChan`; time.py explains the lazy timers).

Elements by value: when an element is an integer or a float (Python's
int or float in compiled code), trysend takes the value itself rather than
its address, and tryrecv and recv return the value received (and store it
at ep only if ep != 0). The buffer is then read and written through a view
typed like the element (`bv`), and a parked partner's slot through the
typed view of its address (`ev`). Compiled code knows the element type, so
`ch <- v` is `if not trysend(c, v, True): <store v in a frame slot>; yield
from chansendpark(c, slot, gp)` and `v = <-ch` is `if (v := tryrecv(c, 0,
True)) is None: <chanrecvpark into a slot, then read it>`: an operation
that completes at once does not go through memory for the value. Callers
holding an address (chansend, select, reflect) convert it with elemArg.
Go's chansend and chanrecv take an address for every element (the value
is in the goroutine's frame); a parked goroutine's sudog still points at
a frame slot, as in Go.

GIL-atomic buffer paths: a send into the buffer and a receive out of it,
for a buffered channel whose elements pass by value, are a dozen reads and
writes of Go memory with no call between them. Under CPython's GIL no
other thread runs inside such a sequence (docs/design/0005, 0008), so it
needs c's lock only to keep out the sequences that do make calls — and
those all hold the lock. For such a channel chaninfo keeps its lock a
second time (`cl`): trysend and tryrecv take the buffer path without
locking when the lock's key is 0 (nobody holds it: lock.py) and the buffer
path is the one that applies (not closed, no parked partner, room or an
element), and lock as Go does otherwise.

Differences from Go: `c.lock` is a runtime mutex (lock.py) kept beside the
hchan in `chaninfo` (keyed by the hchan's address, with copies of the
fields that never change after makechan) instead of a futex word inside
it; the word at offset 104 stays, so the layout and size are Go's. The
`unlockf` that send/recv take is None for c's own lock (which they then
unlock themselves, its fast path written out) or a function (select's
selunlock), where Go passes a closure in both cases.
chanrecv takes an extra flag so that chanrecv1/chanrecv2 need no generator
of their own. chansend and chanrecv are each split in two: the part
that cannot block, a plain function (trysend, tryrecv), and the part that
parks, a generator (chansendpark, chanrecvpark), which the first hands
c's lock. Compiled code calls the two itself
(`if not trysend(c, ep, True): yield from chansendpark(c, ep, gp)`), so an
operation that completes at once costs no generator. Two sets index
channels by a field that changes at most once, for the hot paths to test
without reading Go memory: `timerChans` (c.timer set) and `closedChans`
(c.closed set; closechan writes both under c's lock). Nothing removes an
entry of `chaninfo` or of the sets yet: that waits for the garbage
collector's finalization of channels.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

from gort.runtime import param
from gort.runtime.atomic import gilAtomic
from gort.runtime.lock import lock, lock2, mutex, unlock, unlock2
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
    sudogViews,
    waitReasonChanReceive,
    waitReasonChanReceiveNilChan,
    waitReasonChanSend,
    waitReasonChanSendNilChan,
)
from gort.runtime.stubs import _tls, memmove
from gort.runtime.type import (
    Float32,
    Float64,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Struct,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    _type,
    chantype,
    typeByAddr,
)
from gort.runtime.unsafe import F32, F64, I8, I16, I32, I64, U8, U16, U32, U64

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

# Per channel, by hchan address, made once by makechan: its lock (see
# "Differences from Go"); a copy of the buffer's size (it never changes
# after makechan); `cv`, a view of the hchan's 14 words (`cv[_C_QCOUNT]` is
# c.qcount); and, when the elements pass by value, `bv`, the buffer as a
# view typed like an element (empty for an unbuffered channel), `ev`, the
# typed view of the whole address space for one element (`ev[p >> shift]`
# is the element at p) and `shift` (else None, None, 0); and `cl`, the
# lock again when the buffer's fast paths can run without it (a buffered
# channel whose elements pass by value, under a GIL), else None.
# A view indexed by
# a constant costs a third less than `U64[(c >> 3) + k]`, which makes a new
# integer for the index on every access. The views are the memory itself,
# not a copy: the GC and reflection read the same words.
ChanInfo = tuple[mutex, int, "memoryview[int]", "memoryview[Any] | None", "memoryview[Any] | None", int, mutex | None]
chaninfo: dict[int, ChanInfo] = {}

# The element kinds that pass by value (see "Elements by value" above): the
# typed view of Go memory that stores such an element, and log2 of its size.
_byValue: dict[int, tuple[memoryview[Any], int]] = {
    Int: (I64, 3),
    Int8: (I8, 0),
    Int16: (I16, 1),
    Int32: (I32, 2),
    Int64: (I64, 3),
    Uint: (U64, 3),
    Uint8: (U8, 0),
    Uint16: (U16, 1),
    Uint32: (U32, 2),
    Uint64: (U64, 3),
    Uintptr: (U64, 3),
    Float32: (F32, 2),
    Float64: (F64, 3),
}


def _chanlock(c: int) -> mutex:
    """c.lock"""
    return chaninfo[c][0]


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
    # The hchan's words and, for elements that pass by value, the buffer's,
    # as views of Go memory (see ChanInfo).
    cw = c >> 3
    cv = U64[cw : cw + hchanSize // 8]
    bv = ev = None
    shift = 0
    byValue = _byValue.get(elem.kind)
    if byValue is not None:
        ev, shift = byValue
        bi = U64[cw + _C_BUF] >> shift
        bv = ev[bi : bi + size]
    # A buffered channel of values: its buffer paths need no lock while
    # nobody holds it (see "GIL-atomic buffer paths" above).
    lockFree = gilAtomic and bv is not None and size > 0
    l = mutex("hchan")
    chaninfo[c] = (l, size, cv, bv, ev, shift, l if lockFree else None)
    return c


def elemArg(c: int, ep: int) -> Any:
    """What trysend and send take for the element at ep: its value if c's
    elements pass by value, else ep itself."""
    if c == 0:
        return ep
    _, _, _, _, ev, shift, _ = chaninfo[c]
    return ep if ev is None else ev[ep >> shift]


def setTimer(c: int, t: int) -> None:
    """c.timer = t (a timer channel, just made: time.newTimer)."""
    U64[(c + c_timer) >> 3] = t
    if t != 0:
        timerChans.add(c)


# The channels a timer feeds (c.timer != nil, set before any operation on
# the channel): `c in timerChans` is a third of the bytecodes of reading
# c.timer.
timerChans: set[int] = set()

# The closed channels (c.closed != 0, which closechan writes under c's lock
# and then adds c here): the send and receive paths test `c in closedChans`,
# a third of the bytecodes of reading c.closed from Go memory.
closedChans: set[int] = set()


# Word indexes (address >> 3 based) of the hchan and sudog fields the hot
# paths touch: `U64[(c >> 3) + _C_QCOUNT]` is c.qcount. Python pays for
# every global lookup and every add-and-shift, so the send and receive
# paths keep the views and the base word index in locals.
_C_QCOUNT = c_qcount >> 3
_C_DATAQSIZ = c_dataqsiz >> 3
_C_BUF = c_buf >> 3
_C_TIMER = c_timer >> 3
_C_ELEMTYPE = c_elemtype >> 3
_C_SENDX = c_sendx >> 3
_C_RECVX = c_recvx >> 3
_C_RECVQ = c_recvq >> 3
_C_SENDQ = c_sendq >> 3
_C_ELEMSIZE16 = c_elemsize >> 1  # U16 index offset of elemsize
_SG_G = sudog_g >> 3
_SG_NEXT = sudog_next >> 3
_SG_PREV = sudog_prev >> 3
_SG_ELEM = sudog_elem >> 3
_SG_ELEMVU = sudog_elem_vu >> 3
_SG_RELEASETIME = sudog_releasetime >> 3
_SG_WAITLINK = sudog_waitlink >> 3
_SG_C = sudog_c >> 3
_SG_CVU = sudog_c_vu >> 3


# --- waitq -----------------------------------------------------------------------


# go: runtime/chan.go waitq.enqueue
def enqueue(q: int, sgp: int) -> None:
    """Append sudog sgp to the waitq at address q."""
    u64 = U64
    qw = q >> 3
    sv = sudogViews[sgp]
    sv[_SG_NEXT] = 0
    x = u64[qw + 1]  # q.last
    if not x:
        sv[_SG_PREV] = 0
        u64[qw] = sgp
        u64[qw + 1] = sgp
        return
    sv[_SG_PREV] = x
    sudogViews[x][_SG_NEXT] = sgp
    u64[qw + 1] = sgp


# go: runtime/chan.go waitq.dequeue
def dequeue(q: int) -> int:
    """Remove and return the first sudog of waitq q that can be woken (0 if none)."""
    u64 = U64
    qw = q >> 3
    while True:
        sgp = u64[qw]
        if not sgp:
            return 0
        sv = sudogViews[sgp]
        y = sv[_SG_NEXT]
        if not y:
            u64[qw] = 0
            u64[qw + 1] = 0
        else:
            sudogViews[y][_SG_PREV] = 0
            u64[qw] = y
            sv[_SG_NEXT] = 0  # mark as removed (see select.dequeueSudoG)
        # If a goroutine was put on this queue because of a select, there
        # is a small window between the goroutine being woken up by a
        # different case and it grabbing the channel locks. Once it has the
        # lock it removes itself from the queue, so we won't see it after
        # that. selectDone tells us when someone else has won the race to
        # signal this goroutine but it hasn't removed itself yet.
        if U8[sgp + sudog_isSelect]:
            gp = gByAddr[sv[_SG_G]]
            # gp.selectDone.CompareAndSwap(0, 1): the load and the store are
            # one CAS under the GIL (atomic.gilAtomic); else under the lock.
            if not gilAtomic:
                gp.statusLock.acquire()
            won = gp.selectDone == 0
            if won:
                gp.selectDone = 1
            if not gilAtomic:
                gp.statusLock.release()
            if not won:
                # We lost the race to wake this goroutine.
                continue
        return sgp


def sgset_elem(sg: int, ep: int) -> None:
    """sg.elem.set(ep)"""
    U64[(sg + sudog_elem) >> 3] = ep
    U64[(sg + sudog_elem_vu) >> 3] = ep


def sgset_c(sg: int, c: int) -> None:
    """sg.c.set(c)"""
    U64[(sg + sudog_c) >> 3] = c
    U64[(sg + sudog_c_vu) >> 3] = c


# --- send --------------------------------------------------------------------------


# go: runtime/chan.go chansend1
def chansend1(c: int, elem: int) -> Generator[Any, Any, bool]:
    """c <- *elem: `yield from chansend1(c, elem)` (compiled code calls
    trysend and chansendpark itself).

    Returns chansend's generator itself, so no extra frame runs per send."""
    return chansend(c, elem, True, 0)


# go: runtime/chan.go full
def full(c: int) -> bool:
    """Whether a send on c would block (racy read, as Go's)."""
    cw = c >> 3
    dataqsiz = U64[cw + _C_DATAQSIZ]
    if dataqsiz == 0:
        return U64[cw + _C_RECVQ] == 0
    return U64[cw + _C_QCOUNT] == dataqsiz


# go: runtime/chan.go chansend
def chansend(c: int, ep: int, block: bool, callerpc: int) -> Generator[Any, Any, bool]:
    """Send the element at ep on c. Reports whether it was sent (only false if not block)."""
    if trysend(c, elemArg(c, ep), block):
        return True
    if not block:
        return False
    return (yield from chansendpark(c, ep, _tls.g))


# go: runtime/chan.go chansend (the part that parks)
def chansendpark(c: int, ep: int, gp: Any) -> Generator[Any, Any, bool]:
    """chansend once trysend(c, ep, True) has failed: park on c's sendq until
    a receiver takes the value. c's lock is held (if c != 0); gp is getg()."""
    if c == 0:
        yield gopark(None, None, waitReasonChanSendNilChan)
        throw("unreachable")
    l = chaninfo[c][0]

    # Block on the channel. Some receiver will complete our operation for us.
    mysg = acquireSudog(gp.m)
    sv = sudogViews[mysg]
    sv[_SG_RELEASETIME] = 0
    # No stack splits between assigning elem and enqueuing mysg on
    # gp.waiting where copystack can find it.
    sv[_SG_ELEM] = ep  # mysg.elem.set(ep)
    sv[_SG_ELEMVU] = ep
    sv[_SG_WAITLINK] = 0
    sv[_SG_G] = gp.addr
    U8[mysg + sudog_isSelect] = 0
    sv[_SG_C] = c  # mysg.c.set(c)
    sv[_SG_CVU] = c
    gp.waiting = mysg
    gp.param = None
    enqueue(c + c_sendq, mysg)
    # Signal to anyone trying to shrink our stack that we're about to park
    # on a channel.
    gp.parkingOnChan = True
    yield gopark(chanparkcommit, l, waitReasonChanSend, 0, 1, gp)

    # someone woke us up.
    if mysg != gp.waiting:
        throw("G waiting list is corrupted")
    gp.waiting = 0
    gp.activeStackChans = False
    closed = not U8[mysg + sudog_success]
    gp.param = None
    sv[_SG_C] = 0  # mysg.c.set(nil)
    sv[_SG_CVU] = 0
    releaseSudog(mysg, gp)
    if closed:
        if c not in closedChans:
            throw("chansend: spurious wakeup")
        panicPlain("send on closed channel")
    return True


# go: runtime/chan.go chansend (the part that does not block)
def trysend(c: int, x: Any, block: bool = False, curg: Any = None) -> bool:
    """chansend up to the point where it would park. x is the element: its
    value if c's elements pass by value, else its address. Returns True if
    sent.

    If not, c's lock is still held when block is set (chansend parks next:
    c != 0) and released when it is not. curg is getg(), when the caller
    has it at hand (compiled code)."""
    try:
        l, dataqsiz, cv, bv, _, _, cl = chaninfo[c]
    except KeyError:  # c == nil (makechan gives every channel its entry)
        return False
    # Fast path: check for failed non-blocking operation without acquiring the lock.
    if not block and c not in closedChans and full(c):
        return False

    # (gort) Unless the send goes into the buffer of a channel whose lock
    # nobody holds: then, under the GIL, it runs with no lock (see above),
    # and cl stays set. From here on cl is None if and only if c's lock is
    # held.
    if cl is None or cl.key or c in closedChans or cv[_C_RECVQ] or (qcount := cv[_C_QCOUNT]) == dataqsiz:
        if l.key == 0:  # lock(&c.lock), its fast path: one CAS (lock.py)
            l.key = 1
        else:
            lock2(l)
        cl = None

        if c in closedChans:
            unlock(l)
            panicPlain("send on closed channel")

        if cv[_C_RECVQ]:  # (an empty queue needs no dequeue call)
            sg = dequeue(c + c_recvq)
            if sg != 0:
                # Found a waiting receiver. We pass the value we want to send
                # directly to the receiver, bypassing the channel buffer (if any).
                send(c, sg, x, None, curg)
                return True
        qcount = cv[_C_QCOUNT]

    if qcount < dataqsiz:
        # Space is available in the channel buffer. Enqueue the element to send.
        sendx = cv[_C_SENDX]
        if bv is not None:
            bv[sendx] = x
        else:
            typedmemmove(elemtypeOf(c), chanbuf(c, sendx), x)
        sendx += 1
        if sendx == dataqsiz:
            sendx = 0
        cv[_C_SENDX] = sendx
        cv[_C_QCOUNT] = qcount + 1
        if cl is None:
            if l.key == 1:  # unlock(&c.lock), its fast path: one CAS
                l.key = 0
            else:
                unlock2(l)
        return True

    if not block:
        unlock(l)
    return False


# go: runtime/chan.go send
def send(c: int, sg: int, x: Any, unlockf: Callable[[], None] | None, curg: Any = None) -> None:
    """Hand the element x (as trysend's) to the receiver parked on sg. c's
    lock held; unlockf() releases it (select's selunlock), or is None: c's
    lock, which send releases itself. curg is getg(), if at hand."""
    sv = sudogViews[sg]
    l, dataqsiz, cv, _, ev, shift, _ = chaninfo[c]
    if dataqsiz != 0:
        # Pretend we go through the buffer, even though we copy directly:
        # the receive and send indices move together.
        recvx = cv[_C_RECVX] + 1
        if recvx == dataqsiz:
            recvx = 0
        cv[_C_RECVX] = recvx
        cv[_C_SENDX] = recvx
    dst = sv[_SG_ELEMVU]
    if dst != 0:
        # sendDirect: write straight into the receiver's slot (maybe its stack).
        if ev is not None:
            ev[dst >> shift] = x
        else:
            sendDirect(elemtypeOf(c), sg, x)
        sv[_SG_ELEM] = 0  # sg.elem.set(nil)
        sv[_SG_ELEMVU] = 0
    gp = gByAddr[sv[_SG_G]]
    if unlockf is not None:
        unlockf()
    elif l.key == 1:  # unlock(&c.lock), its fast path: one CAS
        l.key = 0
    else:
        unlock2(l)
    gp.param = sg
    U8[sg + sudog_success] = 1
    goready(gp, 4, curg)


# go: runtime/chan.go sendDirect
def sendDirect(t: _type, sg: int, src: int) -> None:
    """Write the value at src into the receiver's slot (maybe on its stack)."""
    # Once we read sg.elem out of sg, it will no longer be updated if the
    # destination's stack gets copied (shrunk). So make sure that no
    # preemption points can happen between read & use.
    dst = U64[(sg + sudog_elem_vu) >> 3]
    memmove(dst, src, t.size)


# go: runtime/chan.go recvDirect
def recvDirect(t: _type, sg: int, dst: int) -> None:
    """Read the value the parked sender on sg offers (maybe on its stack) into dst."""
    src = U64[(sg + sudog_elem_vu) >> 3]
    memmove(dst, src, t.size)


# --- receive ---------------------------------------------------------------------


# go: runtime/chan.go chanrecv1
def chanrecv1(c: int, elem: int) -> Generator[Any, Any, bool]:
    """*elem = <-c (elem may be 0 to discard); `yield from chanrecv1(c, elem)`."""
    return chanrecv(c, elem, True, True)


# go: runtime/chan.go chanrecv2
def chanrecv2(c: int, elem: int) -> Generator[Any, Any, bool]:
    """*elem, ok = <-c; `ok = yield from chanrecv2(c, elem)`."""
    return chanrecv(c, elem, True, True)


# go: runtime/chan.go empty
def empty(c: int) -> bool:
    """Whether a receive from c would block (racy read, as Go's)."""
    cw = c >> 3
    if U64[cw + _C_DATAQSIZ] == 0:
        return U64[cw + _C_SENDQ] == 0
    # c.timer is also immutable (it is set after make(chan) but before any
    # channel operations). All timer channels have dataqsiz > 0.
    if U64[cw + _C_TIMER] != 0:
        _maybeRunChan(c)
    return U64[cw + _C_QCOUNT] == 0


def _maybeRunChan(c: int) -> None:
    t = rtime.chanTimer(c)
    if t is not None:
        t.maybeRunChan()


# go: runtime/chan.go chanrecv
def chanrecv(c: int, ep: int, block: bool, okOnly: bool = False) -> Generator[Any, Any, Any]:
    """Receive from c into ep (0: discard). Returns (selected, received).

    With okOnly (chanrecv1/chanrecv2: gort's addition, to spare them a
    generator of their own) it returns just received."""
    r = tryrecv(c, ep, block)
    if r is None:
        if not block:
            return False if okOnly else (False, False)
        received = yield from chanrecvpark(c, ep, _tls.g)
    else:
        received = r is not False
    return received if okOnly else (True, received)


# go: runtime/chan.go chanrecv (the part that parks)
def chanrecvpark(c: int, ep: int, gp: Any) -> Generator[Any, Any, bool]:
    """chanrecv once tryrecv(c, ep, True) has found nothing: park on c's
    recvq until a sender or close answers, or report a closed channel that
    tryrecv found drained. c's lock is held (if c != 0); gp is getg().
    Returns whether a value was received (False: closed, *ep zeroed)."""
    if c == 0:
        yield gopark(None, None, waitReasonChanReceiveNilChan)
        throw("unreachable")
    l = chaninfo[c][0]
    if c in closedChans:
        # tryrecv found it closed with an empty buffer (the lock has been
        # held since).
        unlock(l)
        if ep != 0:
            typedmemclr(elemtypeOf(c), ep)
        return False
    hasTimer = c in timerChans

    # no sender available: block on this channel.
    mysg = acquireSudog(gp.m)
    sv = sudogViews[mysg]
    sv[_SG_RELEASETIME] = 0
    # No stack splits between assigning elem and enqueuing mysg on
    # gp.waiting where copystack can find it.
    sv[_SG_ELEM] = ep  # mysg.elem.set(ep)
    sv[_SG_ELEMVU] = ep
    sv[_SG_WAITLINK] = 0
    gp.waiting = mysg
    sv[_SG_G] = gp.addr
    U8[mysg + sudog_isSelect] = 0
    sv[_SG_C] = c  # mysg.c.set(c)
    sv[_SG_CVU] = c
    gp.param = None
    enqueue(c + c_recvq, mysg)
    if hasTimer:
        rtime.blockTimerChan(c)
    # Signal to anyone trying to shrink our stack that we're about to park
    # on a channel.
    gp.parkingOnChan = True
    yield gopark(chanparkcommit, l, waitReasonChanReceive, 0, 1, gp)

    # someone woke us up
    if mysg != gp.waiting:
        throw("G waiting list is corrupted")
    if hasTimer:
        rtime.unblockTimerChan(c)
    gp.waiting = 0
    gp.activeStackChans = False
    success = U8[mysg + sudog_success] != 0
    gp.param = None
    sv[_SG_C] = 0  # mysg.c.set(nil)
    sv[_SG_CVU] = 0
    releaseSudog(mysg, gp)
    return success


def _blockTimerChan(c: int) -> None:
    rtime.blockTimerChan(c)


def _unblockTimerChan(c: int) -> None:
    rtime.unblockTimerChan(c)


# go: runtime/chan.go chanrecv (the part that does not block)
def tryrecv(c: int, ep: int, block: bool = False, curg: Any = None) -> Any:
    """chanrecv up to the point where it would park, receiving into ep (0:
    discard). Returns what was received: the value if c's elements pass by
    value (also stored at ep), else True. Without block, False if the
    channel is closed and drained (*ep zeroed); None if neither, with c's
    lock released. With block, None for both (c's lock still held if c !=
    0): chanrecvpark parks next, or reports the closed channel. curg is
    getg(), when the caller has it at hand (compiled code)."""
    try:
        l, dataqsiz, cv, bv, ev, shift, cl = chaninfo[c]
    except KeyError:  # c == nil (makechan gives every channel its entry)
        return None
    if c in timerChans:
        _maybeRunChan(c)

    # Fast path: check for failed non-blocking operation without acquiring the lock.
    if not block and empty(c):
        # After observing that the channel is not ready for receiving, we
        # observe whether the channel is closed.
        if c not in closedChans:
            # Because a channel cannot be reopened, the later observation
            # of the channel being not closed implies that it was also not
            # closed at the moment of the first observation.
            return None
        # The channel is irreversibly closed. Re-check whether the channel
        # has any pending data to receive.
        if empty(c):
            if ep != 0:
                typedmemclr(elemtypeOf(c), ep)
            return False

    # (gort) Unless the value comes out of the buffer of a channel whose
    # lock nobody holds: then, under the GIL, it runs with no lock (see
    # above; closed or not, a channel with elements in its buffer gives
    # them out first), and cl stays set. From here on cl is None if and
    # only if c's lock is held.
    if cl is None or cl.key or cv[_C_SENDQ] or not (qcount := cv[_C_QCOUNT]):
        if l.key == 0:  # lock(&c.lock), its fast path: one CAS (lock.py)
            l.key = 1
        else:
            lock2(l)
        cl = None

        if c in closedChans:
            if cv[_C_QCOUNT] == 0:
                if block:
                    return None  # chanrecvpark reports it
                unlock(l)
                if ep != 0:
                    typedmemclr(elemtypeOf(c), ep)
                return False
            # The channel has been closed, but the channel's buffer have data.
        elif cv[_C_SENDQ]:  # (an empty queue needs no dequeue call)
            # Just found waiting sender with not closed.
            sg = dequeue(c + c_sendq)
            if sg != 0:
                # Found a waiting sender. If buffer is size 0, receive value
                # directly from sender. Otherwise, receive from head of queue
                # and add sender's value to the tail of the queue (both map to
                # the same buffer slot because the queue is full).
                return recv(c, sg, ep, None, curg)
        qcount = cv[_C_QCOUNT]

    if qcount:
        # Receive directly from queue
        recvx = cv[_C_RECVX]
        if bv is not None:
            r = bv[recvx]
            if ep:
                ev[ep >> shift] = r  # type: ignore[index]
            bv[recvx] = 0
        else:
            r = True
            et = elemtypeOf(c)
            qp = chanbuf(c, recvx)
            if ep != 0:
                typedmemmove(et, ep, qp)
            typedmemclr(et, qp)
        recvx += 1
        if recvx == dataqsiz:
            recvx = 0
        cv[_C_RECVX] = recvx
        cv[_C_QCOUNT] = qcount - 1
        if cl is None:
            if l.key == 1:  # unlock(&c.lock), its fast path: one CAS
                l.key = 0
            else:
                unlock2(l)
        return r

    if not block:
        unlock(l)
    return None


# go: runtime/chan.go recv
def recv(c: int, sg: int, ep: int, unlockf: Callable[[], None] | None, curg: Any = None) -> Any:
    """Complete a receive into ep (0: discard) with the sender parked on sg.
    c's lock held; unlockf() releases it (as send's). Returns what was received, as
    tryrecv. curg is getg(), if at hand."""
    sv = sudogViews[sg]
    l, dataqsiz, cv, bv, ev, shift, _ = chaninfo[c]
    r: Any = True
    if dataqsiz == 0:
        # copy data from sender
        if ev is not None:
            r = ev[sv[_SG_ELEMVU] >> shift]
            if ep:
                ev[ep >> shift] = r
        elif ep != 0:
            recvDirect(elemtypeOf(c), sg, ep)
    else:
        # Queue is full. Take the item at the head of the queue. Make the
        # sender enqueue its item at the tail of the queue. Since the queue
        # is full, those are both the same slot.
        recvx = cv[_C_RECVX]
        if bv is not None:
            r = bv[recvx]
            if ep:
                ev[ep >> shift] = r  # type: ignore[index]
            bv[recvx] = ev[sv[_SG_ELEMVU] >> shift]  # type: ignore[index]
        else:
            et = elemtypeOf(c)
            qp = chanbuf(c, recvx)
            # copy data from queue to receiver
            if ep != 0:
                typedmemmove(et, ep, qp)
            # copy data from sender to queue
            typedmemmove(et, qp, sv[_SG_ELEMVU])
        recvx += 1
        if recvx == dataqsiz:
            recvx = 0
        cv[_C_RECVX] = recvx
        cv[_C_SENDX] = recvx  # c.sendx = (c.sendx+1) % c.dataqsiz
    sv[_SG_ELEM] = 0  # sg.elem.set(nil)
    sv[_SG_ELEMVU] = 0
    gp = gByAddr[sv[_SG_G]]
    if unlockf is not None:
        unlockf()
    elif l.key == 1:  # unlock(&c.lock), its fast path: one CAS
        l.key = 0
    else:
        unlock2(l)
    gp.param = sg
    U8[sg + sudog_success] = 1
    goready(gp, 4, curg)
    return r


# go: runtime/chan.go chanparkcommit
def chanparkcommit(gp: Any, chanLock: Any) -> bool:
    """gopark's unlock function for channels: runs on g0 after the G is off its M."""
    # There are unlocked sudogs that point into gp's stack. Stack copying
    # must lock the channels of those sudogs.
    gp.activeStackChans = True
    # Mark that it's safe for stack shrinking to occur now.
    gp.parkingOnChan = False
    if chanLock.key == 1:  # unlock(chanLock), its fast path: one CAS
        chanLock.key = 0
    else:
        unlock2(chanLock)
    return True


# --- close -----------------------------------------------------------------------


# go: runtime/chan.go closechan
def closechan(c: int) -> None:
    """close(c): wake every parked receiver (with zero values) and sender (to panic)."""
    if c == 0:
        panicPlain("close of nil channel")
    l = _chanlock(c)
    lock(l)
    if U32[(c + c_closed) >> 2] != 0:
        unlock(l)
        panicPlain("close of closed channel")
    U32[(c + c_closed) >> 2] = 1
    closedChans.add(c)

    glist = gList()
    et = elemtypeOf(c)
    # release all readers
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
    # release all writers (they will panic)
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
        g1 = glist.pop()
        if g1 is None:
            break
        g1.schedlink = None
        goready(g1, 3)


# --- len, cap, and the non-blocking forms ------------------------------------------


# go: runtime/chan.go chanlen
def chanlen(c: int) -> int:
    if c == 0 or U64[(c + c_timer) >> 3] != 0:
        # timer channels have a buffered implementation but present to
        # users as unbuffered, so that we can undo sends without users
        # noticing.
        return 0
    return int(U64[(c + c_qcount) >> 3])


# go: runtime/chan.go chancap
def chancap(c: int) -> int:
    if c == 0 or U64[(c + c_timer) >> 3] != 0:
        return 0
    return int(U64[(c + c_dataqsiz) >> 3])


# go: runtime/chan.go selectnbsend
def selectnbsend(c: int, elem: int) -> bool:
    """select { case c <- v: ...; default: ... } — reports whether it sent.

    A plain call: a send that does not block never parks."""
    return trysend(c, elemArg(c, elem))


# go: runtime/chan.go selectnbrecv
def selectnbrecv(elem: int, c: int) -> tuple[bool, bool]:
    """select { case v, ok = <-c: ...; default: ... } — (selected, received)."""
    r = tryrecv(c, elem)
    if r is None:
        return False, False
    return True, r is not False


from gort.runtime import time as rtime  # noqa: E402  (time imports chan lazily)
