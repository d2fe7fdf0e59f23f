"""Goroutine stacks: allocation, caches, and growth by copying (stack.go).

A goroutine's Go stack holds the frames of its functions that need
addresses (docs/design/0001); it is memory from the same page heap as
objects, in manually managed spans (mSpanManual).

Sizes and where they come from:
  * small stacks, 2, 4, 8 or 16 KiB ("orders" 0-3): carved from 32 KiB
    spans (4 pages). Free stacks of an order are threaded through their
    first word (gclinkptr) into each span's `manualFreeList`; spans with a
    free stack sit on `stackpool[order]`, under the global `stackpoolmu`
    (the seed's single lock). In front of the pool, each P's mcache keeps a
    `stackcache[order]`: allocation pops from it, refilling it with 16 KiB
    worth of stacks from the pool when empty (8 stacks at order 0, 4, 2, 1);
    freeing pushes onto it, first trimming it back to 16 KiB when it holds
    32 KiB (stackcacherelease). Without a P (bootstrap, or an M with no
    P) the pool is used directly.
  * large stacks, >= 32 KiB: a span of their own (n / 8 KiB pages). A freed
    large stack goes back to the heap at once while the GC is off; during
    a GC it is parked on `stackLarge.free[bits.Len(npages)]` (the GC may
    still look at its span), where stackalloc looks first.

A new pool span hands out its highest-addressed stack first (the free list
is built from the bottom up and is LIFO), and a span whose stacks are all
free goes back to the heap when the GC is off.

Growth (newstack / copystack): a function whose frame does not fit above
stackguard0 calls morestack (asm.py), which calls newstack on g0. The
stack doubles (or more, to fit the frame plus the guard), up to
`maxstacksize` (1 MiB during start-up, 10^9 bytes once runtime.main
runs) — past it, "runtime: goroutine stack exceeds N-byte limit" and
"fatal error: stack overflow". copystack allocates the new stack, copies
the used part [sp, hi) to the top of it, and adjusts every pointer into
the old stack:
  * in the frames: walking from sp, each frame's first word is its
    function's index in symtab.functab; `_func.frameSize` gives the next
    frame, `_func.framePtrs` the offsets of words that may hold pointers.
    A first word of 0 (the goexit slot newproc1 leaves at the top) ends
    the walk;
  * in the sudogs of a goroutine blocked on channels (their elem);
  * in gp.sched.ctxt;
  * in the goroutine's Python locals: through the hook `adjustpyframes`,
    which the compiler side installs.
Then it frees the old stack. A guard of stackPreempt (a preemption request)
sends a function to morestack too; newstack then restores the guard and
grows only if the frame does not fit, leaving the request to gp.preempt.

Invariants:
  * stack sizes are powers of two ("stack size not a power of 2");
  * stackalloc runs on g0 ("stackalloc not on scheduler stack");
  * a stack span has state mSpanManual ("freeing stack not in a stack
    span" / "bad span state"); s.allocCount counts the stacks in use;
  * a cache's size is the sum of its stacks' sizes; 0 when its list is 0.

Differences from Go: Go 1.14+ has a lock per order; gort keeps the seed's
single stackpoolmu. stacklog2 is Go 1.27's bits.Len (the seed used
floor(log2)). With GODEBUG clobberfree=1, freed stacks are also filled with
0xdeadbeef (Go only poisons heap objects). No stack shrinking yet (GC).
A function's frame has one pointer map (framePtrs) for its whole body,
where gc has one per call site listing only the live slots; a slot is
cleared where its variable or temporary is declared, so until then it
holds what an earlier, deeper call left in that memory. adjustframes
therefore does not throw "invalid pointer found on stack" for a small
value (Go's GODEBUG invalidptr check), which would be such leftovers; a
leftover that happens to point into the old stack is adjusted, harmlessly,
as the slot is written before it is read. (Clearing the frame's pointer
words at every entry, as gc does for ambiguously live slots, made a
call-heavy benchmark 15-25% slower.)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from gort.runtime.debug import debug
from gort.runtime.lock import lock, lockInit, mutex, unlock
from gort.runtime.mheap import (
    mheap_,
    mspan,
    mSpanList,
    mSpanManual,
    spanAllocStack,
    spanOfUnchecked,
)
from gort.runtime.panic import throw
from gort.runtime.param import (
    NumStackOrders,
    PageShift,
    StackCacheSize,
    fixedStack,
    heapAddrBits,
    maxstackceiling_main,
    maxstacksize_boot,
    stackForceMove,
    stackGuard,
    stackPreempt,
)
from gort.runtime.runtime2 import stack, sudog_elem, sudog_elem_vu, sudog_waitlink
from gort.runtime.stubs import _tls, getg, memmove, setg
from gort.runtime.unsafe import U8, U64

_GCoff = 0

# Global pool of small stacks: spans with at least one free stack, per order.
stackpool: list[mSpanList] = [mSpanList() for _ in range(NumStackOrders)]
stackpoolmu = mutex("stackpool")  # protects stackpool and the spans on it


class _stackLarge:
    """Freed large stacks kept while the GC runs (stack.go stackLarge)."""

    __slots__ = ("lock", "free")

    def __init__(self) -> None:
        self.lock = mutex("stackLarge")
        self.free = [mSpanList() for _ in range(heapAddrBits - PageShift)]  # by bits.Len(npages)


stackLarge = _stackLarge()

# The largest stack a goroutine may have (bytes); runtime.main raises it.
maxstacksize = maxstacksize_boot
maxstackceiling = maxstackceiling_main

# Installed by the compiler side: adjusts pointers into [lo, hi) held in the
# Python locals of gp's suspended or running Python frames by delta.
adjustpyframes: Callable[[Any, int, int, int], None] | None = None


def _print(s: str) -> None:
    b = s.encode()
    while b:
        b = b[os.write(2, b) :]


_mgc: Any = None  # gort.runtime.mgc, imported on first use (it imports this module's users)


def _gcoff() -> bool:
    """Report whether the GC is off (mgc.gcphase == _GCoff; mgc has no gcphase until the GC issue)."""
    global _mgc
    if _mgc is None:
        from gort.runtime import mgc

        _mgc = mgc
    # vars(): a missing attribute is not an AttributeError raised and caught.
    return bool(vars(_mgc).get("gcphase", _GCoff) == _GCoff)


# go: runtime/stack.go stackinit
def stackinit() -> None:
    """Set up the stack pools. Runs once in schedinit."""
    if StackCacheSize & ((1 << PageShift) - 1):
        throw("cache size must be a multiple of page size")
    for lst in stackpool:
        lst.init()
    for lst in stackLarge.free:
        lst.init()
    lockInit(stackpoolmu, "stackpool")
    lockInit(stackLarge.lock, "stackLarge")


# go: runtime/stack.go stacklog2
def stacklog2(n: int) -> int:
    """bits.Len(n): the stackLarge list of an n-page span."""
    return n.bit_length()


# go: runtime/stubs.go round2
def round2(x: int) -> int:
    """The smallest power of two >= x (1 for x <= 1).

    Go counts the shift up one at a time; the bit length of x - 1 is the
    same shift, found at once."""
    if x <= 1:
        return 1
    return 1 << (x - 1).bit_length()


def _poison(v: int, n: int) -> None:
    from gort.runtime.mgcsweep import clobberfree

    clobberfree(v, n)


# go: runtime/stack.go stackpoolalloc
def stackpoolalloc(order: int) -> int:
    """One stack of the given order from the global pool. stackpoolmu held."""
    lst = stackpool[order]
    s = lst.first
    if s is None:
        # No free stacks: cut a new 32 KiB span into stacks.
        s = mheap_.allocManual(StackCacheSize >> PageShift, spanAllocStack)
        if s is None:
            throw("out of memory")
        if s.allocCount != 0:
            throw("bad allocCount")
        if s.manualFreeList != 0:
            throw("bad manualFreeList")
        s.elemsize = fixedStack << order
        i = 0
        while i < StackCacheSize:
            x = s.startAddr + i
            U64[x >> 3] = s.manualFreeList
            s.manualFreeList = x
            i += s.elemsize
        lst.insert(s)
    x = s.manualFreeList
    if x == 0:
        throw("span has no free stacks")
    s.manualFreeList = U64[x >> 3]
    s.allocCount += 1
    if s.manualFreeList == 0:
        # Every stack of s is in use.
        lst.remove(s)
    return x


# go: runtime/stack.go stackpoolfree
def stackpoolfree(x: int, order: int) -> None:
    """Give the stack at x back to its pool span. stackpoolmu held."""
    s = spanOfUnchecked(x)
    if s.state != mSpanManual:
        throw("freeing stack not in a stack span")
    if s.manualFreeList == 0:
        # s gets a free stack: it goes back on the pool.
        stackpool[order].insert(s)
    U64[x >> 3] = s.manualFreeList
    s.manualFreeList = x
    s.allocCount -= 1
    if s.allocCount == 0 and _gcoff():
        # Every stack is free and no GC can be looking: the pages go back
        # to the heap. During a GC the span must stay a stack span.
        stackpool[order].remove(s)
        s.manualFreeList = 0
        mheap_.freeManual(s, spanAllocStack)


# go: runtime/stack.go stackcacherefill
def stackcacherefill(c: Any, order: int) -> None:
    """Fill c's order cache with half its capacity (16 KiB) of stacks from the pool."""
    lst = 0
    size = 0
    lock(stackpoolmu)
    while size < StackCacheSize // 2:
        x = stackpoolalloc(order)
        U64[x >> 3] = lst
        lst = x
        size += fixedStack << order
    unlock(stackpoolmu)
    c.stackcache[order].list = lst
    c.stackcache[order].size = size


