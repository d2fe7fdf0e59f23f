"""The scheduler's data structures: g, m, p, schedt, and their states.

This file is runtime2.go: the types that proc.py, chan.py, stack.py and the
allocator share. Go's structs become Python classes with __slots__; the
fields keep Go's names, and each says what protects it.

Three kinds of objects (see proc.py for the algorithm that moves them):
  * g  — a goroutine: its Go stack (for frames that need addresses), its
         status, and its suspended Python execution (`sched.coro`).
  * m  — an OS thread (a Python threading.Thread; m0 is the main thread).
         It runs the scheduler loop on its g0 and the user G it executes.
  * p  — a processor: the right to run Go code, with a local run queue
         of 256 Gs plus runnext, and the caches (mcache, stack cache, G and
         sudog free lists). There are GOMAXPROCS of them.

Pointers between these are Python references where Go uses guintptr,
muintptr and puintptr. Each g also has an address in Go memory (`addr`, from
`new(g)`), so Go memory (a sudog, a hchan's wait queue) can name it;
`gByAddr` maps it back.

Pointer fields that Go code uses as non-nil where it uses them (g.m, m.p,
m.curg, m.g0) are typed without None for the type checker; None still
means nil.

Differences from Go:
  * gobuf holds `coro`, the Python generator of the goroutine, in place of
    pc and the saved registers: resuming a G is `coro.send(...)`.
  * `sched.sp` is the stack pointer of gort's frame discipline (frames hold
    only the values that need an address; see docs/design/0001).
"""

from __future__ import annotations

import threading
from collections.abc import Generator
from typing import Any

from gort.runtime.atomic import Bool, Int
from gort.runtime.lock import mutex, note

# --- G status (runtime2.go) ------------------------------------------------
_Gidle = 0  # just allocated, not yet initialized
_Grunnable = 1  # on a run queue, not executing user code
_Grunning = 2  # executing user code; owns an M and a P
_Gsyscall = 3  # in a system call; owns an M, not a P
_Gwaiting = 4  # blocked in the runtime (parked)
_Gmoribund_unused = 5
_Gdead = 6  # unused: exited, on a free list, or being initialized
_Genqueue_unused = 7
_Gcopystack = 8  # its stack is being moved
_Gpreempted = 9  # stopped itself for a suspendG preemption
_Gleaked = 10
_Gdeadextra = 11
_Gscan = 0x1000
_Gscanrunnable = _Gscan + _Grunnable
_Gscanrunning = _Gscan + _Grunning
_Gscansyscall = _Gscan + _Gsyscall
_Gscanwaiting = _Gscan + _Gwaiting
_Gscanpreempted = _Gscan + _Gpreempted

gStatusStrings = {
    _Gidle: "idle",
    _Grunnable: "runnable",
    _Grunning: "running",
    _Gsyscall: "syscall",
    _Gwaiting: "waiting",
    _Gdead: "dead",
    _Gcopystack: "copystack",
    _Gpreempted: "preempted",
    _Gleaked: "leaked",
    _Gdeadextra: "dead",
}

# --- P status ----------------------------------------------------------------
_Pidle = 0
_Prunning = 1
_Psyscall_unused = 2
_Pgcstop = 3
_Pdead = 4

# --- freeWait states of an exiting M -----------------------------------------
freeMStack = 0
freeMRef = 1
freeMWait = 2

