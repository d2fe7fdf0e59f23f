"""The runtime's constants, in one place, with their Go values and sources.

Every number here is the linux/amd64 value of Go 1.27.3 unless a comment
says "seed", which marks the value the seed article's runtime (Go 1.13/1.14)
used where gort follows the seed.
"""

from __future__ import annotations

# --- machine (internal/goarch) -------------------------------------------
PtrSize = 8  # goarch.PtrSize
RegSize = 8
PCQuantum = 1  # goarch.PCQuantum
MinFrameSize = 0  # goarch.MinFrameSize

# --- pages and arenas (malloc.go, mheap.go) -------------------------------
PageShift = 13  # gc.PageShift
PageSize = 1 << PageShift  # 8192
PageMask = PageSize - 1
heapAddrBits = 48
maxAlloc = 1 << heapAddrBits
logHeapArenaBytes = 26
heapArenaBytes = 1 << logHeapArenaBytes  # 64 MiB
heapArenaWords = heapArenaBytes // PtrSize
pagesPerArena = heapArenaBytes // PageSize  # 8192
arenaL1Bits = 0
arenaL2Bits = heapAddrBits - logHeapArenaBytes - arenaL1Bits  # 22
arenaL1Shift = arenaL2Bits
arenaBits = arenaL1Bits + arenaL2Bits
arenaBaseOffset = 0xFFFF800000000000  # arenaIndex(p) = (p - arenaBaseOffset) / heapArenaBytes
minPhysPageSize = 4096
maxPhysPageSize = 512 << 10
minLegalPointer = 4096
# The first arena hint: Go's is 0x00c0 << 32 (0x00c000000000); gort's is
# 0x00c0 << 20 (0x0c000000), so that heap addresses fit in one digit of a
# Python int (docs/design/0004-low-arena-hint.md).
arenaHintBase = 0x00C0 << 20

# --- size classes and malloc (sizeclasses.go, malloc.go) -------------------
MaxSmallSize = 32768
SmallSizeDiv = 8
SmallSizeMax = 1024
LargeSizeDiv = 128
TinySize = 16  # maxTinySize
TinySizeClass = 2
MinSizeForMallocHeader = PtrSize * 64  # 512
MallocHeaderSize = 8
FixAllocChunk = 16 << 10  # _FixAllocChunk
persistentChunkSize = 256 << 10
gcBitsChunkBytes = 64 << 10

# --- stacks (stack.go, internal/abi/stack.go) ------------------------------
stackSystem = 0
stackMin = 2048
fixedStack = 2048
StackNosplitBase = 800
StackGuardMultiplier = 1
stackNosplit = StackNosplitBase * StackGuardMultiplier  # 800
StackSmall = 128
StackBig = 4096
stackGuard = stackNosplit + stackSystem + StackSmall  # 928
NumStackOrders = 4  # _NumStackOrders: 2, 4, 8, 16 KiB
StackCacheSize = 32 << 10  # _StackCacheSize
stackPreempt = 0xFFFFFFFFFFFFFADE
stackFork = 0xFFFFFFFFFFFFFB2E
stackForceMove = 0xFFFFFFFFFFFFFEED
maxstacksize_boot = 1 << 20  # until runtime.main raises it
maxstacksize_main = 1_000_000_000
maxstackceiling_main = 2_000_000_000
g0StackSize = 64 << 10  # m0's g0: the window below the entry SP (rt0_go)
mg0StackSize = 16384 * StackGuardMultiplier  # allocm: malg(16384 * StackGuardMultiplier)
gsignalStackSize = 32 << 10  # mpreinit: malg(32 * 1024)

# --- scheduler (proc.go, runtime2.go) -------------------------------------
maxmcount = 10000
runqSize = 256  # len(p.runq)
schedFairnessTicks = 61  # findRunnable: pp.schedtick%61 == 0
stealTries = 4
GoidCacheBatch = 16  # _GoidCacheBatch
gfreeLocalMax = 64  # gfput: spill at 64 ...
gfreeLocalKeep = 32  # ... down to 31 kept; gfget refills up to 32
sudogbufSize = 128
deferpoolbufSize = 32
gTrackingPeriod = 8
yieldDelay = 5 * 1000  # casgstatus: 5 µs in ns
forcePreemptNS = 10 * 1000 * 1000  # 10 ms
forcegcperiod = 2 * 60 * 1000 * 1000 * 1000  # 2 minutes in ns
sysmonMinDelay = 20  # µs
sysmonMaxDelay = 10 * 1000  # µs

# --- GC knobs (mgcpacer.go, mgc.go) ----------------------------------------
defaultGOGC = 100
defaultHeapMinimum = 4 << 20
sweepMinHeapDistance = 1 << 20

# --- sizes of runtime structs in Go memory (linux/amd64, Go 1.27.3) ----------
# Measured from the DWARF of a gc-built binary by tools/gosizes (`go build`,
# then `gosizes BINARY runtime.g ...`).
sizeof_g = 456
sizeof_m = 1832
sizeof_mPadded = 2048 - MallocHeaderSize  # mPadded pads m to fill its size class
sizeof_p = 15920
sizeof_sudog = 104
sizeof_hchan = 112
sizeof_mspan = 160
sizeof_mcache = 2296
sizeof_schedt = 6872
sizeof_defer = 48
sizeof_panic = 96
sizeof_itab = 32