# go: runtime/stack.go stackcacherelease
def stackcacherelease(c: Any, order: int) -> None:
    """Trim c's order cache down to half its capacity, giving stacks back to the pool."""
    x = c.stackcache[order].list
    size = c.stackcache[order].size
    lock(stackpoolmu)
    while size > StackCacheSize // 2:
        y = U64[x >> 3]
        stackpoolfree(x, order)
        x = y
        size -= fixedStack << order
    unlock(stackpoolmu)
    c.stackcache[order].list = x
    c.stackcache[order].size = size


# go: runtime/stack.go stackcache_clear
def stackcache_clear(c: Any) -> None:
    """Give every stack cached in c back to the pool."""
    lock(stackpoolmu)
    for order in range(NumStackOrders):
        x = c.stackcache[order].list
        while x != 0:
            y = U64[x >> 3]
            stackpoolfree(x, order)
            x = y
        c.stackcache[order].list = 0
        c.stackcache[order].size = 0
    unlock(stackpoolmu)


def _stackOrders() -> dict[int, int]:
    """The order of every size stackalloc takes from the caches: n a power of
    two (or 0) below fixedStack << NumStackOrders and StackCacheSize, order
    the number of halvings down to fixedStack (0 for smaller sizes). Sizes
    not in the table are large stacks."""
    orders = {}
    for n in [0] + [1 << i for i in range(64)]:
        if n < fixedStack << NumStackOrders and n < StackCacheSize:
            order, n2 = 0, n
            while n2 > fixedStack:
                order += 1
                n2 >>= 1
            orders[n] = order
    return orders