# --- wait reasons (runtime2.go waitReason), in Go's order ----------------------
waitReasonStrings = [
    "",
    "GC assist marking",
    "IO wait",
    "dumping heap",
    "garbage collection",
    "garbage collection scan",
    "panicwait",
    "GC assist wait",
    "GC sweep wait",
    "GC scavenge wait",
    "finalizer wait",
    "force gc (idle)",
    "GOMAXPROCS updater (idle)",
    "semacquire",
    "sleep",
    "chan receive (nil chan)",
    "chan send (nil chan)",
    "select (no cases)",
    "select",
    "chan receive",
    "chan send",
    "sync.Cond.Wait",
    "sync.Mutex.Lock",
    "sync.RWMutex.RLock",
    "sync.RWMutex.Lock",
    "sync.WaitGroup.Wait",
    "trace reader (blocked)",
    "wait for GC cycle",
    "GC worker (idle)",
    "GC worker (active)",
    "preempted",
    "debug call",
    "GC mark termination",
    "stopping the world",
    "flushing proc caches",
    "trace goroutine status",
    "trace proc status",
    "page trace flush",
    "coroutine",
    "GC weak to strong wait",
    "synctest.Run",
    "synctest.Wait",
    "chan receive (durable)",
    "chan send (durable)",
    "select (durable)",
    "sync.WaitGroup.Wait (durable)",
    "cleanup wait",
]
(
    waitReasonZero,
    waitReasonGCAssistMarking,
    waitReasonIOWait,
    waitReasonDumpingHeap,
    waitReasonGarbageCollection,
    waitReasonGarbageCollectionScan,
    waitReasonPanicWait,
    waitReasonGCAssistWait,
    waitReasonGCSweepWait,
    waitReasonGCScavengeWait,
    waitReasonFinalizerWait,
    waitReasonForceGCIdle,
    waitReasonUpdateGOMAXPROCSIdle,
    waitReasonSemacquire,
    waitReasonSleep,
    waitReasonChanReceiveNilChan,
    waitReasonChanSendNilChan,
    waitReasonSelectNoCases,
    waitReasonSelect,
    waitReasonChanReceive,
    waitReasonChanSend,
    waitReasonSyncCondWait,
    waitReasonSyncMutexLock,
    waitReasonSyncRWMutexRLock,
    waitReasonSyncRWMutexLock,
    waitReasonSyncWaitGroupWait,
    waitReasonTraceReaderBlocked,
    waitReasonWaitForGCCycle,
    waitReasonGCWorkerIdle,
    waitReasonGCWorkerActive,
    waitReasonPreempted,
    waitReasonDebugCall,
    waitReasonGCMarkTermination,
    waitReasonStoppingTheWorld,
    waitReasonFlushProcCaches,
    waitReasonTraceGoroutineStatus,
    waitReasonTraceProcStatus,
    waitReasonPageTraceFlush,
    waitReasonCoroutine,
    waitReasonGCWeakToStrongWait,
    waitReasonSynctestRun,
    waitReasonSynctestWait,
    waitReasonSynctestChanReceive,
    waitReasonSynctestChanSend,
    waitReasonSynctestSelect,
    waitReasonSynctestWaitGroupWait,
    waitReasonCleanupWait,
) = range(len(waitReasonStrings))


def waitReasonString(w: int) -> str:
    if w < 0 or w >= len(waitReasonStrings):
        return "unknown wait reason"
    return waitReasonStrings[w]


class stack:
    """Bounds of a goroutine stack: [lo, hi). Set by malg/stackalloc; owner G."""

    __slots__ = ("lo", "hi")

    def __init__(self, lo: int = 0, hi: int = 0) -> None:
        self.lo = lo
        self.hi = hi


class gobuf:
    """Saved execution context of a G that is not running (owner: the G's M)."""

    __slots__ = ("sp", "pc", "g", "ctxt", "coro")

    def __init__(self) -> None:
        self.sp = 0  # gort frame stack pointer (bytes, in [stack.lo, stack.hi])
        self.pc = 0  # function index of the entry point until the G first runs
        self.g: g | None = None
        self.ctxt = 0  # funcval address of the entry closure
        # The suspended Python execution (a generator), standing for pc and
        # the registers; None until the G first runs, and after it exits.
        self.coro: Generator[Any, Any, Any] | None = None


