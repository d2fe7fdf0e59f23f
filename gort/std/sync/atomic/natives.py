"""Natives of Go package sync/atomic: atomic operations on Go memory (doc.go, doc_64.go).

gc compiles these to single instructions (LOCK XADD, CMPXCHG...), and so
does gort's compiler, mostly: a static call of a sync/atomic function, or
of a method of Int32, Int64, Uint32, Uint64, Uintptr, Bool or Pointer[T],
becomes a typed-view load or store or a call of gort.runtime.atomic's word
operation at the call site (gort/cmd/compile/intrinsics.py). These natives
serve the calls that are not static: function values, method values,
interface calls, `go` and `defer`, the methods of Value (Go code over
them), and promoted-method wrappers. Each read-modify-write of a word of Go
memory is atomic through gort.runtime.atomic (unsigned results come from it
in range); plain loads and stores of one aligned word are single operations
for the interpreter. Results are Go values: int32/int64 signed,
uint32/uint64/uintptr unsigned, pointers addresses."""

from __future__ import annotations

from typing import Any

from gort.runtime import atomic as A  # noqa: N812
from gort.runtime.unsafe import U32, U64

M32 = 0xFFFFFFFF
M64 = 0xFFFFFFFFFFFFFFFF


def _s32(v: int) -> int:
    v &= M32
    return v - (1 << 32) if v >= 1 << 31 else v


def _s64(v: int) -> int:
    v &= M64
    return v - (1 << 64) if v >= 1 << 63 else v


# --- Int32 ---


def F_SwapInt32(gp: Any, addr: int, new: int) -> int:
    return _s32(A.Xchg32(addr, new & M32))


def F_CompareAndSwapInt32(gp: Any, addr: int, old: int, new: int) -> bool:
    return A.Cas32(addr, old & M32, new & M32)


def F_LoadInt32(gp: Any, addr: int) -> int:
    return _s32(U32[addr >> 2])


def F_StoreInt32(gp: Any, addr: int, val: int) -> None:
    U32[addr >> 2] = val & M32


def F_AddInt32(gp: Any, addr: int, delta: int) -> int:
    return _s32(A.Xadd32(addr, delta))


def F_AndInt32(gp: Any, addr: int, mask: int) -> int:
    """Returns the old value."""
    return _s32(A.And32(addr, mask & M32))


def F_OrInt32(gp: Any, addr: int, mask: int) -> int:
    """Returns the old value."""
    return _s32(A.Or32(addr, mask & M32))

# --- Uint32 ---


def F_SwapUint32(gp: Any, addr: int, new: int) -> int:
    return A.Xchg32(addr, new & M32)


def F_CompareAndSwapUint32(gp: Any, addr: int, old: int, new: int) -> bool:
    return A.Cas32(addr, old & M32, new & M32)


def F_LoadUint32(gp: Any, addr: int) -> int:
    return U32[addr >> 2]


def F_StoreUint32(gp: Any, addr: int, val: int) -> None:
    U32[addr >> 2] = val & M32


def F_AddUint32(gp: Any, addr: int, delta: int) -> int:
    return A.Xadd32(addr, delta)


def F_AndUint32(gp: Any, addr: int, mask: int) -> int:
    """Returns the old value."""
    return A.And32(addr, mask & M32)


def F_OrUint32(gp: Any, addr: int, mask: int) -> int:
    """Returns the old value."""
    return A.Or32(addr, mask & M32)

# --- Int64 ---


def F_SwapInt64(gp: Any, addr: int, new: int) -> int:
    return _s64(A.Xchg64(addr, new & M64))


def F_CompareAndSwapInt64(gp: Any, addr: int, old: int, new: int) -> bool:
    return A.Cas64(addr, old & M64, new & M64)


def F_LoadInt64(gp: Any, addr: int) -> int:
    return _s64(U64[addr >> 3])


def F_StoreInt64(gp: Any, addr: int, val: int) -> None:
    U64[addr >> 3] = val & M64


def F_AddInt64(gp: Any, addr: int, delta: int) -> int:
    return _s64(A.Xadd64(addr, delta))


def F_AndInt64(gp: Any, addr: int, mask: int) -> int:
    """Returns the old value."""
    return _s64(A.And64(addr, mask & M64))


def F_OrInt64(gp: Any, addr: int, mask: int) -> int:
    """Returns the old value."""
    return _s64(A.Or64(addr, mask & M64))

# --- Uint64 ---


def F_SwapUint64(gp: Any, addr: int, new: int) -> int:
    return A.Xchg64(addr, new & M64)


def F_CompareAndSwapUint64(gp: Any, addr: int, old: int, new: int) -> bool:
    return A.Cas64(addr, old & M64, new & M64)


def F_LoadUint64(gp: Any, addr: int) -> int:
    return U64[addr >> 3]


def F_StoreUint64(gp: Any, addr: int, val: int) -> None:
    U64[addr >> 3] = val & M64


def F_AddUint64(gp: Any, addr: int, delta: int) -> int:
    return A.Xadd64(addr, delta)


def F_AndUint64(gp: Any, addr: int, mask: int) -> int:
    """Returns the old value."""
    return A.And64(addr, mask & M64)


def F_OrUint64(gp: Any, addr: int, mask: int) -> int:
    """Returns the old value."""
    return A.Or64(addr, mask & M64)

# --- Uintptr ---


def F_SwapUintptr(gp: Any, addr: int, new: int) -> int:
    return A.Xchg64(addr, new & M64)


def F_CompareAndSwapUintptr(gp: Any, addr: int, old: int, new: int) -> bool:
    return A.Cas64(addr, old & M64, new & M64)


def F_LoadUintptr(gp: Any, addr: int) -> int:
    return U64[addr >> 3]


def F_StoreUintptr(gp: Any, addr: int, val: int) -> None:
    U64[addr >> 3] = val & M64


def F_AddUintptr(gp: Any, addr: int, delta: int) -> int:
    return A.Xadd64(addr, delta)


def F_AndUintptr(gp: Any, addr: int, mask: int) -> int:
    """Returns the old value."""
    return A.And64(addr, mask & M64)


def F_OrUintptr(gp: Any, addr: int, mask: int) -> int:
    """Returns the old value."""
    return A.Or64(addr, mask & M64)

# --- Pointer ---


def F_SwapPointer(gp: Any, addr: int, new: int) -> int:
    return A.Xchg64(addr, new & M64)


def F_CompareAndSwapPointer(gp: Any, addr: int, old: int, new: int) -> bool:
    return A.Cas64(addr, old & M64, new & M64)


def F_LoadPointer(gp: Any, addr: int) -> int:
    return U64[addr >> 3]


def F_StorePointer(gp: Any, addr: int, val: int) -> None:
    U64[addr >> 3] = val & M64


# --- value.go's pins ---


# go: runtime/proc.go sync_atomic_runtime_procPin
def F_runtime_procPin(gp: Any) -> int:
    """Pin the goroutine to its P (no preemption) and return the P's id."""
    mp = gp.m
    mp.locks += 1
    return int(mp.p.id)


# go: runtime/proc.go sync_atomic_runtime_procUnpin
def F_runtime_procUnpin(gp: Any) -> None:
    gp.m.locks -= 1