_stackOrder = _stackOrders()


# go: runtime/stack.go stackalloc
def stackalloc(n: int) -> stack:
    """An n-byte stack (n a power of two). Runs on g0."""
    thisg = _tls.g
    mp = thisg.m
    if thisg is not mp.g0:
        throw("stackalloc not on scheduler stack")
    if n & (n - 1):
        throw("stack size not a power of 2")
    order = _stackOrder.get(n)
    if order is not None:
        pp = mp.p
        if pp is None or mp.preemptoff:
            # No P (bootstrap, exitsyscall, procresize): the global pool.
            lock(stackpoolmu)
            x = stackpoolalloc(order)
            unlock(stackpoolmu)
        else:
            c = pp.mcache
            sc = c.stackcache[order]
            x = sc.list
            if x == 0:
                stackcacherefill(c, order)
                x = sc.list
            sc.list = U64[x >> 3]
            sc.size -= n
        return stack(x, x + n)
    npage = n >> PageShift
    log2npage = stacklog2(npage)
    s: mspan | None = None
    lock(stackLarge.lock)
    if not stackLarge.free[log2npage].isEmpty():
        s = stackLarge.free[log2npage].first
        assert s is not None
        stackLarge.free[log2npage].remove(s)
    unlock(stackLarge.lock)
    if s is None:
        s = mheap_.allocManual(npage, spanAllocStack)
        if s is None:
            throw("out of memory")
        s.elemsize = n
    v = s.startAddr
    return stack(v, v + n)