class g:
    """A goroutine. Fields are owned by the G itself unless marked otherwise."""

    __slots__ = (
        "stack",
        "stackguard0",
        "stackguard1",
        "_panic",
        "_defer",
        "m",
        "sched",
        "syscallsp",
        "syscallpc",
        "param",
        "atomicstatus",
        "goid",
        "schedlink",
        "waitsince",
        "waitreason",
        "preempt",
        "preemptStop",
        "preemptShrink",
        "paniconfault",
        "gcscandone",
        "throwsplit",
        "activeStackChans",
        "parkingOnChan",
        "lockedm",
        "sig",
        "writebuf",
        "parentGoid",
        "gopc",
        "startpc",
        "waiting",
        "selectDone",
        "timer",
        "sleepWhen",
        "trackingSeq",
        "labels",
        "addr",
        "goexiting",
        "pyframes",
        "sp",
        "traceDepth",
        "gopcpos",
        "statusLock",
        "plainLocked",
        "coroarg",
        "coroexit",
        "fipsIndicator",
        "fipsOnlyBypass",
    )

    def __init__(self) -> None:
        self.stack = stack()
        # Compared with the stack pointer in every function prologue; set to
        # stackPreempt to request preemption. Written by the owner and sysmon.
        self.stackguard0 = 0
        self.stackguard1 = 0  # guard for g0/gsignal stacks; ~0 on user Gs
        self._panic: Any = None  # innermost _panic (panic.py)
        self._defer: Any = None  # innermost _defer
        self.m: m = None  # type: ignore[assignment]  # current M while running (None: nil)
        self.sched = gobuf()
        self.syscallsp = 0
        self.syscallpc = 0
        self.param: Any = None  # passed parameter on wakeup (a sudog, for channels)
        self.atomicstatus = _Gidle  # written by casgstatus only
        self.goid = 0  # set by newproc1
        self.schedlink: g | None = None  # next G on a gQueue/gList
        self.waitsince = 0  # nanotime when the G blocked
        self.waitreason = waitReasonZero  # if status == _Gwaiting
        self.preempt = False  # preemption requested (duplicates stackguard0 = stackPreempt)
        self.preemptStop = False
        self.preemptShrink = False
        self.paniconfault = False
        self.gcscandone = False
        self.throwsplit = False
        self.activeStackChans = False
        self.parkingOnChan = False
        self.lockedm: m | None = None
        self.sig = 0
        self.writebuf: Any = None
        self.parentGoid = 0
        self.gopc = 0  # function index of the go statement's caller
        self.startpc = 0  # function index of the goroutine's function
        self.waiting = 0  # sudog list (address) this G waits on, in lock order
        self.selectDone = 0  # atomic: did a select case win?
        self.coroarg: Any = None  # the coro being switched to or started (coro.py)
        self.coroexit = False  # the coroutine is exiting (coroswitch_m destroys it)
        self.fipsIndicator = 0  # crypto/internal/fips140's service indicator for this goroutine
        self.fipsOnlyBypass = False  # crypto/fips140.WithoutEnforcement
        self.timer: Any = None
        self.sleepWhen = 0
        self.trackingSeq = 0
        self.labels: Any = None
        self.addr = 0  # this g's address in Go memory (new(g)); set once by malg
        self.goexiting = False
        # Python frames of a G that is running plain (non-generator) code
        # stopped at a safepoint; for stack scans and copying. None otherwise.
        self.pyframes: Any = None
        # gort's stack pointer register: the lowest byte of the innermost
        # frame on the Go stack. Compiled prologues move it down by their
        # frame size and back on return; stack.hi when no frame is live.
        self.sp = 0
        self.traceDepth = 0  # --trace-runtime call depth within this G (calltrace.py)
        # Where the go statement that created this G is: (code object, f_lasti)
        # of its compiled function; symtab.goline turns it into the Go line when
        # a traceback prints it (with gopc).
        self.gopcpos: tuple[Any, int] | int | None = None
        # Serialises the compare-and-swaps on atomicstatus (and selectDone):
        # casgstatus, castogscanstatus, the select wake-up race.
        self.statusLock = threading.Lock()
        # lockedm was set by a plain function's safepoint (preempt.py), not
        # by LockOSThread: undone when the G runs again. Owner M.
        self.plainLocked = False

    def __repr__(self) -> str:
        return f"<g {self.goid} status={self.atomicstatus}>"


class m:
    """An OS thread. Fields are owned by the M's own thread unless marked."""

    __slots__ = (
        "g0",
        "procid",
        "gsignal",
        "tls",
        "mstartfn",
        "curg",
        "p",
        "nextp",
        "oldp",
        "id",
        "mallocing",
        "throwing",
        "preemptoff",
        "locks",
        "dying",
        "spinning",
        "blocked",
        "printlock",
        "freeWait",
        "park",
        "alllink",
        "schedlink",
        "lockedg",
        "lockedExt",
        "lockedInt",
        "waitunlockf",
        "waitlock",
        "waitTraceSkip",
        "waitTraceBlockReason",
        "syscalltick",
        "freelink",
        "mcache",
        "thread",
        "mcall",
        "cheaprand",
        "traceBase",
        "sigmask",
        "addr",
        "exiting",
        "allpSnapshot",
        "plainParked",
    )

    def __init__(self) -> None:
        self.g0: g = None  # type: ignore[assignment]  # goroutine with the scheduling stack; set once
        self.procid = 0  # OS thread id (gettid)
        self.gsignal: g | None = None  # signal-handling g (mpreinit)
        # The thread-local storage of this M's thread: the __dict__ of
        # stubs._tls there, whose "g" is getg() (set by setg). gogo switches
        # g through it, a third of the cost of setting the attribute.
        self.tls: dict[str, Any] = {}
        self.mstartfn: Any = None  # run by mstart1 before schedule, if set
        self.curg: g = None  # type: ignore[assignment]  # current running user goroutine (None: nil)
        self.p: p = None  # type: ignore[assignment]  # attached P for executing Go code (None if not executing)
        self.nextp: p | None = None  # P to install before executing; exclusive ownership
        self.oldp: p | None = None  # P attached before a syscall
        self.id = 0  # set by mcommoninit
        self.mallocing = 0
        self.throwing = 0
        self.preemptoff = ""  # if != "", keep curg running on this m
        self.locks = 0
        self.dying = 0
        self.spinning = False  # out of work and actively looking for work
        self.blocked = False  # blocked on a note
        self.printlock = 0
        self.freeWait = freeMWait
        self.park = note()  # sleeps here when idle (stopm, stoplockedm)
        self.alllink: m | None = None  # on allm; protected by sched.lock
        self.schedlink: m | None = None  # on sched.midle; protected by sched.lock
        self.lockedg: g | None = None
        self.lockedExt = 0
        self.lockedInt = 0
        self.waitunlockf: Any = None  # gopark's unlock callback, consumed by park_m
        self.waitlock: Any = None
        self.waitTraceSkip = 0
        self.waitTraceBlockReason = 0
        self.syscalltick = 0
        self.freelink: m | None = None  # on sched.freem
        # The seed's m.mcache (Go 1.13); since 1.15 the cache lives only on
        # the P. gort keeps the P's as the source of truth (see mcache.py).
        self.mcache: Any = None
        self.thread: threading.Thread | None = None  # the OS thread (None for m0 until mstart)
        # What the G that just yielded asked its g0 to run (mcall(fn)).
        self.mcall: Any = None
        self.cheaprand = 0
        self.sigmask: Any = None  # signal mask saved by sigsave
        self.traceBase = 0  # --trace-runtime depth at which this M runs its current G
        self.addr = 0  # this m's address in Go memory (new(mPadded)); set once
        self.exiting = False  # mexit ran: the M's thread ends after its loop; owner M
        self.allpSnapshot: list[p] | None = None  # allp as findRunnable saw it before dropping its P
        # The M sleeps inside a plain function's safepoint (preempt.py),
        # holding that G's Python frames; owner M.
        self.plainParked = False

    def __repr__(self) -> str:
        return f"<m {self.id}>"


class p:
    """A processor. Fields are owned by the P's current M unless marked."""

    __slots__ = (
        "id",
        "status",
        "link",
        "schedtick",
        "syscalltick",
        "sysmontick",
        "m",
        "mcache",
        "pcache",
        "deferpool",
        "goidcache",
        "goidcacheend",
        "runqhead",
        "runqtail",
        "runq",
        "runnext",
        "gFree",
        "sudogcache",
        "mspancache",
        "timers",
        "preempt",
        "gcStopTime",
        "oldm",
        "addr",
        "runqLock",
        "runSafePointFn",
    )

    def __init__(self) -> None:
        self.id = -1
        self.status = _Pgcstop
        self.link: p | None = None  # on sched.pidle; protected by sched.lock
        self.schedtick = 0  # incremented on every scheduler call
        self.syscalltick = 0  # incremented on every system call
        self.sysmontick = sysmontick()  # last ticks observed by sysmon; sysmon only
        self.m: m | None = None  # back-link to the associated M (None if idle)
        self.mcache: Any = None
        self.pcache: Any = None
        self.deferpool: list[Any] = []
        self.goidcache = 0
        self.goidcacheend = 0
        # The local run queue: a ring of 256, read without a lock by stealers
        # (runqhead/runqtail are accessed atomically), plus runnext.
        self.runqhead = 0
        self.runqtail = 0
        self.runq: list[g | None] = [None] * 256
        self.runnext: g | None = None  # may be CAS'd to None by other Ps
        self.gFree = gList()  # dead Gs
        self.sudogcache: list[int] = []  # sudog addresses
        self.mspancache: Any = None
        self.timers: Any = None  # this P's timer heap (time.py timers); set by (*p).init
        self.preempt = False  # the G on this P should enter the scheduler at once
        self.gcStopTime = 0  # nanotime when the P stopped for a stop-the-world
        self.oldm: m | None = None  # the M that last ran this P (procresize affinity)
        self.addr = 0  # this p's address in Go memory (new(p)); set once
        # Serialises the compare-and-swaps of runqhead and runnext by the
        # owner and by stealers (Go uses CAS instructions on them).
        self.runqLock = threading.Lock()
        self.runSafePointFn = 0  # 1 while a safe-point function is due on this P

    def __repr__(self) -> str:
        return f"<p {self.id} status={self.status}>"