# go: runtime/stack.go stackfree
def stackfree(stk: stack) -> None:
    """Free a stack from stackalloc. Runs on g0 (uses the P's cache)."""
    v = stk.lo
    n = stk.hi - v
    if n & (n - 1):
        throw("stack not a power of 2")
    if v + n < stk.hi:
        throw("bad stack size")
    if debug.clobberfree != 0:
        _poison(v, n)
    order = _stackOrder.get(n)
    if order is not None:
        mp = _tls.g.m
        pp = mp.p
        if pp is None or mp.preemptoff:
            lock(stackpoolmu)
            stackpoolfree(v, order)
            unlock(stackpoolmu)
        else:
            c = pp.mcache
            sc = c.stackcache[order]
            if sc.size >= StackCacheSize:
                stackcacherelease(c, order)
            U64[v >> 3] = sc.list
            sc.list = v
            sc.size += n
    else:
        s = spanOfUnchecked(v)
        if s.state != mSpanManual:
            _print(f"{hex(s.startAddr)} {hex(v)}\n")
            throw("bad span state")
        if _gcoff():
            mheap_.freeManual(s, spanAllocStack)
        else:
            log2npage = stacklog2(s.npages)
            lock(stackLarge.lock)
            stackLarge.free[log2npage].insert(s)
            unlock(stackLarge.lock)


# go: runtime/stack.go freeStackSpans
def freeStackSpans() -> None:
    """At the end of a GC: free pool spans with no stack in use, and every parked large stack."""
    lock(stackpoolmu)
    for order in range(NumStackOrders):
        for s in list(stackpool[order]):
            if s.allocCount == 0:
                stackpool[order].remove(s)
                s.manualFreeList = 0
                mheap_.freeManual(s, spanAllocStack)
    unlock(stackpoolmu)
    lock(stackLarge.lock)
    for lst in stackLarge.free:
        for s in list(lst):
            lst.remove(s)
            mheap_.freeManual(s, spanAllocStack)
    unlock(stackLarge.lock)


# --- growth -------------------------------------------------------------------


def _adjustpointer(pp: int, lo: int, hi: int, delta: int) -> None:
    p = U64[pp >> 3]
    if lo <= p < hi:
        U64[pp >> 3] = p + delta


# go: runtime/stack.go adjustframe
def adjustframes(sp: int, hi: int, oldlo: int, oldhi: int, delta: int) -> None:
    """Adjust the pointers into [oldlo, oldhi) held in the frames at [sp, hi) by delta."""
    from gort.runtime.symtab import findfunc

    while sp < hi:
        fidx = U64[sp >> 3]
        if fidx == 0:
            break  # the goexit slot at the top: no more frames
        f = findfunc(fidx)
        if f is None or f.frameSize <= 0:
            _print(f"runtime: unexpected return pc {hex(fidx)} at sp={hex(sp)}\n")
            throw("unknown pc")
        for off in f.framePtrs:
            # No bad-pointer check (see "Differences from Go"): a slot
            # not yet set holds stale stack data.
            p = U64[(sp + off) >> 3]
            if oldlo <= p < oldhi:
                U64[(sp + off) >> 3] = p + delta
        sp += f.frameSize


# go: runtime/stack.go adjustsudogs
def adjustsudogs(gp: Any, oldlo: int, oldhi: int, delta: int) -> None:
    """Adjust the elem pointers of the sudogs gp waits on (they may point into its stack)."""
    sg = gp.waiting
    while sg != 0:
        _adjustpointer(sg + sudog_elem, oldlo, oldhi, delta)
        _adjustpointer(sg + sudog_elem_vu, oldlo, oldhi, delta)
        sg = U64[(sg + sudog_waitlink) >> 3]


# go: runtime/stack.go copystack
def copystack(gp: Any, newsize: int) -> None:
    """Move gp's stack to a new one of newsize bytes. Runs on g0; gp is not running Go code."""
    if gp.syscallsp != 0:
        throw("stack growth not allowed in system call")
    old = gp.stack
    if old.lo == 0:
        throw("nil stackbase")
    sp = gp.sp
    used = old.hi - sp
    new = stackalloc(newsize)
    delta = new.hi - old.hi
    memmove(new.hi - used, sp, used)
    adjustframes(new.hi - used, new.hi, old.lo, old.hi, delta)
    adjustsudogs(gp, old.lo, old.hi, delta)
    if old.lo <= gp.sched.ctxt < old.hi:
        gp.sched.ctxt += delta
    if adjustpyframes is not None:
        adjustpyframes(gp, old.lo, old.hi, delta)
    gp.stack = new
    gp.stackguard0 = new.lo + stackGuard  # may clobber a preemption request, as in Go
    gp.sp = new.hi - used
    if old.lo <= gp.sched.sp <= old.hi:
        gp.sched.sp += delta
    stackfree(old)


# go: runtime/stack.go newstack
def newstack(gp: Any, framesize: int = 0) -> None:
    """Grow gp's stack so a frame of framesize bytes fits; gp is the running goroutine.

    Called by morestack after it has ruled out a preemption request. Switches
    to the M's g0 for the copy, as Go's newstack runs there."""
    if gp.stack.lo == 0:
        throw("missing stack in newstack")
    sp = gp.sp
    if gp.stackguard0 == stackPreempt:
        # A preemption request, not (necessarily) a full stack. newstack
        # cannot park (it is not a generator): restore the guard and leave
        # the request to gp.preempt, which loop back-edges and generator
        # prologues poll; grow only if the frame really does not fit.
        gp.stackguard0 = gp.stack.lo + stackGuard
        if sp - framesize >= gp.stackguard0:
            return
    if sp < gp.stack.lo:
        _print(f"runtime: newstack sp={hex(sp)} stack=[{hex(gp.stack.lo)}, {hex(gp.stack.hi)}]\n")
        _print(f"runtime: split stack overflow: {hex(sp)} < {hex(gp.stack.lo)}\n")
        throw("runtime: split stack overflow")
    oldsize = gp.stack.hi - gp.stack.lo
    newsize = oldsize * 2
    needed = framesize + stackGuard
    used = gp.stack.hi - sp
    while newsize - used < needed:
        newsize *= 2
    if gp.stackguard0 == stackForceMove:
        newsize = oldsize
    if newsize > maxstacksize or newsize > maxstackceiling:
        if maxstacksize < maxstackceiling:
            _print(f"runtime: goroutine stack exceeds {maxstacksize}-byte limit\n")
        else:
            _print(f"runtime: goroutine stack exceeds {maxstackceiling}-byte limit\n")
        _print(f"runtime: sp={hex(sp)} stack=[{hex(gp.stack.lo)}, {hex(gp.stack.hi)}]\n")
        throw("stack overflow")
    from gort.runtime.proc import casgstatus
    from gort.runtime.runtime2 import _Gcopystack, _Grunning

    thisg = getg()
    g0 = thisg.m.g0
    if thisg is not g0:
        setg(g0)
    try:
        casgstatus(gp, _Grunning, _Gcopystack)
        copystack(gp, newsize)
        casgstatus(gp, _Gcopystack, _Grunning)
    finally:
        if thisg is not g0:
            setg(thisg)


def fillstack(stk: stack, b: int) -> None:
    """Fill a stack with byte b (stackPoisonCopy debugging)."""
    U8[stk.lo : stk.hi] = bytes([b]) * (stk.hi - stk.lo)