class gList:
    """A LIFO list of Gs linked through g.schedlink (gList in proc.go)."""

    __slots__ = ("head", "size")

    def __init__(self) -> None:
        self.head: g | None = None
        self.size = 0

    def empty(self) -> bool:
        return self.head is None

    def push(self, gp: g) -> None:
        gp.schedlink = self.head
        self.head = gp
        self.size += 1

    def pushAll(self, q: gQueue) -> None:
        """Prepend all Gs of q (in q's order) to the list. q must not be used after."""
        if q.tail is not None:
            q.tail.schedlink = self.head
            self.head = q.head
            self.size += q.size

    def pop(self) -> g | None:
        gp = self.head
        if gp is not None:
            self.head = gp.schedlink
            self.size -= 1
        return gp


class gQueue:
    """A FIFO queue of Gs linked through g.schedlink (gQueue in proc.go)."""

    __slots__ = ("head", "tail", "size")

    def __init__(self) -> None:
        self.head: g | None = None
        self.tail: g | None = None
        self.size = 0

    def empty(self) -> bool:
        return self.head is None

    def push(self, gp: g) -> None:
        """Add gp to the head."""
        gp.schedlink = self.head
        self.head = gp
        if self.tail is None:
            self.tail = gp
        self.size += 1

    def pushBack(self, gp: g) -> None:
        gp.schedlink = None
        if self.tail is not None:
            self.tail.schedlink = gp
        else:
            self.head = gp
        self.tail = gp
        self.size += 1

    def pushBackAll(self, q: gQueue) -> None:
        if q.tail is None:
            return
        q.tail.schedlink = None
        if self.tail is not None:
            self.tail.schedlink = q.head
        else:
            self.head = q.head
        self.tail = q.tail
        self.size += q.size

    def pop(self) -> g | None:
        gp = self.head
        if gp is not None:
            self.head = gp.schedlink
            if self.head is None:
                self.tail = None
            self.size -= 1
        return gp


class sysmontick:
    """What sysmon last saw of a P (proc.go sysmontick). Sysmon only."""

    __slots__ = ("schedtick", "syscalltick", "schedwhen", "syscallwhen", "runqhead", "runnext")

    def __init__(self) -> None:
        self.runqhead = -1  # p.runqhead at the last look (gort: lazy wakeups)
        self.runnext: Any = None  # p.runnext at the last look
        self.schedtick = 0  # p.schedtick at the last look
        self.syscalltick = 0  # p.syscalltick at the last look
        self.schedwhen = 0  # nanotime when schedtick last changed
        self.syscallwhen = 0  # nanotime when syscalltick last changed


class schedt:
    """The global scheduler state (one instance: `sched`)."""

    __slots__ = (
        "goidgen",
        "lastpoll",
        "pollUntil",
        "lock",
        "midle",
        "nmidle",
        "nmidlelocked",
        "mnext",
        "maxmcount",
        "nmsys",
        "nmfreed",
        "ngsys",
        "pidle",
        "npidle",
        "nmspinning",
        "needspinning",
        "runq",
        "gFree",
        "gFreeLock",
        "gFreeStack",
        "gFreeNoStack",
        "sudoglock",
        "sudogcache",
        "deferlock",
        "freem",
        "gcwaiting",
        "stopwait",
        "stopnote",
        "sysmonwait",
        "sysmonnote",
        "sysmonlock",
        "safePointFn",
        "safePointWait",
        "procresizetime",
        "totaltime",
        "customGOMAXPROCS",
        "disable",
        "pollingNet",
        "nGsyscallNoP",
        "safePointNote",
    )

    def __init__(self) -> None:
        self.goidgen = Int()  # last goid handed to a P's cache
        self.lastpoll = Int()  # nanotime of the last network poll, 0 while an M polls
        self.pollUntil = Int()  # when the blocked netpoll should return (ns), 0 if none
        self.lock = mutex("sched")  # the scheduler lock
        self.midle: m | None = None  # idle Ms waiting for work; sched.lock
        self.nmidle = 0
        self.nmidlelocked = 0
        self.mnext = 0  # number of Ms created, and next M id; sched.lock
        self.maxmcount = 0
        self.nmsys = 0  # system Ms (sysmon, templates) not counted for deadlock
        self.nmfreed = 0
        self.ngsys = Int()  # system goroutines (forcegc, bgsweep, ...)
        self.pidle: p | None = None  # idle Ps; sched.lock
        self.npidle = Int()  # len(pidle); written under sched.lock, read without
        self.nmspinning = Int()  # Ms spinning for work
        self.needspinning = Int()  # 1 if a P was wanted by a spinning M and none was free
        self.runq = gQueue()  # global runnable queue; sched.lock
        self.gFree: Any = None
        self.gFreeLock = mutex("gFree")  # protects gFreeStack and gFreeNoStack
        self.gFreeStack = gList()  # dead Gs with stacks; gFreeLock
        self.gFreeNoStack = gList()  # dead Gs without stacks; gFreeLock
        self.sudoglock = mutex("sudog")  # protects sudogcache
        self.sudogcache = 0
        self.deferlock = mutex("defer")
        self.freem: m | None = None  # Ms waiting to be freed; sched.lock
        self.gcwaiting = Bool()  # a stop-the-world is in progress
        self.stopwait = 0  # Ps still to stop; sched.lock
        self.stopnote = note()  # the stopper of the world sleeps here
        self.sysmonwait = Bool()  # sysmon is in its deep sleep on sysmonnote
        self.sysmonnote = note()  # sysmon's deep sleep
        self.sysmonlock = mutex("sysmon")  # held by sysmon while it acts
        self.safePointFn: Any = None  # function each P runs at its next safe point
        self.safePointWait = 0
        self.procresizetime = 0  # nanotime of the last procresize
        self.totaltime = 0  # ∫gomaxprocs dt up to procresizetime
        self.customGOMAXPROCS = False  # GOMAXPROCS set by env or runtime.GOMAXPROCS; sched.lock
        self.disable: Any = None
        self.pollingNet = Int()  # 1 while an M runs a non-blocking netpoll in findRunnable
        self.nGsyscallNoP = Int()  # goroutines in syscalls without a P
        self.safePointNote = note()  # the caller of forEachP sleeps here


# --- globals (proc.go / runtime2.go) ------------------------------------------

sched = schedt()
m0 = m()
g0 = g()  # m0's g0
allm: m | None = None  # head of the list of all Ms (newest first); sched.lock
allp: list[p] = []  # len(allp) == gomaxprocs; allpLock / world stopped
allgs: list[g] = []  # allglock
gByAddr: dict[int, g] = {}  # g address in Go memory -> g; allglock
gomaxprocs = 0
ncpu = 0
mainStarted = False  # set by runtime.main; newproc calls wakep after this
runtimeInitTime = 0


# --- sudog: a G waiting on a channel or semaphore, in Go memory -----------------
# Offsets of the fields of runtime.sudog (104 bytes). Protected by the lock
# of the channel (or semaRoot) the sudog is queued on.
sudog_g = 0  # *g: the waiting goroutine (its address; gByAddr maps back)
sudog_next = 8  # *sudog
sudog_prev = 16  # *sudog
sudog_elem = 24  # maybeTraceablePtr{vp, vu}: data element, may point into a stack
sudog_elem_vu = 32
sudog_acquiretime = 40  # int64
sudog_releasetime = 48  # int64
sudog_ticket = 56  # uint32
sudog_isSelect = 60  # bool
sudog_success = 61  # bool: woken by a value (true) or by close (false)
sudog_waiters = 62  # uint16
sudog_parent = 64  # *sudog: semaRoot binary tree
sudog_waitlink = 72  # *sudog: g.waiting list or semaRoot
sudog_waittail = 80  # *sudog: semaRoot
sudog_c = 88  # maybeTraceableChan{vp, vu}
sudog_c_vu = 96

# sudog address -> a view of its 13 words (`sudogViews[sg][sudog_elem >> 3]`
# is sg.elem), made once by acquireSudog when it allocates the sudog: the
# hot paths index it by constants, as they do an hchan's view (chan.py).
# Sudogs are never freed (the caches keep them); a view is a window onto
# the address range, so it would stay right whatever lived there later.
sudogViews: dict[int, memoryview[int]] = {}
